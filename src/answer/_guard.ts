import { Decimal } from "../core/money.js";
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
