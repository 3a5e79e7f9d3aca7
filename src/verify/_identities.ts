/**
 * The arithmetic a 决算 disclosure must satisfy, as sum identities over table cells:
 * 三公 合计/小计, row totals (合计 = 基本支出 + 项目支出 …), the 类/款/项 hierarchy, the income and
 * expenditure sides of 公开01/04, and 人员经费/公用经费 in 公开06.
 */
import type { Column, Disclosure, Table, TablePart, TableRow } from "../parse/types.js";
import { rowCodes } from "../facts/index.js";
import type { CellGrid, CellRef } from "./_cells.js";

/** Which arithmetic of the template an identity states (the audit's rules follow these). */
export type IdentityFamily =
  /** 三公: 合计 = 出国 + 公务用车 + 接待; 公务用车 小计 = 购置 + 运行 (预算 and 决算). */
  | "三公"
  /** A row's 合计 column = Σ its breakdown columns. */
  | "行合计"
  /** 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项. */
  | "科目层级"
  /** 总表: 本年合计 = Σ items, 总计 = 本年合计 + 结转结余, 收入总计 = 支出总计. */
  | "总表平衡"
  /** 公开06: 人员经费/公用经费 合计 = Σ 类, 类 = Σ 款. */
  | "基本支出明细"
  /** 公开05 基本支出 = 公开06 人员经费 + 公用经费. */
  | "基本支出构成";

/** total = Σ addends, with a name for notes. */
export interface Identity {
  readonly family: IdentityFamily;
  readonly name: string;
  readonly total: CellRef;
  readonly addends: readonly CellRef[];
}

/**
 * How far identities read the tables. The extended reading (used by the audit) also keeps row
 * totals over a single column, and places a 合计 printed below
 * its rows (Shanghai template) or repeated on a continuation page; verification keeps the reading
 * its statuses were tuned on.
 */
export interface IdentityOptions {
  readonly extended?: boolean;
}

/** Every identity the disclosure's tables allow. */
export function identitiesOf(doc: Disclosure, grid: CellGrid, opts: IdentityOptions = {}): Identity[] {
  const x = opts.extended === true;
  const out: Identity[] = [];
  const codes = rowCodes(doc);
  for (const table of doc.tables) {
    const name = table.number ?? table.title;
    switch (table.kind) {
      case "三公经费支出决算表":
        out.push(...sangong(table, grid, name));
        break;
      case "收入决算表":
      case "支出决算表":
      case "一般公共预算财政拨款支出决算表":
      case "财政拨款支出决算表":
      case "政府性基金预算财政拨款收入支出决算表":
      case "国有资本经营预算财政拨款支出决算表":
        for (const part of table.parts) {
          out.push(...rowTotals(table, part, grid, name, x));
          out.push(...hierarchy(part, grid, name, codes, x));
        }
        break;
      case "收入支出决算总表":
      case "财政拨款收入支出决算总表":
        out.push(...twoSided(table, grid, name));
        break;
      case "一般公共预算财政拨款基本支出决算明细表":
        out.push(...basicDetail(table, grid, name, doc));
        break;
      case "绩效自评表":
      case "other":
        break;
      default: {
        const never: never = table.kind;
        void never;
      }
    }
  }
  return out;
}

const norm = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "").replace(/[“”"]/g, "");
const leafOf = (c: Column): string => norm(c.path[c.path.length - 1] ?? "");
const hasFigure = (row: TableRow): boolean => row.cells.some((c) => c.value !== null || c.candidate !== null);

function sangong(table: Table, grid: CellGrid, name: string): Identity[] {
  const out: Identity[] = [];
  for (const part of table.parts) {
    for (const top of ["预算", "决算"]) {
      const cols = part.columns.filter((c) => norm(c.path[0] ?? "").startsWith(top));
      const find = (pred: (leaf: string, path: string) => boolean): Column | undefined =>
        cols.find((c) => pred(leafOf(c), norm(c.path.join(">"))));
      const total = find((leaf, path) => /合计/.test(leaf) && !/公务用车/.test(path));
      const outbound = find((leaf) => /出国/.test(leaf));
      const vehicle = find((leaf, path) => /小计/.test(leaf) && /公务用车/.test(path));
      const purchase = find((leaf) => /购置费$/.test(leaf) || (/购置/.test(leaf) && !/运行/.test(leaf)));
      const operation = find((leaf) => /运行/.test(leaf) && !/购置/.test(leaf));
      const reception = find((leaf) => /接待/.test(leaf));
      for (const row of part.rows.filter(hasFigure)) {
        if (total && outbound && vehicle && reception) {
          out.push({
            family: "三公",
            name: `${name} ${top}数: 合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费`,
            total: grid.at(part, row, total),
            addends: [grid.at(part, row, outbound), grid.at(part, row, vehicle), grid.at(part, row, reception)],
          });
        }
        if (vehicle && purchase && operation) {
          out.push({
            family: "三公",
            name: `${name} ${top}数: 公务用车购置及运行维护费 = 购置费 + 运行维护费`,
            total: grid.at(part, row, vehicle),
            addends: [grid.at(part, row, purchase), grid.at(part, row, operation)],
          });
        }
      }
    }
  }
  return out;
}

// 合计 column = Σ the breakdown columns, row by row.
function rowTotals(table: Table, part: TablePart, grid: CellGrid, name: string, extended: boolean): Identity[] {
  const cols = part.columns;
  let total: Column | undefined;
  let addends: Column[] = [];
  if (table.kind === "政府性基金预算财政拨款收入支出决算表") {
    total = cols.find((c) => /小计|合计/.test(leafOf(c)) && !/收入|结转/.test(norm(c.path.join(">"))));
    addends = cols.filter((c) => /基本支出|项目支出/.test(leafOf(c)));
  } else {
    total = cols.find((c) => /合计|小计/.test(leafOf(c)));
    // "项目支出>其中:基本建设资金支出" breaks down a column already counted ("项目支出>小计").
    // "事业收入>其中:教育收费" breaks down its sibling "事业收入>金额": in every reading.
    addends = cols.filter((c) => c !== total && !/行次|栏次/.test(leafOf(c)) && !c.path.some((seg) => /^其中/.test(norm(seg))));
  }
  if (!total || addends.length < (extended ? 1 : 2)) return [];
  const out: Identity[] = [];
  for (const row of part.rows.filter(hasFigure)) {
    out.push({
      family: "行合计",
      name: `${name} ${row.code ? `${row.code} ` : ""}${row.label}: ${leafOf(total)} = ${addends.map(leafOf).join(" + ")}`,
      total: grid.at(part, row, total),
      addends: addends.map((c) => grid.at(part, row, c)),
    });
  }
  return out;
}

// 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, read positionally: a row's children follow it until a row of
// its own level or higher. A span with an uncoded row or a repeated code is left unchecked (OCR
// lost a code there, e.g. 001 公开02 "21508 / 行政运行").
function hierarchy(part0: TablePart, grid: CellGrid, name: string, codes: ReadonlyMap<TableRow, string | null>, extended: boolean): Identity[] {
  // Codes as the facts stage trusts them: a 类 row whose code OCR dropped still names its 类.
  const coded = new Map<TableRow, TableRow>();
  const rowsWithCodes = part0.rows.map((r) => {
    const c = codes.get(r) ?? null;
    const copy = c === r.code ? r : { ...r, code: c };
    coded.set(copy, r);
    return copy;
  });
  const part: TablePart = { ...part0, rows: rowsWithCodes };
  const orig = (r: TableRow): TableRow => coded.get(r) ?? r;
  const counts = new Map<string, number>();
  for (const r of part.rows) if (r.code) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  const out: Identity[] = [];
  const level = (r: TableRow): number => (r.code ? r.code.length : 0);
  // A 合计 repeated at the top of a continuation page is a header, not a second total.
  const firstTotal = part.rows.findIndex((r) => !r.code && /^合计$/.test(norm(r.label)));
  part.rows.forEach((parent, i) => {
    const isTotal = !parent.code && /^合计$/.test(norm(parent.label)) && (!extended || i === firstTotal);
    if (extended && !parent.code && /^合计$/.test(norm(parent.label)) && !isTotal) return;
    if (!isTotal && (!parent.code || (parent.code.length !== 3 && parent.code.length !== 5))) return;
    if (parent.code && (counts.get(parent.code) ?? 0) > 1) return;
    const pl = level(parent);
    const childLen = isTotal ? 3 : pl === 3 ? 5 : 7;
    const span: TableRow[] = [];
    for (let j = i + 1; j < part.rows.length; j += 1) {
      const r = part.rows[j];
      if (!r) break;
      if (r.code && r.code.length <= pl && !isTotal) break;
      // A 合计 row closing the table (Shanghai template) ends the hierarchy above it; one repeated
      // on a continuation page, with coded rows after it, is passed over.
      if (extended && !r.code && TOTAL_LABEL.test(norm(r.label))) {
        if (part.rows.slice(j + 1).some((x) => x.code !== null)) continue;
        break;
      }
      if (!hasFigure(r) && !r.code) continue;
      span.push(r);
    }
    // The total printed below its 类 rows: the rows above it are its span.
    if (extended && isTotal && span.length === 0) span.push(...part.rows.slice(0, i).filter((r) => r.code !== null || hasFigure(r)));
    // Extended: a row below the children whose code OCR damaged ("221020" for 2210201, which the
    // facts stage does not trust) still sits under its 款 by the printed prefix (checked below), so
    // it leaves 类 = Σ 款 checkable; 款 = Σ 项 over it stays unchecked.
    const codeOf = (r: TableRow): string | null => r.code ?? (extended ? orig(r).code : null);
    const wellCoded = (r: TableRow): boolean => {
      const c = codeOf(r);
      return c !== null && (r.code !== null ? [3, 5, 7].includes(c.length) || (extended && c.length > childLen) : c.length > childLen);
    };
    if (!span.every(wellCoded)) return;
    const children = span.filter((r) => r.code?.length === childLen && (isTotal || r.code.startsWith(parent.code ?? "")));
    if (children.length === 0 || children.some((c) => (counts.get(c.code ?? "") ?? 0) > 1)) return;
    // Every deeper row must sit under one of the children, or the codes are inconsistent.
    if (span.some((r) => (codeOf(r)?.length ?? 0) > childLen && !children.some((c) => codeOf(r)?.startsWith(c.code ?? "")))) return;
    for (const col of part.columns) {
      if (/行次|栏次/.test(leafOf(col))) continue;
      out.push({
        family: "科目层级",
        name: `${name} ${leafOf(col)}: ${isTotal ? "合计" : `${parent.code} ${parent.label}`} = Σ ${childLen === 3 ? "类" : childLen === 5 ? "款" : "项"} (${children.map((c) => c.code).join(", ")})`,
        total: grid.at(part0, orig(parent), col),
        addends: children.map((c) => grid.at(part0, orig(c), col)),
      });
    }
  });
  return out;
}

const TOTAL_LABEL = /^(合计|总计)$/;

const FUND_ROWS = /^(一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款)$/;

function twoSided(table: Table, grid: CellGrid, name: string): Identity[] {
  const out: Identity[] = [];
  const totals: { part: TablePart; row: TableRow }[] = [];
  for (const part of table.parts) {
    const rows = part.rows;
    const yearTotal = rows.find((r) => /^本年(收入|支出)合计$/.test(norm(r.label)));
    const grand = rows.find((r) => /^总计$/.test(norm(r.label)));
    if (grand) totals.push({ part, row: grand });
    for (const col of part.columns) {
      if (yearTotal) {
        const items = rows.slice(0, rows.indexOf(yearTotal)).filter((r) => /^\s*[一二三四五六七八九十]+[、.]/.test(r.rawLabel));
        if (items.length > 0) {
          out.push({
            family: "总表平衡",
            name: `${name} ${part.name ?? ""}: ${yearTotal.label} = Σ ${items.length} 项 (${leafOf(col)})`,
            total: grid.at(part, yearTotal, col),
            addends: items.map((r) => grid.at(part, r, col)),
          });
        }
        if (grand) {
          const between = rows.slice(rows.indexOf(yearTotal) + 1, rows.indexOf(grand));
          const parts: TableRow[] = [];
          let underBalance = false;
          for (const r of between) {
            const l = norm(r.label);
            if (/结转和结余/.test(l)) {
              underBalance = true;
              parts.push(r);
            } else if (underBalance && FUND_ROWS.test(l)) {
              continue;
            } else if (l !== "") {
              underBalance = false;
              parts.push(r);
            }
          }
          // "年初财政拨款结转和结余" = its 一般公共预算/政府性基金/国有资本经营 breakdown rows.
          for (const [i, r] of between.entries()) {
            if (!/结转和结余/.test(norm(r.label))) continue;
            const subs: TableRow[] = [];
            for (const next of between.slice(i + 1)) {
              if (FUND_ROWS.test(norm(next.label))) subs.push(next);
              else break;
            }
            if (subs.length > 0) {
              out.push({ family: "总表平衡", name: `${name} ${part.name ?? ""}: ${r.label} = Σ 分预算 (${leafOf(col)})`, total: grid.at(part, r, col), addends: subs.map((x) => grid.at(part, x, col)) });
            }
          }
          out.push({
            family: "总表平衡",
            name: `${name} ${part.name ?? ""}: 总计 = ${[yearTotal, ...parts].map((r) => r.label).join(" + ")} (${leafOf(col)})`,
            total: grid.at(part, grand, col),
            addends: [yearTotal, ...parts].map((r) => grid.at(part, r, col)),
          });
        }
      }
    }
  }
  const [a, b] = totals;
  if (a && b && a.part !== b.part) {
    const ca = a.part.columns[0];
    const cb = b.part.columns[0];
    if (ca && cb) {
      out.push({ family: "总表平衡", name: `${name}: 收入总计 = 支出总计`, total: grid.at(a.part, a.row, ca), addends: [grid.at(b.part, b.row, cb)] });
    }
  }
  return out;
}

// 公开06: 人员经费合计 = Σ 类 rows (301, 303) of its part, 公用经费合计 likewise, each 类 = Σ its
// 款; and 人员经费合计 + 公用经费合计 = the 基本支出 of 公开05's 合计 row.
function basicDetail(table: Table, grid: CellGrid, name: string, doc: Disclosure): Identity[] {
  const out: Identity[] = [];
  const partTotals: CellRef[] = [];
  for (const part of table.parts) {
    const col = part.columns[0];
    if (!col) continue;
    const totalRow = part.rows.find((r) => /经费合计$|经费合计|^合计$/.test(norm(r.label)) && !r.code);
    const classes = part.rows.filter((r) => r.code?.length === 3);
    if (totalRow && classes.length > 0) {
      const total = grid.at(part, totalRow, col);
      partTotals.push(total);
      out.push({ family: "基本支出明细", name: `${name} ${totalRow.label} = Σ ${classes.map((r) => r.code).join(" + ")}`, total, addends: classes.map((r) => grid.at(part, r, col)) });
    }
    for (const cls of classes) {
      const kids = part.rows.filter((r) => r.code?.length === 5 && r.code.startsWith(cls.code ?? ""));
      if (kids.length === 0) continue;
      out.push({ family: "基本支出明细", name: `${name} ${cls.code} ${cls.label} = Σ 款`, total: grid.at(part, cls, col), addends: kids.map((r) => grid.at(part, r, col)) });
    }
  }
  const t05 = doc.tables.find((t) => t.kind === "一般公共预算财政拨款支出决算表");
  const p05 = t05?.parts[0];
  const row05 = p05?.rows.find((r) => /^合计$/.test(norm(r.label)));
  const col05 = p05?.columns.find((c) => /基本支出/.test(leafOf(c)));
  if (partTotals.length === 2 && p05 && row05 && col05) {
    out.push({ family: "基本支出构成", name: `${t05?.number ?? "公开05表"} 基本支出 = ${name} 人员经费合计 + 公用经费合计`, total: grid.at(p05, row05, col05), addends: partTotals });
  }
  return out;
}
