import { Decimal, isAmount, UNITS, type Unit } from "../core/money.js";
import type { ItemKey } from "../facts/items.js";
import type { Fact, Measure } from "../facts/types.js";
import { norm } from "./_text.js";
import { assertNever } from "../core/result.js";
import { linkSubject } from "../link/index.js";

/** One figure the user asks for, with department and year already resolved. */
export interface FigureTarget {
  readonly department: string;
  readonly year: number;
  /** Canonical items named in the question, most specific first. */
  readonly items: readonly ItemKey[];
  readonly code: string | null;
  /** The item phrase as the user wrote it. */
  readonly topic: string | null;
  readonly aspect: Measure;
  /** Unit the question implies for counts ("辆", "人次"), else null. */
  readonly unitHint: string | null;
  /** Further counts the question asks of the same thing in other units ("几批次多少人" → ["人"]). */
  readonly alsoUnits?: readonly string[];
  /** Which budget or comparison basis the question names ("年初预算", "较年初预算"), if any. */
  readonly qualifier?: string | null;
  /** True when the aspect is only the default (决算), not asked for in words. */
  readonly aspectDefault?: boolean;
  /**
   * The words that say which quantity is meant (the question with department, year and code
   * blanked, or an operand's own words): every content word must be accounted for by the answer.
   */
  readonly subject: string;
}

/** Several different figures fit the question (or the best leaves words over): the user chooses. */
export interface Clarification {
  readonly candidates: readonly Fact[];
  /** The question's words no candidate accounts for ("" when the candidates tie). */
  readonly uncovered: string;
}

/** The facts chosen for a target: the representative first, then every other source of it. */
export interface Selection {
  readonly best: Fact;
  readonly sources: readonly Fact[];
  readonly score: number;
  /** The same figure as the document states it in another unit (4,347,300 元 of 434.73 万元). */
  readonly forms?: readonly Fact[];
}


const RATES: readonly string[] = ["增长率", "完成率"];

const BUDGET_BASES: readonly string[] = ["年初预算", "全年预算", "调整预算"];

/** The budget basis a fact's column or qualifiers name, if any. */
function budgetBasis(fact: Fact): string | null {
  const words = fact.source.kind === "table" ? fact.source.column : fact.qualifier;
  for (const w of words) {
    const n = norm(w);
    const b = BUDGET_BASES.find((x) => n.includes(x));
    if (b !== undefined) return b;
  }
  return null;
}

// "占/相当于/是 X 的百分之几": the base X of the share asked.
const SHARE_BASE = /(?:占|相当于|是)([^，,。？?的\u0000]{2,16})的?(?:百分之|百分比|比例|比重|多少%|几成)/;

/** The base of the share a target asks ("相当于年初预算的…" → 年初预算), null when it names none. */
function shareBaseOf(t: FigureTarget): string | null {
  if (t.aspect !== "占比") return null;
  // (Question words are no base: "占多少比例".)
  return SHARE_BASE.exec(t.subject)?.[1]?.replace(/多少|几|百分/g, "") ?? null;
}

/** A share stated of another base than the question names ("占本年支出合计" for "相当于年初预算的…") is another quantity. */
function shareBaseFits(fact: Fact, asked: string | null): boolean {
  if (!asked || asked.length < 2) return true;
  const stated = fact.qualifier.map(norm).find((q) => q.startsWith("占"))?.slice(1);
  if (!stated) return true;
  for (let i = 0; i + 1 < asked.length; i++) if (stated.includes(asked.slice(i, i + 2))) return true;
  return false;
}

function measureFits(fact: Fact, t: FigureTarget): boolean {
  // A change against one basis never answers a question about another (较上年 ≠ 较年初预算).
  if ((t.aspect === "增减" || t.aspect === "增长率") && t.qualifier?.startsWith("较")) {
    const basis = fact.qualifier.map(norm).find((w) => w.startsWith("较"));
    if (basis !== undefined && basis !== t.qualifier) return false;
  }
  // A budget of one basis never answers a question about another (年初预算 ≠ 全年预算 ≠ 调整预算).
  if (t.aspect === "预算" && t.qualifier && BUDGET_BASES.includes(t.qualifier)) {
    const said = budgetBasis(fact);
    if (said !== null && said !== t.qualifier) return false;
  }
  if (fact.measure === t.aspect) return true;
  // A quantity whose own name says 预算 ("面向小微企业预留政府采购项目预算金额") is what a question
  // about that 预算 asks, though the document states it as a plain figure.
  if (t.aspect === "预算" && fact.measure === "决算" && /预算(金额|数|额)?$/.test(norm(fact.subject))) return true;
  // "交易总额是多少" names no aspect: a stated quantity (亿元, 吨 …) answers it as well as a 决算.
  if (t.aspectDefault === true && t.aspect === "决算" && fact.measure === "数量") return true;
  // "政务热线接通率是多少": a rate asked by its own name ("…率") is what its % figure states.
  // So is a rate asked by an aspect word its name ends with ("存贷款规模增长率实际完成多少").
  if (fact.unit === "%" && /率$/.test(norm(fact.subject)) && ((t.aspectDefault === true && t.aspect === "决算") || (RATES.includes(t.aspect) && norm(fact.subject).endsWith(t.aspect)))) return true;
  // A count question may find a figure recorded as a count-like 决算 in a unit we recognise.
  return t.aspect === "数量" && t.unitHint !== null && fact.unit === t.unitHint;
}

/**
 * Links the target's subject to the pool's descriptors (see src/link): a figure whose labels account
 * for every word asked, a clarification when several fit or words are left over, else null.
 */
export function resolveFigure(pool: readonly Fact[], t: FigureTarget, within?: (f: Fact) => boolean): Selection | Clarification | null {
  // A figure stated without a unit ("预算数为 0") is covered as a fact but never stated as an answer.
  const base = shareBaseOf(t);
  const given = givenFigures(t.subject);
  const admits = (f: Fact): boolean => f.unit !== "" && shareBaseFits(f, base) && measureFits(f, t) && unitFits(f, t) && moneyFits(f, t) && trustworthy(f) && !given.has(`${new Decimal(f.value).toFixed()} ${f.unit}`);
  const link = linkSubject(pool, t.subject, {
    code: t.code,
    accept: within === undefined ? admits : (f) => within(f) && admits(f),
    // What `accept` reads of the target (a missing qualifier reads as none); a one-off `within` is not remembered.
    ...(within === undefined ? { acceptKey: JSON.stringify([base, t.aspect, t.qualifier ?? null, t.unitHint, t.aspectDefault === true, [...given]]) } : {}),
    measure: t.aspect,
  });
  switch (link.kind) {
    case "match": {
      const best = link.best.d.fact;
      const sources = [best, ...link.rivals.map((r) => r.d.fact).sort((a, b) => a.source.line - b.source.line)];
      const forms = (link.forms ?? []).map((x) => x.d.fact);
      return { best, sources, score: link.best.coverage + link.best.preference, ...(forms.length > 0 ? { forms } : {}) };
    }
    case "clarify":
      return { candidates: link.candidates.map((c) => c.d.fact), uncovered: link.uncovered };
    case "none":
      return null;
    default:
      return assertNever(link, "link");
  }
}

/**
 * Figures the question itself states with their unit ("7个绩效自评项目里有几个拿了满分"): given,
 * so never the answer to what it asks of them — unless it asks whether the figure is right.
 */
function givenFigures(subject: string): Set<string> {
  const out = new Set<string>();
  if (/吗|是不是|对不对|对吗|是否/.test(subject)) return out;
  for (const m of subject.matchAll(GIVEN)) out.add(`${new Decimal(m[1] ?? "0").toFixed()} ${m[2] ?? ""}`);
  return out;
}

// A figure with any unit the documents write ("25亿美元", "920万条"), longest unit first.
const GIVEN = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(${UNITS.map((u) => u.replace(/[()（）]/g, "\\$&")).join("|")})`, "g");

/**
 * The further counts a question asks of the same thing in other units ("接待了几批次多少人": the
 * 人次 beside the 批次), each as the document states it beside the answer's figure (same line).
 */
export function alsoCounted(pool: readonly Fact[], t: FigureTarget, sel: Selection): Fact[] {
  if (t.aspect !== "数量" || !t.alsoUnits?.length) return [];
  const at = sel.best;
  const out: Fact[] = [];
  for (const unit of t.alsoUnits) {
    const r = resolveFigure(pool, { ...t, unitHint: unit, alsoUnits: [] }, (f) => f !== at && f.doc === at.doc && f.source.line === at.source.line && f.unit !== at.unit);
    if (r !== null && "best" in r && !out.includes(r.best)) out.push(r.best);
  }
  return out;
}

/** The figure `resolveFigure` picks, or null when it asks to clarify or finds nothing. */
export function selectFigure(pool: readonly Fact[], t: FigureTarget): Selection | null {
  const r = resolveFigure(pool, t);
  return r && "best" in r ? r : null;
}

/** True when a resolution is a clarification. */
export function isClarification(r: Selection | Clarification | null): r is Clarification {
  return r !== null && "candidates" in r;
}

// Counters that count the same things ("多少名" of 人).
const SAME_COUNT: readonly (readonly string[])[] = [["名", "人", "人次"], ["个", "项"], ["批", "批次"]];
// 个 is every thing's counter: "多少个工作站" is the count of 工作站 the document gives in 家 or 座.
const THINGS = new Set(["项", "家", "座", "所", "户", "处", "间", "条", "件"]);

// The same things counted in another word: cars in 辆 or 台, people in 人 or 名 or 位, bodies in 家 or 个.
const TWIN_COUNTERS: readonly { readonly counted: RegExp; readonly counters: readonly string[] }[] = [
  { counted: /车/, counters: ["辆", "台"] },
  { counted: /./, counters: ["人", "名", "位"] },
  { counted: /企业|公司|单位|机构|学校|医院/, counters: ["家", "个"] },
];

/** The other words a count of `counted` in `unit` is said in ("2台" of 公务用车 is 2辆). */
export function twinCounters(unit: string, counted: string): string[] {
  return TWIN_COUNTERS.filter((t) => t.counters.includes(unit) && t.counted.test(counted)).flatMap((t) => t.counters.filter((c) => c !== unit));
}

/** A count asked in one counter ("几辆") is answered only by a figure counted in it. */
function unitFits(f: Fact, t: FigureTarget): boolean {
  if (t.aspect !== "数量" || t.unitHint === null || f.unit === t.unitHint) return true;
  // "台(套)" counts in 台 and in 套; "万家" in 家, so many ten-thousands of them (the unit is kept).
  const counters = String(f.unit).replace(/^[万亿]/, "").replace(/[)）]/g, "").split(/[(（]/);
  if (counters.includes(t.unitHint)) return true;
  if ((t.unitHint === "个" && THINGS.has(f.unit)) || (f.unit === "个" && THINGS.has(t.unitHint))) return true;
  if (twinCounters(f.unit, f.subject).includes(t.unitHint)) return true;
  return SAME_COUNT.some((g) => g.includes(f.unit) && g.includes(t.unitHint ?? ""));
}


/**
 * An outturn asked in so many words, or carried from a money question ("公务接待费多少" → "那公务用车呢"),
 * is money: a count of the same thing (28 辆) never answers it.
 */
function moneyFits(f: Fact, t: FigureTarget): boolean {
  return t.aspect !== "决算" || t.aspectDefault === true || t.unitHint !== null || isAmount(f.unit) || f.unit === "%";
}

/**
 * A figure that fails a table identity and nothing else confirms (e.g. a cell shifted into the
 * wrong column by OCR) is never stated: refusing beats a wrong number.
 */
function trustworthy(f: Fact): boolean {
  if (f.status === "verified" || f.status === "repaired") return true;
  return !f.evidence.some((e) => e.kind === "identity_failed");
}

/** The unit of a selection. */
export function unitOf(sel: Selection): Unit {
  return sel.best.unit;
}
