import type { AnswerRequest, FigureTarget, PassageKind, ScoreCondition } from "../answer/index.js";
import type { AnswerError, ConversationState } from "../answer/types.js";
import { assertNever } from "../core/result.js";
import { derivedFallback } from "./_derived.js";
import { contentMask } from "../link/index.js";
import type { Measure } from "../facts/types.js";
import { CARRIED, operandSubject, subjectOf, type Catalog, type CatalogDepartment, type Operand, type Understanding } from "../query/index.js";

type Who = { department: CatalogDepartment; year: number; defaultYear: boolean };

function deptByName(catalog: Catalog, name: string): CatalogDepartment | undefined {
  return catalog.departments.find((d) => d.name === name);
}

function latest(d: CatalogDepartment): number {
  return d.years[d.years.length - 1] ?? 0;
}

/** The year for one department, or the refusal when the corpus lacks it. */
function yearFor(u: Understanding, d: CatalogDepartment): { year: number; defaultYear: boolean } | AnswerError {
  const y = u.year;
  switch (y.kind) {
    case "explicit":
    case "relative": {
      const value = y.kind === "relative" && y.value === null ? latest(d) + y.offset : y.value;
      if (value === null) return { year: latest(d), defaultYear: true };
      if (!d.years.includes(value)) return { code: "year_not_covered", department: d.name, year: value, available: d.years };
      return { year: value, defaultYear: false };
    }
    case "conversation":
      return d.years.includes(y.value) ? { year: y.value, defaultYear: false } : { year: latest(d), defaultYear: true };
    case "default":
      return { year: latest(d), defaultYear: true };
    default:
      return assertNever(y, "year");
  }
}

// The gap between two figures asked in words.
const GAP_OF_TWO = /[多少高低](?:了|出)?多少|差多少|相差|差额|差距/;

// A difference asked between two things: "比…多出多少", "比…少了几".
const DIFFERENCE = /比[^,，。?？]{0,24}?(多花|少花|多用|少用|多出|少出|多了|少了|高出|低了|高了|多|少|高|低)(?:出|了)?(多少|几|百分之)|[和与跟][^,，。?？]{1,24}?(?:相差|差了|差距|差额|差)(?:是|有)?(?:多少|几)/;
const CHANGE_ASPECTS = new Set(["增减", "增长率", "完成率", "占比"]);

/** The question asks for an amount itself (决算, stated or by default), not a rate, share or count. */
function figureAspect(u: Understanding): boolean {
  return u.aspect.value === "决算" && u.intent === "figure";
}

function isError(x: unknown): x is AnswerError {
  return typeof x === "object" && x !== null && "code" in x;
}

interface Over {
  item?: string;
  topic?: string;
  aspect?: Measure;
  qualifier?: string;
}

function target(u: Understanding, who: Who, over: Over = {}): FigureTarget {
  const items = over.item ? [over.item] : over.topic ? [] : u.items.map((i) => i.key);
  const aspect = over.aspect ?? (u.aspect.value as Measure);
  return {
    department: who.department.name,
    year: who.year,
    items: items as FigureTarget["items"],
    code: u.code,
    topic: over.topic ?? (over.item ? null : u.topic),
    aspect,
    unitHint: aspect === "数量" ? u.aspect.unit : null,
    ...(aspect === "数量" && !over.aspect && u.aspect.alsoUnits ? { alsoUnits: u.aspect.alsoUnits } : {}),
    // An operand's own figure ("预算" vs "决算" of one item) overrides the question's basis.
    qualifier: over.aspect ? (over.qualifier ?? null) : (u.changeBasis ?? u.aspectQualifier ?? null),
    aspectDefault: over.aspect === undefined && u.aspect.via === "default",
    subject: over.item || over.topic ? operandWords(u, over) : questionSubject(u),
  };
}

// A question's own subject, worked out once: a ranking asks it of every department of an archive.
const subjects = new WeakMap<Understanding, string>();

function questionSubject(u: Understanding): string {
  let s = subjects.get(u);
  if (s === undefined) {
    s = subjectOf(u);
    subjects.set(u, s);
  }
  return s;
}

// Asking for a figure to be worked out from others ("根据决算说明推算…").
const DERIVE = /推算|倒推|反推|推出|算出|算一下|估算|\b(derive|work out|worked out|calculate|compute)\b/i;

// "哪个部门", "谁家": a ranking across departments, not within one.
const ACROSS = /哪个部门|哪些部门|哪个单位|哪些单位|哪家|哪几家|谁|\bwhich (department|unit|bureau|agency|office)s?\b/i;
const NUMERAL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/**
 * "普陀社工部基本支出里哪个明细科目花得最多", "西南大学支出排第二的类": a ranking of one
 * department's rows, at the position asked (最多 = 1st, 第二多 = 2nd), over a level when one is named.
 */
function rankWithin(question: string, u: Understanding, dep: Understanding["department"], catalog: Catalog): AnswerRequest | null {
  if (dep.kind !== "resolved" || dep.names.length !== 1 || ACROSS.test(u.normalized)) return null;
  // Rows are ranked by their amounts; a ranking by growth, share or score is another question.
  if (u.aspect.value !== "决算" && u.aspect.value !== "预算") return null;
  const d = deptByName(catalog, dep.names[0] ?? "");
  if (!d) return null;
  const y = yearFor(u, d);
  if (isError(y)) return null;
  const q = u.normalized;
  const nth = /第([一二两三四五]|\d)/.exec(q)?.[1];
  const position = nth ? (NUMERAL[nth] ?? Number(nth)) : 1;
  const level = /类级|哪一?类|哪个类/.test(q) ? 3 : /款级|哪一?款|哪个款/.test(q) ? 5 : /项级|哪个项(?!目)|哪一项(?!目)/.test(q) ? 7 : /明细|经济分类/.test(q) ? "leaf" : null;
  const ascending = /最少|最低|最小|least|lowest|fewest|smallest/i.test(q);
  return { kind: "rank-within", question, lang: u.lang, target: target(u, { department: d, ...y }), ascending, position, level };
}

// A condition on a score, in the order tried ("90分以上" before a bare "100分").
const SCORE_CONDITION: readonly (readonly [RegExp, ScoreCondition["op"]])[] = [
  [/(\d+(?:\.\d+)?)分及?以上/, "gte"],
  [/(\d+(?:\.\d+)?)分及?以下/, "lte"],
  [/(?:高于|超过|大于)(\d+(?:\.\d+)?)分/, "gt"],
  [/(?:低于|不到|不足|少于|小于)(\d+(?:\.\d+)?)分/, "lt"],
  [/(\d+(?:\.\d+)?)分/, "eq"],
];

/**
 * "自评的7个项目里有几个拿了满分", "90分以上的项目有几个": a count of one department's projects by a
 * condition on their self-evaluation totals (满分 is 100).
 */
function tallyOf(question: string, u: Understanding, dep: Understanding["department"], catalog: Catalog): AnswerRequest | null {
  if (dep.kind !== "resolved" || dep.names.length !== 1 || u.aspect.value !== "数量") return null;
  const q = u.normalized;
  if (!/项目/.test(q) && !(u.followUp && /项目/.test(u.previous?.topic ?? ""))) return null;
  // Indicators counted, or a range of scores ("95分到99分之间"), are no count of projects by one condition.
  if (/指标/.test(q) || /分(?:到|至|~|-)\d|之间/.test(q)) return null;
  let condition: ScoreCondition | null = /满分/.test(q) ? { op: "eq", value: "100" } : null;
  for (const [re, op] of SCORE_CONDITION) {
    if (condition) break;
    const m = re.exec(q);
    if (m?.[1]) condition = { op, value: m[1] };
  }
  const d = condition ? deptByName(catalog, dep.names[0] ?? "") : undefined;
  if (!condition || !d) return null;
  const y = yearFor(u, d);
  if (isError(y)) return null;
  return { kind: "tally", question, lang: u.lang, target: target(u, { department: d, ...y }), condition };
}

// "…比呢？普陀社工部2024年是多少？": a last clause asking one named body's own figure (no gap asked).
const LAST_CLAUSE = /[^，,。？?！!；;]+[？?！!。]*$/;
const GAP_WORDS = /[多少高低大差]了?出?多少|相差|差额|差距|差多少|哪个|哪家|谁/;

/** Which operand's own figure a comparison's last clause asks ("普陀社工部2024年是多少"), when it names one body alone. */
function figureAskedOf(u: Understanding, targets: readonly [FigureTarget, FigureTarget], catalog: Catalog): 0 | 1 | null {
  const last = LAST_CLAUSE.exec(u.normalized)?.[0] ?? "";
  if (last === u.normalized || !/多少|几/.test(last) || GAP_WORDS.test(last)) return null;
  const names = (t: FigureTarget): string[] => {
    const d = deptByName(catalog, t.department);
    return d ? [d.name, ...d.aliases] : [t.department];
  };
  const said = targets.map((t) => names(t).some((n) => n.length >= 2 && last.includes(n)));
  return said[0] === said[1] ? null : said[0] ? 0 : 1;
}

/**
 * An operand's own words, and the words the question says of all its operands before naming them
 * ("公务用车运行费里，维修费比燃料费多多少": 公务用车运行费 is said of both), carried as a preference.
 */
function operandWords(u: Understanding, over: Over): string {
  const own = operandSubject(over.topic, over.item) ?? subjectOf(u);
  const full = subjectOf(u);
  const firstTopic = u.operands[0]?.topic;
  const at = firstTopic ? full.indexOf(firstTopic) : -1;
  const before = at > 0 ? full.slice(0, at).replace(/[\u0000\s,，、:：]+/g, " ").trim() : "";
  return /[里中下内]$/.test(before) && contentMask(before).some(Boolean) ? `${own}${CARRIED}${before}` : own;
}

/** The figure lookup `u` asks of one department in one year (as planning builds it). */
export function figureTarget(u: Understanding, department: CatalogDepartment, year: number): FigureTarget {
  return target(u, { department, year, defaultYear: false });
}

function passageKind(u: Understanding): PassageKind {
  switch (u.intent) {
    case "explain":
      return "explain";
    case "define":
      return "define";
    case "list":
      return "list";
    default:
      return "other";
  }
}

// Citizens' words for what disclosures call a shortfall and its cause.
const WHY_EXPANSIONS: readonly (readonly [RegExp, string])[] = [
  // What the money went on: disclosures say "主要用于".
  // (Not a why-question's "没花到预算数".)
  [/^(?!.*(为什么|为啥|为何|原因)).*(花在|用在|用途|干什么|干嘛|干啥|做什么)/, "主要用于"],
  [/问题|不足|短板|差距/, "发现的问题及原因 存在的问题"],
  [/扣分|失分|丢分|没拿满分|没得满分/, "偏差 未完成原因分析"],
  [/没完成|未完成|没达到|未达到|没达标/, "未完成 原因"],
  [/超预算|超支|超出预算|多花/, "大于年初预算数的主要原因"],
  [/没花完|结余|少花|节约/, "小于年初预算数的主要原因"],
  [/增加|增长|多了|上升|涨/, "增加的主要原因"],
  [/减少|下降|少了|降低/, "减少的主要原因"],
];

/** The search query of a text question, and the document's own headings for what it asks ("发现的问题及原因"). */
function passageQuery(u: Understanding): { query: string; headings: string[] } {
  // The department's own words add nothing once retrieval is scoped to its documents.
  let q = u.normalized;
  if (u.department.kind === "resolved") for (const p of u.department.phrases) if (p) q = q.split(p).join("");
  if (!q) q = u.normalized;
  if (u.intent !== "explain") return { query: q, headings: [] };
  const extra = WHY_EXPANSIONS.filter(([re]) => re.test(q)).map(([, add]) => add);
  return { query: [q, ...(extra.length > 0 ? extra : ["原因"])].join(" "), headings: extra.flatMap((e) => e.split(" ")) };
}

/**
 * Turns an understood question into an answer plan: resolves departments and years against the
 * catalog, and turns the intent into a figure, derived, ranked or passage request — or a refusal.
 */
export function planAnswer(question: string, u: Understanding, _state: ConversationState, catalog: Catalog): AnswerRequest {
  const lang = u.lang;
  const known = catalog.departments.map((d) => d.name);
  const refuse = (error: AnswerError): AnswerRequest => ({ kind: "refuse", question, lang, error });

  const dep = u.department;
  // A "topic" of emoji, digits or punctuation names nothing.
  const topicNames = u.topic !== null && /[\p{Script=Han}A-Za-z]/u.test(u.topic);
  const nothingAsked = u.items.length === 0 && !topicNames && u.code === null;
  // "🙂", "asdf": no department, no item, nothing to look up.
  if (dep.kind === "none" && nothingAsked && u.intent !== "rank" && !u.followUp) return refuse({ code: "not_understood" });
  if (dep.kind === "unknown") return refuse({ code: "no_such_department", asked: dep.asked, known });
  if (dep.kind === "ambiguous") return refuse({ code: "ambiguous", asked: dep.asked, candidates: dep.candidates });

  const textual = u.intent === "explain" || u.intent === "define" || u.intent === "list";
  const within = u.intent === "rank" ? rankWithin(question, u, dep, catalog) : null;
  if (within) return within;
  const counted = tallyOf(question, u, dep, catalog);
  if (counted) return counted;
  // One department named and no "哪个部门": a ranking inside it that rows cannot answer (by growth,
  // by share) — never a ranking across departments of one.
  if (u.intent === "rank" && dep.kind === "resolved" && dep.names.length === 1 && !ACROSS.test(u.normalized)) return refuse({ code: "not_understood" });
  if (u.intent === "rank") {
    const targets: FigureTarget[] = [];
    // "光谷管委会和投促局，哪家…多": only the departments named, when two or more are.
    const named = dep.kind === "resolved" && dep.names.length >= 2 ? catalog.departments.filter((d) => dep.names.includes(d.name)) : catalog.departments;
    for (const d of named) {
      const y = yearFor(u, d);
      if (isError(y)) continue;
      targets.push(target(u, { department: d, ...y }));
    }
    if (targets.length === 0) return refuse({ code: "not_understood" });
    // "经信局和投促局哪家更多？多多少": the gap between the two named is asked.
    const [x, z] = targets;
    if (targets.length === 2 && x && z && GAP_OF_TWO.test(u.normalized)) return { kind: "compare", question, lang, targets: [x, z] };
    return { kind: "rank", question, lang, targets, ascending: /最少|最低|最小|least|lowest|fewest/i.test(u.normalized) };
  }

  let depts: CatalogDepartment[] = [];
  if (dep.kind === "resolved") depts = dep.names.map((n) => deptByName(catalog, n)).filter((d): d is CatalogDepartment => d !== undefined);
  else if (catalog.departments.length === 1 && catalog.departments[0]) depts = [catalog.departments[0]];

  if (textual) {
    const d = depts[0];
    const y = d ? yearFor(u, d) : null;
    if (isError(y)) return refuse(y);
    const { query, headings } = passageQuery(u);
    return { kind: "passage", question, lang, passageKind: passageKind(u), query, headings, department: d?.name ?? null, year: y?.year ?? null, topic: u.topic };
  }

  const first = depts[0];
  if (!first) return refuse({ code: "no_such_department", asked: null, known });

  if (u.intent === "compare" || u.intent === "sum") {
    const targets: FigureTarget[] = [];
    const ops: readonly Operand[] = u.operands.length > 0 ? u.operands : u.items.map((i) => ({ item: i.key }));
    for (const op of ops) {
      const d = (op.department ? deptByName(catalog, op.department) : undefined) ?? first;
      let who: Who;
      if (op.year !== undefined) {
        if (!d.years.includes(op.year)) return refuse({ code: "year_not_covered", department: d.name, year: op.year, available: d.years });
        who = { department: d, year: op.year, defaultYear: false };
      } else {
        const y = yearFor(u, d);
        if (isError(y)) return refuse(y);
        who = { department: d, ...y };
      }
      const over: Over = {};
      if (op.item) over.item = op.item;
      else if (op.topic) over.topic = op.topic;
      if (op.aspect) over.aspect = op.aspect as Measure;
      if (op.qualifier) over.qualifier = op.qualifier;
      targets.push(target(u, who, over));
    }
    if (u.intent === "sum" && targets.length >= 2) return { kind: "sum", question, lang, targets };
    const [a, b] = targets;
    // Two aspects of one figure ("决算比年初预算多了多少"): a difference the document states wins
    // over one we compute.
    if (u.intent === "compare" && a && b && a.aspect !== b.aspect && u.changeBasis) {
      const y = yearFor(u, first);
      if (!isError(y)) return { kind: "figure", question, lang, target: { ...target(u, { department: first, ...y }), aspect: "增减" }, defaultYear: y.defaultYear, fallback: { kind: "compare", question, lang, targets: [a, b] } };
    }
    if (u.intent === "compare" && a && b) {
      const asked = figureAskedOf(u, [a, b], catalog);
      return { kind: "compare", question, lang, targets: [a, b], ...(asked !== null ? { asked } : {}) };
    }
    // Too few operands: answer it as a plain figure question.
  }

  const y = yearFor(u, first);
  // A year before the first disclosure: the next year's may state the change against it.
  if (isError(y) && y.code === "year_not_covered" && first.years.includes(y.year + 1) && !nothingAsked && figureAspect(u)) {
    // "推算", or the next year's disclosure named as where to read it ("按2024年决算说明，2023年…"):
    // the earlier figure is asked to be worked out, not read.
    const derive = DERIVE.test(u.normalized) || new RegExp(`${y.year + 1}年度?的?(部门)?(决算|说明|报告|文件|公开)`).test(u.normalized);
    return { kind: "prior", question, lang, target: target(u, { department: first, year: y.year + 1, defaultYear: false }), prior: y.year, error: y, derive };
  }
  if (isError(y)) return refuse(y);
  if (nothingAsked) {
    // A department named alone ("经信局"): its headline figure, 收支总计, with citations.
    if (u.intent !== "figure") return { kind: "figure", question, lang, target: { ...target(u, { department: first, ...y }), items: ["grand_total"], aspect: "决算" }, defaultYear: y.defaultYear };
    return refuse({ code: "not_understood" });
  }
  // "A比B多出多少" read as one figure (its comparison not understood): a single figure would answer
  // another question than the difference asked.
  const { target: main, fallback } = derivedFallback(question, u, target(u, { department: first, ...y }));
  // (A gap between a budget and its outturn is a difference understood: "全年预算比实际决算多出多少".)
  if (DIFFERENCE.test(u.normalized) && !CHANGE_ASPECTS.has(main.aspect) && fallback?.kind !== "compare") return refuse({ code: "not_understood" });
  const alt = fallback?.kind === "figure" ? { ...fallback, defaultYear: y.defaultYear } : fallback;
  return { kind: "figure", question, lang, defaultYear: y.defaultYear, target: main, ...(alt ? { fallback: alt } : {}) };
}

