/**
 * Tables that run over several pages. A page that repeats the title and header is read on its
 * own and its rows appended (`appendPage`); a page that goes on without a header has its own
 * column positions (pdftotext lays every page out afresh), so its figure columns are mapped onto
 * the first page's value columns: figures keep their order, the first is the row total, and among
 * the orders left the one under which the most 类 = Σ 款 = Σ 项 and 合计 = Σ 类 sums hold wins.
 */
import { Decimal, parseDecimal } from "../core/money.js";
import type { Table, TableRow } from "./types.js";
import { compact, hasCjk } from "./_lines.js";

const FIGURE = /^-?[\d,]*\d[.,]\d+$|^-?\d{1,3}(?:,\d{3})+$/;
const CODE = /^\d{3,7}$/;

/** A body row reduced to what the sums need: code, total-row mark and the value per column. */
export interface SumRow {
  readonly code: string | null;
  readonly total: boolean;
  readonly values: readonly (Decimal | null)[];
}

/**
 * Hierarchy sums over rows: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, column by column; [holding, failing,
 * the failing sums' total gap]. With `zeroIsEmpty`, a column the parent leaves empty and the
 * children leave empty or zero is no sum (a search must not gain by moving a 0.00 into it).
 */
export function hierarchySums(rows: readonly SumRow[], columns: number, zeroIsEmpty = false): [number, number, Decimal] {
  let hold = 0;
  let fail = 0;
  let gap = new Decimal(0);
  const check = (parent: SumRow, children: readonly SumRow[]): void => {
    if (children.length === 0) return;
    for (let j = 0; j < columns; j++) {
      const total = parent.values[j] ?? null;
      const parts = children.map((c) => c.values[j] ?? null);
      if (total === null && parts.every((p) => p === null || (zeroIsEmpty && p.isZero()))) continue;
      const sum = parts.reduce<Decimal>((a, p) => a.plus(p ?? 0), new Decimal(0));
      // Each printed figure is rounded to the cent: the sum may be off by half a cent per part.
      const tolerance = new Decimal(0.005).times(children.length + 1);
      const off = sum.minus(total ?? 0).abs();
      if (off.lte(tolerance)) hold++;
      else {
        fail++;
        gap = gap.plus(off);
      }
    }
  };
  rows.forEach((row, i) => {
    if (row.total) {
      check(row, rows.filter((r) => r.code !== null && r.code.length === 3));
      return;
    }
    if (row.code === null || row.code.length >= 7) return;
    const children: SumRow[] = [];
    for (let k = i + 1; k < rows.length; k++) {
      const c = rows[k];
      if (!c || c.total) continue;
      if (c.code === null) continue;
      if (c.code.length <= row.code.length) break;
      if (c.code.length === row.code.length + 2 && c.code.startsWith(row.code)) children.push(c);
    }
    check(row, children);
  });
  return [hold, fail, gap];
}

/**
 * The codes the sums read, where OCR damaged the printed ones: a code cut short ("215089", 6
 * digits) or repeating a 类/款 code printed above ("20604" on 其他技术研究与开发支出 under 20604)
 * stands for a row one level below that code (a placeholder code of the right length).
 */
export function levelCodes(codes: readonly (string | null)[]): (string | null)[] {
  const seen = new Set<string>();
  return codes.map((c) => {
    if (c === null) return null;
    const repeated = seen.has(c) && c.length < 7;
    seen.add(c);
    if (c.length === 4 || c.length === 6) return `${c.slice(0, -1)}··`;
    return repeated ? `${c}··` : c;
  });
}

/** Reads a cell line of a one-sided coded table into a SumRow over the given value positions. */
export function sumRow(cells: readonly string[], positions: readonly number[]): SumRow {
  const code = compact(cells[0] ?? "");
  const label = cells.map((c) => compact(c)).find((c) => hasCjk(c)) ?? "";
  return {
    code: CODE.test(code) ? code : null,
    total: /^(?:合计|总计)$/.test(label),
    values: positions.map((p) => (FIGURE.test(compact(cells[p] ?? "")) ? parseDecimal(compact(cells[p] ?? "")) : null)),
  };
}

/**
 * Lays the cell lines of a header-less page out in the geometry of the table it continues:
 * label cells first (`valueStart` of them), then each figure column at the value position the
 * mapping chose. `before` are the first page's body lines, for the sums.
 */
export function relayPage(
  before: readonly (readonly string[])[],
  page: readonly (readonly string[])[],
  positions: readonly number[],
): string[][] {
  const valueStart = positions[0] ?? 2;
  const figureCols = [...new Set(page.flatMap((r) => r.flatMap((c, j) => (FIGURE.test(compact(c)) ? [j] : []))))].sort((a, b) => a - b);
  const first = figureCols[0] ?? valueStart;
  const labelCells = (r: readonly string[]): string[] => {
    const pre = r.slice(0, first).map((c) => c.trim());
    const code = CODE.test(compact(pre[0] ?? "")) ? (pre[0] ?? "") : "";
    const text = pre.slice(code ? 1 : 0).filter((c) => c !== "").join("");
    const out = Array.from({ length: valueStart }, () => "");
    if (valueStart >= 2) {
      out[0] = code;
      out[valueStart - 1] = text;
    } else out[0] = `${code}${text}`;
    return out;
  };
  const width = Math.max(...positions) + 1;
  const lay = (mapping: readonly number[]): string[][] =>
    page.map((r) => {
      const out = [...labelCells(r)];
      while (out.length < width) out.push("");
      figureCols.forEach((j, k) => {
        const target = mapping[k];
        if (target !== undefined) out[target] = r[j] ?? "";
      });
      return out;
    });
  let best: { mapping: number[]; score: number } | null = null;
  for (const mapping of monotoneMaps(figureCols.length, positions)) {
    const [hold, fail] = hierarchySums([...before, ...lay(mapping)].map((r) => sumRow(r, positions)), positions.length);
    const score = hold - 2 * fail;
    if (!best || score > best.score) best = { mapping, score };
  }
  return lay(best?.mapping ?? positions.slice(0, figureCols.length));
}

// Order-keeping maps of k figure columns onto positions, the first onto the first (the row total).
function* monotoneMaps(k: number, positions: readonly number[]): Generator<number[]> {
  if (k === 0 || k > positions.length) return;
  const rest = positions.slice(1);
  function* choose(from: number, left: number, acc: number[]): Generator<number[]> {
    if (left === 0) {
      yield acc;
      return;
    }
    for (let i = from; i <= rest.length - left; i++) yield* choose(i + 1, left - 1, [...acc, rest[i] ?? 0]);
  }
  for (const tail of choose(0, k - 1, [])) yield [positions[0] ?? 0, ...tail];
}

/** Appends the rows of a page that repeated title and header; a repeated 合计 row is kept once. */
export function appendPage(first: Table, page: Table): Table | null {
  if (page.parts.length !== first.parts.length) return null;
  const same = first.parts.every((p, k) => p.columns.length === page.parts[k]?.columns.length);
  if (!same) return null;
  const key = (r: TableRow): string => `${r.code ?? ""}|${compact(r.label)}|${r.cells.map((c) => c.value ?? "").join(",")}`;
  return {
    ...first,
    lineEnd: page.lineEnd,
    parts: first.parts.map((p, k) => {
      const seen = new Set(p.rows.map(key));
      const more = (page.parts[k]?.rows ?? []).filter((r) => !seen.has(key(r)));
      return { ...p, rows: [...p.rows, ...more] };
    }),
    flags: [...first.flags, ...page.flags],
  };
}
