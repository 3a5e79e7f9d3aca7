import type { Fact } from "../facts/types.js";
import { Decimal, sameValue, WAN_PER, writtenPlaces } from "../core/money.js";
import { ITEMS } from "../facts/items.js";
import { norm } from "../answer/_text.js";
import { describeFacts } from "./_describe.js";
import { account, admits, readSubject, scoreDescriptor, type Subject } from "./_score.js";
import { claimed, markExact, markRows } from "./_covers.js";
import { tableCovers } from "./_context.js";
import { looseMask, orgWordMask } from "./_loose.js";
import { poolIndex, REACH_NONE, type PoolIndex, type Prepared } from "./_pool.js";
import { SYNONYMS } from "./_synonyms.js";
import type { Descriptor, Link, Scored } from "./types.js";

export type { Descriptor, Label, LabelRole, Link, Quantity, Scored } from "./types.js";
export { describeFacts } from "./_describe.js";
export { contentMask } from "./_fillers.js";
export { tableCovers } from "./_context.js";
export { buildSpelling, correctSpelling, keptWords, type KeptWords, type Spelling } from "./_spelling.js";

/**
 * The everyday words that name an amount of the classification ("出差" → 差旅费, "开会" → 会议费;
 * see `_synonyms.ts`), not a piece of a longer name ("社保" of 社会保障和就业支出).
 */
export function everydayWords(): string[] {
  return SYNONYMS.filter((s) => s.official.every((o) => /(费|经费|支出|补贴|补助|工资|奖金|公积金|缴费)$/.test(o))).flatMap((s) => [...s.says]);
}

/** Below this share of its words accounted for, a question is not about a figure at all. */
export const CLARIFY_FLOOR = 0.5;
const FULL = 0.999;
const TIE = 1e-9;
const LOOSE = 0.05;

/** What linking needs besides the words: the 科目编码 asked, which facts are admissible, the measure asked. */
export interface LinkOptions {
  readonly code: string | null;
  readonly accept: (f: Fact) => boolean;
  /**
   * When given, `accept` depends on the fact and on this key alone: the descriptors it admits are
   * worked out once per pool and key, and kept (questions of a kind ask the same of a pool).
   */
  readonly acceptKey?: string;
  /** The measure asked (决算 by default): an admissible figure of another measure (a count) ranks below. */
  readonly measure?: string;
}

const cache = new WeakMap<readonly Fact[], Descriptor[]>();

/** The descriptors of one department-year's facts (built once per pool). */
export function descriptorsOf(pool: readonly Fact[]): Descriptor[] {
  let ds = cache.get(pool);
  if (!ds) {
    ds = describeFacts(pool);
    cache.set(pool, ds);
  }
  return ds;
}

function distinctBy<T>(xs: readonly T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A figure's value and unit, money in 万元, for telling equal amounts apart from different ones. */
function amountKey(f: Fact): string {
  const factor = WAN_PER[f.unit];
  try {
    return factor ? `万元|${new Decimal(f.value).times(factor).toFixed()}` : `${f.unit}|${new Decimal(f.value).toFixed()}`;
  } catch {
    return `${f.unit}|${f.value}`;
  }
}

/** Two money amounts in different units one of which is the other rounded to its own decimals (742,940.22 元 and 74.29 万元). */
function roundedAlike(a: Fact, b: Fact): boolean {
  const fa = WAN_PER[a.unit];
  const fb = WAN_PER[b.unit];
  if (!fa || !fb || a.unit === b.unit) return false;
  try {
    const [x, y] = [new Decimal(a.value).times(fa), new Decimal(b.value).times(fb)];
    // Each amount's precision in 万元: the decimals it is written with ("74.30": two), shifted by its unit's factor.
    const places = (v: string, f: Decimal.Value): number => Math.max(0, writtenPlaces(v) - new Decimal(f).log(10).round().toNumber());
    const coarse = Math.min(places(a.value, fa), places(b.value, fb));
    return x.toDecimalPlaces(coarse, Decimal.ROUND_HALF_UP).equals(y.toDecimalPlaces(coarse, Decimal.ROUND_HALF_UP));
  } catch {
    return false;
  }
}

/**
 * When `part`'s row is one of the two conjuncts of `whole`'s "A及B" row (its tail words aside): the
 * words that conjunct has of its own and those the other has ("购置" and "运行" of 公务用车购置及运行费).
 */
function conjuncts(part: Scored, whole: Scored): { readonly own: string; readonly other: string } | null {
  const bare = (s: string | null): string => norm((s ?? "").split(" > ").at(-1) ?? "").replace(/(?:支出|费用|费)+$/, "");
  const w = bare(whole.d.quantity.row);
  const at = w.indexOf("及");
  if (at <= 0 || part.d.quantity.row === whole.d.quantity.row) return null;
  const [left, right] = [w.slice(0, at), w.slice(at + 1)];
  const p = bare(part.d.quantity.row);
  const k = commonHead(left, p);
  // The conjunct's own words: what follows the head the two share ("购置", "运行维护").
  const leftOwn = left.slice(commonHead(left, right));
  const own = p === left ? leftOwn : k >= 2 && p.slice(k) === right ? right : null;
  if (own === null || own.length < 2) return null;
  return { own, other: own === right ? left.slice(k) : right };
}

/** Whether `text` says any two characters of `words`. */
function saysAny(text: string, words: string): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (text.includes(words.slice(i, i + 2))) return true;
  return false;
}

/** Whether `part` is a conjunct of `whole` and `text` says nothing of its own words ("购置" of 公务用车购置费). */
function conjunctOf(part: Scored, whole: Scored, text: string): boolean {
  const c = conjuncts(part, whole);
  return c !== null && !saysAny(text, c.own);
}

/** Whether `part` is a conjunct of `whole` that `text` names, naming nothing of the other ("运行" of 公务用车购置及运行费). */
function partNamed(part: Scored, whole: Scored, text: string): boolean {
  const c = conjuncts(part, whole);
  return c !== null && saysAny(text, c.own) && !saysAny(text, c.other);
}

/** The length of the longest shared beginning of two words. */
function commonHead(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

function order(a: Scored, b: Scored): number {
  if (Math.abs(a.accounted - b.accounted) > TIE) return b.accounted - a.accounted;
  if (Math.abs(a.coverage - b.coverage) > TIE) return b.coverage - a.coverage;
  if (Math.abs(a.preference - b.preference) > TIE) return b.preference - a.preference;
  if (Math.abs(a.rank - b.rank) > TIE) return b.rank - a.rank;
  const ta = a.d.fact.source.kind === "table" ? 0 : 1;
  const tb = b.d.fact.source.kind === "table" ? 0 : 1;
  if (ta !== tb) return ta - tb;
  return a.d.fact.source.line - b.d.fact.source.line;
}

/**
 * Links a question's subject (normalised, recognised parts blanked) to the facts of one
 * department-year. A match accounts for every content word; several different figures that fit
 * equally, or a best fit that leaves words over, make a clarification; nothing named is none.
 */
export function linkSubject(pool: readonly Fact[], subjectText: string, opts: LinkOptions): Link {
  const scored = scoreAll(pool, subjectText, opts);
  return decide(scored, opts.measure ?? null, subjectText);
}

// Admitted sets kept per pool (a few kinds of question ask most).
const ADMITTED_MAX = 64;

/** The descriptors `opts.accept` admits (as a mask and in order), kept per pool under `opts.acceptKey`. */
function admittedOf(index: PoolIndex, opts: LinkOptions): { readonly mask: Uint8Array; readonly at: readonly number[] } {
  const key = opts.acceptKey;
  const known = key === undefined ? undefined : index.admitted.get(key);
  if (known) return known;
  const n = index.ds.length;
  const mask = new Uint8Array(n);
  const at: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!opts.accept((index.ds[i] as Descriptor).fact)) continue;
    mask[i] = 1;
    at.push(i);
  }
  const out = { mask, at };
  if (key !== undefined) {
    if (index.admitted.size >= ADMITTED_MAX) index.admitted.clear();
    index.admitted.set(key, out);
  }
  return out;
}

/** Marks the descriptors one of whose own labels (row, item) may account for some of the subject (see `reachOf`). */
function mayBeNamed(index: PoolIndex, s: Subject): Uint8Array {
  const named = new Uint8Array(index.ds.length);
  const { ids, holders } = index.own;
  for (let k = 0; k < ids.length; k++) {
    if (s.reach[ids[k] as number] === REACH_NONE) continue;
    const hs = holders[k] as Int32Array;
    for (let j = 0; j < hs.length; j++) named[hs[j] as number] = 1;
  }
  return named;
}

/** The admitted descriptors not read for being unnamed that `scoreDescriptor` would have set aside (see `Subject.deferred`). */
function unnamed(index: PoolIndex, s: Subject, at: readonly number[], named: Uint8Array | null, tableNamed: boolean): Prepared[] {
  const out: Prepared[] = [];
  if (named === null) return out;
  for (let j = 0; j < at.length; j++) {
    const i = at[j] as number;
    if (named[i] !== 1 && admits(index.ds[i] as Descriptor, index.preparedAt(i), s, tableNamed)) out.push(index.preparedAt(i));
  }
  return out;
}

/** Every descriptor of the pool that names the subject, best first (for `linkSubject` and debugging). */
export function scoreAll(pool: readonly Fact[], subjectText: string, opts: LinkOptions): Scored[] {
  const index = poolIndex(descriptorsOf(pool));
  const s = readSubject(subjectText, opts.code, index);
  const { mask: accepted, at } = admittedOf(index, opts);
  // A table the question names restricts the answer to it, when the document has such a table.
  // (Words carried over from the previous question, after \u0001, name no table of this one.)
  const own = subjectText.split("\u0001")[0] ?? subjectText;
  const tableNamed = /表|里|中/.test(own) && at.some((i) => (index.ds[i] as Descriptor).labels.some((l) => l.role === "table" && tableCovers(own, l.text, s.mask).length > 0));
  markExact(s, index, accepted);
  markRows(s, index, accepted);
  const measure = opts.measure ?? null;
  const named = s.code === null ? mayBeNamed(index, s) : null;
  let scored: Scored[] = [];
  for (let j = 0; j < at.length; j++) {
    const i = at[j] as number;
    // (One none of whose own labels can account for a word is not named: `scoreDescriptor` would
    // set it aside for `claimed`, which reads it only if asked.)
    if (named !== null && named[i] !== 1) continue;
    const x = scoreDescriptor(index.ds[i] as Descriptor, index.preparedAt(i), s, tableNamed, measure);
    if (x !== null) scored.push(x);
  }
  if (scored.some((x) => x.missed.length > 0)) {
    // A loose word some label of the pool does account for tells figures apart: it stays content.
    const words = looseMask(s.text, s.mask, descriptorsOf(pool));
    const taken = claimed(s, words, () => unnamed(index, s, at, named, tableNamed));
    // Words carried over from the previous question (after \u0001) prefer, never require.
    const carried = subjectText.indexOf("\u0001");
    const org = orgWordMask(s.text);
    const loose = words.map((m, k) => (m && !taken[k]) || org[k] === true || (carried >= 0 && k > carried));
    scored = scored.map((x) => account(x, s, loose));
  }
  scored.sort(order);
  return scored;
}

function decide(scored: readonly Scored[], measure: string | null, text: string): Link {
  const first = scored[0];
  if (!first || first.accounted < CLARIFY_FLOOR) return { kind: "none" };
  // A part of a combined row best by a whisker, the whole close behind, for words that name neither
  // part: the whole is what they ask (see `conjunctOf`).
  const whole = first.accounted >= FULL ? scored.find((x) => x !== first && x.accounted >= FULL && x.preference >= first.preference - LOOSE && conjunctOf(first, x, text)) : undefined;
  const top = whole ?? first;
  if (top.accounted < FULL) {
    const candidates = distinctBy(scored.filter((x) => x.coverage >= top.coverage - 0.2), (x) => `${x.d.rowKey}|${x.d.fact.value}`).slice(0, 5);
    return { kind: "clarify", candidates, uncovered: top.uncovered };
  }
  // Different quantities that fit equally well: statement order (status, table first) decides nothing.
  // A best figure more specific than the words asked ("公务用车" → 购置(更新)公务用车) does not win by a
  // whisker over another quantity: the question leaves the choice open.
  const window = top.excess > 0 ? LOOSE : TIE;
  // A figure of the measure asked is not in doubt because a figure of another (a count) fits as well.
  const sameMeasure = (x: Scored): boolean => measure === null || top.d.fact.measure !== measure || x.d.fact.measure === measure;
  // A part of a combined row the best names ("公务用车购置费" of 公务用车购置及运行维护费) is no rival to it
  // for words that name neither part: the whole answers them.
  const close = scored.filter((x) => x.accounted >= FULL && x.coverage >= top.coverage - TIE && x.preference >= top.preference - window && sameMeasure(x) && (x === top || !conjunctOf(x, top, text)));
  // Words naming one conjunct of a combined row, and nothing of the other, ask that part ("公务用车运行费": not 购置及运行费).
  const own = text.split("\u0001")[0] ?? text;
  const tied = close.filter((w) => !close.some((p) => partNamed(p, w, own)));
  const best = tied.includes(top) ? top : (tied[0] ?? top);
  // One amount stated in 元 and in 万元 is one figure (742,940.22 元 and 74.29 万元 rounded from it too).
  const values = distinctBy(tied, (x) => amountKey(x.d.fact)).filter((x, i, xs) => !xs.slice(0, i).some((y) => roundedAlike(y.d.fact, x.d.fact)));
  if (values.length > 1) {
    return { kind: "clarify", candidates: values.slice(0, 6), uncovered: "" };
  }
  const rivals = scored.filter(
    (x) => x !== best && x.accounted >= FULL && x.d.fact.measure === best.d.fact.measure && x.d.fact.unit === best.d.fact.unit && sameValue(x.d.fact.value, best.d.fact.value),
  );
  const forms = tied.filter((x) => roundedAlike(x.d.fact, best.d.fact));
  return { kind: "match", best, rivals, ...(forms.length > 0 ? { forms } : {}) };
}

/** The quantity a fact of `pool` states, in the document's labels. */
export function quantityOf(pool: readonly Fact[], fact: Fact): Descriptor["quantity"] {
  const d = descriptorsOf(pool).find((x) => x.fact === fact) ?? describeFacts([fact])[0];
  return d ? d.quantity : { table: null, row: fact.subject, code: fact.code, column: null, measure: fact.measure };
}

/** "公开03表 支出决算表 › 一般公共服务支出 > 行政运行 › 基本支出": a quantity as one label. */
export function quantityLabel(q: Descriptor["quantity"]): string {
  return [q.table, q.code ? `${q.row}（${q.code}）` : q.row, q.column].filter((x): x is string => !!x).join(" › ");
}

/**
 * The documents' own vocabulary for typo repair: every label of the given department-year pools
 * (rows, parents, columns, tables, subjects, a sentence's verb) and the official names of items — not the everyday
 * synonyms, which are phrasing. Describes each pool once (the descriptors are kept for linking).
 */
export function vocabularyOf(pools: Iterable<readonly Fact[]>): Set<string> {
  const words = new Set<string>();
  for (const it of Object.values(ITEMS)) for (const n of [it.zh, ...it.names]) words.add(norm(n));
  for (const pool of pools)
    for (const d of descriptorsOf(pool)) {
      for (const l of d.labels) if (l.role !== "sentence" && l.role !== "section" && l.role !== "item") words.add(l.text);
      // A sentence's verb is the document's word as well ("调减" is no typo of 调降).
      if (d.fact.predicate) words.add(norm(d.fact.predicate));
    }
  return words;
}
