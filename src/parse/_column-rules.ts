/**
 * What a table's header says about the figures of each row: a total column is the sum of the
 * columns it heads (合计 = 基本支出 + 项目支出; 本年收入合计 = 财政拨款收入 + … + 其他收入, a group
 * standing in by its 小计/合计/金额 column), and a "其中" column is a part of the column before it.
 */
import { compact } from "./_lines.js";

/** A row identity between columns (indexes into the value columns): total = Σ addends. */
export interface ColumnSum {
  readonly total: number;
  readonly addends: readonly number[];
}

/** A "其中" column and the column it is a part of. */
export interface ColumnPart {
  readonly part: number;
  readonly of: number;
}

/** The identities a header's column paths imply. */
export interface ColumnRules {
  readonly sums: readonly ColumnSum[];
  readonly parts: readonly ColumnPart[];
}

const TOTAL = /^(?:合计|小计|总计|本年(?:收入|支出)合计|决算数合计)$/;
// A group's own figure among its columns ("事业收入 > 金额" beside "事业收入 > 其中：教育收费").
const STAND_IN = /^(?:合计|小计|金额)$/;
const PART = /^其中/;
// Balances beside the year's flows (年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余) add up to no column.
const BALANCE = /结转|结余|年初|^本年收入$/;

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The row identities of a table part from its value columns' paths. */
export function columnRules(paths: readonly (readonly string[])[]): ColumnRules {
  const leafs = paths.map((p) => compact(p[p.length - 1] ?? ""));
  const sums: ColumnSum[] = [];
  const parts: ColumnPart[] = [];
  paths.forEach((path, c) => {
    const parent = path.slice(0, -1);
    if (PART.test(leafs[c] ?? "")) {
      const siblings = paths.flatMap((p, k) => (k !== c && same(p.slice(0, -1), parent) && !PART.test(leafs[k] ?? "") ? [k] : []));
      const of = siblings.find((k) => STAND_IN.test(leafs[k] ?? "")) ?? siblings.filter((k) => k < c).pop();
      if (of !== undefined) parts.push({ part: c, of });
      return;
    }
    if (!TOTAL.test(leafs[c] ?? "")) return;
    const addends: number[] = [];
    const groups = new Set<string>();
    let complete = true;
    paths.forEach((p, k) => {
      if (k === c || p.length <= parent.length || !same(p.slice(0, parent.length), parent) || BALANCE.test(p.join(">"))) return;
      const head = p[parent.length] ?? "";
      if (p.length === parent.length + 1) {
        if (!PART.test(leafs[k] ?? "") && !TOTAL.test(leafs[k] ?? "")) addends.push(k);
        return;
      }
      if (groups.has(head)) return;
      groups.add(head);
      const standIn = paths.findIndex((q) => q.length === parent.length + 2 && same(q.slice(0, parent.length + 1), [...parent, head]) && STAND_IN.test(compact(q[q.length - 1] ?? "")));
      if (standIn >= 0) addends.push(standIn);
      else complete = false;
    });
    if (complete && addends.length >= 2) sums.push({ total: c, addends: addends.sort((a, b) => a - b) });
  });
  return { sums, parts };
}
