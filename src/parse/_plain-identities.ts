/**
 * The identities one row of a plain table must satisfy under a placement of its words: its total
 * column = Σ the columns it heads, a "其中" column within its whole, the amounts other tables state
 * for it (anchors: equal to a 总表 item on the 合计 row, no more than the 支出决算表's figure of the
 * same 科目编码), and no figure above the 合计 row's in its column (tables without negatives).
 */
import { Decimal } from "../core/money.js";
import type { ColumnRules } from "./_column-rules.js";
import type { SumRow } from "./_continuation.js";
import { compact } from "./_lines.js";
import { CODE, decimalsOf, figureValue, type Slot } from "./_plain-choice.js";

/** An amount another table states for a row of this one, in a value column of a group. */
export interface Anchor {
  readonly group: number;
  readonly column: number;
  readonly value: Decimal;
  /** The row it is for: null for the 合计 row, "*" for every row, else a 科目编码. */
  readonly code: string | null;
  /** The figure equals the amount, is no more than it, or no less. */
  readonly relation: "equal" | "atMost" | "atLeast";
}

/** A row as a placement reads it; `short` marks figures printed with a digit fewer than the rest. */
export interface Row extends SumRow {
  readonly short: readonly boolean[];
}

/** Identities counted. */
export interface Tally {
  hold: number;
  fail: number;
  gap: Decimal;
}

/** A row's slots by group. */
export interface Group {
  readonly code: number;
  readonly label: number;
  readonly values: readonly number[];
}

/** Half a cent per printed figure may go astray in a sum. */
export const tolerance = (n: number): Decimal => new Decimal(0.005).times(n + 1);

/** The groups of a row's slots. */
export function groupsOf(slots: readonly Slot[]): Group[] {
  return [...new Set(slots.map((s) => s.group))].map((g) => ({
    code: slots.findIndex((s) => s.type === "code" && s.group === g),
    label: slots.findIndex((s) => s.type === "label" && s.group === g),
    values: slots.flatMap((s, k) => (s.type === "value" && s.group === g ? [k] : [])),
  }));
}

/** Each group's row as the words of a line read under a placement (null: the group is empty). */
export function readRows(words: readonly string[], slots: readonly Slot[], groups: readonly Group[], option: readonly number[], decimals: number): (Row | null)[] {
  const cells = slots.map(() => "");
  option.forEach((s, t) => (cells[s] = cells[s] ? `${cells[s]}${words[t] ?? ""}` : (words[t] ?? "")));
  return groups.map((g) => {
    const code = compact(cells[g.code] ?? "");
    const label = compact(cells[g.label] ?? "");
    const values = g.values.map((p) => figureValue(cells[p] ?? ""));
    if (code === "" && label === "" && values.every((v) => v === null)) return null;
    const short = g.values.map((p, k) => values[k] !== null && decimalsOf(cells[p] ?? "") < decimals);
    return { code: CODE.test(code) ? code : null, total: /(?:合计|总计)$/.test(label), values, short };
  });
}

// "101.6" where the table prints 101.68: a figure cut short stands for anything up to a tenth more.
function slack(row: Row, columns: readonly number[]): Decimal {
  return columns.some((c) => row.short[c]) ? new Decimal(0.1) : new Decimal(0);
}

/** Counts a row's own identities into `t`. */
export function rowIdentities(row: Row, rules: ColumnRules | undefined, anchors: readonly Anchor[], t: Tally): void {
  for (const sum of rules?.sums ?? []) {
    const total = row.values[sum.total] ?? null;
    const parts = sum.addends.map((a) => row.values[a] ?? null);
    if (total === null && parts.every((p) => p === null)) continue;
    const off = parts.reduce<Decimal>((a, p) => a.plus(p ?? 0), new Decimal(0)).minus(total ?? 0).abs();
    if (off.lte(tolerance(parts.length).plus(slack(row, [sum.total, ...sum.addends])))) t.hold++;
    else {
      t.fail++;
      t.gap = t.gap.plus(off);
    }
  }
  for (const { part, of } of rules?.parts ?? []) {
    const v = row.values[part] ?? null;
    if (v === null || v.isZero()) continue;
    const whole = row.values[of] ?? null;
    if (whole === null || v.gt(whole.plus(0.005))) t.fail++;
  }
  for (const a of anchors) {
    if (a.code === null ? !row.total : a.code !== "*" && a.code !== row.code) continue;
    const v = row.values[a.column] ?? null;
    const room = new Decimal(0.015).plus(slack(row, [a.column]));
    if (a.relation === "atMost") {
      if (v !== null && v.gt(a.value.plus(room))) t.fail++;
    } else if (a.relation === "atLeast") {
      if ((v ?? new Decimal(0)).plus(room).lt(a.value)) t.fail++;
    } else if (v !== null && v.minus(a.value).abs().lte(room)) t.hold++;
    else if (!a.value.isZero() || (v !== null && !v.isZero())) t.fail++;
  }
}

/** Figures above the 合计 row's in their column (`bounds`: the 合计 row's values). */
export function overBounds(row: Row, bounds: readonly (Decimal | null)[]): number {
  if (row.total) return 0;
  return row.values.filter((v, j) => v !== null && v.gt((bounds[j] ?? new Decimal(0)).plus(0.005))).length;
}
