/**
 * Parse health: how much of a disclosure's tables the parser can vouch for. The share of table
 * identities that hold (row totals = Σ parts, 类 = Σ 款 = Σ 项, 合计 = Σ 类, the 总计 of both sides
 * of a 总表, 人员经费/公用经费合计, 三公 合计) and the share of the figures printed in a table's
 * lines that were placed in a column. A failing identity is either a parser bug or a document
 * inconsistency; each is named so the two can be told apart.
 */
import { Decimal, parseDecimal } from "../core/money.js";
import type { Column, Disclosure, Table, TablePart, TableRow } from "./types.js";
import { hierarchySums, levelCodes, type SumRow } from "./_continuation.js";
import { compact } from "./_lines.js";

/** Parse health of one disclosure. */
export interface ParseHealth {
  readonly identities: { readonly holding: number; readonly total: number };
  readonly figures: { readonly placed: number; readonly printed: number };
  /** The identities that fail, named ("公开03表 合计 = 基本支出 + 项目支出 (201 一般公共服务支出): 10 ≠ 9"). */
  readonly failures: readonly string[];
}

const FIGURE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;

/** Checks the identities of every template table and counts the figures placed in a column. */
export function parseHealth(doc: Disclosure): ParseHealth {
  let holding = 0;
  let total = 0;
  const failures: string[] = [];
  const check = (name: string, sum: Decimal | null, parts: readonly (Decimal | null)[]): void => {
    if (sum === null && parts.every((p) => p === null)) return;
    const s = parts.reduce<Decimal>((a, p) => a.plus(p ?? 0), new Decimal(0));
    total++;
    // Every printed figure is rounded to the cent: half a cent per figure may go astray.
    if (s.minus(sum ?? 0).abs().lte(new Decimal(0.005).times(parts.length + 1))) holding++;
    else failures.push(`${name}: ${(sum ?? new Decimal(0)).toFixed()} ≠ ${s.toFixed()}`);
  };
  for (const t of doc.tables) {
    if (t.kind === "other" || t.kind === "绩效自评表") continue;
    const name = `${t.number ?? ""} ${t.title}`.trim();
    for (const part of t.parts) {
      const where = part.name ? `${name} ${part.name}` : name;
      if (t.kind !== "三公经费支出决算表") rowTotals(part, (row, tc, addends) => check(`${where} ${rowName(row)}: ${leaf(tc)} = ${addends.map(leaf).join(" + ")}`, value(row, tc), addends.map((c) => value(row, c))));
      if (part.rows.some((r) => r.code !== null)) {
        const codes = levelCodes(part.rows.map((r) => (r.code && r.codeLevel !== "经济分类" ? r.code : null)));
        const [h, f] = hierarchySums(part.rows.map((r, k) => ({ ...sumRowOf(part)(r), code: codes[k] ?? null })), part.columns.length);
        holding += h;
        total += h + f;
        if (f > 0) failures.push(`${where}: ${f} 类/款/项 sum(s) fail`);
      }
    }
    if (t.kind === "收入支出决算总表" || t.kind === "财政拨款收入支出决算总表") twoSided(t, name, check);
    if (t.kind === "三公经费支出决算表") sangong(t, name, check);
  }
  return { identities: { holding, total }, figures: placedFigures(doc), failures };
}

const leaf = (c: Column): string => c.path[c.path.length - 1] ?? "";
const rowName = (r: TableRow): string => `${r.code ? `${r.code} ` : ""}${r.label}`;

function value(row: TableRow, column: Column): Decimal | null {
  const cell = row.cells.find((c) => c.column === column.index);
  const v = cell?.value ?? cell?.candidate ?? null;
  return v === null ? null : parseDecimal(v);
}

function sumRowOf(part: TablePart): (row: TableRow) => SumRow {
  return (row) => ({ code: row.code && row.codeLevel !== "经济分类" ? row.code : null, total: /^(合计|总计)$/.test(compact(row.label)), values: part.columns.map((c) => value(row, c)) });
}

// 合计 column = Σ the columns it adds up: its siblings under the same group, "其中" columns aside.
function rowTotals(part: TablePart, each: (row: TableRow, total: Column, addends: readonly Column[]) => void): void {
  const cols = part.columns;
  const totalCol = cols.find((c) => /^(?:合计|小计|本年(?:收入|支出)合计|决算数合计)$/.test(compact(leaf(c))));
  if (!totalCol) return;
  const parent = totalCol.path.slice(0, -1).join(">");
  const addends = cols.filter(
    (c) => c !== totalCol && !/^其中/.test(compact(leaf(c))) && (parent === "" || c.path.slice(0, -1).join(">") === parent) && !/结转|结余|年初|^本年收入$/.test(c.path.join(">")),
  );
  // A sub-group's 小计 stands for its group: "项目支出>小计" beside "项目支出>其中…".
  const top = addends.filter((c) => !(c.path.length > 1 && c.path[0] !== totalCol.path[0] && !/^(?:小计|合计|金额)$/.test(leaf(c))));
  if (top.length < 2) return;
  for (const row of part.rows) if (row.cells.some((c) => c.value !== null)) each(row, totalCol, top);
}

type Check = (name: string, sum: Decimal | null, parts: readonly (Decimal | null)[]) => void;

// Both sides of a 总表 end in the same 总计; each side's 本年合计 adds up its numbered rows.
function twoSided(t: Table, name: string, check: Check): void {
  const [income, expenditure] = t.parts;
  if (!income || !expenditure) return;
  const first = (p: TablePart): Column | undefined => p.columns[0];
  const find = (p: TablePart, re: RegExp): TableRow | undefined => p.rows.find((r) => re.test(compact(r.label)));
  const ci = first(income);
  const ce = first(expenditure);
  if (!ci || !ce) return;
  const ti = find(income, /^总计$/);
  const te = find(expenditure, /^总计$/);
  if (ti && te) check(`${name} 收入总计 = 支出总计`, value(ti, ci), [value(te, ce)]);
  for (const [p, c, re] of [[income, ci, /^本年收入合计$/], [expenditure, ce, /^本年支出合计$/]] as const) {
    const totalRow = find(p, re);
    if (!totalRow) continue;
    const at = p.rows.indexOf(totalRow);
    const numbered = p.rows.slice(0, at).filter((r) => /^[一二三四五六七八九十]+[、.]/.test(r.rawLabel.trim()));
    if (numbered.length > 0) check(`${name} ${p.name ?? ""}: ${totalRow.label} = Σ 各项`, value(totalRow, c), numbered.map((r) => value(r, c)));
  }
}

function sangong(t: Table, name: string, check: Check): void {
  for (const part of t.parts) {
    for (const top of ["预算", "决算"]) {
      const cols = part.columns.filter((c) => (c.path[0] ?? "").startsWith(top));
      const find = (re: RegExp, not?: RegExp): Column | undefined => cols.find((c) => re.test(c.path.join(">")) && !(not && not.test(leaf(c))));
      const all = find(/合计$/, /公务用车/);
      const outbound = find(/出国/);
      const vehicle = find(/公务用车.*小计$/);
      const purchase = find(/购置费$/);
      const operation = find(/运行(?:维护)?费$/);
      const reception = find(/接待/);
      for (const row of part.rows) {
        if (all && outbound && vehicle && reception) check(`${name} ${top}数 合计 = 出国 + 公务用车 + 接待`, value(row, all), [outbound, vehicle, reception].map((c) => value(row, c)));
        if (vehicle && purchase && operation) check(`${name} ${top}数 公务用车 = 购置 + 运行`, value(row, vehicle), [purchase, operation].map((c) => value(row, c)));
      }
    }
  }
}

// Figures printed on a template table's lines (decimals, 栏次/行次 numbers aside) that ended up in a cell.
function placedFigures(doc: Disclosure): { placed: number; printed: number } {
  let placed = 0;
  let printed = 0;
  for (const t of doc.tables) {
    if (t.kind === "other" || t.kind === "绩效自评表") continue;
    const lines = new Set<number>();
    for (let l = t.line; l <= t.lineEnd; l++) lines.add(l);
    const seen = new Set<string>();
    for (const l of lines) {
      // A page repeating the 合计 line repeats its figures; they are placed once.
      const text = compact(doc.lines[l - 1] ?? "");
      if (seen.has(text)) continue;
      seen.add(text);
      const tokens = (doc.lines[l - 1] ?? "").split(/\t|\s{2,}|\s(?=-?\d)/).map((x) => compact(x));
      printed += tokens.filter((x) => FIGURE.test(x)).length;
    }
    placed += t.parts.reduce((n, p) => n + p.rows.reduce((m, r) => m + r.cells.filter((c) => (c.value !== null || c.candidate !== null) && FIGURE.test(compact(c.raw))).length, 0), 0);
  }
  return { placed: Math.min(placed, printed), printed };
}
