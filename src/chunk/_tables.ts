import type { Cell, Column, Disclosure, Table, TablePart, TableRow } from "../parse/types.js";
import type { Chunk, ChunkIdentity } from "./index.js";
import { squash, stripYearPrefix } from "./_text.js";

/** How a table is cited: "公开09表 财政拨款“三公”经费支出决算表", the title alone when unnumbered, else null. */
export function tableLabel(t: Table): string | null {
  const title = stripYearPrefix(squash(t.title));
  const label = [t.number ?? "", title].filter((s) => s.length > 0).join(" ");
  return label.length > 0 ? label : null;
}

// The parser names columns it found no header for "第N列"; such names tell a reader nothing.
const GENERIC_COLUMN = /^第\d+列$/;

function isGenericColumn(col: Column | undefined): boolean {
  return col === undefined || col.path.every((h) => GENERIC_COLUMN.test(h.trim()) || h.trim() === "");
}

function cellText(c: Cell): string | null {
  const v = c.value ?? c.candidate;
  if (v !== null) return v;
  const raw = squash(c.raw);
  return raw.length > 0 ? raw : null;
}

function columnLabel(col: Column | undefined): string {
  if (!col || isGenericColumn(col)) return "";
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
export function renderRow(
  t: Table,
  part: TablePart,
  row: TableRow,
  id: ChunkIdentity,
  opts: { parents?: readonly string[]; unit?: string | null } = {},
): string | null {
  const parents = opts.parents ?? [];
  const unit = t.unit ?? opts.unit ?? null;
  const cells: string[] = [];
  for (const c of row.cells) {
    const text = cellText(c);
    if (text === null) continue;
    const head = columnLabel(part.columns[c.column]);
    cells.push(`${head}${head.length > 0 ? " " : ""}${withUnit(text, unit)}`);
  }
  if (cells.length === 0) return null;
  const label = squash(row.label);
  // Without headers the first cell usually is the label again; say it once.
  if (cells[0] === label) cells.shift();
  const rowName = [...parents, row.code, label].filter((s): s is string => s !== null && s.length > 0).join(" ");
  const head = [`${id.department} ${id.year}年`, tableLabel(t) ?? "", part.name ?? "", rowName].filter((s) => s.length > 0);
  return `${head.join(" ")}：${cells.join("；")}`;
}

// Row labels that say nothing without their parent: they recur under many 类/款.
const GENERIC_LABELS = new Set(["行政运行", "一般行政管理事务", "机关服务", "事业运行", "其他支出"]);

/**
 * For a coded row whose label is ambiguous (repeated in the part, "其他…", "行政运行"), the label of
 * its nearest coded ancestor in the same part: "2159802 制造业" gets "超长期特别国债安排的支出", so the
 * row can be found by its full name and told apart from "21502 制造业". Unambiguous rows get none:
 * a parent's words in every child would outrank the parent's own row for questions about it.
 */
function ancestorLabels(part: TablePart): (row: TableRow) => string[] {
  const byCode = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const r of part.rows) {
    const label = squash(r.label);
    seen.set(label, (seen.get(label) ?? 0) + 1);
    if (r.code !== null && !byCode.has(r.code)) byCode.set(r.code, label);
  }
  return (row) => {
    const code = row.code;
    const label = squash(row.label);
    if (code === null) return [];
    if ((seen.get(label) ?? 0) < 2 && !GENERIC_LABELS.has(label)) return [];
    for (let len = code.length - 1; len >= 3; len--) {
      const parent = byCode.get(code.slice(0, len));
      // "2089999 其他社会保障和就业支出" under "20899 其他社会保障和就业支出": nothing to add.
      if (parent !== undefined && parent.length > 0) return parent === label ? [] : [parent];
    }
    return [];
  };
}

/** Deepest section governing a line, as a " > " path; null outside any section. */
function sectionAt(doc: Disclosure, line: number): string | null {
  let best: Disclosure["sections"][number] | null = null;
  for (const s of doc.sections) if (s.line <= line && line <= s.lineEnd && (best === null || s.level >= best.level)) best = s;
  return best ? best.path.join(" > ") : null;
}

/**
 * One chunk per table body row that states at least one value. Rows of tables without headers
 * (绩效自评表 and other free-form tables) are skipped where the narrative chunks already cover
 * their lines: cell-by-cell they repeat the same words at a third of the embedding cost.
 */
export function tableChunks(doc: Disclosure, id: ChunkIdentity, coveredByNarrative: (line: number) => boolean): Chunk[] {
  const out: Chunk[] = [];
  doc.tables.forEach((t, ti) => {
    const label = tableLabel(t);
    // A template table whose unit line was lost to OCR uses the unit the document's tables declare.
    const unit = t.kind === "other" || t.kind === "绩效自评表" ? null : doc.meta.unit;
    t.parts.forEach((part, pi) => {
      const headerless = part.columns.every(isGenericColumn);
      const ancestors = ancestorLabels(part);
      part.rows.forEach((row, ri) => {
        if (headerless && coveredByNarrative(row.line)) return;
        const text = renderRow(t, part, row, id, { parents: ancestors(row), unit });
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
          section: sectionAt(doc, row.line),
        });
      });
    });
  });
  return out;
}
