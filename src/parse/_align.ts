/**
 * Rows whose cells slid sideways. OCR sometimes gives a row's label one cell more or fewer than
 * its siblings, so its figures stand under the wrong 栏次: in 001 公开07 line 407
 * "2159802 制造业 | | | 16,179.00 | 16,179.00 | | 16,179.00" sits under rows whose label spills
 * into an extra cell ("资源勘探工业信 | 息等支出 | 16,179.00 | …"), two cells further right.
 * Such a row is moved by the offset that puts its figures on value columns in the pattern of the
 * nearest row that needed no move; a row no offset explains is left as it is (and stays flagged).
 */
import { readCell } from "./_ocr.js";

/** How far a row's cells are moved to the right (negative: to the left), and the row it matched. */
export interface RowShift {
  readonly offset: number;
  /** Index (into the rows given) of the sibling whose figure pattern it matched; -1 when unmoved. */
  readonly sibling: number;
}

const MAX_OFFSET = 3;

// Figures with a decimal point or thousands separator: 科目编码 ("2159802") are no figures.
function figureCells(cells: readonly string[]): number[] {
  return cells.flatMap((c, j) => {
    const r = readCell(c);
    return r.kind === "number" && (r.value !== null || r.candidate !== null) && /\d[.,]\d/.test(c) ? [j] : [];
  });
}

/**
 * Per body row, the shift that puts its figures on the value `positions` (cell indexes of the
 * 栏次 columns): 0 for rows whose figures already sit on them, else the offset whose figure
 * pattern (which value columns hold figures) equals that of the nearest well-placed row.
 * Ties between offsets are left unresolved (offset 0).
 */
export function rowShifts(rows: readonly (readonly string[])[], positions: readonly number[]): RowShift[] {
  const column = new Map(positions.map((p, k) => [p, k]));
  const figures = rows.map(figureCells);
  const placed = figures.map((f) => f.length > 0 && f.every((j) => column.has(j)));
  const patternOf = (f: readonly number[], d: number): string | null =>
    f.every((j) => column.has(j + d)) ? f.map((j) => column.get(j + d)).join(",") : null;
  const siblings = new Map<string, number[]>();
  figures.forEach((f, i) => {
    if (!placed[i]) return;
    const key = patternOf(f, 0) ?? "";
    siblings.set(key, [...(siblings.get(key) ?? []), i]);
  });
  return figures.map((f, i): RowShift => {
    if (placed[i] || f.length === 0) return { offset: 0, sibling: -1 };
    let best: { offset: number; sibling: number; distance: number } | null = null;
    let tied = false;
    for (let size = 1; size <= MAX_OFFSET; size++) {
      for (const d of [size, -size]) {
        const key = patternOf(f, d);
        const near = key === null ? [] : (siblings.get(key) ?? []);
        if (near.length === 0) continue;
        const sibling = near.reduce((a, b) => (Math.abs(b - i) < Math.abs(a - i) ? b : a));
        const distance = Math.abs(sibling - i);
        if (!best || distance < best.distance) {
          best = { offset: d, sibling, distance };
          tied = false;
        } else if (distance === best.distance && Math.abs(d) === Math.abs(best.offset)) tied = true;
      }
    }
    return best && !tied ? { offset: best.offset, sibling: best.sibling } : { offset: 0, sibling: -1 };
  });
}

/**
 * The cells of a row moved by `offset`, laid out again as `valueStart` code/label cells followed
 * by the cells at and after the value columns: a label that spilled into more cells is joined
 * into the last label cell, a label that took fewer is padded with empty cells.
 */
export function shiftCells(cells: readonly string[], offset: number, valueStart: number): string[] {
  if (offset === 0) return [...cells];
  const labelEnd = Math.max(0, valueStart - offset);
  const pre = cells.slice(0, labelEnd);
  const labelCells =
    pre.length >= valueStart
      ? [...pre.slice(0, valueStart - 1), pre.slice(valueStart - 1).map((c) => c.trim()).join("")]
      : [...pre, ...Array.from({ length: valueStart - pre.length }, () => "")];
  return [...labelCells, ...cells.slice(labelEnd)];
}
