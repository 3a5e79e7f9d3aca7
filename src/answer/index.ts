import { composePriorDerived, composePriorRefusal, priorOperands } from "./_prior.js";
import { composeOffset, offsetOperands } from "./_offset.js";
import { createLogger } from "../core/log.js";
import { Decimal, isAmount, sameValue, WAN_PER, writtenPlaces } from "../core/money.js";
import { assertNever } from "../core/result.js";
import type { Fact } from "../facts/types.js";
import type { LineReader } from "./_citations.js";
import { composeCompare, composeRank, composeShare, composeSum, rankOrder, RANK_SHOWN, type Operand } from "./_derived.js";
import { composeFigure } from "./_figure.js";
import { findStrayNumbers, findUnsourced, numbersIn } from "./_guard.js";
import { composePassages, type Passage, type PassageKind } from "./_passage.js";
import { alsoCounted, isClarification, resolveFigure, selectFigure, twinCounters, type Clarification, type FigureTarget, type Selection } from "./_select.js";
import { headlineKey } from "./_headline.js";
import { candidatesOf, composeClarify } from "./_clarify.js";
import { composeRankWithin, type RankWithin } from "./_rank-within.js";
import { composeTally, projectTotals, type Tally } from "./_tally.js";
import { quantityLabel, quantityOf } from "../link/index.js";
import { errorMessage } from "./messages.js";
import type { Answer, AnswerError, Lang } from "./types.js";

export type { Answer, AnswerError, AnswerErrorCode, AnswerKind, Candidate, QuantityRef, Citation, ConversationState, DepartmentInfo, Engine, Lang } from "./types.js";
export { EMPTY_CONVERSATION } from "./types.js";
export { errorMessage, statusText, measureText } from "./messages.js";
export { figureOnLine, findStrayNumbers, findUnsourced, numbersIn, quoteInCorpus } from "./_guard.js";
export { isClarification, resolveFigure, selectFigure } from "./_select.js";
export type { FigureTarget, Selection } from "./_select.js";
export { headlineAsks, headlineKey, type HeadlineAsk } from "./_headline.js";
export { RANK_SHOWN } from "./_derived.js";
export type { RankWithin } from "./_rank-within.js";
export type { ScoreCondition, Tally } from "./_tally.js";
export type { Passage, PassageKind } from "./_passage.js";
export type { LineReader } from "./_citations.js";

const log = createLogger("answer");

/** A planned answer: what to compute or retrieve, everything already resolved. */
export type AnswerRequest =
  | {
      readonly kind: "figure";
      readonly question: string;
      readonly lang: Lang;
      readonly target: FigureTarget;
      readonly defaultYear: boolean;
      /** The question named no department; the one whose disclosure alone states the item was taken. */
      readonly inferredDepartment?: boolean;
      /** What to compute instead when the document does not state this figure. */
      readonly fallback?: AnswerRequest;
    }
  | { readonly kind: "sum"; readonly question: string; readonly lang: Lang; readonly targets: readonly FigureTarget[] }
  /** `asked`: the operand whose own figure the question's last clause asks ("…比呢？普陀社工部是多少"), the gap stated beside it. */
  | { readonly kind: "compare"; readonly question: string; readonly lang: Lang; readonly targets: readonly [FigureTarget, FigureTarget]; readonly asked?: 0 | 1 }
  /** A share computed from its part and whole (targets[0] ÷ targets[1]). */
  /** A share computed as part ÷ whole; `partOfWhole` when the part lies inside the whole (never above 100 %). */
  | { readonly kind: "share"; readonly question: string; readonly lang: Lang; readonly targets: readonly [FigureTarget, FigureTarget]; readonly partOfWhole?: boolean }
  | { readonly kind: "rank"; readonly question: string; readonly lang: Lang; readonly targets: readonly FigureTarget[]; readonly ascending: boolean }
  /** Rows of one disclosure ranked (the children of a row, or a classification level): see `_rank-within.ts`. */
  | ({ readonly kind: "rank-within"; readonly question: string; readonly lang: Lang } & RankWithin)
  /** Projects of one disclosure counted by their self-evaluation totals: see `_tally.ts`. */
  | ({ readonly kind: "tally"; readonly question: string; readonly lang: Lang } & Tally)
  | {
      readonly kind: "passage";
      readonly question: string;
      readonly lang: Lang;
      readonly passageKind: PassageKind;
      readonly query: string;
      readonly department: string | null;
      readonly year: number | null;
      /** The thing asked about ("下属单位"), when the question names one. */
      readonly topic?: string | null;
      /** The document's own headings for what is asked ("发现的问题及原因" for 发现了什么问题). */
      readonly headings?: readonly string[];
    }
  /** A budget the document states only as the outturn's change against it (see `_offset.ts`). */
  | { readonly kind: "offset"; readonly question: string; readonly lang: Lang; readonly target: FigureTarget }
  /** A year without a disclosure: refused (`error`), with the next year's figure and stated change when it has them (see `_prior.ts`). */
  | { readonly kind: "prior"; readonly question: string; readonly lang: Lang; readonly target: FigureTarget; readonly prior: number; readonly error: AnswerError; readonly derive?: boolean }
  | { readonly kind: "refuse"; readonly question: string; readonly lang: Lang; readonly error: AnswerError };

/** What composing an answer reads: facts by department-year, corpus lines, passage search. */
export interface AnswerData {
  factsFor(department: string, year: number): readonly Fact[];
  /**
   * Every department-year's stored answer to one headline ask (see `headlineAsks`), by
   * "department|year" (null: no figure); a ranking across departments that asks it reads these
   * instead of every department's facts. Department-years absent (or no such reader) are linked
   * from `factsFor`.
   */
  headlineFigures?(ask: string): ReadonlyMap<string, Selection | null>;
  readonly readLine: LineReader;
  searchPassages(query: string, scope: { department: string | null; year: number | null }, k: number): Promise<Passage[]>;
  /** The passage that follows `p` in its document, if any. */
  nextPassage(p: Passage): Passage | null;
  /** Every passage of `p`'s section, in document order. */
  sectionPassages(p: Passage): readonly Passage[];
}

/** A refusal answer for an expected failure. */
export function refuse(question: string, lang: Lang, error: AnswerError): Answer {
  return {
    question,
    kind: "refuse",
    text: errorMessage(error, lang),
    value: null,
    unit: null,
    department: "department" in error && typeof error.department === "string" ? error.department : null,
    year: "year" in error && typeof error.year === "number" ? error.year : null,
    status: null,
    citations: [],
    error,
    lang,
  };
}

function notDisclosed(question: string, lang: Lang, t: FigureTarget): Answer {
  return refuse(question, lang, {
    code: "not_disclosed",
    department: t.department,
    year: t.year,
    item: t.topic ?? t.items[0] ?? (lang === "zh" ? "该项" : "this item"),
  });
}

/**
 * At most this many departments of a ranking are linked from their facts one by one (about 60 ms
 * each in a large archive); a ranking of a headline figure reads stored answers instead.
 */
export const RANK_LIVE_MAX = 24;

function operand(t: FigureTarget, data: AnswerData): Operand | null {
  const sel = selectFigure(data.factsFor(t.department, t.year), t);
  return sel ? { department: t.department, year: t.year, sel } : null;
}

async function compose(req: AnswerRequest, data: AnswerData): Promise<{ answer: Answer; values: string[]; extra: string[]; facts?: readonly Fact[] }> {
  const { question, lang } = req;
  switch (req.kind) {
    case "refuse":
      return { answer: refuse(question, lang, req.error), values: [], extra: [] };
    case "figure": {
      const t = req.target;
      const pool = data.factsFor(t.department, t.year);
      const found = resolveFigure(pool, t);
      // A stated share that names no base ("公务接待费占 0%") may be of another whole than the one
      // asked: the share computed from the part and whole named wins.
      // Not stated as asked: what the plan computes instead (a change, a share), else the choices.
      if ((found === null || isClarification(found)) && req.fallback) {
        const alt = await compose(req.fallback, data);
        if (alt.answer.kind === "number" || found === null) return alt;
      }
      // A stated share that names no base may be of another whole than the one asked: the share
      // computed from the part and whole named checks it, and wins when they disagree ("公务接待费
      // 占 0%" stated elsewhere, 100% of the 三公 asked).
      if (found !== null && !isClarification(found) && t.aspect === "占比" && req.fallback?.kind === "share" && !found.best.qualifier.some((q) => q.startsWith("占"))) {
        const alt = await compose(req.fallback, data);
        // Disagreeing at the stated figure's own precision ("占64%" agrees with 64.11 %).
        if (alt.answer.kind === "number" && alt.answer.value !== null && !new Decimal(alt.answer.value).toDecimalPlaces(writtenPlaces(found.best.value), Decimal.ROUND_HALF_UP).equals(found.best.value) && new Decimal(alt.answer.value).minus(found.best.value).abs().gt("0.1")) return alt;
      }
      if (isClarification(found)) return clarify(question, lang, t, pool, found, data);
      const sel = found;
      if (!sel) return { answer: notDisclosed(question, lang, t), values: [], extra: [] };
      const figure = composeFigure(sel, { question, lang, department: t.department, year: t.year, defaultYear: req.defaultYear, inferredDepartment: req.inferredDepartment === true }, data.readLine);
      const quantity = quantityOf(pool, sel.best);
      const also = alsoCounted(pool, t, sel);
      const [first = "", ...rest] = figure.text.split("\n");
      // "几批次多少人": each count asked, as the same sentence states it.
      const stated = `${figure.value} ${figure.unit}`;
      const head = also.length > 0 && first.includes(stated) ? first.replace(stated, [stated, ...also.map((f) => `${f.value} ${f.unit}`)].join(lang === "zh" ? "，" : ", ")) : first;
      const which = `${lang === "zh" ? "所答数字" : "Figure"}：${quantityLabel(quantity)}`;
      const answer: Answer = yesNoZero(question, sel.best) || wordedZero(sel.sources)
        ? // "有下属单位吗": the document's own words answer whether there is any ("没有下属单位"), with the count in them;
          // a zero stated only in words is answered in those words.
          { ...figure, kind: "text", value: null, unit: null, text: [lang === "zh" ? `${t.department} ${t.year}年度：没有。` : `${t.department}, ${t.year}: none.`, which, ...rest].join("\n"), quantity }
        : { ...figure, text: [head, which, ...rest].join("\n"), quantity, alternatives: [...changeAlternatives(pool, sel.best), ...otherUnitForms(sel), ...also.map((f) => ({ value: f.value, unit: f.unit }))] };
      return { answer, values: [...sel.sources.map((f) => f.value), ...also.map((f) => f.value), ...(answer.value ? [answer.value] : []), ...sel.best.conflicting], extra: [...codesOf(sel.sources), String(sel.sources.length)], facts: [...sel.sources, ...also] };
    }
    case "offset": {
      const t = req.target;
      const ops = offsetOperands(data.factsFor(t.department, t.year), t);
      if (!ops) return { answer: notDisclosed(question, lang, t), values: [], extra: [] };
      const answer = composeOffset(question, lang, t, ops, data.readLine);
      const facts = [...ops.outturn.sources, ...ops.change.sources];
      const shown = facts.flatMap((f) => [f.value, f.value.replace(/^-/, "")]);
      return { answer, values: [...shown, ...(answer.value ? [answer.value] : [])], extra: [...codesOf(facts), String(t.year)], facts };
    }
    case "prior": {
      const t = req.target;
      const ops = priorOperands(data.factsFor(t.department, t.year), t, req.prior);
      const refusal = refuse(question, lang, req.error);
      if (!ops) return { answer: refusal, values: [], extra: [] };
      // Worked out only when the question asks for it to be worked out (see the plan's DERIVE).
      const answer = req.derive ? composePriorDerived(question, lang, t, req.prior, ops, data.readLine) : composePriorRefusal(refusal, t, req.prior, ops, data.readLine);
      const facts = [...ops.current.sources, ...ops.change.sources];
      const shown = facts.flatMap((f) => [f.value, f.value.replace(/^-/, "")]);
      return { answer, values: [...shown, ...(answer.value ? [answer.value] : [])], extra: [...codesOf(facts), String(t.year), String(req.prior), ...req.error.code === "year_not_covered" ? req.error.available.map(String) : []], facts };
    }
    case "sum":
    case "compare":
    case "share": {
      const ops: Operand[] = [];
      for (const t of req.targets) {
        const pool = data.factsFor(t.department, t.year);
        // A share's whole stated in the sentence that states the part ("…业务经费18,430.93万元，其中…
        // 示范区建设5,701.46万元") is the whole it is a part of, whatever else carries the whole's name.
        const part = req.kind === "share" && ops.length === 1 ? ops[0] : undefined;
        const stated = part ? pool.filter((f) => f.source.kind === "narrative" && f.unit === part.sel.best.unit && sameValue(f.value, part.sel.best.value)) : [];
        const lines = new Set(stated.map((f) => f.source.line));
        const beside = part && part.department === t.department && part.year === t.year && stated.length > 0 ? resolveFigure(pool, t, (f) => lines.has(f.source.line) && !sameValue(f.value, part.sel.best.value)) : null;
        // Where that sentence names more than one figure of the whole's name, the question leaves a choice open.
        const found = beside ?? resolveFigure(pool, t);
        if (isClarification(found)) return clarify(question, lang, t, pool, found, data);
        if (!found) return { answer: notDisclosed(question, lang, t), values: [], extra: [] };
        ops.push({ department: t.department, year: t.year, sel: found });
      }
      // Two operands resolved to one figure would count it twice: better not to answer.
      if (new Set(ops.map((o) => o.sel.best.id)).size < ops.length) return { answer: refuse(question, lang, { code: "not_understood" }), values: [], extra: [] };
      const [a, b] = ops;
      const answer =
        req.kind === "sum" ? composeSum(question, lang, ops, data.readLine) : !a || !b ? null : req.kind === "share" ? composeShare(question, lang, a, b, data.readLine, req.partOfWhole === true) : composeCompare(question, lang, a, b, data.readLine, req.kind === "compare" ? req.asked : undefined);
      if (!answer) return { answer: refuse(question, lang, { code: "not_understood" }), values: [], extra: [] };
      // Operands may be shown without their sign ("减少 17.99"); a comparison shows its gap as well.
      const gap = req.kind === "compare" && a && b ? [new Decimal(a.sel.best.value).minus(b.sel.best.value).abs().toFixed()] : [];
      const shown = [...ops.flatMap((o) => o.sel.sources.map((f) => f.value)).flatMap((v) => [v, v.replace(/^-/, "")]), ...gap];
      return { answer, values: [...shown, ...(answer.value ? [answer.value] : [])], extra: [...codesOf(ops.flatMap((o) => o.sel.sources)), ...ops.map((o) => String(o.year)), "100"], facts: ops.flatMap((o) => o.sel.sources) };
    }
    case "rank": {
      // A ranking that asks a headline figure (an item named plainly) reads each department's
      // stored answer; any other is linked department by department, which an archive's hundreds
      // of departments make too slow to wait for: it is asked to be narrowed.
      const first = req.targets[0];
      const key = first ? headlineKey(first) : null;
      const stored = key !== null && data.headlineFigures ? data.headlineFigures(key) : null;
      const live = stored === null ? req.targets : req.targets.filter((t) => !stored.has(`${t.department}|${t.year}`));
      if (live.length > RANK_LIVE_MAX) return { answer: refuse(question, lang, { code: "rank_too_wide", departments: req.targets.length }), values: [], extra: [String(req.targets.length)] };
      const ops = req.targets
        .map((t): Operand | null => {
          const sel = stored?.get(`${t.department}|${t.year}`);
          if (sel === undefined) return operand(t, data);
          return sel === null ? null : { department: t.department, year: t.year, sel };
        })
        .filter((o): o is Operand => o !== null);
      const order = rankOrder(ops, req.ascending);
      const answer = composeRank(question, lang, order, req.ascending, data.readLine);
      if (!answer) {
        const t = req.targets[0];
        return { answer: t ? notDisclosed(question, lang, t) : refuse(question, lang, { code: "not_understood" }), values: [], extra: [] };
      }
      // What the reply shows is checked: the departments listed (not every one ranked).
      const shown = order.slice(0, RANK_SHOWN);
      const sources = shown.flatMap((o) => o.sel.sources);
      return { answer, values: sources.map((f) => f.value), extra: [...codesOf(sources), ...shown.map((_, i) => String(i + 1)), ...shown.map((o) => String(o.year)), String(order.length)], facts: sources };
    }
    case "rank-within": {
      const t = req.target;
      const pool = data.factsFor(t.department, t.year);
      const answer = composeRankWithin(question, lang, req, pool, data.readLine);
      if (!answer) return { answer: notDisclosed(question, lang, t), values: [], extra: [] };
      const shown = pool.filter((f) => answer.text.includes(f.subject)).map((f) => f.value);
      return { answer, values: [...shown, ...(answer.value ? [answer.value] : [])], extra: [...codesOf(pool), ...Array.from({ length: 50 }, (_, i) => String(i + 1)), String(t.year)], facts: pool };
    }
    case "tally": {
      const t = req.target;
      const pool = data.factsFor(t.department, t.year);
      const members = projectTotals(pool);
      const answer = composeTally(question, lang, req, members, data.readLine);
      if (!answer) return { answer: notDisclosed(question, lang, t), values: [], extra: [] };
      const counted = members.length;
      return { answer, values: [...pool.filter((f) => answer.text.includes(f.subject)).map((f) => f.value), req.condition.value], extra: [answer.value ?? "", String(counted), ...Array.from({ length: counted }, (_, i) => String(i + 1)), String(t.year)], facts: pool };
    }
    case "passage": {
      const passages = await data.searchPassages(req.query, { department: req.department, year: req.year }, 8);
      const answer = composePassages(question, lang, passages, req.query, req.passageKind, { department: req.department, year: req.year }, data.nextPassage, data.sectionPassages, { topic: req.topic ?? null, headings: req.headings ?? [] });
      return { answer, values: [], extra: [] };
    }
    default:
      return assertNever(req, "answer request");
  }
}

function clarify(question: string, lang: Lang, t: FigureTarget, pool: readonly Fact[], c: Clarification, data: AnswerData): { answer: Answer; values: string[]; extra: string[]; facts: readonly Fact[] } {
  const candidates = candidatesOf(pool, c.candidates, data.readLine);
  const answer = composeClarify(question, lang, { department: t.department, year: t.year, uncovered: c.uncovered }, candidates);
  // (The question's own words it echoes as not accounted for may hold digits: "24年".)
  return { answer, values: c.candidates.map((f) => f.value), extra: [...codesOf(c.candidates), ...c.candidates.map((_, i) => String(i + 1)), ...numbersIn(c.uncovered)], facts: c.candidates };
}

// Numbers a reply may show besides figures: codes, digits inside the document's own names
// ("2021年度小进限企业奖励资金"), and the verification record (identities computed from facts).
function codesOf(facts: readonly Fact[]): string[] {
  return facts.flatMap((f) => [
    ...(f.code ? [f.code] : []),
    ...numbersIn(f.subject),
    ...f.qualifier.flatMap((q) => numbersIn(q)),
    ...f.evidence.flatMap((e) => numbersIn(e.note)),
  ]);
}

/**
 * Composes the answer for a planned request, then applies the final guard: a reply stating any
 * number that is not a cited fact, an exact computation, a year or a line number is withheld.
 */
export async function composeAnswer(req: AnswerRequest, data: AnswerData): Promise<Answer> {
  const composed = await composeGuarded(req, data);
  return withUnitAlternatives(composed);
}

// Whether there is any of something ("有下属单位吗", "有没有…"), asking no amount or count.
const YES_NO = /有没有|是否有|有无|是不是有|有[^?？，,。]{1,12}吗|\b(?:does|do|did|is|are|was|were) (?:it|they|there) have any\b/i;
const AMOUNT_ASKED = /多少|几|花了|花费|金额|how (?:much|many)/i;

/** A yes/no question about whether there is any, answered by a count of zero. */
function yesNoZero(question: string, f: Fact): boolean {
  return YES_NO.test(question) && !AMOUNT_ASKED.test(question) && !isAmount(f.unit) && f.unit !== "%" && sameValue(f.value, "0");
}

/**
 * A zero the document states in words ("本单位无机关运行经费支出", "我部门没有下属单位"): the answer is
 * the document's sentence ("没有"), with any zero figure agreeing with it cited beside, not a number.
 */
function wordedZero(sources: readonly Fact[]): boolean {
  return sources.every((f) => sameValue(f.value, "0")) && sources.some((f) => f.source.kind === "narrative" && !/\d/.test(f.source.raw));
}

/**
 * Adds the amount in 万元 to an answer stated in 元 or 亿元 (exact; one alternative per unit): the
 * other money unit a question may expect; a count in a two-word unit in each word; a count in the
 * other words its things are counted in (2台 of 公务用车 is 2辆).
 */
function withUnitAlternatives(a: Answer): Answer {
  const counted = a.quantity ? [a.quantity.table, a.quantity.row, a.quantity.column].filter(Boolean).join(" ") : "";
  const twins = a.kind === "number" && a.value !== null && a.unit ? twinCounters(a.unit, counted) : [];
  if (twins.length > 0 && a.value !== null) return { ...a, alternatives: [...(a.alternatives ?? []), ...twins.map((unit) => ({ value: a.value ?? "", unit }))] };
  // A count in a unit of two words ("台(套)"): the figure in either word, as a question asks it ("几台").
  const pair = a.kind === "number" && a.value !== null && a.unit ? /^([^()（）]+)[(（]([^()（）]+)[)）]$/.exec(a.unit) : null;
  if (pair && a.value !== null) return { ...a, alternatives: [...(a.alternatives ?? []), { value: a.value, unit: pair[1] ?? "" }, { value: a.value, unit: pair[2] ?? "" }] };
  // An amount in 万元 asked "多少元": the same amount in 元, exact.
  if (a.kind === "number" && a.value !== null && a.unit === "万元" && /多少元|几元/.test(a.question) && !(a.alternatives ?? []).some((x) => x.unit === "元")) return { ...a, alternatives: [...(a.alternatives ?? []), { value: new Decimal(a.value).times(10000).toFixed(), unit: "元" }] };
  const factor = a.unit && a.unit !== "万元" ? WAN_PER[a.unit] : undefined;
  if (a.kind !== "number" || a.value === null || factor === undefined) return a;
  const wan = { value: new Decimal(a.value).times(factor).toFixed(), unit: "万元" };
  return { ...a, alternatives: [...(a.alternatives ?? []), wan] };
}

/** The figure as the document also states it in another unit (one per unit). */
function otherUnitForms(sel: Selection): { value: string; unit: string }[] {
  const out: { value: string; unit: string }[] = [];
  for (const f of sel.forms ?? []) if (f.unit !== sel.best.unit && !out.some((o) => o.unit === f.unit)) out.push({ value: f.value, unit: f.unit });
  return out;
}

/** A change stated both ways ("增加1.77万元，增长84.3%"): the other form beside the one answered. */
function changeAlternatives(pool: readonly Fact[], best: Fact): { value: string; unit: string }[] {
  const other = best.measure === "增减" ? "增长率" : best.measure === "增长率" ? "增减" : null;
  if (other === null) return [];
  const twin = pool.find((f) => f.measure === other && f.source.line === best.source.line && f.subject === best.subject);
  return twin ? [{ value: twin.value.replace(/^-/, ""), unit: twin.unit }] : [];
}

async function composeGuarded(req: AnswerRequest, data: AnswerData): Promise<Answer> {
  const { answer, values, extra, facts } = await compose(req, data);
  const guarded = guardAnswer(answer, { values, extra: [...extra, ...numbersOfQuestion(req.question)] });
  return guarded === answer ? guardSources(answer, facts ?? [], data.readLine) : guarded;
}

/**
 * The corpus check of the final guard: every quote must stand in the corpus file and every figure
 * on its cited line, re-read now; otherwise the reply is withheld, so a damaged or altered index
 * can never put a figure or a quote in front of a user that the document does not state.
 */
export function guardSources(answer: Answer, facts: readonly Fact[], read: LineReader): Answer {
  const { quotes, figures } = findUnsourced(answer.citations, facts, read);
  if (quotes.length === 0 && figures.length === 0) return answer;
  log.error("guard withheld a reply: not what the corpus says", {
    quotes: quotes.map((c) => `${c.file}:${c.line}`),
    figures: figures.map((f) => `${f.value} ${f.source.file}:${f.source.line}`),
  });
  return refuse(answer.question, answer.lang, { code: "guard_rejected", numbers: figures.map((f) => f.value) });
}

/**
 * The final guard: returns the answer unchanged when every number in its text is an allowed
 * figure (`values`, `extra`), a year it names, or a citation's line number or quoted text;
 * otherwise withholds it (a `guard_rejected` refusal) and logs the stray numbers.
 */
export function guardAnswer(answer: Answer, allowed: { values: readonly string[]; extra?: readonly string[] }): Answer {
  const err = answer.error;
  const years = [answer.year, ...(err && "year" in err ? [err.year] : []), ...(err && "available" in err ? err.available : [])].filter(
    (y): y is number => typeof y === "number",
  );
  const strays = findStrayNumbers(answer.text, { values: allowed.values, years, citations: answer.citations, extra: allowed.extra ?? [] });
  if (strays.length === 0) return answer;
  log.error("guard withheld a reply", { strays, kind: answer.kind });
  return refuse(answer.question, answer.lang, { code: "guard_rejected", numbers: strays });
}

// Numbers the user typed (a year, a 科目编码) may be echoed back in a refusal.
function numbersOfQuestion(q: string): string[] {
  return [...q.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}
