/**
 * Agreement across tables: the same quantity printed in two template tables (总表 ↔ 收入表 ↔ 支出表
 * totals and 类 rows, 财政拨款总表 ↔ 一般公共预算/政府性基金/国有资本经营 tables, 基本支出明细 ↔ 三公).
 * Relations are data: anchors name a table kind, a row label and a column header.
 */
import { Decimal, formatFigure } from "../core/money.js";
import { classCode } from "../facts/index.js";
import type { Column, Table, TableKind, TablePart, TableRow } from "../parse/types.js";
import { sumTolerance } from "../verify/index.js";
import { normCell, type AuditCell, type CellIndex } from "./_cells.js";
import type { AuditContext } from "./_context.js";
import type { Rereader } from "./_reread.js";
import type { RuleId } from "./_rules.js";

/** A cell named by table kind, part, row label and column header (all matched on normalised text). */
export interface Anchor {
  readonly table: TableKind;
  readonly part?: RegExp;
  readonly row: RegExp;
  /** Column header path joined with ">"; the first figure column when absent. */
  readonly column?: RegExp;
  /** Every matching row (summed) instead of the first. */
  readonly all?: boolean;
}

/** left (op) Σ right. */
interface Relation {
  readonly rule: RuleId;
  readonly left: Anchor;
  readonly right: readonly Anchor[];
  readonly op: "=" | "≤";
}

const T01 = "收入支出决算总表";
const T02 = "收入决算表";
const T03 = "支出决算表";
const T04 = "财政拨款收入支出决算总表";
const T05 = "一般公共预算财政拨款支出决算表";
const T06 = "一般公共预算财政拨款基本支出决算明细表";
const T07 = "政府性基金预算财政拨款收入支出决算表";
const T08 = "国有资本经营预算财政拨款支出决算表";
const T09 = "三公经费支出决算表";
const TOTAL_ROW = /^(合计|总计)$/;

const incomeColumn = (name: string): Relation => ({
  rule: "across.totals",
  left: { table: T01, part: /收入/, row: new RegExp(`^${name}$`) },
  right: [{ table: T02, row: TOTAL_ROW, column: new RegExp(`${name}$`) }],
  op: "=",
});

const fundRevenue = (fund: string): Relation => ({
  rule: "across.fiscal",
  left: { table: T04, part: /收入/, row: new RegExp(`^${fund}(财政拨款)?(收入)?$`) },
  right: [{ table: T01, part: /收入/, row: new RegExp(`^${fund}财政拨款收入$`) }],
  op: "=",
});

const sangongCap = (row: RegExp, column: RegExp): Relation => ({
  rule: "across.sangong-basic",
  left: { table: T06, row },
  right: [{ table: T09, row: /.*/, column }],
  op: "≤",
});

/** The relations between template tables. */
export const RELATIONS: readonly Relation[] = [
  { rule: "across.totals", left: { table: T01, part: /收入/, row: /^本年收入合计$/ }, right: [{ table: T02, row: TOTAL_ROW }], op: "=" },
  { rule: "across.totals", left: { table: T01, part: /支出/, row: /^本年支出合计$/ }, right: [{ table: T03, row: TOTAL_ROW }], op: "=" },
  {
    rule: "across.totals",
    left: { table: T02, row: TOTAL_ROW, column: /财政拨款收入$/ },
    right: [{ table: T01, part: /收入/, row: /财政拨款(收入)?$/, all: true }],
    op: "=",
  },
  ...["上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].map(incomeColumn),
  ...["一般公共预算", "政府性基金预算", "国有资本经营预算"].map(fundRevenue),
  { rule: "across.fiscal", left: { table: T04, part: /支出/, row: /^本年支出合计$/, column: /一般公共预算/ }, right: [{ table: T05, row: TOTAL_ROW }], op: "=" },
  { rule: "across.fiscal", left: { table: T04, part: /支出/, row: /^本年支出合计$/, column: /政府性基金/ }, right: [{ table: T07, row: TOTAL_ROW, column: /本年支出.*(小计|合计)$|^支出.*(小计|合计)$/ }], op: "=" },
  { rule: "across.fiscal", left: { table: T04, part: /支出/, row: /^本年支出合计$/, column: /国有资本/ }, right: [{ table: T08, row: TOTAL_ROW }], op: "=" },
  // Labels cut short in narrow columns ("公务用车运行维") still name their row.
  sangongCap(/^公务接待费?$/, /^决算.*公务接待费$/),
  sangongCap(/^公务用车运行维护?费?$/, /^决算.*运行维护费$/),
  sangongCap(/^因公出国\(境\)费?用?$/, /^决算.*因公出国/),
];

const fmt = (d: Decimal): string => formatFigure(d.toFixed());
const pathOf = (c: Column): string => normCell(c.path.join(">"));
const figureColumn = (c: Column): boolean => !/行次|栏次|科目编码|科目名称|^项目$/.test(pathOf(c));

/** The cells an anchor names (every matching row when `all`), or null when its table or row is absent. */
export function resolve(cells: CellIndex, a: Anchor): AuditCell[] | null {
  const table = cells.table(a.table);
  if (!table) return null;
  for (const part of table.parts) {
    if (a.part && !a.part.test(part.name ?? "")) continue;
    const column = a.column ? part.columns.find((c) => a.column?.test(pathOf(c))) : part.columns.find(figureColumn);
    if (!column) continue;
    // "其中：政府性基金预算财政拨款" breaks down the row above it; it is never an addend beside it.
    const rows = part.rows.filter((r) => a.row.test(normCell(r.label)) && !/^\s*其中/.test(r.rawLabel || r.label));
    if (rows.length === 0) continue;
    return (a.all ? rows : rows.slice(0, 1)).map((r) => cells.at(table, part, r, column));
  }
  return null;
}

/** Checks every relation between tables, and the 类 rows shared by 公开01/03 and 公开04/05. */
export function auditAcross(ctx: AuditContext): void {
  const { cells, reread } = ctx;
  for (const rel of RELATIONS) {
    const left = resolve(cells, rel.left);
    const right = rel.right.map((a) => resolve(cells, a));
    if (!left || right.some((r) => r === null)) continue;
    compare(ctx, reread, rel.rule, rel.op, left, right.flat() as AuditCell[]);
  }
  classRows(ctx, reread, cells, T01, /支出/, T03);
  classRows(ctx, reread, cells, T04, /支出/, T05, /一般公共预算/);
}

// 公开01 lists 类 by name ("八、社会保障和就业支出"); 公开03 by code (208): the same 类 has one amount.
function classRows(ctx: AuditContext, reread: Rereader, cells: CellIndex, named: TableKind, part: RegExp, coded: TableKind, column?: RegExp): void {
  const a = cells.table(named);
  const b = cells.table(coded);
  if (!a || !b) return;
  for (const pa of a.parts.filter((p) => part.test(p.name ?? ""))) {
    const ca = column ? pa.columns.find((c) => column.test(pathOf(c))) : pa.columns.find(figureColumn);
    if (!ca) continue;
    for (const ra of pa.rows) {
      const code = classCode(normCell(ra.label));
      if (!code) continue;
      const hit = findCoded(b, code);
      if (!hit) continue;
      compare(ctx, reread, "across.class-rows", "=", [cells.at(a, pa, ra, ca)], [cells.at(b, hit.part, hit.row, hit.column)]);
    }
  }
}

function findCoded(t: Table, code: string): { part: TablePart; row: TableRow; column: Column } | null {
  for (const part of t.parts) {
    const row = part.rows.find((r) => r.code === code);
    const column = part.columns.find(figureColumn);
    if (row && column) return { part, row, column };
  }
  return null;
}

function describe(c: AuditCell): string {
  return `${c.table.number ?? c.table.title} ${c.row.code ? `${c.row.code} ` : ""}${c.row.label}（${c.column.path.join(">")}）`;
}

function compare(ctx: AuditContext, reread: Rereader, rule: RuleId, op: "=" | "≤", left: readonly AuditCell[], right: readonly AuditCell[]): void {
  const all = [...left, ...right];
  if (all.some((c) => c.value === null)) return;
  const l = left.reduce((s, c) => s.plus(c.value as Decimal), new Decimal(0));
  const r = right.reduce((s, c) => s.plus(c.value as Decimal), new Decimal(0));
  const diff = l.minus(r);
  const holds = op === "=" ? diff.isZero() : diff.lte(0);
  if (holds) return;
  const citations = [...left, ...right].map((c) => ctx.cite(c.row.line));
  const doubt = all.map((c) => reread.cellDoubt(c)).find((d) => d !== null);
  if (doubt) {
    ctx.skip(rule, doubt, citations);
    return;
  }
  const lhs = left.map(describe).join(" + ");
  const rhs = right.map(describe).join(" + ");
  if (op === "=" && diff.abs().lte(sumTolerance(Math.max(left.length, right.length), "万元"))) {
    ctx.find("rounding.sum", { zh: `${lhs} ${fmt(l)} 与 ${rhs} ${fmt(r)} 相差 ${fmt(diff)}，在尾差范围内`, en: `${lhs} ${fmt(l)} and ${rhs} ${fmt(r)} differ by ${fmt(diff)}, within rounding` }, fmt(r), fmt(l), citations);
    return;
  }
  const zh = op === "=" ? `${lhs} 为 ${fmt(l)}，而 ${rhs} 为 ${fmt(r)}，两表不一致` : `${lhs} 为 ${fmt(l)}，超过 ${rhs} 的 ${fmt(r)}`;
  const en = op === "=" ? `${lhs} is ${fmt(l)} but ${rhs} is ${fmt(r)}` : `${lhs} is ${fmt(l)}, more than ${rhs} (${fmt(r)})`;
  ctx.find(rule, { zh, en }, op === "=" ? fmt(r) : `≤ ${fmt(r)}`, fmt(l), citations);
}
