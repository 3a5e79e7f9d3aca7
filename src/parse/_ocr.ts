/**
 * Figures in table cells and the OCR damage they show. Damage is recorded, never silently
 * repaired: a damaged cell keeps its raw text, gets flags and at most a candidate reading.
 */
import type { OcrFlag } from "./types.js";
import { hasCjk, hasMarkup, stripMarkup } from "./_lines.js";

/** What a cell's text turned out to be. */
export type CellReading =
  | { readonly kind: "empty"; readonly flags: readonly OcrFlag[] }
  | { readonly kind: "number"; readonly value: string | null; readonly candidate: string | null; readonly decimals: number; readonly flags: readonly OcrFlag[] }
  | { readonly kind: "text"; readonly text: string; readonly flags: readonly OcrFlag[] };

// Single stray glyphs OCR leaves in empty cells: "-", "ス", "•", "·", ",", "ĺ", "Ä:".
const CRUMB = /^(?:[-—–−~_·•.,，、:;'"`|ĺÄäスㄨ×]|[^\d\p{Script=Han}]{1,2})$/u;

/** True when a cell's text is a stray glyph OCR left in an empty cell ("-", "•", "·", ","). */
export function isCrumb(text: string): boolean {
  return CRUMB.test(stripMarkup(text).normalize("NFKC").trim());
}

/** Reads one cell's text: empty, a (possibly damaged) figure, or text. */
export function readCell(raw: string): CellReading {
  const markup = hasMarkup(raw);
  const text = stripMarkup(raw).normalize("NFKC").trim();
  const markupFlags: OcrFlag[] = markup ? [{ kind: "markup_crumb", note: `markup crumb ${JSON.stringify(raw.trim().slice(0, 24))}` }] : [];
  if (text === "") return { kind: "empty", flags: markupFlags };
  // "1, 115. 55" (002): spaces inside a figure.
  const squeezed = text.replace(/(?<=[\d,.])\s+(?=[\d,.])/g, "");
  const num = readNumber(squeezed);
  if (num) return { ...num, flags: [...markupFlags, ...num.flags] };
  if (CRUMB.test(squeezed)) {
    return { kind: "empty", flags: [...markupFlags, { kind: "markup_crumb", note: `stray mark ${JSON.stringify(squeezed)} in an empty cell` }] };
  }
  if (hasCjk(squeezed)) return { kind: "text", text: squeezed, flags: markupFlags };
  if (/\d/.test(squeezed)) {
    return { kind: "number", value: null, candidate: null, decimals: 0, flags: [...markupFlags, { kind: "unparsable", note: `not a figure: ${JSON.stringify(squeezed)}` }] };
  }
  return { kind: "text", text: squeezed, flags: markupFlags };
}

function readNumber(s: string): Extract<CellReading, { kind: "number" }> | null {
  const sign = /^[-−]/.test(s) ? "-" : "";
  const body = sign ? s.slice(1) : s;
  // Clean forms: "16,179.00", "96752.93", "0.41", "1,099.0" (truncated, flagged by the table pass).
  let m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(body);
  if (m) {
    const int = (m[1] ?? "").replace(/,/g, "");
    const frac = m[2];
    return { kind: "number", value: `${sign}${int}${frac !== undefined ? `.${frac}` : ""}`, candidate: null, decimals: frac?.length ?? 0, flags: [] };
  }
  // "2.432.62", "16.179.00", "1.099.07" (001 公开02): a thousands separator read as a point.
  m = /^(\d{1,3})((?:\.\d{3})+)\.(\d{1,2})$/.exec(body);
  if (m) {
    const candidate = `${sign}${m[1] ?? ""}${(m[2] ?? "").replace(/\./g, "")}.${m[3] ?? ""}`;
    return {
      kind: "number",
      value: null,
      candidate,
      decimals: (m[3] ?? "").length,
      flags: [{ kind: "separator_misread", note: `"${s}" reads as ${candidate} with a thousands separator misread as a point` }],
    };
  }
  // "2,432,62" or "113,311,47": a decimal point read as a comma (two trailing digits after the last comma).
  m = /^(\d{1,3}(?:,\d{3})*),(\d{2})$/.exec(body);
  if (m && (m[1] ?? "").includes(",")) {
    const candidate = `${sign}${(m[1] ?? "").replace(/,/g, "")}.${m[2] ?? ""}`;
    return {
      kind: "number",
      value: null,
      candidate,
      decimals: 2,
      flags: [{ kind: "separator_misread", note: `"${s}" reads as ${candidate} with the decimal point misread as a comma` }],
    };
  }
  if (/^[\d.,]+$/.test(body) && /\d/.test(body)) {
    return { kind: "number", value: null, candidate: null, decimals: 0, flags: [{ kind: "unparsable", note: `"${s}" is not a well-formed figure` }] };
  }
  return null;
}

/** The number of fraction digits most figures of a table use (2 for 万元 tables), or null. */
export function dominantDecimals(decimals: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const d of decimals) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  for (const [d, n] of counts) {
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return bestN >= 3 ? best : null;
}

/**
 * "1,099.0", "101.6", "113,311.4" (001 公开01): one fraction digit in a table that writes two
 * means the last digit was cut off; the value stays as written and verification repairs it.
 */
export function truncationFlag(raw: string, decimals: number, tableDecimals: number | null): OcrFlag | null {
  if (tableDecimals === null || decimals === 0 || decimals >= tableDecimals) return null;
  return { kind: "truncated", note: `"${raw.trim()}" has ${decimals} decimal digit(s) where the table writes ${tableDecimals}; digits may be cut off` };
}
