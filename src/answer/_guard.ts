import { Decimal } from "../core/money.js";
import type { Fact } from "../facts/types.js";
import type { Citation } from "./types.js";

/** What a reply may state: figures from facts or exact computations, years, line numbers, codes, quotes. */
export interface AllowedNumbers {
  readonly values: readonly string[];
  readonly years: readonly number[];
  readonly citations: readonly Citation[];
  readonly extra?: readonly string[];
}

const NUMBER = /\d[\d,，]*(?:\.\d+)?/g;

function canon(s: string): string | null {
  const t = s.replace(/[,，]/g, "");
  try {
    return new Decimal(t).toFixed();
  } catch {
    return null;
  }
}

/** Every number token in a text, canonicalised ("1,099.07" → "1099.07", "3.870" → "3.87"). */
export function numbersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const c = canon(m[0]);
    if (c !== null) out.push(c);
  }
  return out;
}

/**
 * The final guard: every number in `text` must be an allowed figure, a year, a cited line number,
 * a table number, or appear in a cited quote (quotes are verbatim source text). Returns the strays.
 */
export function findStrayNumbers(text: string, allowed: AllowedNumbers): string[] {
  const ok = new Set<string>();
  const add = (s: string) => {
    const c = canon(s);
    if (c !== null) ok.add(c);
  };
  for (const v of allowed.values) add(v);
  for (const v of allowed.extra ?? []) add(v);
  for (const y of allowed.years) add(String(y));
  for (const c of allowed.citations) {
    add(String(c.line));
    add(String(c.lineEnd));
    for (const n of numbersIn(c.quote)) ok.add(n);
    for (const n of numbersIn(c.table ?? "")) ok.add(n);
    for (const n of numbersIn(c.section ?? "")) ok.add(n);
    for (const n of numbersIn(c.file)) ok.add(n);
  }
  return [...new Set(numbersIn(text).filter((n) => !ok.has(n)))];
}

/** Reads a 1-based line of a corpus file (undefined when out of range). */
type ReadLine = (file: string, line: number) => string | undefined;

/** Letters and digits (with '.' and '%'): what a quote shares with its source whatever the spacing, cell separators or markup. */
function skeleton(s: string): string {
  return s.replace(/<\/?[a-z][^>]*>/gi, "").replace(/[^\p{L}\p{N}.%]+/gu, "");
}

function linesOf(read: ReadLine, file: string, from: number, to: number, prose = false): string {
  const out: string[] = [];
  for (let n = Math.max(1, from); n <= to; n++) {
    const l = read(file, n);
    if (l === undefined) break;
    // A page number standing alone between the lines of a sentence that runs over a page break
    // ("…安排局 / 26 / （部、委、办）…") is no part of the sentence.
    if (prose && /^\s*[-—]?\s*\d{1,3}\s*[-—]?\s*$/.test(l)) continue;
    out.push(l);
  }
  return out.join("\n");
}

/**
 * Whether every sentence of a citation's quote stands in the corpus file: on its cited lines, or
 * (a narrative sentence that began earlier) before them. The corpus is re-read through `read`.
 */
export function quoteInCorpus(c: Citation, read: ReadLine): boolean {
  const pieces = c.quote.split(/[。！？；!?;\n…]+/).map(skeleton).filter((p) => p.length > 0);
  if (pieces.length === 0) return true;
  // Each piece as the lines read, or with lone page numbers left out (a sentence over a page break).
  const found = (from: number): boolean => {
    const as = skeleton(linesOf(read, c.file, from, c.lineEnd + 1));
    const clean = skeleton(linesOf(read, c.file, from, c.lineEnd + 1, true));
    return as !== "" && pieces.every((p) => as.includes(p) || clean.includes(p));
  };
  return found(c.line - 3) || found(1);
}

/** Lines a wrapped table row may span on either side of its cited line. */
const ROW_WRAP = 2;

/** The figure as written, read as a number ("1, 115. 55" → 1115.55), or null when it has no digits. */
function readRaw(raw: string): Decimal | null {
  const m = /-?\d+(?:\.\d+)?/.exec(raw.replace(/[\s,，]/g, ""));
  return m ? new Decimal(m[0]) : null;
}

/**
 * Whether a fact's figure is written on its cited line(s) of the corpus file: its raw text is
 * there, and its value is what that text says (a repaired value keeps the damaged text it replaced;
 * "无经营收入" states a zero).
 */
export function figureOnLine(f: Fact, read: ReadLine): boolean {
  const s = f.source;
  // A table row of layout text may wrap: its figures can sit a line or two off the row's cited line
  // ("208  15,171.49  15,077.81" / "支出  93.68").
  const [from, end] = s.kind === "table" ? [s.line - ROW_WRAP, s.line + ROW_WRAP] : [Math.min(s.line, s.lineEnd), Math.max(s.line, s.lineEnd)];
  const text = linesOf(read, s.file, from, end).replace(/\s+/g, "");
  const raw = s.raw.replace(/\s+/g, "");
  if (text === "" || raw === "") return false;
  const none = /^(无|没有|未)/.exec(raw);
  // "本年度无上级补助收入、事业收入…" yields "无事业收入": the negation and the name, apart.
  const onLine = text.includes(raw) || (none !== null && text.includes(none[0]) && text.includes(raw.slice(none[0].length)));
  if (!onLine) return false;
  if (f.repairedFrom !== null) return true;
  // "无2023年度…支出", "无单位价值100万元以上设备": the digits name the thing; the figure is zero.
  if (none !== null) return new Decimal(f.value).isZero();
  const written = readRaw(raw);
  return written === null || written.abs().eq(new Decimal(f.value).abs());
}

/** What the corpus does not back: citations whose quotes are not in it, facts whose figures are not on their cited lines. */
export function findUnsourced(citations: readonly Citation[], facts: readonly Fact[], read: ReadLine): { quotes: Citation[]; figures: Fact[] } {
  return { quotes: citations.filter((c) => !quoteInCorpus(c, read)), figures: facts.filter((f) => !figureOnLine(f, read)) };
}
