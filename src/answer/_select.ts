import { sameValue, type Unit } from "../core/money.js";
import type { ItemKey } from "../facts/items.js";
import type { Fact, FactStatus, Measure } from "../facts/types.js";
import { bigrams, dice, norm, normTopic, subjectScore } from "./_text.js";
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
  /** The whole question, for context words ("项目支出", "一般公共预算"). */
  readonly context: string;
  /** Which budget or comparison basis the question names ("年初预算", "较年初预算"), if any. */
  readonly qualifier?: string | null;
  /** True when the aspect is only the default (决算), not asked for in words. */
  readonly aspectDefault?: boolean;
  /**
   * The words that say which quantity is meant (the question with department, year and code
   * blanked, or an operand's own words): every content word must be accounted for by the answer.
   */
  readonly subject?: string;
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
}

/** Below this a match is not trusted: refusing is better than a wrong figure. */
export const MATCH_THRESHOLD = 0.72;

// Column headers that name the row's headline figure rather than a breakdown.
const HEADLINE = new Set(["合计", "小计", "决算数", "决算", "支出决算", "本年支出", "本年支出合计", "本年收入合计", "金额", "总计", "预算数", "全年预算", "年初预算", "本年收入", "决算金额"]);

const STATUS_RANK: Record<FactStatus, number> = { verified: 3, repaired: 2, "single-source": 1, conflict: 0 };

function measureFits(fact: Fact, t: FigureTarget): boolean {
  // A change against one basis never answers a question about another (较上年 ≠ 较年初预算).
  if ((t.aspect === "增减" || t.aspect === "增长率") && t.qualifier?.startsWith("较")) {
    const basis = fact.qualifier.map(norm).find((w) => w.startsWith("较"));
    if (basis !== undefined && basis !== t.qualifier) return false;
  }
  if (fact.measure === t.aspect) return true;
  // "交易总额是多少" names no aspect: a stated quantity (亿元, 吨 …) answers it as well as a 决算.
  if (t.aspectDefault === true && t.aspect === "决算" && fact.measure === "数量") return true;
  // A count question may find a figure recorded as a count-like 决算 in a unit we recognise.
  return t.aspect === "数量" && t.unitHint !== null && fact.unit === t.unitHint;
}

function columnAdjust(fact: Fact, context: string): number {
  const words = fact.qualifier.map(norm).filter((w) => w && !/^\d+$/.test(w) && !/\((类|款|项)\)$/.test(w));
  // A qualifier the question names ("年初预算", "基本支出", "执行数" ~ "执行") is what was asked for.
  for (const w of words) {
    const stem = w.replace(/数$/, "");
    if (context.includes(w) || (stem.length >= 2 && context.includes(stem))) return 0.15;
  }
  // A target (目标值) is not what happened: only a question about targets gets one.
  if (words.some((w) => w.startsWith("目标")) && !context.includes("目标")) return -0.4;
  const breakdown = words.filter((w) => !HEADLINE.has(w));
  if (breakdown.length === 0) return 0;
  // Narrative qualifiers (全年预算, 执行数, 较上年) describe the statement, not a breakdown column.
  if (fact.source.kind !== "table") return 0;
  // The 三公 table's breakdown columns are themselves items: no penalty when the item matched.
  return fact.item !== null ? 0 : -0.3;
}

const SCOPE_WORDS: Record<NonNullable<Fact["scope"]>, RegExp | null> = {
  全部: null,
  财政拨款: /财政拨款/,
  一般公共预算: /一般公共预算/,
  政府性基金: /政府性基金|基金预算/,
  国有资本经营: /国有资本/,
};

// A figure for one budget (政府性基金 …) answers a question about that budget; asked plainly,
// the whole department's figure is meant.
const BASES = ["年初预算", "全年预算", "调整预算", "较上年", "较年初预算", "较预算"];

// "比年初预算减少了多少" wants the statement against the budget, not the one against last year.
function basisAdjust(fact: Fact, basis: string | null): number {
  if (basis === null) return 0;
  const q = fact.qualifier.map(norm);
  if (q.includes(basis)) return 0.2;
  return q.some((w) => BASES.includes(w)) ? -0.2 : 0;
}

function scopeAdjust(fact: Fact, context: string): number {
  const re = fact.scope ? SCOPE_WORDS[fact.scope] : null;
  if (!re) return 0;
  return re.test(context) ? 0.1 : -0.1;
}

// For a score the words about scoring say nothing about whose score it is ("整体绩效自评得分" → "整体").
function subjectOfScore(topic: string): string {
  const t = topic.replace(/绩效|自评|评价|综合|得分|评分|总分|得了|结果|等级|分数/g, "");
  return t.length >= 2 ? t : topic;
}

/**
 * "公务用车燃料费" asked, subject "燃料费" stated in a sentence about 公务用车: the topic's extra
 * words qualify the subject, and the source confirms them.
 */
function qualifiedScore(topic: string, fact: Fact): number {
  const t = normTopic(topic);
  const s = normTopic(fact.subject);
  if (s.length < 2 || t === s || !t.includes(s)) return 0;
  const rest = t.split(s).join("");
  const where = normTopic(fact.source.kind === "table" ? `${fact.source.table} ${fact.source.row}` : `${fact.source.section} ${fact.source.quote}`);
  // Most of the extra words' character pairs must stand in the source ("公共资源交易…全年完成").
  const pairs = bigrams(rest);
  if (pairs.length === 0) return 0;
  const covered = pairs.filter((p) => where.includes(p)).length / pairs.length;
  return covered >= 0.8 ? 0.9 * covered : 0;
}

/** How well a fact answers the target: `core` decides acceptance, `rank` orders the accepted. */
function scoreFact(fact: Fact, t: FigureTarget, context: string): { core: number; rank: number } {
  let base = 0;
  if (t.items.length > 0 && fact.item !== null) {
    const i = t.items.indexOf(fact.item);
    if (i === 0) base = 1;
    else if (i > 0) base = 0.85;
  }
  // A 科目编码 names exactly one row: the same code is the strongest match, another code rules it out.
  if (t.code !== null && fact.code === t.code) base = Math.max(base, 1) + 0.2;
  if (t.topic) {
    const topic = t.aspect === "得分" ? subjectOfScore(t.topic) : t.topic;
    base = Math.max(base, subjectScore(topic, fact.subject), qualifiedScore(topic, fact));
    if (fact.source.kind === "table") base = Math.max(base, subjectScore(topic, fact.source.row));
  }
  if (base === 0) return { core: 0, rank: 0 };
  if (t.code !== null && fact.code !== null && fact.code !== t.code) base -= 0.4;
  let core = base + columnAdjust(fact, context) + basisAdjust(fact, t.qualifier ?? null);
  if (t.unitHint !== null && fact.unit !== t.unitHint) core -= 0.5;
  if (fact.measure !== t.aspect) core -= 0.05;
  // Preferences among acceptable figures: the scope and table the question implies, shared context words.
  const where = fact.source.kind === "table" ? fact.source.table : `${fact.source.section} ${fact.source.quote}`;
  const rank = core + scopeAdjust(fact, context) + tableAdjust(fact, context) + 0.08 * dice(context, norm(where));
  return { core, rank };
}

// 公开02 (收入决算表) lists income by expenditure function: its "一般公共服务支出" row answers
// a question about income, not spending.
function tableAdjust(fact: Fact, context: string): number {
  if (fact.source.kind !== "table" || fact.source.tableKind !== "收入决算表") return 0;
  return /收入|来源|拨款/.test(context) ? 0 : -0.15;
}

function better(a: { f: Fact; s: number }, b: { f: Fact; s: number }): number {
  if (Math.abs(a.s - b.s) > 1e-9) return b.s - a.s;
  const st = STATUS_RANK[b.f.status] - STATUS_RANK[a.f.status];
  if (st !== 0) return st;
  const tb = (b.f.source.kind === "table" ? 1 : 0) - (a.f.source.kind === "table" ? 1 : 0);
  if (tb !== 0) return tb;
  return a.f.source.line - b.f.source.line;
}

/**
 * Links the target's subject to the pool's descriptors (see src/link): a figure whose labels account
 * for every word asked, a clarification when several fit or words are left over, else null.
 */
export function resolveFigure(pool: readonly Fact[], t: FigureTarget): Selection | Clarification | null {
  if (t.subject === undefined) return selectByScore(pool, t);
  const link = linkSubject(pool, t.subject, { code: t.code, accept: (f) => measureFits(f, t) && unitFits(f, t) && trustworthy(f) });
  switch (link.kind) {
    case "match": {
      const best = link.best.d.fact;
      const sources = [best, ...link.rivals.map((r) => r.d.fact).sort((a, b) => a.source.line - b.source.line)];
      return { best, sources, score: link.best.coverage + link.best.preference };
    }
    case "clarify":
      return { candidates: link.candidates.map((c) => c.d.fact), uncovered: link.uncovered };
    case "none":
      return null;
    default:
      return assertNever(link, "link");
  }
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
const SAME_COUNT: readonly (readonly string[])[] = [["名", "人"], ["个", "项"]];

/** A count asked in one counter ("几辆") is answered only by a figure counted in it. */
function unitFits(f: Fact, t: FigureTarget): boolean {
  if (t.aspect !== "数量" || t.unitHint === null || f.unit === t.unitHint) return true;
  return SAME_COUNT.some((g) => g.includes(f.unit) && g.includes(t.unitHint ?? ""));
}

/** The older item/topic scorer, for targets without subject words. */
function selectByScore(pool: readonly Fact[], t: FigureTarget): Selection | null {
  const context = normTopic(t.context);
  const all: { f: Fact; s: number; core: number }[] = [];
  for (const f of pool) {
    if (!measureFits(f, t) || !trustworthy(f)) continue;
    const { core, rank } = scoreFact(f, t, context);
    if (core > 0) all.push({ f, s: rank, core });
  }
  all.sort(better);
  let scored = all.filter((x) => x.core >= MATCH_THRESHOLD);
  if (scored.length === 0) scored = clearWinner(all, t);
  if (scored.length === 0) return null;
  const top = scored[0];
  if (!top) return null;
  const best = top.f;
  // Every other statement of the same quantity: same key, or the same figure for an equally named subject.
  const sources = pool.filter(
    (f) =>
      f.id !== best.id &&
      f.measure === best.measure &&
      (f.key === best.key || (sameFigure(f, best) && scored.some((x) => x.f.id === f.id && x.core >= top.core - 0.2))),
  );
  sources.sort((a, b) => a.source.line - b.source.line);
  return { best, sources: [best, ...sources], score: top.s };
}

/** Rare measures (scores; counts in a named unit) have few candidates: a clear winner may match more loosely. */
export const LOOSE_THRESHOLD = 0.45;
const LOOSE_MARGIN = 0.2;

function clearWinner<T extends { f: Fact; core: number }>(sorted: readonly T[], t: FigureTarget): T[] {
  if (!(t.aspect === "得分" || (t.aspect === "数量" && t.unitHint !== null))) return [];
  const byCore = [...sorted].sort((a, b) => b.core - a.core);
  const top = byCore[0];
  if (!top || top.core < LOOSE_THRESHOLD) return [];
  const rival = byCore.find((x) => !sameFigure(x.f, top.f));
  return !rival || top.core - rival.core >= LOOSE_MARGIN ? [top] : [];
}

/**
 * A figure that fails a table identity and nothing else confirms (e.g. a cell shifted into the
 * wrong column by OCR) is never stated: refusing beats a wrong number.
 */
function trustworthy(f: Fact): boolean {
  if (f.status === "verified" || f.status === "repaired") return true;
  return !f.evidence.some((e) => e.kind === "identity_failed");
}

function sameFigure(a: Fact, b: Fact): boolean {
  return a.unit === b.unit && sameValue(a.value, b.value);
}

/** The unit of a selection. */
export function unitOf(sel: Selection): Unit {
  return sel.best.unit;
}
