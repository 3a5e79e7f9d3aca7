/**
 * What the labels of a pool account for in one question: each label's covers worked out once per
 * question (by the readings `reachOf` leaves possible) and kept by the label's number, the spans
 * some label names exactly, the row labels per position, and the positions any label accounts for.
 */
import { assertNever } from "../core/result.js";
import { isWordChar } from "./_fillers.js";
import { bodyHeadCovers, tableCovers } from "./_context.js";
import { coversOf, synonym, type Cover } from "./_match.js";
import { REACH_NONE, REACH_PHRASE, SHARED_MANY, type Context, type PoolIndex, type Prepared, type ReadLabel } from "./_pool.js";
import type { Subject } from "./_score.js";

/**
 * The runs of word characters of the last question text read, by start: `runs[i][n]` is the run of
 * n + 1 characters from i (a question is read against a thousand sentences; its runs are cut once).
 */
let textRuns: { text: string; runs: string[][] } = { text: "", runs: [] };

function runsOf(text: string): string[][] {
  if (textRuns.text !== text) {
    const runs: string[][] = [];
    for (let i = 0; i < text.length; i++) {
      const from: string[] = [];
      for (let j = i; j < text.length && isWordChar(text[j]); j++) from.push(text.slice(i, j + 1));
      runs.push(from);
    }
    textRuns = { text, runs };
  }
  return textRuns.runs;
}

/**
 * Runs of two or more question characters that stand verbatim in a sentence, and everyday words for
 * an official term it uses ("老师" for its 专任教师).
 */
function sentenceCovers(text: string, sentence: string): Cover[] {
  const out: Cover[] = synonym(text, sentence).map((c) => ({ ...c, excess: 0 }));
  const runs = runsOf(text);
  let i = 0;
  while (i < text.length) {
    let j = i;
    const from = runs[i] ?? [];
    while (j - i < from.length && sentence.includes(from[j - i] ?? "")) j++;
    if (j - i >= 2) {
      out.push({ start: i, end: j, how: "exact", excess: 0 });
      i = j;
    } else i++;
  }
  return out;
}

const NONE: readonly Cover[] = [];

/**
 * Covers of text that shares fewer than two character positions with the question: only its
 * everyday phrases can account for any of it (see `reachOf`), as `coversFor` would read them.
 */
function phraseCovers(s: Subject, role: ReadLabel["role"] | "context", text: string): readonly Cover[] {
  switch (role) {
    case "table":
      return NONE;
    case "sentence":
    case "section":
    case "context":
      return synonym(s.text, text).map((c) => ({ ...c, excess: 0 }));
    case "column":
      return text.length >= 4 ? synonym(s.text, text) : NONE;
    case "row":
    case "item":
    case "parent":
      return synonym(s.text, text);
    default:
      return assertNever(role, "label role");
  }
}

/** The covers of one of a descriptor's labels (from the memo, computed on first need; none for a label that cannot cover any of the text). */
export function coversFor(s: Subject, l: ReadLabel): readonly Cover[] {
  const reach = s.reach[l.id];
  if (reach === REACH_NONE) return NONE;
  let covers = s.memo[l.id];
  if (!covers) {
    const text = l.text;
    const n = s.shared[l.id] ?? SHARED_MANY;
    const shared = n === SHARED_MANY ? Infinity : n;
    covers =
      reach === REACH_PHRASE
        ? phraseCovers(s, l.role, text)
        : l.role === "table"
          ? text.endsWith("表") ? tableCovers(s.text, text, s.mask) : coversOf(s.text, text, { fuzzy: false, content: s.mask, shared })
          : l.role === "sentence" || l.role === "section"
            ? sentenceCovers(s.text, text)
            : l.role === "column"
              ? [...coversOf(s.text, text, { fuzzy: text.length >= 4, content: s.mask, shared }), ...bodyHeadCovers(s.text, text)]
              : coversOf(s.text, text, { fuzzy: true, content: s.mask, shared });
    s.memo[l.id] = covers;
    s.computed.push(l.id);
  }
  return covers;
}

export function contextCovers(s: Subject, context: Context): readonly Cover[] {
  const reach = s.reach[context.id];
  if (reach === REACH_NONE) return NONE;
  let covers = s.memo[context.id];
  if (!covers) {
    covers = reach === REACH_PHRASE ? phraseCovers(s, "context", context.text) : sentenceCovers(s.text, context.text);
    s.memo[context.id] = covers;
    s.computed.push(context.id);
  }
  return covers;
}

/** A reading by typo or abbreviation never overrides a label the pool has for exactly those words. */
export function keptCovers(s: Subject, covers: readonly Cover[]): readonly Cover[] {
  // Nor does it read a piece of words another label names exactly ("维护费" of 公务用车运行维护费 is no typo of 维修费).
  return covers.filter((c) => (c.how !== "typo" && c.how !== "abbrev") || !exactOver(s, c));
}

/** Whether one of the labels naming the fact itself (row, item) keeps a cover (see `keptCovers`). */
export function namesOwn(s: Subject, p: Prepared): boolean {
  for (let i = 0; i < p.own.length; i++) {
    const covers = coversFor(s, p.own[i] as ReadLabel);
    for (let j = 0; j < covers.length; j++) {
      const c = covers[j] as Cover;
      if ((c.how !== "typo" && c.how !== "abbrev") || !exactOver(s, c)) return true;
    }
  }
  return false;
}

/**
 * Positions of the subject some label of the pool accounts for, by any reading (after scoring, from
 * the memo): worked out for the positions `asked` marks only (the others are left false), and no
 * further label is read once all of them are found.
 */
export function claimed(s: Subject, asked: readonly boolean[], unnamed: () => readonly Prepared[] = () => []): boolean[] {
  const out = new Array<boolean>(s.text.length).fill(false);
  let left = 0;
  for (let k = 0; k < s.text.length; k++) if (asked[k] === true) left++;
  const mark = (covers: readonly Cover[]): void => {
    for (let j = 0; j < covers.length; j++) {
      const c = covers[j] as Cover;
      for (let k = c.start; k < c.end; k++)
        if (asked[k] === true && !out[k]) {
          out[k] = true;
          left--;
        }
    }
  };
  const read = (ps: readonly Prepared[]): void => {
    for (let i = 0; i < ps.length && left > 0; i++) {
      const p = ps[i] as Prepared;
      for (let j = 0; j < p.contexts.length; j++) mark(contextCovers(s, p.contexts[j] as Context));
      for (let j = 0; j < p.labels.length; j++) mark(coversFor(s, p.labels[j] as ReadLabel));
    }
  };
  for (let j = 0; j < s.computed.length && left > 0; j++) mark(s.memo[s.computed[j] as number] ?? NONE);
  read(s.deferred);
  s.deferred.length = 0;
  if (left > 0) read(unnamed());
  return out;
}

/** Whether some label of the pool matches exactly the cover's words, or longer words around them. */
function exactOver(s: Subject, c: Cover): boolean {
  if (s.exact.has(`${c.start}:${c.end}`)) return true;
  for (const span of s.exact) {
    const [a, b] = span.split(":").map(Number) as [number, number];
    if (a <= c.start && c.end <= b && b - a > c.end - c.start) return true;
  }
  return false;
}

/** Whether one of `holders` (descriptor indices) is accepted. */
function anyAccepted(holders: readonly number[], accepted: Uint8Array): boolean {
  for (let j = 0; j < holders.length; j++) if (accepted[holders[j] as number] === 1) return true;
  return false;
}

/**
 * Marks the positions some accepted label of the pool matches exactly (see `Subject.exact`). Only
 * labels with a form starting with a pair of the question's characters can: they are found by
 * that pair (the question read without its 的 as well, see `withParticle`).
 */
export function markExact(s: Subject, pool: PoolIndex, accepted: Uint8Array): void {
  const { texts, holders, byPair } = pool.exact;
  const seen = new Uint8Array(texts.length);
  const read = (text: string): void => {
    for (let i = 0; i + 1 < text.length; i++) {
      const ids = byPair.get(text.slice(i, i + 2));
      if (ids === undefined) continue;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] as number;
        if (seen[id] === 1) continue;
        seen[id] = 1;
        if (!anyAccepted(holders[id] ?? [], accepted)) continue;
        for (const c of coversOf(s.text, texts[id] ?? "", { fuzzy: false, content: s.mask })) s.exact.add(`${c.start}:${c.end}`);
      }
    }
  };
  read(s.text);
  if (s.text.includes("的")) read(s.text.replace(/的/g, ""));
}

/**
 * Marks, per position, the row labels of the pool that account for it: words another figure's own
 * row names ("加油" for 燃料费) are never leaned on by a sibling figure of its sentence (维修费).
 */
export function markRows(s: Subject, pool: PoolIndex, accepted: Uint8Array): void {
  const { labels, holders } = pool.rows;
  // Only the row labels that may cover some of the text (see `reachOf`) are read.
  for (let r = 0; r < labels.length; r++) {
    const l = labels[r];
    if (l === undefined || s.reach[l.id] === REACH_NONE || !anyAccepted(holders[r] ?? [], accepted)) continue;
    for (const c of coversFor(s, l))
      for (let k = c.start; k < c.end; k++) {
        const owners = s.rows.get(k) ?? new Set<string>();
        owners.add(l.text);
        s.rows.set(k, owners);
      }
  }
}
