import type { Cell, Column, Disclosure, Table, TablePart, TableRow } from "../parse/types.js";
import type { Chunk, ChunkIdentity } from "./index.js";
import { squash, stripYearPrefix } from "./_text.js";

/** How a table is cited: "公开09表 财政拨款“三公”经费支出决算表", or the title alone when unnumbered. */
export function tableLabel(t: Table): string {
  const title = stripYearPrefix(squash(t.title));
  return t.number ? `${t.number} ${title}` : title;
}

function cellText(c: Cell): string | null {
  const v = c.value ?? c.candidate;
  if (v !== null) return v;
  const raw = squash(c.raw);
  return raw.length > 0 ? raw : null;
}

function columnLabel(col: Column | undefined): string {
  if (!col) return "";
  return col.path.map(squash).filter((h) => h.length > 0).join(" ");
}

/** Whether a cell holds a figure (money gets the table's unit; counts and texts stand alone). */
function withUnit(text: string, unit: string | null): string {
  return unit !== null && /^[-−]?\d[\d,]*(?:\.\d+)?$/.test(text) ? `${text}${unit}` : text;
}

/**
 * One table row as a self-contained sentence: department, year, table, part, row code and label,
 * then every non-empty column as "header path value+unit"; null for rows without any value.
 */
export function renderRow(t: Table, part: TablePart, row: TableRow, id: ChunkIdentity): string | null {
  const cells: string[] = [];
  for (const c of row.cells) {
    const text = cellText(c);
    if (text === null) continue;
    const head = columnLabel(part.columns[c.column]);
    cells.push(`${head}${head.length > 0 ? " " : ""}${withUnit(text, t.unit)}`);
  }
  if (cells.length === 0) return null;
  const rowName = [row.code, squash(row.label)].filter((s): s is string => s !== null && s.length > 0).join(" ");
  const head = [`${id.department} ${id.year}年`, tableLabel(t), part.name ?? "", rowName].filter((s) => s.length > 0);
  return `${head.join(" ")}：${cells.join("；")}`;
}

/** One chunk per table body row that states at least one value. */
export function tableChunks(doc: Disclosure, id: ChunkIdentity): Chunk[] {
  const out: Chunk[] = [];
  doc.tables.forEach((t, ti) => {
    const label = tableLabel(t);
    t.parts.forEach((part, pi) => {
      part.rows.forEach((row, ri) => {
        const text = renderRow(t, part, row, id);
        if (text === null) return;
        out.push({
          id: `${doc.id}:t${ti}.${pi}.${ri}`,
          doc: doc.id,
          file: doc.file,
          department: id.department,
          year: id.year,
          kind: "table_row",
          text,
          quote: doc.lines[row.line - 1] ?? "",
          line: row.line,
          lineEnd: row.line,
          table: label,
          section: null,
        });
      });
    });
  });
  return out;
}
