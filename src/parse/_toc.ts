/**
 * The table of contents (目录): from the 目录 line up to the line before the first entry's
 * heading appears again as real content.
 */
import { cleanLine, compact } from "./_lines.js";

const TOC_HEAD = /^目录$/;
const PART = /^第[一二三四五六七八九十]+部分/;

/** The 0-based inclusive line range of the table of contents, or null. */
export function findToc(lines: readonly string[]): { start: number; end: number } | null {
  const start = lines.findIndex((l, i) => i < 80 && TOC_HEAD.test(compact(cleanLine(l))));
  if (start < 0) return null;
  let firstEntry: string | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const t = compact(cleanLine(lines[i] ?? ""));
    if (t === "") continue;
    if (firstEntry === null) {
      if (!PART.test(t) && !/^[一二三四五六七八九十]+、/.test(t)) return { start, end: start };
      firstEntry = t;
      continue;
    }
    if (t === firstEntry) {
      let end = i - 1;
      while (end > start && compact(lines[end] ?? "") === "") end--;
      return { start, end };
    }
  }
  return { start, end: start };
}
