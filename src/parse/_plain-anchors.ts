/**
 * Figures one table states for another: the 收入支出决算总表 names each income and expenditure
 * item with its amount ("六、其他收入 53,611.86", "本年支出合计 481,483.46"), and the 合计 row of
 * the 收入决算表 / 支出决算表 carries the same amounts in the columns of the same names. The plain
 * form reads the 总表 first; its named figures then anchor the columns of the 合计 rows after it.
 * Likewise the 支出决算表 bounds the 基本支出/项目支出 of each 财政拨款 table's coded rows, and the
 * 基本支出 table's 公务接待费 / 公务用车运行维护费 / … rows are part of the 三公 table's 决算数.
 */
import { Decimal } from "../core/money.js";
import { THREE_PUBLIC_ITEMS } from "./_kinds.js";
import type { TableKind } from "./types.js";
import { compact } from "./_lines.js";
import type { Anchor } from "./_plain-identities.js";
import { figureValue, type Slot } from "./_plain-choice.js";

/** Amounts a 总表 names, per side (0 income, 1 expenditure): label → amount (0 when printed empty). */
export type NamedFigures = readonly ReadonlyMap<string, Decimal>[];

/** The 支出决算表's 基本支出 / 项目支出 per 科目编码 (0 when printed empty). */
export type CodedFigures = ReadonlyMap<string, ReadonlyMap<string, Decimal>>;

// The 财政拨款 tables' rows are the 支出决算表's rows for one kind of funds: no more than them.
const FUND_TABLES: ReadonlySet<TableKind> = new Set<TableKind>(["一般公共预算财政拨款支出决算表", "政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表", "财政拨款支出决算表"]);
const SPLIT = /^(?:基本支出|项目支出)$/;

// The 基本支出 or 项目支出 a column stands for (项目支出 > 小计 stands for 项目支出).
function splitName(path: readonly string[]): string | null {
  const leaf = compact(path[path.length - 1] ?? "").normalize("NFKC");
  if (SPLIT.test(leaf)) return leaf;
  const group = compact(path[path.length - 2] ?? "").normalize("NFKC");
  return /^(?:小计|合计)$/.test(leaf) && SPLIT.test(group) ? group : null;
}

/** The 基本支出 / 项目支出 figures of each coded row of a laid-out 支出决算表. */
export function codedFigures(cells: readonly (readonly string[] | null)[], slots: readonly Slot[], paths: readonly (readonly string[])[]): CodedFigures {
  const code = slots.findIndex((s) => s.type === "code");
  const values = slots.flatMap((s, k) => (s.type === "value" ? [k] : []));
  const out = new Map<string, Map<string, Decimal>>();
  for (const row of cells) {
    const c = compact(row?.[code] ?? "");
    if (!/^\d{3,7}$/.test(c) || out.has(c)) continue;
    const named = new Map<string, Decimal>();
    paths.forEach((p, k) => {
      const name = splitName(p);
      if (name) named.set(name, figureValue(compact(row?.[values[k] ?? -1] ?? "")) ?? new Decimal(0));
    });
    if (named.size > 0) out.set(c, named);
  }
  return out;
}

/** A 财政拨款 table's rows: each 基本支出 / 项目支出 figure no more than the 支出决算表's for the code. */
export function boundsOf(kind: TableKind, paths: readonly (readonly string[])[], coded: CodedFigures): Anchor[] {
  if (!FUND_TABLES.has(kind)) return [];
  const out: Anchor[] = [];
  paths.forEach((p, column) => {
    const name = splitName(p);
    if (!name) return;
    for (const [code, named] of coded) {
      const value = named.get(name);
      if (value) out.push({ group: 0, column, value, code, relation: "atMost" });
    }
  });
  return out;
}

// Which side of the 总表 states the items a table's columns are named after.
const SIDE_OF: Partial<Record<TableKind, number>> = { 收入决算表: 0, 支出决算表: 1 };

const bare = (label: string): string => compact(label).replace(/^[一二三四五六七八九十]+[、.]/, "").normalize("NFKC");

/** The named amounts of a laid-out 总表 (each side's label and first value column). */
export function namedFigures(cells: readonly (readonly string[] | null)[], slots: readonly Slot[]): NamedFigures {
  return [0, 1].map((g) => {
    const label = slots.findIndex((s) => s.type === "label" && s.group === g);
    const value = slots.findIndex((s) => s.type === "value" && s.group === g);
    const out = new Map<string, Decimal>();
    if (label < 0 || value < 0) return out;
    for (const row of cells) {
      const name = bare(row?.[label] ?? "");
      if (name === "" || /^其中/.test(name) || out.has(name)) continue;
      const v = compact(row?.[value] ?? "");
      out.set(name, figureValue(v) ?? new Decimal(0));
    }
    return out;
  });
}

/**
 * The anchors of a table's 合计 row: each value column named like 总表 items (its own name, or the
 * group it is the amount of: 事业收入 > 金额) takes the sum of the items whose name ends with it
 * (财政拨款收入 = 一般公共预算财政拨款收入 + 政府性基金预算财政拨款收入 + …).
 */
export function anchorsOf(kind: TableKind, paths: readonly (readonly string[])[], named: NamedFigures): Anchor[] {
  const side = SIDE_OF[kind];
  const items = side === undefined ? undefined : named[side];
  if (!items || items.size === 0) return [];
  const out: Anchor[] = [];
  paths.forEach((path, column) => {
    const leaf = compact(path[path.length - 1] ?? "").normalize("NFKC");
    if (/^其中/.test(leaf)) return;
    const name = /^(?:金额|小计|合计)$/.test(leaf) && path.length > 1 ? compact(path[path.length - 2] ?? "").normalize("NFKC") : leaf;
    if (name.length < 4) return;
    const matching = [...items].filter(([label]) => label === name || label.endsWith(name));
    if (matching.length === 0) return;
    out.push({ group: 0, column, value: matching.reduce((a, [, v]) => a.plus(v), new Decimal(0)), code: null, relation: "equal" });
  });
  return out;
}

/** The 基本支出 table's figures per economic code (its rows' code, then first figure). */
export function economicFigures(cells: readonly (readonly string[] | null)[], slots: readonly Slot[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const g of [...new Set(slots.map((s) => s.group))]) {
    const code = slots.findIndex((s) => s.type === "code" && s.group === g);
    const value = slots.findIndex((s) => s.type === "value" && s.group === g);
    for (const row of cells) {
      const c = compact(row?.[code] ?? "");
      const v = figureValue(compact(row?.[value] ?? ""));
      if (/^\d{5}$/.test(c) && v !== null && !out.has(c)) out.set(c, v);
    }
  }
  return out;
}

/** The 三公 table's 决算数 columns: no less than the 基本支出 table's rows of the same item. */
export function floorsOf(kind: TableKind, paths: readonly (readonly string[])[], economic: ReadonlyMap<string, Decimal>): Anchor[] {
  if (kind !== "三公经费支出决算表") return [];
  const out: Anchor[] = [];
  paths.forEach((p, column) => {
    if (compact(p[0] ?? "") !== "决算数") return;
    const leaf = compact(p[p.length - 1] ?? "").normalize("NFKC");
    for (const [code, item] of Object.entries(THREE_PUBLIC_ITEMS)) {
      const value = economic.get(code);
      if (value && leaf === item) out.push({ group: 0, column, value, code: "*", relation: "atLeast" });
    }
  });
  return out;
}
