/**
 * Two-sided tables: 收入 | 支出 side by side (公开01, 公开04) and the 人员经费 | 公用经费 groups
 * of 公开06 (three "code | name | amount" groups per line, the last two belonging to 公用经费).
 */
import type { Column, OcrFlag, TableKind } from "./types.js";
import { resolveColumns, type LanciLine } from "./_header.js";
import { compact } from "./_lines.js";
import { codeLevelOf, labelOf, rawText, readCode, readValueCells, type DraftRow } from "./_rows.js";
import { readCell } from "./_ocr.js";

/** A part before the table-wide pass. */
export interface DraftPart {
  readonly name: string | null;
  readonly columns: readonly Column[];
  readonly rows: DraftRow[];
}

interface Side {
  readonly name: string;
  readonly labelAt: number;
  readonly positions: readonly number[];
  readonly lineNos: readonly (string | null)[];
}

/** Splits 公开01/公开04 into 收入 and 支出 parts. */
export function readIncomeExpenditure(
  kind: TableKind,
  rows: readonly (readonly string[])[],
  lines: readonly number[],
  lanci: LanciLine | null,
  headerStart: number,
): { parts: DraftPart[]; flags: OcrFlag[] } {
  const sides = findSides(rows, lanci);
  const bodyStart = lanci ? lanci.index + 1 : firstBodyLine(rows);
  const headerRows = rows.slice(headerStart, lanci ? lanci.index : bodyStart);
  const flags: OcrFlag[] = [];
  const parts = sides.map((side, s): DraftPart => {
    const next = sides[s + 1];
    const resolved = resolveColumns(kind, side.name, headerRows, side.positions, side.lineNos);
    flags.push(...resolved.flags);
    const draft: DraftRow[] = [];
    for (let i = bodyStart; i < rows.length; i++) {
      const cells = rows[i] ?? [];
      const end = next ? next.labelAt : cells.length;
      const rawLabel = rawText(cells[side.labelAt]);
      const rowNo = compact(cells[side.labelAt + 1] ?? "");
      const values = readValueCells(side.positions.map((p) => (p < end ? (cells[p] ?? "") : "")));
      const label = labelOf(rawLabel);
      if (label === "" && values.every((v) => v.reading.kind === "empty")) continue;
      if (label === "栏次") continue;
      draft.push({
        line: lines[i] ?? 0,
        code: null,
        codeLevel: null,
        label,
        rawLabel,
        rowNo: /^\d{1,3}$/.test(rowNo) ? rowNo : null,
        cells: values,
        flags: [],
      });
    }
    return { name: side.name, columns: resolved.columns, rows: draft };
  });
  return { parts, flags };
}

function findSides(rows: readonly (readonly string[])[], lanci: LanciLine | null): Side[] {
  if (lanci && lanci.lanciCells.length >= 2) {
    const [l0 = 0, r0 = 3] = lanci.lanciCells;
    const pick = (from: number, to: number) => {
      const ks = lanci.positions.map((p, k) => ({ p, k })).filter(({ p }) => p > from && p < to);
      return { positions: ks.map(({ p }) => p), lineNos: ks.map(({ k }) => lanci.numbers[k] ?? null) };
    };
    return [
      { name: "收入", labelAt: l0, ...pick(l0, r0) },
      { name: "支出", labelAt: r0, ...pick(r0, Number.MAX_SAFE_INTEGER) },
    ];
  }
  // No 栏次 line: the second "项目" cell of the header starts the 支出 side.
  for (const row of rows.slice(0, 8)) {
    const idx = row.map(compact).flatMap((c, i) => (c === "项目" ? [i] : []));
    if (idx.length >= 2) {
      const r0 = idx[1] ?? 3;
      const width = Math.max(...rows.map((r) => r.length));
      // A 行次 column (its header says so, or it holds small whole numbers only) holds no values.
      const isRowNo = (c: number): boolean =>
        rows.some((r) => /^行次?$/.test(compact(r[c] ?? ""))) ||
        (rows.some((r) => /^\d{1,3}$/.test(compact(r[c] ?? ""))) && rows.every((r) => /^(?:\d{1,3})?$/.test(compact(r[c] ?? "")) || !/\d/.test(r[c] ?? "")));
      const values = (from: number, to: number): number[] => range(from, to).filter((c) => !isRowNo(c));
      const left = values(idx[0] === undefined ? 1 : (idx[0] ?? 0) + 1, r0);
      const right = values(r0 + 1, width);
      return [
        { name: "收入", labelAt: idx[0] ?? 0, positions: left, lineNos: left.map(() => null) },
        { name: "支出", labelAt: r0, positions: right, lineNos: right.map(() => null) },
      ];
    }
  }
  return [
    { name: "收入", labelAt: 0, positions: [2], lineNos: [null] },
    { name: "支出", labelAt: 3, positions: [5], lineNos: [null] },
  ];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function firstBodyLine(rows: readonly (readonly string[])[]): number {
  const i = rows.findIndex((r) => r.some((c) => readCell(c).kind === "number" && /\d[.,]\d/.test(c)));
  return i < 0 ? rows.length : i;
}

/** The 科目名称 cells of a header line naming two or more groups. */
function groupsFromHeader(rows: readonly (readonly string[])[]): { headerIdx: number; names: number[] } | null {
  const headerIdx = rows.slice(0, 8).findIndex((r) => r.map(compact).filter((c) => c === "科目名称").length >= 2);
  if (headerIdx < 0) return null;
  return { headerIdx, names: (rows[headerIdx] ?? []).map(compact).flatMap((c, i) => (c === "科目名称" ? [i] : [])) };
}

/**
 * Without a readable header ("科目名林", "HP11. EQU"), the groups show in the body: cells
 * holding a 经济分类 code ("301", "30101") followed by a name, at the same places on two or
 * more lines. The header is the line before the first such line.
 */
function groupsFromBody(rows: readonly (readonly string[])[]): { headerIdx: number; names: number[] } | null {
  const seen = new Map<number, number>();
  let first = -1;
  rows.forEach((r, i) => {
    const cells = r.map(compact);
    const at = cells.flatMap((c, k) => (/^3\d{2}(?:\d{2})?$/.test(c) && /\p{Script=Han}/u.test(cells[k + 1] ?? "") ? [k + 1] : []));
    if (at.length > 0 && first < 0) first = i;
    at.forEach((k) => seen.set(k, (seen.get(k) ?? 0) + 1));
  });
  const names = [...seen].filter(([, n]) => n >= 2).map(([k]) => k).sort((a, b) => a - b);
  return names.length >= 2 ? { headerIdx: first - 1, names } : null;
}

/**
 * Splits 公开06 into 人员经费 and 公用经费. Each line holds up to three groups of
 * "经济分类科目编码 | 科目名称 | 决算数"; the total line reads
 * "人员经费合计 | | 984.20 | 公用经费合计 | … | 85.97" (the 公用经费 total sits under the last group).
 */
export function readBasicExpenditure(
  rows: readonly (readonly string[])[],
  lines: readonly number[],
): { parts: DraftPart[]; flags: OcrFlag[] } | null {
  const found = groupsFromHeader(rows) ?? groupsFromBody(rows);
  if (!found) return null;
  const { headerIdx, names } = found;
  // Template order: the first group is 人员经费, the others (商品和服务支出, 资本性支出 …) 公用经费.
  // The top line naming them is often garbled ("HP11. EQU | ス市… 人员经费 | | 学位:万元 公用経費").
  const groups = names.map((namePos, g) => ({ namePos, part: g === 0 ? "人员经费" : "公用经费" }));
  const partNames = ["人员经费", "公用经费"] as const;
  const byPart = new Map<string, DraftRow[][]>(partNames.map((p) => [p, []]));
  const totals = new Map<string, DraftRow>();
  groups.forEach((g) => byPart.get(g.part)?.push([]));
  for (let i = headerIdx + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const line = lines[i] ?? 0;
    const compacted = cells.map(compact);
    const totalAt = compacted.flatMap((c, k) => (/^(人员经费|公用经费)(合计)?$/.test(c) ? [k] : []));
    if (totalAt.length > 0) {
      totalAt.forEach((k, t) => {
        const stop = totalAt[t + 1] ?? cells.length;
        let rawLabel = rawText(cells[k]);
        let from = k + 1;
        if (!/合计$/.test(compacted[k] ?? "") && compacted[k + 1] === "合计") {
          rawLabel += "合计";
          from = k + 2;
        }
        let valueIdx = -1;
        for (let j = from; j < stop; j++) if (readCell(cells[j] ?? "").kind === "number") { valueIdx = j; break; }
        const part = /人员经费/.test(rawLabel) ? "人员经费" : "公用经费";
        totals.set(part, {
          line,
          code: null,
          codeLevel: null,
          label: labelOf(rawLabel),
          rawLabel,
          rowNo: null,
          cells: readValueCells([valueIdx >= 0 ? (cells[valueIdx] ?? "") : ""]),
          flags: [],
        });
      });
      continue;
    }
    const partCounters = new Map<string, number>();
    groups.forEach((g) => {
      const k = partCounters.get(g.part) ?? 0;
      partCounters.set(g.part, k + 1);
      const codeCell = cells[g.namePos - 1] ?? "";
      const codeRead = readCode([codeCell]);
      const rawLabel = rawText(cells[g.namePos]);
      const values = readValueCells([cells[g.namePos + 1] ?? ""]);
      if (codeRead.code === null && rawLabel === "" && values.every((v) => v.reading.kind === "empty")) return;
      byPart.get(g.part)?.[k]?.push({
        line,
        code: codeRead.code,
        codeLevel: codeLevelOf(codeRead.code, true),
        label: labelOf(rawLabel),
        rawLabel,
        rowNo: null,
        cells: values,
        flags: codeRead.flags,
      });
    });
  }
  const column: Column[] = [{ index: 0, path: ["决算数"], lineNo: null }];
  const parts = partNames.map((name): DraftPart => {
    const rowsOfPart = (byPart.get(name) ?? []).flat();
    const total = totals.get(name);
    return { name, columns: column, rows: total ? [...rowsOfPart, total] : rowsOfPart };
  });
  return { parts, flags: [] };
}
