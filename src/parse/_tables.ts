/**
 * Finds the tables of a disclosure: blocks of cell lines, their title / 公开NN表 / 部门 / 单位 lines,
 * their kind, and their body parsed into parts, columns, rows and cells.
 */
import type { OcrFlag, Table, TableKind, TablePart } from "./types.js";
import { findLanciLine, resolveColumns } from "./_header.js";
import { canonicalColumns, kindOfHeader, kindOfNumber, kindOfTitle, numberOfKind } from "./_kinds.js";
import { cleanLine, compact, hasCjk, isBlank } from "./_lines.js";
import { dominantDecimals } from "./_ocr.js";
import { bareTitle, DEPT, isTableTitle, normaliseMarker, PART_HEADING, UNIT } from "./_titles.js";
import { decimalsOf, finishRows, labelOf, rawText, readOneSidedRow, readValueCells, type DraftRow } from "./_rows.js";
import { readBasicExpenditure, readIncomeExpenditure, type DraftPart } from "./_two-sided.js";
import { rowShifts, shiftCells } from "./_align.js";
import { appendPage, relayPage } from "./_continuation.js";

/** Where a run of cell lines sits (0-based, inclusive). */
interface Block {
  readonly start: number;
  readonly end: number;
}

/** Runs of consecutive cell lines (blank lines end a run). */
function findBlocks(cellRows: readonly (readonly string[] | null)[], excluded: (i: number) => boolean): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  for (let i = 0; i <= cellRows.length; i++) {
    const isCell = i < cellRows.length && cellRows[i] !== null && !excluded(i);
    if (isCell && start < 0) start = i;
    if (!isCell && start >= 0) {
      blocks.push({ start, end: i - 1 });
      start = -1;
    }
  }
  return blocks;
}

interface Preamble {
  title: string | null;
  titleLine: number | null;
  marker: string | null;
  departmentLine: string | null;
  unit: "万元" | "元" | null;
  first: number;
  flags: OcrFlag[];
}

function scanPreambleLine(text: string, index: number, p: Preamble): boolean {
  const t = cleanLine(text);
  let used = false;
  const marker = normaliseMarker(t);
  if (marker && !p.marker) {
    p.marker = marker;
    used = true;
  }
  const unit = UNIT.exec(t.normalize("NFKC"));
  if (unit && !p.unit) {
    p.unit = unit[1] === "元" ? "元" : "万元";
    used = true;
  }
  const dept = DEPT.exec(t.replace(/\t/g, " ").trim());
  if (dept && !p.departmentLine) {
    p.departmentLine = t.replace(/\t+|\s{2,}/g, " ").trim();
    used = true;
  }
  if ((!used || marker) && isTableTitle(t) && !p.title) {
    p.title = bareTitle(t);
    p.titleLine = index;
    used = true;
  }
  if (used) p.first = Math.min(p.first, index);
  return used;
}

/** Finds every table; `excluded` lines (the table of contents) are never part of one. */
export function findTables(
  lines: readonly string[],
  cellRows: readonly (readonly string[] | null)[],
  excluded: (i: number) => boolean,
): Table[] {
  const blocks = findBlocks(cellRows, excluded);
  const tables: Table[] = [];
  let prevEnd = -1;
  // The block the last template table was read from, for pages that continue it.
  let last: LastBlock | null = null;
  for (const block of blocks) {
    const p: Preamble = { title: null, titleLine: null, marker: null, departmentLine: null, unit: null, first: block.start, flags: [] };
    // Lines above the block: title, 公开NN表, 部门, 单位 (in any order, blank lines between).
    let seen = 0;
    for (let i = block.start - 1; i > prevEnd && seen < 12; i--) {
      if (excluded(i)) break;
      const raw = lines[i] ?? "";
      if (isBlank(raw)) continue;
      seen++;
      const t = cleanLine(raw);
      if (PART_HEADING.test(compact(t)) || /^注\s*[:：]|^\d+\s*[栏行]/.test(t) || (t.length > 60 && !DEPT.test(t)) || /。$/.test(t)) break;
      if (!scanPreambleLine(raw, i, p) && p.title !== null && p.marker !== null) break;
    }
    // Leading cell lines that are 部门/单位/公开NN表 lines, or garbled lines with a colon.
    const rows = range(block.start, block.end).map((i) => cellRows[i] ?? []);
    let headerStart = 0;
    let firstGarbled = -1;
    while (headerStart < rows.length) {
      const row = rows[headerStart] ?? [];
      const filled = row.map((c) => c.trim()).filter((c) => c !== "");
      const joined = filled.join(" ");
      // A short cell line ("部门: | 武汉巾绉 | … | 单位:万元") may be preamble; a long one is a table row.
      if (filled.length <= 6 && joined.length <= 60 && scanPreambleLine(joined, block.start + headerStart, p)) {
        headerStart++;
        continue;
      }
      if (/[:：]/.test(joined) && !/\d[.,]\d/.test(joined)) {
        if (firstGarbled < 0) firstGarbled = headerStart;
        p.flags.push({ kind: "garbled", note: `line ${block.start + headerStart + 1} garbled: ${JSON.stringify(joined.slice(0, 40))}` });
        headerStart++;
        continue;
      }
      break;
    }
    const bodyRows = rows.slice(headerStart);
    const continues = last !== null && onlyPageBreak(lines, last.end, p.first);
    // A page going on without title or header: its figure columns mapped onto the first page's.
    if (last && continues && p.title === null && p.marker === null && ONE_SIDED.has(last.kind) && /^\d{3,7}$|^合计$|^总计$/.test(compact(bodyRows[0]?.find((c) => c.trim() !== "") ?? ""))) {
      const local = last.rows.slice(last.headerStart);
      const { positions, bodyStart } = valuePositions(last.kind, local);
      if (positions.length > 0) {
        const relaid = relayPage(local.slice(bodyStart), bodyRows, positions);
        const merged: LastBlock = { ...last, rows: [...last.rows, ...relaid], lines: [...last.lines, ...range(block.start + headerStart, block.end).map((i) => i + 1)], end: block.end };
        const previous = tables[tables.length - 1];
        if (previous) tables[tables.length - 1] = { ...previous, lineEnd: block.end + 1, parts: finishParts(readBody(merged.kind, merged.rows, merged.lines, merged.headerStart).parts), };
        last = merged;
        prevEnd = block.end;
        continue;
      }
    }
    if (bodyRows.length < 2 && p.title === null && p.marker === null) continue;
    const headerText = bodyRows.slice(0, 6).map((r) => r.join(" ")).join(" ");
    const kind: TableKind =
      (p.title ? kindOfTitle(p.title) : null) ?? (p.marker ? kindOfNumber(p.marker) : null) ?? kindOfHeader(headerText) ?? "other";
    if (kind === "other" && p.title === null && p.marker === null && !hasTableShape(bodyRows)) continue;
    if ((kind === "绩效自评表" || kind === "other") && firstGarbled >= 0) {
      // In 绩效自评表 a cell line with a colon is data ("年度目标 2: …"), not a garbled preamble.
      headerStart = firstGarbled;
      p.flags = p.flags.filter((f) => !f.note.startsWith("line "));
    }
    const lineNos = range(block.start, block.end).map((i) => i + 1);
    const parsed = readBody(kind, rows, lineNos, headerStart);
    const parts = finishParts(parsed.parts);
    const table: Table = {
      id: `t${tables.length + 1}`,
      number: p.marker ?? numberOfKind(kind),
      kind,
      title: p.title ?? (kind === "other" ? "" : kind),
      // 001's 公开02 prints no 单位 line; a template table shares the unit of the one before it.
      unit: p.unit ?? (kind !== "other" && kind !== "绩效自评表" ? (tables.findLast((t) => t.unit !== null && t.kind !== "other")?.unit ?? null) : null),
      departmentLine: p.departmentLine,
      line: p.first + 1,
      lineEnd: block.end + 1,
      parts,
      flags: [...p.flags, ...parsed.flags],
    };
    // A page repeating the title and header of the table before: its rows join that table.
    const previous = tables[tables.length - 1];
    const sameTitle = last !== null && (p.title === null || compact(p.title) === compact(last.title));
    const appended = previous && last && continues && sameTitle && kind === last.kind && kind !== "other" && kind !== "绩效自评表" ? appendPage(previous, table) : null;
    if (appended) tables[tables.length - 1] = appended;
    else tables.push(table);
    last = kind !== "other" && kind !== "绩效自评表" ? { rows: rows.map((r) => [...r]), lines: lineNos, headerStart, kind, title: p.title ?? last?.title ?? "", end: block.end } : null;
    prevEnd = block.end;
  }
  return tables;
}

interface LastBlock {
  readonly rows: string[][];
  readonly lines: number[];
  readonly headerStart: number;
  readonly kind: TableKind;
  readonly title: string;
  readonly end: number;
}

const ONE_SIDED: ReadonlySet<TableKind> = new Set<TableKind>([
  "收入决算表",
  "支出决算表",
  "一般公共预算财政拨款支出决算表",
  "财政拨款支出决算表",
  "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款支出决算表",
]);

function finishParts(parts: readonly DraftPart[]): TablePart[] {
  const tableDecimals = dominantDecimals(parts.flatMap((part) => decimalsOf(part.rows)));
  return parts.map((part) => ({ name: part.name, columns: part.columns, rows: finishRows(part.rows, tableDecimals) }));
}

// Only a page break between two blocks: blank lines, page numbers, 表N markers, titles and the
// 部门/单位 lines a new page repeats; no note, no sentence, no heading.
function onlyPageBreak(lines: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) {
    const t = cleanLine(lines[i] ?? "");
    if (t === "") continue;
    if (/^(?:注|说明)\s*[:：]/.test(t) || /[。；]$/.test(t) || PART_HEADING.test(compact(t))) return false;
    if (compact(t).length > 40 && !DEPT.test(t) && !UNIT.test(t)) return false;
  }
  return true;
}

function hasTableShape(rows: readonly (readonly string[])[]): boolean {
  return rows.length >= 3 && rows.filter((r) => r.filter((c) => c.trim() !== "").length >= 2).length >= 3;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);
}

function readBody(
  kind: TableKind,
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  headerStart: number,
): { parts: DraftPart[]; flags: OcrFlag[] } {
  switch (kind) {
    case "收入支出决算总表":
    case "财政拨款收入支出决算总表": {
      const lanci = findLanciLine(rows.slice(headerStart));
      const shifted = lanci ? { ...lanci, index: lanci.index + headerStart } : null;
      return readIncomeExpenditure(kind, rows, lines, shifted, headerStart);
    }
    case "一般公共预算财政拨款基本支出决算明细表":
      return readBasicExpenditure(rows.slice(headerStart), lines.slice(headerStart)) ?? readOneSided(kind, rows, lines, headerStart);
    case "绩效自评表":
    case "other":
      return readGeneric(rows, lines, headerStart);
    case "收入决算表":
    case "支出决算表":
    case "一般公共预算财政拨款支出决算表":
    case "财政拨款支出决算表":
    case "政府性基金预算财政拨款收入支出决算表":
    case "国有资本经营预算财政拨款支出决算表":
    case "三公经费支出决算表":
      return readOneSided(kind, rows, lines, headerStart);
    default:
      return assertKind(kind);
  }
}

function assertKind(kind: never): never {
  throw new Error(`unexpected table kind ${String(kind)}`);
}

/** Where the value columns of a one-part table sit: the 栏次 line's numbers, or the body's first figures. */
function valuePositions(kind: TableKind, local: readonly (readonly string[])[]): { positions: number[]; lineNos: (string | null)[]; bodyStart: number; lanci: ReturnType<typeof findLanciLine> } {
  const lanci = findLanciLine(local);
  let positions: number[];
  let lineNos: (string | null)[];
  let bodyStart: number;
  if (lanci && lanci.positions.length > 0) {
    positions = [...lanci.positions];
    lineNos = [...lanci.numbers];
    bodyStart = lanci.index + 1;
  } else if (lanci) {
    // 栏次 printed without numbers: the value columns follow it, as many as the template has.
    const start = Math.max(...lanci.lanciCells) + 1;
    const width = Math.max(...local.map((r) => r.length));
    positions = range(start, start + (canonicalColumns(kind, null)?.length ?? width - start) - 1);
    lineNos = positions.map(() => null);
    bodyStart = lanci.index + 1;
  } else {
    // "合计" alone is the total row of an empty table; beside "基本支出 | 项目支出" it is a header.
    bodyStart = local.findIndex((r) => r.some((c) => /\d[.,]\d/.test(c)) || (r.filter((c) => hasCjk(c)).length === 1 && /^(合计|总计)$/.test(labelOf(r.find((c) => hasCjk(c)) ?? ""))));
    if (bodyStart < 0) bodyStart = local.length;
    const first = local[bodyStart] ?? [];
    const start = Math.max(0, first.findIndex((c) => /\d[.,]\d/.test(c)));
    const width = Math.max(...local.map((r) => r.length));
    // A column no figure fills still has its header ("上级补助收入" of a table without such income).
    positions = range(start, width - 1).filter((p) => local.some((r) => (r[p] ?? "").trim() !== ""));
    lineNos = positions.map(() => null);
  }
  return { positions, lineNos, bodyStart, lanci };
}

/** One-part tables: value columns located by the 栏次 line (or the first figures of the body). */
function readOneSided(
  kind: TableKind,
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  headerStart: number,
): { parts: DraftPart[]; flags: OcrFlag[] } {
  const local = rows.slice(headerStart);
  const { positions, lineNos, bodyStart, lanci } = valuePositions(kind, local);
  const headerRows = local.slice(0, lanci ? lanci.index : bodyStart);
  if (positions.length === 0) return { parts: [{ name: null, columns: [], rows: [] }], flags: [{ kind: "garbled", note: "no value columns found" }] };
  const resolved = resolveColumns(kind, null, headerRows, positions, lineNos);
  const valueStart = positions[0] ?? 0;
  const draft: DraftRow[] = [];
  const shifts = rowShifts(local.slice(bodyStart), positions);
  for (let i = bodyStart; i < local.length; i++) {
    const shift = shifts[i - bodyStart] ?? { offset: 0, sibling: -1 };
    const cells = shiftCells(local[i] ?? [], shift.offset, valueStart);
    // Gaps between value positions ("合计 | | 基本支出 | | 项目支出") are read at the positions only.
    const picked = [...cells.slice(0, valueStart), ...positions.map((p) => cells[p] ?? "")];
    const extraFrom = (positions[positions.length - 1] ?? valueStart) + 1;
    const row = readOneSidedRow([...picked, ...cells.slice(extraFrom)], lines[headerStart + i] ?? 0, valueStart, positions.length, false);
    if (row && shift.offset !== 0) {
      const by = `${Math.abs(shift.offset)} cell${Math.abs(shift.offset) > 1 ? "s" : ""} ${shift.offset > 0 ? "right" : "left"}`;
      row.flags.push({ kind: "garbled", note: `cells moved ${by}: the figures then fill the value columns as on line ${lines[headerStart + bodyStart + shift.sibling] ?? "?"}` });
    }
    if (row) draft.push(row);
  }
  return { parts: [{ name: null, columns: resolved.columns, rows: draft }], flags: resolved.flags };
}

/** Tables outside the template (绩效自评表 …): every line a row, every cell position a column. */
function readGeneric(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  headerStart: number,
): { parts: DraftPart[]; flags: OcrFlag[] } {
  const local = rows.slice(headerStart);
  const width = Math.max(0, ...local.map((r) => r.length));
  const columns = range(0, width - 1).map((index) => ({ index, path: [`第${index + 1}列`], lineNo: null }));
  const draft: DraftRow[] = [];
  local.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    const rawLabel = rawText(cells.find((c) => hasCjk(c)) ?? "");
    draft.push({
      line: lines[headerStart + i] ?? 0,
      code: null,
      codeLevel: null,
      label: labelOf(rawLabel),
      rawLabel,
      rowNo: null,
      // Text is data here (指标, 目标值 "≥90%", "100%"), not a damaged figure.
      cells: readValueCells(range(0, width - 1).map((k) => cells[k] ?? "")).map((c) =>
        c.reading.kind === "text" || c.reading.flags.some((f) => f.kind === "unparsable") ? { ...c, reading: { kind: "empty" as const, flags: [] } } : c,
      ),
      flags: [],
    });
  });
  return { parts: [{ name: null, columns, rows: draft }], flags: [] };
}
