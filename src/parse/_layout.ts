/**
 * Cell lines for both text forms: OCR lines are split at tabs; `pdftotext -layout` lines
 * (space-aligned columns, no tabs) are split at column boundaries found from the whitespace
 * gaps shared by the lines of one table region.
 */
import { splitCells } from "./_lines.js";

/** Per line: its cells when it is a table line, else null. */
export function layoutCellRows(lines: readonly string[], excluded: (i: number) => boolean): (string[] | null)[] {
  return lines.map((l, i) => (!excluded(i) && l.includes("\t") && l.split("\t").some((c, k) => k > 0 && c.trim() !== "") ? splitCells(l) : null));
}
