/**
 * Where the template tables of a plain reading-order text stand: from a table title (or, for a
 * table printed without one, from the header lines after its 部门/单位 line, recognised by their
 * words) to the last body line, across page breaks that repeat the preamble.
 */
import type { TableKind } from "./types.js";
import { kindOfHeader, kindOfTitle } from "./_kinds.js";
import { cleanLine, compact } from "./_lines.js";
import { bareTitle, DEPT, isTableTitle, normaliseMarker, PART_HEADING, UNIT } from "./_titles.js";
import { isHeaderLine, isLabelPiece } from "./_plain-header.js";
import { FIGURE } from "./_plain-choice.js";

/** The lines of one template table. */
export interface Region {
  readonly kind: TableKind;
  /** 0-based line numbers from the first header line to the last body line. */
  readonly lines: number[];
}

const words = (raw: string): string[] => raw.trim().split(/\s+/).filter((w) => w !== "");

// A line that ends a table: a note, a part heading, a table title, a sentence.
function isBreak(raw: string): boolean {
  const t = cleanLine(raw);
  const c = compact(t);
  // A long line of few words is a sentence; a header line is long by its many words.
  return /^(?:注|说明)\s*[:：]/.test(t) || PART_HEADING.test(c) || isTableTitle(t) || /[。；]$/.test(c) || (c.length > 60 && !/\d[.,]\d/.test(c) && words(t).length <= 3);
}

// Lines a new page repeats above a table: 部门/单位 lines, 表N markers, page numbers. A page number
// stands after a blank line; a code alone on its line ("208" over "支出 15,171.49") does not.
function isPreamble(lines: readonly string[], i: number): boolean {
  const t = cleanLine(lines[i] ?? "").normalize("NFKC");
  const pageNumber = /^(?:[-—]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—])?$/.test(t.trim()) && (i === 0 || (lines[i - 1] ?? "").trim() === "");
  return DEPT.test(t) || UNIT.test(t) || (normaliseMarker(t) !== null && compact(t).length <= 12) || pageNumber;
}

// Before its header a table may carry lines of the body's kind or year ("本级", "2024 年度"): no
// word of them could be a piece of a header cell and no figure stands in them.
function isLeadIn(raw: string): boolean {
  const w = words(cleanLine(raw));
  return w.length > 0 && isLabelPiece(w) && !w.some((x) => FIGURE.test(x));
}

// After a page break inside a table's body: the next page's first line is a row (figures, a code,
// a row label), not a title, a break or header words.
function goesOnWithoutHeader(lines: readonly string[], at: number, run: readonly number[]): boolean {
  if (!run.some((i) => /\d[.,]\d/.test(lines[i] ?? ""))) return false;
  let n = at + 1;
  while (n < lines.length && ((lines[n] ?? "").trim() === "" || isPreamble(lines, n))) n++;
  const next = lines[n] ?? "";
  if (n >= lines.length || isBreak(next)) return false;
  return !isHeaderLine(words(next));
}

// A table printed without a title (001's 公开02/03 start at "部门:" and the header): header lines
// right after a preamble line whose words name a template kind.
function kindOfUntitled(lines: readonly string[], at: number): TableKind | null {
  const head: string[] = [];
  for (let n = at; n < lines.length && head.length < 4; n++) {
    const t = cleanLine(lines[n] ?? "");
    if (t === "") continue;
    if (/\d[.,]\d/.test(t) || isBreak(t)) break;
    head.push(t);
  }
  if (head.length === 0 || !head.some((t) => isHeaderLine(words(t)) || words(t).length >= 3)) return null;
  const k = kindOfHeader(head.join(" "));
  return k === "绩效自评表" || k === "other" ? null : k;
}

/** The template tables' regions of a plain text; `excluded` lines (the contents) are in none. */
export function findRegions(lines: readonly string[], excluded: (i: number) => boolean): Region[] {
  const out: Region[] = [];
  let kind: TableKind | null = null;
  let run: number[] = [];
  let afterPreamble = false;
  const close = (): void => {
    while (run.length > 0 && (lines[run[run.length - 1] ?? 0] ?? "").trim() === "") run.pop();
    if (kind && run.some((i) => /\d[.,]\d/.test(lines[i] ?? "") || /栏\s*次/.test(lines[i] ?? ""))) out.push({ kind, lines: run });
    run = [];
  };
  lines.forEach((raw, i) => {
    if (excluded(i)) {
      close();
      kind = null;
      afterPreamble = false;
      return;
    }
    const t = cleanLine(raw);
    if (isTableTitle(t)) {
      close();
      const k = kindOfTitle(bareTitle(t));
      kind = k === null || k === "绩效自评表" || k === "other" ? null : k;
      return;
    }
    if (t !== "") {
      const preamble = isPreamble(lines, i);
      if (kind === null && afterPreamble && !preamble) kind = kindOfUntitled(lines, i);
      afterPreamble = preamble;
    }
    if (kind === null) return;
    if (isBreak(raw)) {
      close();
      kind = null;
      return;
    }
    if (isPreamble(lines, i)) {
      // A page going on without title or header stays in the region (its rows take the first
      // page's columns); otherwise a page number or repeated 部门 line ends the page's block and
      // the title or header that follows reopens it.
      if (!goesOnWithoutHeader(lines, i, run)) close();
      return;
    }
    if (run.length === 0 && (t === "" || isLeadIn(raw))) return;
    run.push(i);
  });
  close();
  return out;
}
