/**
 * Every other figure of a paragraph: what the recurring-statement reader (`extractNarrative`) did
 * not take becomes a fact described by its own sentence (subject, predicate, qualifiers, period):
 * counts of things built, served or supported, activity amounts in 亿元 or 万美元, rates, the
 * weights and scores of indicators written out in prose.
 */
import type { Measure } from "./types.js";
import { flattenedRow, readClause } from "./_clause.js";
import type { NarrativeContext, NarrativeDraft, NarrativeInput } from "./_narrative.js";
import { describeFigure, isCounter, leadingTopic, qualifierWords, type DescribeContext } from "./_quantity.js";
import { inAside, isLimit, isWeight, spans, statedLimit } from "./_sentence.js";
import { lineAt, normalizeWithMap, origin, scanFigures, type FigureToken } from "./_text.js";

/**
 * The figures of `p`: `claimed` (the recurring-statement drafts of the same paragraph), with the
 * free counts among them described by their sentence, and every figure they left out.
 */
export function extractQuantities(p: NarrativeInput, ctx: NarrativeContext, claimed: readonly NarrativeDraft[]): NarrativeDraft[] {
  const n = normalizeWithMap(p.text);
  const s = n.s;
  const figures = scanFigures(s);
  const byAt = new Map<number, NarrativeDraft>();
  for (const d of claimed) if (d.at !== undefined && !byAt.has(d.at)) byAt.set(d.at, d);
  const section = (p.sectionPath[p.sectionPath.length - 1] ?? "").replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.]\s*/, "");
  const out: NarrativeDraft[] = claimed.filter((d) => d.at === undefined);
  for (const [a, b] of spans(s, 0, s.length, /[。;!?]/g, figures)) {
    const start = out.length;
    const quote = p.text.slice(origin(n, a), origin(n, b - 1) + 1).trim();
    let previous: DescribeContext["previous"] = null;
    const firstFigure = figures.find((f) => f.start >= a && f.start < b);
    const lead = firstFigure ? leadingTopic(s.slice(a, firstFigure.start), { departmentNames: ctx.departmentNames, year: ctx.year ?? null, previous: null }) : null;
    // A score stated without its own subject ("…执行率100%,总分20分,得20分") is the part the
    // sentence opens with, else the part the section is about ("1.执行率情况" → 执行率).
    const part = section.replace(/(完成)?情况$/, "");
    let topic = lead;
    for (const [c, d] of spans(s, a, b, /[,:、]/g, figures, true)) {
      let from = c;
      let last: FigureToken | null = null;
      for (const f of figures.filter((x) => x.start >= c && x.start < d)) {
        const prefix = s.slice(from, f.start);
        // A limit stays in the next figure's words: "推动10亿元以上重点项目174个".
        if (!isLimit(s, f)) from = f.unitEnd;
        const open = s.lastIndexOf("(", f.start);
        const aside = last && open >= last.unitEnd && !s.slice(open, f.start).includes(")") && f.start - open <= 12 ? s.slice(open + 1, f.start) : undefined;
        last = f;
        const scoreTopic = f.unit === "分" && !lead && part.length >= 2 && part.length <= 12 ? part : topic;
        const dctx: DescribeContext = { departmentNames: ctx.departmentNames, year: ctx.year ?? null, previous, ...(scoreTopic ? { topic: scoreTopic } : {}), ...(lead ? { lead } : {}), ...(aside !== undefined && !inAside(s, f) ? { aside } : {}) };
        const mine = byAt.get(f.start);
        if (mine) {
          const own = claimed.filter((x) => x.at === f.start).map((x) => (free(x) ? asideOf(s, f, revise(x, readFigure(s, a, d, f, prefix, dctx))) : counted(x)));
          out.push(...own);
          const first = own[0] ?? mine;
          previous = { subject: first.subject, predicate: first.predicate ?? null, count: isCounter(first.unit) };
          topic ??= first.subject;
          continue;
        }
        // A limit bounds the noun phrase it stands in ("10亿元以上重点项目"); that phrase's figure carries it.
        if (isLimit(s, f)) continue;
        // "(30分)指标实际利用外资金额12亿元14亿元…": a 绩效 table flattened into one line says nothing by sentence.
        if (flattenedRow(prefix)) continue;
        const read = readFigure(s, a, d, f, prefix, dctx);
        const draft = read ? asideOf(s, f, read) : null;
        if (!draft) continue;
        const subject = draft.subject || previous?.subject || ctx.projectBefore || section;
        if (!subject) continue;
        // A part's score names the project it belongs to.
        const withProject = f.unit === "分" && ctx.projectBefore && subject !== ctx.projectBefore ? { qualifier: [...draft.qualifier, ctx.projectBefore], facet: `${draft.facet}/${ctx.projectBefore}` } : {};
        out.push({ ...draft, ...withProject, subject, line: lineAt(p.lineMap, origin(n, f.start), p.line), quote });
        previous = { subject, predicate: draft.predicate ?? null, count: isCounter(f.unit) };
        topic ??= subject;
      }
    }
    // "预算数为 0,因此…": a zero stated without a unit keeps none.
    for (const m of s.slice(a, b).matchAll(/(?<=[为是])0(?![\d.%]|,\d)(?=[,;。、)]|$)/g)) {
      const at = a + (m.index ?? 0);
      if (figures.some((f) => f.start === at)) continue;
      const clauseStart = Math.max(s.lastIndexOf(",", at), s.lastIndexOf(":", at), a - 1) + 1;
      const head = s.slice(clauseStart, at).replace(/[为是]$/, "");
      const subject = head.replace(/^(因此|因为|所以|其中|但|而)/, "");
      if (!/[\u4e00-\u9fff]{2}/.test(subject)) continue;
      const measure: Measure = /预算/.test(head) ? "预算" : /决算|支出/.test(head) ? "决算" : "数量";
      out.push({ subject, item: null, classPath: null, classCode: null, measure, qualifier: [], facet: "", scope: null, value: "0", unit: "", raw: "0", at, line: lineAt(p.lineMap, origin(n, at), p.line), quote });
    }
    out.splice(start, out.length - start, ...carryDomain(shareListPredicates(s, out.slice(start))));
  }
  return out;
}

// "发生国内接待1次,接待人数共13人": the domain (国内, 外事) a sentence states holds for its later counts
// of the same receptions or trips.
function carryDomain(drafts: readonly NarrativeDraft[]): NarrativeDraft[] {
  let domain: string | null = null;
  return drafts.map((d) => {
    const own = d.qualifier.find((q) => q === "国内" || q === "外事") ?? null;
    if (own) domain = own;
    if (own || !domain || !isCounter(d.unit) || !/接待|来访|出国|出访|团组|人数|人次|外宾/.test(`${d.subject}${d.predicate ?? ""}`)) return d;
    return { ...d, qualifier: [...d.qualifier, domain], facet: `${d.facet}/${domain}` };
  });
}

// "共设置8个产出指标、4个效益指标和1个满意度指标", "本年6个产出指标、4个效益指标和1个满意度指标达到
// 预期": counts listed one after another share the list's predicate (stated after its last noun, or
// before its first).
function shareListPredicates(s: string, drafts: readonly NarrativeDraft[]): NarrativeDraft[] {
  const chains: NarrativeDraft[][] = [];
  let prev: NarrativeDraft | null = null;
  for (const d of drafts) {
    const between = prev?.at !== undefined && d.at !== undefined ? s.slice(prev.at, d.at) : null;
    const listed = prev !== null && isCounter(prev.unit) && isCounter(d.unit) && between !== null && /^[\d.,]+[^\d,;。]{0,30}?(、|和|及|与|以及)$/.test(between);
    if (listed) chains[chains.length - 1]?.push(d);
    else chains.push([d]);
    prev = d;
  }
  return chains.flatMap((chain) => {
    const last = chain[chain.length - 1];
    if (chain.length < 2 || !last) return chain;
    const shared = (last.predicateAfter ? last.predicate : chain[0]?.predicate) ?? null;
    if (!shared) return chain;
    return chain.map((d) => (d.predicate === shared || (d.predicateAfter && d !== last) ? d : { ...d, predicate: shared, facet: [shared, ...d.qualifier].join("/") }));
  });
}

type Read = Omit<NarrativeDraft, "line" | "quote">;

// A count the recurring-statement reader named by the words before it ("高质量推进25项…事项"):
// not an item, a 科目, a sum of money, a rate (its base is read there), a score or an indicator's value.
function free(d: NarrativeDraft): boolean {
  if (d.item !== null || d.classPath !== null || d.classCode !== null || d.unit === "万元" || d.unit === "元" || d.unit === "%" || d.measure === "得分") return false;
  return !d.qualifier.some((q) => q === "目标值" || q === "实际完成值") && !/^(内设|下属单位)/.test(d.subject);
}

// A recurring count (团组, 人次, 车辆) states its qualifiers in its own name: "接待国外来访团组" → 外事,
// "公务用车保有量" → 保有, "公务用车购置数" → 购置.
function counted(d: NarrativeDraft): NarrativeDraft {
  if (!isCounter(d.unit)) return d;
  const add = qualifierWords(d.subject).filter((q) => !d.qualifier.includes(q));
  return add.length === 0 ? d : { ...d, qualifier: [...d.qualifier, ...add] };
}

function revise(d: NarrativeDraft, r: Read | null): NarrativeDraft {
  if (!r || r.subject === "") return d;
  const qualifier = [...new Set([...d.qualifier, ...r.qualifier])];
  const { predicate: _p, period: _q, ...rest } = d;
  return {
    ...rest,
    subject: r.subject,
    measure: r.measure,
    qualifier,
    facet: [r.predicate ?? "", ...qualifier].join("/"),
    ...(r.predicate ? { predicate: r.predicate } : {}),
    ...(r.period ? { period: r.period } : {}),
  };
}

function readFigure(s: string, a: number, d: number, f: FigureToken, prefix: string, ctx: DescribeContext): Read | null {
  const rest = s.slice(f.unitEnd, d);
  const reading = readClause(prefix, f.unit, s.slice(a, f.start - prefix.length));
  const desc = describeFigure(f, prefix, rest, s.slice(a, f.start), ctx);
  const qualifier = unique([
    ...(isWeight(s, f) ? ["分值"] : []),
    ...(statedLimit(s, f) ? [statedLimit(s, f) ?? ""] : []),
    ...reading.qualifier.filter((q) => q !== "无主语比率"),
    ...desc.qualifiers,
  ]);
  const measure: Measure = isWeight(s, f) ? "得分" : reading.measure;
  const value = reading.sign === -1 && f.value !== "0" ? `-${f.value}` : f.value;
  return {
    subject: desc.subject,
    item: null,
    classPath: null,
    classCode: null,
    measure,
    qualifier,
    facet: [desc.predicate ?? "", ...qualifier].join("/"),
    scope: null,
    value,
    unit: f.unit,
    raw: f.raw,
    at: f.start,
    ...(desc.predicate ? { predicate: desc.predicate } : {}),
    ...(desc.period ? { period: desc.period } : {}),
    ...(desc.predicateAfter ? { predicateAfter: true } : {}),
  };
}

// "(不包括陪同人员:3人次)" → 陪同人员.
function asideNoun(s: string, f: FigureToken): string | null {
  const open = s.lastIndexOf("(", f.start);
  const m = /^\((?:不包括|不含|不计)([^:,()]{2,12})/.exec(s.slice(open, f.start));
  return m?.[1] ?? null;
}

// "13人次(不包括陪同人员:3人次)": the aside counts the escorts, which the figure before leaves out;
// "(含下属单位 0 个)" counts what the phrase before includes.
function asideOf<D extends Read>(s: string, f: FigureToken, d: D): D {
  const excluded = inAside(s, f) ? asideNoun(s, f) : null;
  if (excluded) return { ...d, subject: excluded, qualifier: ["未计入"], facet: "未计入" };
  const included = includedNoun(s, f);
  return included ? { ...d, subject: included, qualifier: ["含"], facet: `${d.predicate ?? ""}/含` } : d;
}

// "(含下属单位 0 个)" → 下属单位.
function includedNoun(s: string, f: FigureToken): string | null {
  const open = s.lastIndexOf("(", f.start);
  if (open < 0 || f.start - open > 16 || s.slice(open, f.start).includes(")")) return null;
  return /^\(含([^:,()\d]{2,12})$/.exec(s.slice(open, f.start))?.[1] ?? null;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x !== ""))];
}
