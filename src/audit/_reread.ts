/**
 * Re-reading the raw text behind table cells before a sum failure is reported: a failure is a
 * defect of the document only when every figure involved reads back from its line exactly as the
 * parser placed it. Otherwise the check is "could not check", with the reason.
 */
import type { Cell, Column, Disclosure, Table, TablePart, TableRow } from "../parse/types.js";
import type { Bilingual } from "./_context.js";
import { knownHeader } from "./_headers.js";

/** A cell as the re-reader needs it (an `AuditCell` or verification's `CellRef`). */
export interface PlacedCell {
  readonly part: TablePart;
  readonly row: TableRow;
  readonly column: Column;
  readonly cell: Cell | null;
  /** Whether verification repaired the cell's damage from other sources. */
  readonly repaired: boolean;
}

/** Finds doubts about the cells of one disclosure; results are cached per line and column. */
export interface Rereader {
  /** Why the cell's reading is uncertain, or null when its line and column re-read cleanly. */
  cellDoubt(ref: PlacedCell): Bilingual | null;
}

interface Placed {
  readonly table: Table;
  readonly part: TablePart;
  readonly row: TableRow;
}

// A whitespace- or tab-delimited chunk made only of digits, separators and a sign.
const CHUNK = /(?<=^|[\s|])[-−]?\d[\d,.]*(?=$|[\s|])/g;
const DAMAGE = new Set(["separator_misread", "truncated", "unparsable", "garbled"]);

/** Builds the re-reader of a disclosure. */
export function createRereader(doc: Disclosure): Rereader {
  const byLine = new Map<number, Placed[]>();
  for (const table of doc.tables) {
    for (const part of table.parts) {
      for (const row of part.rows) {
        const list = byLine.get(row.line) ?? [];
        list.push({ table, part, row });
        byLine.set(row.line, list);
      }
    }
  }
  const tableOf = new Map<TablePart, Table>();
  for (const t of doc.tables) for (const p of t.parts) tableOf.set(p, t);
  const tableCache = new Map<Table, Bilingual | null>();
  const lineCache = new Map<number, Bilingual | null>();
  const columnCache = new Map<Column, Bilingual | null>();
  const lineDoubt = (line: number): Bilingual | null => {
    if (!lineCache.has(line)) lineCache.set(line, rereadLine(doc.lines[line - 1] ?? "", byLine.get(line) ?? [], line));
    return lineCache.get(line) ?? null;
  };
  const columnDoubt = (part: TablePart, column: Column): Bilingual | null => {
    if (!columnCache.has(column)) columnCache.set(column, rereadColumn(part, column));
    return columnCache.get(column) ?? null;
  };
  return {
    cellDoubt(ref) {
      // The cell's own damage; a row's flags concern its label ("尖 款 顷" for "类 款 项"), and a
      // misplaced figure shows in the line re-read below.
      const flags = (ref.cell?.flags ?? []).filter((f) => DAMAGE.has(f.kind));
      if (flags.length > 0 && !ref.repaired) {
        const raw = ref.cell?.raw ?? ref.row.rawLabel;
        return { zh: `第${ref.row.line}行“${raw}”识别存疑（${flags.map((f) => f.kind).join("、")}）`, en: `line ${ref.row.line}: “${raw}” looks damaged (${flags.map((f) => f.kind).join(", ")})` };
      }
      const table = tableOf.get(ref.part);
      if (table && !tableCache.has(table)) tableCache.set(table, rereadTable(doc, table));
      return lineDoubt(ref.row.line) ?? columnDoubt(ref.part, ref.column) ?? (table ? (tableCache.get(table) ?? null) : null);
    },
  };
}

function norm(s: string): string {
  return s.replace(/[−]/g, "-").replace(/\s+/g, "");
}

// The figures on the line, less the rows' 科目编码 (also when split: "210110	2") and 行次.
function rereadLine(raw: string, placed: readonly Placed[], line: number): Bilingual | null {
  // OCR spacing inside a figure ("1, 115. 55") is not a column break.
  const text = raw.replace(/\f/g, "").replace(/(\d)[ ]*([,.])[ ]*(?=\d)/g, "$1$2");
  // Before the row's label stand only its 科目编码 columns (类/款/项, "21011	1") and 行次.
  const labelAt = text.search(/[\u4e00-\u9fff]/);
  const tokens = [...text.matchAll(CHUNK)].filter((m) => labelAt < 0 || (m.index ?? 0) > labelAt).map((m) => norm(m[0]));
  for (const { row } of placed) {
    if (row.code) removeCode(tokens, row.code);
    if (row.rowNo) removeOnce(tokens, row.rowNo);
    for (const c of row.cells) {
      // A 栏次 cell ("1", "2") of a header-like row is not a figure either way.
      if (c.value === null && c.candidate === null && /^\d+$/.test(c.raw.trim())) removeOnce(tokens, c.raw.trim());
    }
  }
  const cells: string[] = [];
  for (const { row } of placed) {
    for (const c of row.cells) {
      const r = norm(c.raw);
      if (r === "") continue;
      if (c.value === null && c.candidate === null) {
        // Text in a figure column ("302 商品和服务支出"): the row's cells were not placed right.
        if (/[\u4e00-\u9fff]/.test(r)) return { zh: `第${line}行的单元格“${c.raw.trim()}”不是数字，此行的列未能对齐`, en: `line ${line}: cell “${c.raw.trim()}” is not a figure; the row's columns are not aligned` };
        continue;
      }
      cells.push(r);
    }
  }
  const left = [...tokens];
  const missing: string[] = [];
  for (const c of cells) if (!removeOnce(left, c)) missing.push(c);
  if (missing.length > 0) return { zh: `第${line}行原文中找不到读入的数字 ${missing.join("、")}`, en: `line ${line}: figures ${missing.join(", ")} are not on the line as read` };
  if (left.length > 0) return { zh: `第${line}行原文的数字 ${left.join("、")} 未被读入任何列`, en: `line ${line}: figures ${left.join(", ")} on the line were not placed in any column` };
  return null;
}

// A coded row with figures inside the table's lines that no parsed row holds: a sum over the
// table's rows may be missing it ("221 住房保障支出 160.87 …" not read on a continuation page).
function rereadTable(doc: Disclosure, table: Table): Bilingual | null {
  const parsed = new Set(doc.tables.flatMap((t) => t.parts.flatMap((p) => p.rows.map((r) => r.line))));
  // Up to the next table: a continuation page the parser left out still belongs to this one.
  const next = doc.tables.map((t) => t.line).filter((l) => l > table.line).reduce((a, b) => Math.min(a, b), doc.lines.length + 1);
  const end = Math.min(next - 1, table.lineEnd + 80);
  for (let l = table.line; l <= end; l++) {
    if (parsed.has(l)) continue;
    const raw = (doc.lines[l - 1] ?? "").replace(/\f/g, "");
    const m = /^\s*(\d{3}|\d{5}|\d{7})(?:\t+|\s+)[\u4e00-\u9fff]/.exec(raw);
    if (m && /\d\.\d/.test(raw.slice(m[0].length))) {
      return { zh: `第${l}行的科目 ${m[1]} 未读入${table.number ?? table.title}`, en: `line ${l}: row ${m[1]} was not read into ${table.number ?? table.title}` };
    }
  }
  return null;
}

function removeOnce(list: string[], value: string): boolean {
  const i = list.indexOf(value);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

// "2101102" or its pieces "210110", "2" as consecutive tokens.
function removeCode(tokens: string[], code: string): void {
  for (let i = 0; i < tokens.length; i++) {
    let joined = "";
    for (let j = i; j < tokens.length; j++) {
      joined += tokens[j];
      if (!code.startsWith(joined)) break;
      if (joined === code) {
        tokens.splice(i, j - i + 1);
        return;
      }
    }
  }
}

// A column holding 行次 (1, 2, 3 … down the rows) or without a recognised header is not a figure column.
function rereadColumn(part: TablePart, column: Column): Bilingual | null {
  // A column holding no figure but 0 adds nothing to any sum, whatever its header says.
  const figures = part.rows.map((r) => r.cells.find((c) => c.column === column.index)).filter((c) => c !== undefined && c.raw.trim() !== "");
  if (figures.every((c) => c?.value !== null && c?.value !== undefined && Number(c.value) === 0)) return null;
  if (!knownHeader(column.path)) {
    return { zh: `列“${column.path.join(">")}”的表头未能完整识别`, en: `column “${column.path.join(">")}” has no header read whole` };
  }
  const ints: number[] = [];
  for (const r of part.rows) {
    const c = r.cells.find((x) => x.column === column.index);
    if (c && /^\d{1,3}$/.test(c.raw.trim())) ints.push(Number(c.raw.trim()));
  }
  let steps = 0;
  for (let i = 1; i < ints.length; i++) if ((ints[i] ?? 0) - (ints[i - 1] ?? 0) === 1) steps += 1;
  if (ints.length >= 3 && steps >= (ints.length - 1) * 0.6) {
    return { zh: `列“${column.path.join(">")}”读到的是行次编号，不是金额`, en: `column “${column.path.join(">")}” holds row numbers, not amounts` };
  }
  return null;
}
