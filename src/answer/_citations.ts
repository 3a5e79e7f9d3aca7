import type { Fact } from "../facts/types.js";
import type { Citation } from "./types.js";

/** Reads a 1-based line of a corpus file (undefined when out of range). */
export type LineReader = (file: string, line: number) => string | undefined;

const MAX_QUOTE = 240;

/** A table line as people read it: cells separated by " | ", markup crumbs and empty cells dropped. */
export function tidyRow(line: string): string {
  return line
    .replace(/<\/?[a-z]+[^>]*>/gi, " ")
    .split("\t")
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .join(" | ");
}

function clip(s: string): string {
  return s.length > MAX_QUOTE ? `${s.slice(0, MAX_QUOTE - 1)}…` : s;
}

/** The citation of one fact: table row (with its line) or narrative sentence (with its section). */
export function citeFact(f: Fact, read: LineReader): Citation {
  const src = f.source;
  if (src.kind === "table") {
    const row = read(src.file, src.line);
    return {
      file: src.file,
      line: src.line,
      lineEnd: src.line,
      table: src.table,
      section: null,
      quote: clip(row !== undefined ? tidyRow(row) : src.raw),
      ...(src.page !== undefined ? { page: src.page } : {}),
    };
  }
  return {
    file: src.file,
    line: Math.min(src.line, src.lineEnd),
    lineEnd: Math.max(src.line, src.lineEnd),
    table: null,
    section: src.section,
    quote: clip(src.quote),
    ...(src.page !== undefined ? { page: src.page } : {}),
  };
}

/** Citations of several facts, one per distinct (file, line). */
export function citeFacts(facts: readonly Fact[], read: LineReader): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const f of facts) {
    const c = citeFact(f, read);
    const k = `${c.file}:${c.line}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}
