/**
 * Pieces of a `pdftotext -layout` line: runs of text between gaps of two or more spaces, with
 * their column extents, and the tests on a line's pieces (page number, body line, 栏次 line).
 */
import { stripMarkup } from "./_lines.js";

/** How a character position is counted: one per character, or East Asian wide characters as two. */
export type Metric = "char" | "display";

/** A piece of a line and its column extent. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// East Asian Wide and Fullwidth blocks (CJK ideographs and punctuation, kana, Hangul, fullwidth forms).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/**
 * Splits a line at runs of two or more spaces, keeping each piece's position: by default one
 * column per character (as `pdftotext -layout` counts), or with wide characters as two columns
 * (as a terminal shows them, and as text aligned by display width is padded).
 */
export function tokenize(line: string, metric: Metric = "char"): Token[] {
  const tokens: Token[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  let at = 0;
  let pos = 0;
  const advance = (to: number): void => {
    for (const ch of line.slice(at, to)) pos += metric === "display" && WIDE.test(ch) ? 2 : 1;
    at = to;
  };
  while ((m = re.exec(line)) !== null) {
    advance(m.index);
    const start = pos;
    advance(m.index + m[0].length);
    tokens.push({ text: m[0], start, end: pos });
  }
  return tokens;
}

/** A page number standing alone on its line ("8", "- 8 -", "第 8 页"): a page ends there. */
export function isPageNumber(tokens: readonly Token[]): boolean {
  const text = tokens.map((t) => t.text).join(" ");
  return tokens.length <= 3 && /^(?:[-—]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—])?$/.test(text);
}

/** A figure as printed ("1,234.56", "0.00", "12.5%"). */
export const FIGURE = /^-?[\d,]*\d[.,]\d+%?$|^-?\d{1,3}(?:,\d{3})+$/;

/** A 栏次 line: the numbers 1…n and the words 栏次 / 类 款 项 only. */
export function isLanci(tokens: readonly Token[]): boolean {
  const nums = tokens.filter((t) => /^\d{1,2}$/.test(t.text)).map((t) => Number(t.text));
  const others = tokens.filter((t) => !/^\d{1,2}$/.test(t.text));
  return nums.length > 0 && nums.every((n, k) => n === k + 1) && others.every((t) => /栏\s*次|^[类款项\s]+$/.test(t.text));
}

/** A body line: figures, a leading code, or "合计" alone (the total row of an empty table). */
export function isBody(tokens: readonly Token[]): boolean {
  // "合计" alone is the total row of an empty table; beside other words it is a header cell.
  const words = tokens.filter((t) => /\p{Script=Han}/u.test(t.text));
  return (
    tokens.some((t) => FIGURE.test(t.text)) ||
    /^\d{3,7}$/.test(tokens[0]?.text ?? "") ||
    (words.length <= 2 && words.some((t) => /^(?:合\s*计|总\s*计)$/.test(t.text)))
  );
}

/** A piece of markup only ("<del>", "</del>", "<u> </u>") or a lone dash or dot: no column of its own. */
export function isCrumb(tk: Token): boolean {
  return /^[-—–−~_·•.,，、:;|]{0,3}$/.test(stripMarkup(tk.text).trim());
}

// Two-character header words printed spread over a wide cell ("项     目", "栏   次").
const SPACED_WORDS: ReadonlySet<string> = new Set(["项目", "栏次", "行次", "合计", "总计", "金额", "科目"]);

/** Two-character header words printed spread over a wide cell are one piece. */
export function joinSpacedWords(line: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const tk of line) {
    const last = out[out.length - 1];
    if (last && /^\p{Script=Han}$/u.test(last.text) && /^\p{Script=Han}$/u.test(tk.text) && SPACED_WORDS.has(last.text + tk.text)) {
      out[out.length - 1] = { text: `${last.text}   ${tk.text}`, start: last.start, end: tk.end };
    } else out.push(tk);
  }
  return out;
}

/** "<del>      </del>" keeps its spaces inside one cell: neighbouring crumbs join. */
export function joinCrumbs(line: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const tk of line) {
    const last = out[out.length - 1];
    if (last && isCrumb(last) && isCrumb(tk)) out[out.length - 1] = { text: `${last.text} ${tk.text}`, start: last.start, end: tk.end };
    else out.push(tk);
  }
  return out;
}

/**
 * How well pieces line up across lines: for each piece, how many lines share its left or right
 * edge (large shared edges, not chance pairs of labels of equal length).
 */
export function alignment(tokens: readonly (readonly Token[])[]): number {
  const starts = new Map<number, Set<number>>();
  const ends = new Map<number, Set<number>>();
  tokens.forEach((line, k) =>
    line.forEach((tk) => {
      (starts.get(tk.start) ?? starts.set(tk.start, new Set()).get(tk.start))?.add(k);
      (ends.get(tk.end) ?? ends.set(tk.end, new Set()).get(tk.end))?.add(k);
    }),
  );
  let score = 0;
  for (const line of tokens) for (const tk of line) score += Math.max(starts.get(tk.start)?.size ?? 0, ends.get(tk.end)?.size ?? 0) - 1;
  return score;
}
