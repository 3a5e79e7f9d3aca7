/**
 * What one narrative figure says, read from its sentence: the noun phrase it quantifies (subject),
 * the verb stating what was done (predicate), qualifier words and the period when stated.
 * "签约欧资项目46个、金额75.4亿元" → (欧资项目, 签约, 46个), (欧资项目金额, 签约, 75.4亿元);
 * "组织对7个一般公共预算项目支出开展绩效自评" → (一般公共预算项目, 开展绩效自评, 7个).
 * Works on normalised text (see `normalizeWithMap`).
 */
import { COUNT_UNITS } from "../core/money.js";
import { bareMeasure, cleanSubject } from "./_clause.js";
import { ATTRIBUTES, ATTRIBUTE_TAIL, NOUN_COMPOUNDS, NOUN_STOPS, PERIODS, PREDICATES, PREDICATE_LEADS, QUALIFIER_WORDS } from "./_lexicon.js";
import type { FigureToken } from "./_text.js";

/** The descriptor of a figure. */
export interface Description {
  readonly subject: string;
  readonly predicate: string | null;
  readonly qualifiers: readonly string[];
  readonly period: string | null;
  /** True when the predicate follows the counted noun ("…满意度指标达到预期"): a list before it shares it. */
  readonly predicateAfter?: boolean;
}

/** What the reader needs besides the text. */
export interface DescribeContext {
  readonly departmentNames: readonly string[];
  readonly year: number | null;
  /** The subject of the figure stated just before in the same sentence, if any. */
  readonly previous: { readonly subject: string; readonly predicate: string | null; readonly count: boolean } | null;
  /** What the sentence is about: its leading noun phrase, or the subject of its first figure. */
  readonly topic?: string;
  /** The noun phrase the sentence opens with before its first verb ("年度目标1共设置…"), a context of its counts. */
  readonly lead?: string;
  /** The words before the figure inside a bracket that follows the previous figure ("1880个(集采319个)" → "集采"). */
  readonly aside?: string;
}

/** True when a unit counts things (a noun may follow it: "7个项目"). */
export function isCounter(unit: string): boolean {
  const base = /^[万亿]./.test(unit) ? unit.slice(1) : unit;
  return (COUNT_UNITS as readonly string[]).includes(base) && !/^(天|小时|个月|周|年|倍|学时|课时|人天)$/.test(base);
}

// How something was done, not what: "线上对接332家" counts the enterprises named before.
const MANNER = /^(线上|线下|实地|现场|上门|集中|联合|分别|先后|陆续|新|再|多次|全年|年内|其中|另|另外|共同|主动|入户|电话|视频|远程|异地|跨省|省内)$/;

// Nouns that make the verb before them part of an organisation's or a facility's name.
const ORG_NOUN = /^(专班|中心|平台|系统|机制|工作站|小组|办公室|窗口|专区|基地|园区|大厅)/;

interface Verb {
  readonly verb: string;
  readonly at: number;
  readonly end: number;
  readonly final: boolean;
}

/**
 * The predicate verb of `text` (a clause up to a figure): the last verb that is introduced (by the
 * clause start, an adverb such as 共/累计, another verb, a leading 为/对/会同… phrase, or by
 * standing right before the figure). "共召开市级落地服务调度会" → 召开; "政府采购项目" and
 * "项目签约总额" hold no predicate (a noun compound, a nominal amount).
 */
export function findPredicate(text: string): Verb | null {
  const led = ledVerbs(text);
  return led[led.length - 1] ?? null;
}

// The introduced verbs of a clause, in order.
function ledVerbs(text: string): Verb[] {
  const verbs = verbsIn(text);
  const pp = /^(为|对|向|给|在|与|同|会同|通过|围绕|依托|按照|根据|针对|结合|配合|协助|联合|面向|按)/.test(text);
  const led = verbs.filter(
    (v, i) =>
      v.at === 0 ||
      v.end === text.length ||
      /[,;:、。()]$/.test(text.slice(0, v.at)) ||
      PREDICATE_LEADS.test(text.slice(Math.max(0, v.at - 14), v.at)) ||
      (i > 0 && verbs[i - 1]?.end === v.at) ||
      (pp && i === 0),
  );
  return led;
}

function verbsIn(text: string): Verb[] {
  const found: Verb[] = [];
  for (const p of PREDICATES) {
    for (const [at, end] of spansOf(text, p.verb)) found.push({ verb: p.verb, at, end, final: p.final === true });
  }
  const compounds = NOUN_COMPOUNDS.flatMap((c) => spansOf(text, c));
  const verbs = found
    // The longest verb at a place ("新增" over "增"), none inside a noun compound.
    .filter((v) => !found.some((o) => o !== v && o.at <= v.at && o.end >= v.end && o.end - o.at > v.end - v.at))
    .filter((v) => !compounds.some(([a, b]) => a <= v.at && b >= v.end))
    .sort((a, b) => a.at - b.at);
  return verbs.filter((v, i) => {
    const next = verbs[i + 1];
    const object = text.slice(v.end, next ? next.at : text.length).replace(/[为达是:,]+$/, "");
    // "项目签约总额", "交易额": the verb is part of a noun naming an amount; "帮办代办专班": of an organisation.
    return !(object !== "" && ATTRIBUTES.test(object)) && !(v.at > 0 && /^(额|量|数|率)/.test(object)) && !ORG_NOUN.test(object);
  });
}

function spansOf(text: string, word: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return out;
    out.push([at, at + word.length]);
    from = at + 1;
  }
}

/**
 * The noun a counter counts when it follows the figure ("7个一般公共预算项目支出开展…" →
 * 一般公共预算项目), with the words after it; null when the figure ends its phrase.
 */
export function nounAfter(rest: string): { noun: string; after: string } | null {
  if (!/^[\u4e00-\u9fff“"]/.test(rest) || NOUN_STOPS.test(rest)) return null;
  let end = 0;
  let quoted = false;
  while (end < rest.length) {
    const tail = rest.slice(end);
    const ch = rest[end] ?? "";
    if (ch === "“") quoted = true;
    else if (ch === "”") quoted = false;
    else if (!quoted) {
      if (/^[,;:、。!?()\s]/.test(tail)) break;
      if (end >= 2 && NOUN_STOPS.test(tail)) break;
      if (end >= 2 && startsWithVerb(rest, end)) break;
    }
    end += 1;
  }
  // "项目支出": what is counted is the projects, not their money.
  let noun = rest
    .slice(0, end)
    .replace(/(?<=.{2})(支出|资金|经费|金额)$/, "")
    .replace(/(?<=.{2})(具体|分别|共同|统一|全部)$/, "")
    .replace(/[“"]$/, "");
  // "下属0个单位公务用车保有量为0辆": an organisation counted, then what it has.
  const org = /^(单位|部门|科室|处室|机构|二级单位|下属单位)(?=.)/.exec(noun);
  if (org) {
    end = org[0].length;
    noun = org[0];
  }
  if (noun.length < 2 || !/[\u4e00-\u9fff]{2}/.test(noun)) return null;
  return { noun, after: rest.slice(end) };
}

function startsWithVerb(text: string, at: number): boolean {
  const tail = text.slice(at);
  const p = PREDICATES.find((v) => tail.startsWith(v.verb));
  if (!p) return false;
  // Not when the verb begins a noun compound ("…重点产业招商地图", "…企业服务中心").
  return !NOUN_COMPOUNDS.some((c) => spansOf(text, c).some(([a, b]) => a <= at && b > at));
}

/** The predicate a counted noun's clause states after it: "…项目支出开展绩效自评" → 开展绩效自评. */
function predicateAfter(after: string): string | null {
  const t = after.replace(/^(的|均|已|全部|共同|都)/, "");
  // The predicate's own words, up to a clause mark or the next figure ("出国团组0个" is not one).
  const clause = (t.split(/[,;:。、]/)[0] ?? "").replace(/[为是]?\d.*$/, "");
  // The verb right after the counted noun is its predicate ("22家企业完成了企业规模认证").
  const v = ledVerbs(clause)[0];
  if (!v) return null;
  const phrase = clause.slice(v.at).replace(/了|过/g, "").replace(/\((如有|如适用)\)/g, "");
  return phrase.length <= 12 ? phrase : v.verb;
}

/** The predicate of a figure stated by the recurring-statement reader: the verb before it, else one after it. */
export function predicateOf(prefix: string, rest: string): string | null {
  return findPredicate(trimFillers(prefix))?.verb ?? (/^[\u4e00-\u9fff]/.test(rest) ? predicateAfter(rest) : null);
}

/**
 * Describes a figure: `prefix` is the clause text from its start (or the previous figure) up to
 * the figure, `rest` the clause text after the unit, `sentenceBefore` the sentence up to the figure.
 */
export function describeFigure(f: FigureToken, prefix: string, rest: string, sentenceBefore: string, ctx: DescribeContext): Description {
  const period = periodOf(sentenceBefore);
  if (ctx.aside !== undefined && ctx.previous) {
    // "市本级政府采购项目1880个(集采319个)", "24项(年度目标20项)": a part or the target of the figure before.
    const qualifiers = qualifiersOf(ctx.aside, f, prefix, rest);
    const words = bare(ctx.aside, ctx);
    if (words !== "" && !qualifiers.length) qualifiers.push(words);
    return { subject: ctx.previous.subject, predicate: ctx.previous.predicate, qualifiers, period };
  }
  // "24项(年度目标20项)政务服务…事项": the aside stands between the count and its noun.
  const counted = isCounter(f.unit) ? nounAfter(rest.replace(/^\([^()]*\)/, "")) : null;
  const qualifiers: string[] = qualifiersOf(counted ? `${prefix}${counted.noun}` : prefix, f, prefix, rest);
  // "其中,应急保障用车6辆": a part of the figure before.
  if (!qualifiers.includes("其中") && /其中[,:]?$/.test(sentenceBefore.slice(0, sentenceBefore.length - prefix.length))) qualifiers.push("其中");
  if (counted) {
    const before = findPredicate(trimFillers(prefix));
    const after = predicateAfter(counted.after);
    // The counted noun as written: "单位" is what is counted, not the department's self-reference.
    const noun = clean(counted.noun, ctx) || counted.noun;
    if (ctx.lead && ctx.lead !== noun && !noun.includes(ctx.lead) && ctx.lead.length <= 12) qualifiers.push(ctx.lead);
    return { subject: noun, predicate: after ?? (before ? serial(trimFillers(prefix), before) : null), qualifiers, period, ...(after ? { predicateAfter: true } : {}) };
  }
  const head = trimFillers(prefix);
  // "推动中小企业发展(2分)": an indicator's name is a label, read whole.
  if (prefix.endsWith("(") && f.unit === "分") return { subject: bare(head.replace(/\($/, ""), ctx), predicate: null, qualifiers, period };
  let subject = "";
  let predicate: string | null = null;
  // The last introduced verb that leaves a subject: "为…活动提供交易场所服务2495场次" is 提供, not 服务.
  const led = ledVerbs(head);
  for (let k = led.length - 1; k >= 0; k -= 1) {
    const verb = led[k] as Verb;
    const object = bare(head.slice(verb.end), ctx);
    // "完成“小进限”企业入库99家": the subject stands between the verbs.
    const from = k > 0 ? (led[k - 1]?.end ?? 0) : 0;
    const before = bare(head.slice(from, verb.at), ctx).replace(/(实现|完成|达到|达|为)$/, "");
    // "发生国内接待1次": a domain word and the verb name the thing counted.
    if (object === "" && /^(国内|国外|境外|境内|外事|外宾|对外|异地)$/.test(before)) {
      subject = `${before}${verb.verb}`;
      predicate = k > 0 ? (led[k - 1]?.verb ?? null) : null;
      break;
    }
    if (object !== "" && !ATTRIBUTES.test(object)) subject = object;
    else if (object !== "") subject = joinAttribute(before, object, ctx);
    else if (verb.final || (before !== "" && !MANNER.test(before))) subject = before || bare(head.slice(0, verb.at), ctx);
    else if (ctx.previous) {
      // "其中,接待411家、线上对接332家": the verb's object is the noun just counted.
      subject = ctx.previous.subject;
      if (before !== "") qualifiers.push(before);
    } else continue;
    predicate = serial(head, verb);
    break;
  }
  if (predicate === null) subject = bare(head, ctx);
  // "年度目标1共设置…,总分23分,得21.31分": a score is the sentence's topic's.
  if (subject === "" && f.unit === "分" && ctx.topic) subject = ctx.topic;
  if (subject === "" || ATTRIBUTES.test(subject)) {
    // "金额75.4亿元" after "签约欧资项目46个": the attribute of the noun just counted.
    subject = joinAttribute("", subject, ctx);
    if (predicate === null && ctx.previous) predicate = ctx.previous.predicate;
  }
  return { subject, predicate, qualifiers, period };
}

// "协调推进", "组织召开": verbs written one after another state one predicate.
function serial(text: string, verb: Verb): string {
  let at = verb.at;
  for (;;) {
    const before = verbsIn(text).find((v) => v.end === at);
    if (!before) break;
    at = before.at;
  }
  return text.slice(at, verb.end);
}

// A phrase without what only qualifies it: comparison words, target/actual markers, particles,
// an aside in brackets at its end ("招商引资专项经费(自市商务局划转…)").
function bare(s: string, ctx: DescribeContext): string {
  const t = s
    .replace(/^(和|及|与|以及|并|且|有)(?=[\u4e00-\u9fff“"]{3})/, "")
    .replace(/^\d{2,4}年(\d{1,2}月)?(以来|至今)/, "")
    .replace(/^(?:截至|截止)?(?:目前|“?十[一二三四五六七八九]五”?(?:以来|期间))/, "")
    .replace(/(同比|与上年相比|与上年度相比|比上年|较上年|较去年|比去年|较\d{4}年度?|比\d{4}年度?|与\d{4}年度?相比)/g, "")
    .replace(/^(?:[^()]{2,})\([^()]*\)$/, (m) => m.slice(0, m.indexOf("(")));
  const c = clean(t, ctx)
    .replace(/^(预期|预计|实际完成|实际|本年度?|当年|年初(?!目标)|年度(?!目标))(?=[\u4e00-\u9fff“"]{2})/, "")
    .replace(/(?<=.{2})(本项目|该项目|本单位|本部门)$/, "");
  return /^(年初目标值?|年度目标值?|全年目标|目标值?|预期|预计|实际(完成)?|完成|对|为|向|给|在|将|把|其中|另|分别|均|各|以上|共|计|得|得分|总分|评分|自评得分|自评总分|总得分)$/.test(c) || bareMeasure(c) ? "" : c;
}

function joinAttribute(before: string, attribute: string, ctx: DescribeContext): string {
  if (before !== "" && !ATTRIBUTES.test(before)) return `${before}${attribute}`;
  const prev = ctx.previous?.subject ?? "";
  if (prev === "") return attribute;
  if (attribute === "") return prev;
  return ATTRIBUTE_TAIL.test(prev) ? attribute : `${prev}${attribute}`;
}

function clean(s: string, ctx: DescribeContext): string {
  const c = cleanSubject(s.replace(/^[,;:、]+/, ""), ctx.departmentNames, ctx.year).replace(/[为达是约近超共:]+$/, "");
  return c.length > 40 ? c.slice(c.length - 40) : c;
}

// List markers, approximations and comparison words around the number are not part of the
// subject; the lead words ("全年", "累计", "共") stay, they introduce the predicate.
function trimFillers(prefix: string): string {
  return prefix
    .replace(/^[,;:、\s]+/, "")
    .replace(/^(?:-|\d{1,2}(?:、|\.(?!\d))|\(\d{1,2}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[①-⑳])+/, "")
    .replace(/(同比|比上年|较上年|与上年相比|较去年|比去年)$/, "")
    .replace(/(为|达到|达|是|约|近|超过|超|逾|共|计|合计|累计|仅|已|:|≥|≤|>|<|=)+$/, "");
}

/** The qualifier words a phrase states ("接待国外来访团组" → 外事, "公务用车保有量" → 保有). */
export function qualifierWords(text: string): string[] {
  const out: string[] = [];
  for (const q of QUALIFIER_WORDS) if (q.re.test(text) && !out.includes(q.qualifier)) out.push(q.qualifier);
  return out;
}

function qualifiersOf(text: string, f: FigureToken, prefix: string, rest: string): string[] {
  const out = qualifierWords(text);
  if (/^其中/.test(stripLeadMarkers(prefix))) out.push("其中");
  const near = /(近|约|超过|超|逾|不少于|不低于|≥|≤|>|<)\s*$/.exec(prefix)?.[1];
  if (near) out.push(near);
  if (f.approx) out.push(f.approx);
  if (f.unit === "分") {
    if (/总分$/.test(prefix)) out.push("总分");
    else if (/(?<!总)(得|得分)$/.test(prefix)) out.push("得分");
  }
  const tail = /^(以上|以下|左右|以内)/.exec(rest)?.[1];
  if (tail) out.push(tail);
  return out;
}

function stripLeadMarkers(s: string): string {
  return s.replace(/^[\d.、()①-⑳\s-]+/, "");
}

/** The noun phrase a sentence opens with, before its first verb ("(1)年度目标1共设置…" → 年度目标1), or null. */
export function leadingTopic(sentence: string, ctx: DescribeContext): string | null {
  // Within the clause of the sentence's first figure: "根据…要求,本部门组织对7个…" opens with 本部门.
  const t = trimFillers(sentence.slice(Math.max(sentence.lastIndexOf(","), sentence.lastIndexOf(";")) + 1));
  const v = ledVerbs(t)[0];
  if (!v || v.at === 0) return null;
  // "(1)产出指标本项目共设置…": a heading run into the paragraph names the part.
  const heading = /^(产出指标|效益指标|满意度指标|成本指标|数量指标|质量指标|时效指标)/.exec(t)?.[1];
  if (heading) return heading;
  const head = bare(t.slice(0, v.at), ctx);
  if (/^(本项目|该项目|本单位|本部门|项目|部门|单位|本局|我局|中心)$/.test(head)) return null;
  return head.length >= 2 && head.length <= 20 && !/\d{2,}/.test(head) ? head : null;
}

/** The last period stated in the text before a figure ("截至2024年底", "2022年1-10月"), or null. */
export function periodOf(before: string): string | null {
  // The period that ends last wins; of two ending together, the longer ("截至2024年12月31日").
  let best: { end: number; text: string } | null = null;
  for (const re of PERIODS) {
    for (const m of before.matchAll(re)) {
      const end = (m.index ?? 0) + m[0].length;
      if (m[0] === "") continue;
      if (!best || end > best.end || (end === best.end && m[0].length > best.text.length)) best = { end, text: m[0] };
    }
  }
  // "2024年度…2023年度决算数": the period of the figure is the one nearest before it.
  return best?.text ?? null;
}
