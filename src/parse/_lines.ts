/**
 * Line normalisation shared by the parser: markup crumbs, markdown prefixes, full/half-width forms
 * and spaces OCR put inside words and numbers.
 */

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const CJK_PUNCT = "\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2026\\u00b7";
const CJK_OR_PUNCT = new RegExp(`[${CJK}${CJK_PUNCT}]`);

// `<u> </u>`, `<del>   </del>`, `<b>F</b>`, `<sup>2.</sup>`, `<table>`, `<p>` … as OCR tools leave them.
const TAG = /<\/?(?:u|del|b|i|s|strong|em|sup|sub|span|p|br|table|thead|tbody|tr|td|th|div|font)(?:\s[^>]*)?\/?>/gi;

/** True when the text contains an HTML-like markup crumb such as `<u>` or `<del>`. */
export function hasMarkup(s: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(s);
}

/** Removes markup tags, keeping their inner text (`<b>F</b> 初` → `F 初`). */
export function stripMarkup(s: string): string {
  return s.replace(TAG, "");
}

/** Removes a markdown heading or list prefix (`#### `, `- `, `  - `, `* `). */
export function stripMarkdownPrefix(s: string): string {
  return s.replace(/^\s*(?:#{1,6}\s+|[-*+]\s+(?=\S))/, "");
}

/** A line as a reader sees it: markup and markdown prefixes removed, outer whitespace trimmed. */
export function cleanLine(raw: string): string {
  return stripMarkdownPrefix(stripMarkup(raw)).replace(/\*\*|__/g, "").trim();
}

/** True when a character is CJK or CJK punctuation. */
export function isCjkChar(ch: string): boolean {
  return CJK_OR_PUNCT.test(ch);
}

/** True when the text contains at least one CJK ideograph. */
export function hasCjk(s: string): boolean {
  return new RegExp(`[${CJK}]`).test(s);
}

/**
 * Removes spaces OCR put inside words and numbers while keeping spaces between Latin words:
 * "机 关事业单位" → "机关事业单位", "1, 115. 55" → "1,115.55", "总计均为 12232.34 万元" → "总计均为12232.34万元".
 */
export function repairSpaces(s: string): string {
  return s.replace(/[ \t\u00a0\u3000]+/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + run.length] ?? "";
    if (before === "" || after === "") return "";
    if (isCjkChar(before) || isCjkChar(after)) return "";
    // "1, 115. 55": a separator followed by a space inside a number.
    if (/[,.]/.test(before) && /\d/.test(after) && /\d/.test(whole[offset - 2] ?? "")) return "";
    if (/\d/.test(before) && /[,.%]/.test(after)) return "";
    // "注: 1.本表…": ASCII punctuation standing in for Chinese punctuation after a CJK character.
    if (/[,:;!?]/.test(before) && isCjkChar(whole[offset - 2] ?? "")) return "";
    // "(类) 5,530.12": a space after a closing or before an opening bracket beside a figure.
    if ((/[)）]/.test(before) && /\d/.test(after)) || (/\d/.test(before) && /[(（]/.test(after))) return "";
    return " ";
  });
}

/**
 * Canonical comparison form: NFKC (full-width → ASCII, "（" → "("), markup removed, every space
 * removed. Used for labels, column paths and keyword matching.
 */
export function compact(s: string): string {
  return stripMarkup(s).normalize("NFKC").replace(/\s+/g, "");
}

/** Splits an OCR table line into its tab-separated cells (trailing whitespace kept per cell). */
export function splitCells(line: string): string[] {
  return line.split("\t");
}

/** True when the line is empty or whitespace only. */
export function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === "";
}
