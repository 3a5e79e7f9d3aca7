/**
 * Body rows: 科目编码 (joined when split across cells), labels (numbering kept in rawLabel only),
 * and value cells read into figures with their damage flags.
 */
import type { Cell, OcrFlag, TableRow } from "./types.js";
import { compact, hasCjk, stripMarkup } from "./_lines.js";
import { readCell, truncationFlag, type CellReading } from "./_ocr.js";

/** A row before the table-wide pass (truncation needs the table's usual decimals). */
export interface DraftRow {
  readonly line: number;
  code: string | null;
  codeLevel: TableRow["codeLevel"];
  label: string;
  rawLabel: string;
  rowNo: string | null;
  readonly cells: { column: number; raw: string; reading: CellReading }[];
  readonly flags: OcrFlag[];
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d))\s*/;

/** A label without its numbering and spaces ("一、一般公共预算财政拨款收入" → "一般公共预算财政拨款收入"). */
export function labelOf(rawLabel: string): string {
  return compact(rawLabel).replace(/^栏次(?=合计|总计)/, "").replace(NUMBERING, "");
}

/** Level of a 科目编码 by its length: 3 类, 5 款, 7 项. */
export function codeLevelOf(code: string | null, economic: boolean): TableRow["codeLevel"] {
  if (code === null) return null;
  if (economic) return "经济分类";
  return code.length === 3 ? "类" : code.length === 5 ? "款" : code.length === 7 ? "项" : null;
}

/**
 * Reads the 科目编码 from the leading cells. OCR splits codes across cells; each case below is
 * a sample from the seeds:
 * - "206049	9" (001 公开05): 6 + 1 digits → "2060499";
 * - "20805	502" (001 公开02): a 款 code and a 3-digit tail repeating its last digit → "2080502";
 * - "20808	301": the tail's first digit misread ("3" for "8") → "2080801", flagged;
 * - "20808	3", "21110	)": a stray digit or mark after a 款 code → "20808", flagged.
 */
export function readCode(cells: readonly string[]): { code: string | null; rest: string | null; used: number; flags: OcrFlag[] } {
  const flags: OcrFlag[] = [];
  const c0 = compact(cells[0] ?? "");
  const m = /^(\d{3,7})(.*)$/.exec(c0);
  if (!m) return { code: null, rest: null, used: 0, flags };
  let code = m[1] ?? "";
  const rest = (m[2] ?? "") !== "" ? (m[2] ?? "") : null;
  const c1 = compact(cells[1] ?? "");
  const sample = `${cells[0] ?? ""}\t${cells[1] ?? ""}`;
  let used = 1;
  if (rest === null && c1 !== "") {
    if (/^\d{1,3}$/.test(c1)) {
      used = 2;
      if (code.length === 6 && c1.length === 1) {
        code += c1;
        flags.push({ kind: "split_code", note: `code split across cells ${JSON.stringify(sample)} joined as ${code}` });
      } else if (code.length === 5 && c1.length === 3) {
        const joined = code + c1.slice(1);
        const note = c1[0] === code[4] ? "" : ` (tail ${c1} does not repeat ${code[4] ?? ""}; read as ${joined})`;
        flags.push({ kind: "split_code", note: `code split across cells ${JSON.stringify(sample)} joined as ${joined}${note}` });
        code = joined;
      } else if ((code.length === 5 || code.length === 3) && c1.length === 2) {
        code += c1;
        flags.push({ kind: "split_code", note: `code split across cells ${JSON.stringify(sample)} joined as ${code}` });
      } else {
        flags.push({ kind: "split_code", note: `stray ${JSON.stringify(c1)} after code ${code} ignored` });
      }
    } else if (!hasCjk(c1) && c1.length <= 2) {
      used = 2;
      flags.push({ kind: "split_code", note: `stray ${JSON.stringify(c1)} after code ${code} ignored` });
    }
  }
  // "201 | 03 | 01": 类, 款 and 项 printed in their own cells (templates with 类/款/项 columns).
  const c2 = compact(cells[2] ?? "");
  if (used === 2 && code.length === 5 && /^\d{2}$/.test(c1) && /^\d{2}$/.test(c2)) {
    code += c2;
    used = 3;
    flags.length = 0;
  } else if (used === 2 && code.length === 5 && /^\d{2}$/.test(c1) && /^\d{3}$/.test(compact(cells[0] ?? ""))) {
    flags.length = 0;
  }
  if (code.length === 4 || code.length === 6) flags.push({ kind: "split_code", note: `code ${code} has ${code.length} digits; a digit may be lost` });
  return { code, rest, used, flags };
}

/** Reads the value cells of a row: figures, crumbs and text. */
export function readValueCells(raws: readonly string[]): DraftRow["cells"] {
  return raws.map((raw, column) => ({ column, raw, reading: readCell(raw) }));
}

/** Turns draft rows into final rows, flagging truncated figures against the table's usual decimals. */
export function finishRows(rows: readonly DraftRow[], tableDecimals: number | null): TableRow[] {
  return rows.map((r) => ({
    line: r.line,
    code: r.code,
    codeLevel: r.codeLevel,
    label: r.label,
    rawLabel: r.rawLabel,
    rowNo: r.rowNo,
    flags: r.flags,
    cells: r.cells.map((c): Cell => finishCell(c.column, c.raw, c.reading, tableDecimals)),
  }));
}

function finishCell(column: number, raw: string, reading: CellReading, tableDecimals: number | null): Cell {
  switch (reading.kind) {
    case "empty":
      return { column, raw, value: null, candidate: null, flags: reading.flags };
    case "text":
      return { column, raw, value: null, candidate: null, flags: [...reading.flags, { kind: "unparsable", note: `text ${JSON.stringify(reading.text)} in a value cell` }] };
    case "number": {
      const t = reading.value !== null ? truncationFlag(raw, reading.decimals, tableDecimals) : null;
      return { column, raw, value: reading.value, candidate: reading.candidate, flags: t ? [...reading.flags, t] : reading.flags };
    }
  }
}

/** Fraction-digit counts of every readable figure (for the table's usual decimals). */
export function decimalsOf(rows: readonly DraftRow[]): number[] {
  return rows.flatMap((r) => r.cells.flatMap((c) => (c.reading.kind === "number" && c.reading.value !== null ? [c.reading.decimals] : [])));
}

/** Label text of a cell as the document shows it (markup removed, outer spaces trimmed). */
export function rawText(cell: string | undefined): string {
  return stripMarkup(cell ?? "").trim();
}

/**
 * Reads a one-sided body row: code/label cells before `valueStart`, then `valueCount` value cells.
 * Text found in the first value cell continues a label cut by OCR ("资源勘探工业信 | 息等支出").
 */
export function readOneSidedRow(
  cells: readonly string[],
  line: number,
  valueStart: number,
  valueCount: number,
  economic: boolean,
): DraftRow | null {
  const pre = cells.slice(0, valueStart);
  const flags: OcrFlag[] = [];
  const codeRead = readCode(pre);
  flags.push(...codeRead.flags);
  const labelCells = pre.slice(codeRead.used).map(rawText).filter((t) => t !== "" && hasCjk(t));
  // "2159802 制造业 | | | 16,179.00 | …" (001 公开07): a figure where the label belongs; the
  // cells have shifted and no column can be trusted.
  if (pre.slice(codeRead.used).some((c) => readCell(c).kind === "number")) {
    flags.push({ kind: "garbled", note: "a figure sits in the code/label columns; the row's cells may be shifted" });
  }
  let rawLabel = labelCells[labelCells.length - 1] ?? codeRead.rest ?? "";
  if (labelCells.length > 1) {
    flags.push({ kind: "garbled", note: `stray text before the label: ${JSON.stringify(labelCells.slice(0, -1).join(" "))}` });
  }
  const values = readValueCells(Array.from({ length: valueCount }, (_, k) => cells[valueStart + k] ?? ""));
  const firstValue = values[0];
  if (firstValue && firstValue.reading.kind === "text" && rawLabel !== "" && !/[合总]计$/.test(compact(rawLabel))) {
    flags.push({ kind: "garbled", note: `label continued in a value cell: ${JSON.stringify(firstValue.raw)}` });
    rawLabel += firstValue.reading.text;
    firstValue.reading = { kind: "empty", flags: [] };
  }
  const extra = cells.slice(valueStart + valueCount).map((c) => readCell(c)).filter((r) => r.kind !== "empty");
  if (extra.length > 0) flags.push({ kind: "garbled", note: `${extra.length} extra cell(s) beyond the header's columns` });
  const label = labelOf(rawLabel);
  const hasValue = values.some((v) => v.reading.kind !== "empty");
  if (codeRead.code === null && label === "" && !hasValue) return null;
  if (label === "栏次") return null;
  return {
    line,
    code: codeRead.code,
    codeLevel: codeLevelOf(codeRead.code, economic),
    label,
    rawLabel,
    rowNo: null,
    cells: values,
    flags,
  };
}
