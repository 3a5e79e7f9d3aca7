import type { Paragraph } from "../parse/types.js";

/** Longest chunk quote we aim for, in characters (~200–300 tokens for bge's 512 limit). */
export const MAX_CHARS = 300;

/** Paragraphs shorter than this are merged with the next one in the same section. */
export const MIN_CHARS = 80;

/** 1-based line holding the character at `offset` of a paragraph's repaired text. */
export function lineAt(p: Paragraph, offset: number): number {
  let line = p.line;
  for (const e of p.lineMap) {
    if (e.offset > offset) break;
    line = e.line;
  }
  return Math.min(Math.max(line, p.line), p.lineEnd);
}

/** A span of a paragraph's text: [start, end) offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

// Sentence ends: Chinese full stop, question/exclamation marks and semicolons (full- and half-width).
const SENTENCE_END = /[。！？；!?;]+[”’"」』)）]*/g;
// Inside an over-long sentence, commas are the next best place to cut.
const CLAUSE_END = /[，,、：:]/g;

function cutPoints(text: string, re: RegExp): number[] {
  const points: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) points.push(m.index + m[0].length);
  return points;
}

/**
 * Splits `text` into consecutive spans of at most `max` characters, cutting at sentence ends first,
 * then at clause marks, and only as a last resort mid-clause; spans cover the text without overlap.
 */
export function splitSpans(text: string, max = MAX_CHARS): Span[] {
  if (text.length <= max) return [{ start: 0, end: text.length }];
  const spans: Span[] = [];
  const sentenceEnds = cutPoints(text, SENTENCE_END);
  const clauseEnds = cutPoints(text, CLAUSE_END);
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    // Prefer the furthest sentence end that still leaves a reasonably sized piece.
    const minPiece = start + Math.floor(max / 3);
    const best =
      last(sentenceEnds, (p) => p > minPiece && p <= limit) ??
      last(clauseEnds, (p) => p > minPiece && p <= limit) ??
      limit;
    spans.push({ start, end: best });
    start = best;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function last(xs: readonly number[], pred: (x: number) => boolean): number | undefined {
  for (let i = xs.length - 1; i >= 0; i--) {
    const x = xs[i];
    if (x !== undefined && pred(x)) return x;
  }
  return undefined;
}

/** Removes the budget year prefix of a table title: "2024年度财政拨款…决算表" → "财政拨款…决算表". */
export function stripYearPrefix(title: string): string {
  return title.replace(/^\s*(?:19|20)\d{2}\s*年度?\s*/, "").trim();
}

/** Collapses runs of whitespace to one space and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
