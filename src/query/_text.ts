import type { Lang } from "../answer/types.js";

const CJK = /[\u3400-\u9fff]/;

/** True for a CJK ideograph. */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/**
 * Normalises question or alias text: NFKC (full-width → ASCII), lowercase Latin, British "centre"
 * spelled "center", whitespace collapsed and dropped next to Chinese characters. Length-stable
 * enough that positions in the result are what the matchers report.
 */
export function normalizeText(s: string): string {
  const t = s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    // Quotes mark words, they are not part of them: "“三公”经费" is 三公经费.
    .replace(/[“”"「」]/g, "")
    .replace(/centre/g, "center")
    .replace(/\s+/g, " ")
    .trim();
  // Drop spaces touching a Chinese character or a Chinese quote: "2024 年 经信局" → "2024年经信局".
  return t.replace(/ (?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff]) /g, "");
}

/**
 * English when the question is mostly English: a Latin word weighs about two Chinese characters.
 * A question with neither (digits only) keeps `fallback`.
 */
export function detectLang(s: string, fallback: Lang): Lang {
  let cjk = 0;
  for (const ch of s) if (CJK.test(ch)) cjk++;
  const words = s.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (cjk === 0 && words === 0) return fallback;
  return words * 2 > cjk ? "en" : "zh";
}

export { editDistance } from "../core/text.js";

/** A half-open range in the normalised question, tagged with what it is. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: "department" | "year" | "code" | "aspect" | "question" | "filler" | "amount";
}

/** Every match of a global regex as a span of the given kind. */
export function spansOf(text: string, re: RegExp, kind: Span["kind"]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0].length === 0 || m.index === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind });
  }
  return out;
}

/** The text with the given spans blanked out by a separator character. */
export function blank(text: string, spans: readonly Span[], sep = "\u0000"): string {
  const chars = [...text];
  // Positions are UTF-16 offsets; questions are BMP text, so code units and characters agree.
  for (const s of spans) for (let i = s.start; i < s.end && i < chars.length; i++) chars[i] = sep;
  return chars.join("");
}
