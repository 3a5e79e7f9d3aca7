/**
 * Table cells as the audit reads them: located by table kind, row label and column header, valued
 * from the verified fact of the cell (repairs applied) or the cell's own figure.
 */
import { Decimal } from "../core/money.js";
import type { Fact } from "../facts/index.js";
import type { Cell, Column, Disclosure, Table, TableKind, TablePart, TableRow } from "../parse/types.js";
import { kindOfTitle } from "./_toc.js";

/** One located cell. */
export interface AuditCell {
  readonly table: Table;
  readonly part: TablePart;
  readonly row: TableRow;
  readonly column: Column;
  readonly cell: Cell | null;
  /** Verified value (0 for an empty cell); null when the cell is damaged and unrepaired. */
  readonly value: Decimal | null;
  /** Whether verification repaired the cell's OCR damage from other sources. */
  readonly repaired: boolean;
}

/** Lookup of cells by place. */
export interface CellIndex {
  at(table: Table, part: TablePart, row: TableRow, column: Column): AuditCell;
  /** The first table of a kind. */
  table(kind: TableKind): Table | undefined;
  /** The cell a table fact was read from. */
  ofFact(f: Fact): AuditCell | null;
}

const DAMAGE = new Set(["separator_misread", "truncated", "unparsable"]);

/** Normalised label for matching: NFKC, no spaces, quotes or numbering. */
export function normCell(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’]/g, "")
    .replace(/^[一二三四五六七八九十]+[、.]/, "")
    .replace(/^\(?[0-9]+\)?[、.]/, "");
}

/** Builds the cell index of one disclosure over its verified facts. */
export function indexCells(doc: Disclosure, facts: readonly Fact[]): CellIndex {
  const byPlace = new Map<string, Fact>();
  for (const f of facts) {
    if (f.source.kind !== "table") continue;
    byPlace.set(`${f.source.line}|${f.source.column.join(">")}|${f.source.row}`, f);
  }
  const places = new Map<string, { table: Table; part: TablePart; row: TableRow; column: Column }>();
  for (const table of doc.tables) {
    for (const part of table.parts) {
      for (const row of part.rows) {
        for (const column of part.columns) {
          for (const label of new Set([row.rawLabel || row.label, row.label])) places.set(`${row.line}|${column.path.join(">")}|${label}`, { table, part, row, column });
        }
      }
    }
  }
  const index: CellIndex = {
    ofFact(f) {
      if (f.source.kind !== "table") return null;
      const p = places.get(`${f.source.line}|${f.source.column.join(">")}|${f.source.row}`);
      return p ? index.at(p.table, p.part, p.row, p.column) : null;
    },
    at(table, part, row, column) {
      const cell = row.cells.find((c) => c.column === column.index) ?? null;
      const fact = byPlace.get(`${row.line}|${column.path.join(">")}|${row.rawLabel || row.label}`) ?? byPlace.get(`${row.line}|${column.path.join(">")}|${row.label}`);
      const damaged = cell !== null && cell.flags.some((f) => DAMAGE.has(f.kind));
      const empty = cell === null || (cell.value === null && cell.candidate === null && !damaged);
      const value = fact && (!damaged || fact.repairedFrom !== null) ? new Decimal(fact.value) : damaged ? null : empty ? new Decimal(0) : new Decimal(cell?.value ?? "0");
      return { table, part, row, column, cell, value, repaired: fact?.repairedFrom != null };
    },
    // The parser's kind only when the title's own words agree (a 基本支出决算表 read as 支出决算表 is neither).
    table: (kind) => doc.tables.find((t) => t.kind === kind && (kindOfTitle(t.title) ?? kind) === kind),
  };
  return index;
}
