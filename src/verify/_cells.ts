/**
 * The cells identities are checked on: every body cell of a parsed table (empty cells count as 0),
 * each linked to the fact extracted from it, with its damage state.
 */
import { Decimal } from "../core/money.js";
import type { Unit } from "../core/money.js";
import type { Fact } from "../facts/index.js";
import type { Cell, Column, Disclosure, Table, TablePart, TableRow } from "../parse/types.js";

/** One table cell as identities see it. */
export interface CellRef {
  readonly doc: string;
  readonly table: Table;
  readonly part: TablePart;
  readonly row: TableRow;
  readonly column: Column;
  readonly cell: Cell | null;
  /** Clean figure; 0 for an empty cell; null when damaged. */
  readonly value: Decimal | null;
  readonly damaged: boolean;
  readonly fact: Fact | null;
  readonly unit: Unit;
  /** Short label for notes: "21508 其他支持中小企业发展和管理支出 / 财政拨款收入". */
  readonly label: string;
}

/** Cells by table, with the facts they produced. */
export interface CellGrid {
  /** The cell of a row in a column, if the part has that column. */
  at(part: TablePart, row: TableRow, column: Column): CellRef;
  readonly doc: Disclosure;
}

const DAMAGE = new Set(["separator_misread", "truncated", "unparsable"]);

/** Builds the grid of one disclosure; `facts` are that disclosure's facts. */
export function buildGrid(doc: Disclosure, facts: readonly Fact[]): CellGrid {
  const byPlace = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.source.kind !== "table") continue;
    const k = `${f.source.line}|${f.source.column.join(">")}`;
    const list = byPlace.get(k) ?? [];
    list.push(f);
    byPlace.set(k, list);
  }
  // Keyed by row object: two rows may share a line (公开06 lists 302 and 310 side by side).
  const cache = new Map<TableRow, Map<number, CellRef>>();
  return {
    doc,
    at(part, row, column) {
      const table = doc.tables.find((t) => t.parts.includes(part));
      const hit = cache.get(row)?.get(column.index);
      if (hit) return hit;
      const cell = row.cells.find((c) => c.column === column.index) ?? null;
      const candidates = byPlace.get(`${row.line}|${column.path.join(">")}`) ?? [];
      const label = row.rawLabel || row.label;
      // Two-sided tables put two rows on one line; a fact belongs to the row whose label it cites.
      // Both sides of 公开01 end in "总计" on the same line: the cell's own text tells them apart.
      const byLabel = candidates.filter((f) => f.source.kind === "table" && (f.source.row === label || (label === "" && candidates.length === 1)));
      const fact = (byLabel.length > 1 ? byLabel.find((f) => f.source.kind === "table" && f.source.raw === (cell?.raw ?? "").trim()) : undefined) ?? byLabel[0] ?? null;
      const damaged = cell !== null && cell.flags.some((f) => DAMAGE.has(f.kind));
      const empty = cell === null || (cell.value === null && cell.candidate === null && !damaged);
      const value = damaged ? null : empty ? new Decimal(0) : new Decimal(cell?.value ?? "0");
      const ref: CellRef = {
        doc: doc.id,
        table: table as Table,
        part,
        row,
        column,
        cell,
        value,
        damaged,
        fact,
        unit: table?.unit ?? doc.meta.unit ?? "万元",
        label: `${row.code ? `${row.code} ` : ""}${row.label || "(数据行)"} / ${column.path.join(">")}`,
      };
      const forRow = cache.get(row) ?? new Map<number, CellRef>();
      forRow.set(column.index, ref);
      cache.set(row, forRow);
      return ref;
    },
  };
}
