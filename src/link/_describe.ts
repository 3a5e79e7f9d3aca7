import { ITEMS } from "../facts/items.js";
import { ECONOMIC_CLASSES } from "../facts/index.js";
import { WHOLE_SUBJECT } from "../facts/_narrative.js";
import type { Fact } from "../facts/types.js";
import { norm } from "../answer/_text.js";
import type { Descriptor, Label, Quantity } from "./types.js";

// Column headers that name the row's headline figure rather than a breakdown.
const HEADLINE = new Set(["合计", "小计", "决算数", "决算", "支出决算", "本年支出", "本年支出合计", "本年收入合计", "金额", "总计", "预算数", "全年预算", "年初预算", "本年收入", "决算金额", "支出", "收入", "数额"]);

// How questions name each funding scope (口径).
const SCOPE_WORDS: Readonly<Record<NonNullable<Fact["scope"]>, readonly string[]>> = {
  全部: [],
  财政拨款: ["财政拨款"],
  一般公共预算: ["一般公共预算财政拨款", "一般公共预算"],
  政府性基金: ["政府性基金预算财政拨款", "政府性基金预算", "政府性基金"],
  国有资本经营: ["国有资本经营预算财政拨款", "国有资本经营预算"],
};

/** The 类/款 codes above a 项 (or an economic 款): "2010101" → ["201", "20101"]. */
function parentCodes(code: string): string[] {
  if (code.length === 7) return [code.slice(0, 3), code.slice(0, 5)];
  if (code.length === 5) return [code.slice(0, 3)];
  return [];
}

const stripYear = (s: string): string => s.replace(/(?:19|20)\d{2}\s*年度?/g, "");

function tableTitle(f: Fact): string {
  return f.source.kind === "table" ? stripYear(f.source.table.replace(/^公开\d+表\s*/, "")) : "";
}

// Columns that break a row's spending down: their 小计 is a part, not the row's figure.
const BREAKDOWN = new Set(["基本支出", "项目支出", "人员经费", "公用经费", "上缴上级支出", "经营支出", "对附属单位补助支出"]);

function isHeadline(column: readonly string[]): boolean {
  const last = column[column.length - 1];
  if (column.slice(0, -1).some((c) => BREAKDOWN.has(norm(c)))) return false;
  return last === undefined || HEADLINE.has(norm(last));
}

const PART = /^其中[:：]?/;
const WHOLE_NAMES = ["整体绩效", "部门整体绩效", "整体支出绩效", "部门整体", "部门"];
const TOTAL_ROW = /^(合计|总计)$/;

/**
 * The row a "其中：…" row is a part of: the nearest row above it in the same table and column that
 * is not itself a part ("一、财政拨款收入" over "其中：政府性基金预算财政拨款"). Where two rows share
 * that line (the two halves of a 收支总表), the one sharing more words with the part.
 */
function partParents(pool: readonly Fact[]): Map<Fact, string> {
  const out = new Map<Fact, string>();
  const groups = new Map<string, Fact[]>();
  for (const f of pool) {
    if (f.source.kind !== "table") continue;
    const k = `${f.source.table}|${f.source.column.join(">")}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const shared = (a: string, b: string): number => [...new Set(a)].filter((ch) => b.includes(ch)).length;
  for (const g of groups.values()) {
    for (const f of g) {
      if (f.source.kind !== "table" || !PART.test(f.source.row)) continue;
      const line = f.source.line;
      const above = g.filter((x) => x.source.kind === "table" && x.source.line < line && !PART.test(x.source.row));
      const at = Math.max(...above.map((x) => x.source.line));
      const rows = above.filter((x) => x.source.line === at).map((x) => (x.source.kind === "table" ? x.source.row : ""));
      const part = f.source.row.replace(PART, "");
      const best = rows.sort((a, b) => shared(b, part) - shared(a, part))[0];
      if (best) out.set(f, best);
    }
  }
  return out;
}

/**
 * A narrative figure named by a short word for a thing its sentence named in full just before
 * ("年内新增中小企业服务工作站5家，累计建设站点60家": 站点 → 中小企业服务工作站): the nearest earlier
 * figure's subject in the same sentence that ends with the short word's first character.
 */
function antecedents(pool: readonly Fact[]): Map<Fact, string> {
  const out = new Map<Fact, string>();
  const bySentence = new Map<string, Fact[]>();
  for (const f of pool) {
    if (f.source.kind !== "narrative") continue;
    const k = `${f.source.file}|${f.source.line}|${f.source.quote}`;
    const g = bySentence.get(k);
    if (g) g.push(f);
    else bySentence.set(k, [f]);
  }
  for (const g of bySentence.values()) {
    for (const f of g) {
      const short = norm(f.subject);
      if (short.length > 2 || f.source.kind !== "narrative") continue;
      const quote = f.source.quote;
      const at = quote.indexOf(`${short}${f.source.raw}`);
      if (at < 0) continue;
      const earlier = g
        .map((x) => ({ x, name: norm(x.subject), i: quote.indexOf(x.subject) }))
        .filter(({ x, name, i }) => x !== f && i >= 0 && i < at && name.length > short.length && name.endsWith(short[0] ?? "") && !name.includes(short))
        .sort((a, b) => b.i - a.i)[0];
      if (earlier) out.set(f, earlier.name);
    }
  }
  return out;
}

/**
 * The 类 and 款 rows of the pool's tables (by name) that hold a single 项, with that 项's name: a
 * function-class chain with one link, where the 类's figure is the 项's (科学技术支出 206 → 20601 →
 * 2060199 alone). Read from the codes of every table; a name under two codes or holding two 项 in
 * any table holds more than one.
 */
function singleChains(pool: readonly Fact[]): Map<string, string> {
  const names = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>();
  const rows = new Map<string, string>();
  for (const f of pool) {
    if (f.source.kind !== "table" || !f.source.code || !/^2\d{2}(\d{2}){0,2}$/.test(f.source.code)) continue;
    const code = f.source.code;
    const name = norm(f.source.row).replace(/^[一二三四五六七八九十]+、/, "");
    rows.set(`${f.source.table}|${code}`, name);
    if (code.length < 7) names.set(name, (names.get(name) ?? new Set()).add(code));
  }
  for (const [key, name] of rows) {
    const [table, code] = key.split("|") as [string, string];
    if (code.length !== 7) continue;
    for (const parent of [code.slice(0, 3), code.slice(0, 5)]) {
      const parentName = rows.get(`${table}|${parent}`);
      if (parentName) children.set(parentName, (children.get(parentName) ?? new Set()).add(name));
    }
  }
  const out = new Map<string, string>();
  for (const [parent, kids] of children) {
    const only = [...kids][0];
    if (kids.size === 1 && only !== undefined && (names.get(parent)?.size ?? 0) === 1) out.set(parent, only);
  }
  return out;
}

/**
 * Builds the descriptor of every fact of one department-year: the labels the document gives it
 * (row with its parent rows by code, column path, table number and title, narrative subject,
 * qualifiers and sentence, and the canonical item's names and everyday synonyms).
 */
export function describeFacts(pool: readonly Fact[]): Descriptor[] {
  // Row labels by table and code, for the parents of a 项 or an economic 款.
  const rowByCode = new Map<string, string>();
  for (const f of pool) if (f.source.kind === "table" && f.source.code) rowByCode.set(`${f.source.table}|${f.source.code}`, f.source.row);
  const partOf = partParents(pool);
  const antecedent = antecedents(pool);
  const onlyChild = singleChains(pool);
  // Per item and unit: the subjects its figures are stated under.
  const namedApart = new Map<string, Set<string>>();
  for (const f of pool) {
    if (!f.item) continue;
    const key = `${f.item}|${f.unit}`;
    namedApart.set(key, (namedApart.get(key) ?? new Set<string>()).add(norm(f.subject)));
  }
  return pool.map((fact) => {
    const labels: Label[] = [];
    const add = (text: string, role: Label["role"]): void => {
      const t = norm(text);
      if (t.length >= 2 && !labels.some((l) => l.text === t && l.role === role)) labels.push({ text: t, role });
    };
    const src = fact.source;
    const path: string[] = [];
    if (src.kind === "table") {
      add(src.row, "row");
      // A code names its row as well as its words do ("302商品和服务支出").
      if (src.code) add(src.code, "row");
      for (const p of parentCodes(src.code ?? "")) {
        add(p, "parent");
        const printed = rowByCode.get(`${src.table}|${p}`);
        // A parent cut short by its cell ("对个人和家庭的补"): the classification's own name completes it.
        const standard = printed ? ECONOMIC_CLASSES[p] : undefined;
        const parent = printed && standard && standard.length > printed.length && standard.startsWith(printed) ? standard : printed;
        if (parent) {
          add(parent, "parent");
          path.push(parent);
        }
      }
      const whole = partOf.get(fact);
      if (whole) {
        add(whole.replace(/^[一二三四五六七八九十]+、/, ""), "parent");
        path.push(whole);
      }
      path.push(src.row);
      // In a table of basic expenditure by economic class, 人员经费 is 301 + 303 and 公用经费 the rest
      // (the national definition): "人员经费中，30110职工基本医疗保险缴费".
      const econ = /基本支出/.test(src.tableKind) && src.code && /^3\d{2}(\d{2})?$/.test(src.code) ? src.code : null;
      if (econ) add(/^30[13]/.test(econ) ? "人员经费" : "公用经费", "parent");
      for (const c of src.column) add(c, "column");
      // The total row of a table whose columns are the quantities ("合计" × "其中:教育收费"): the
      // column names what the cell totals.
      const named = [...src.column].reverse().find((c) => !HEADLINE.has(norm(c)));
      if (TOTAL_ROW.test(norm(src.row)) && named !== undefined) add(named.replace(/^其中[:：]?/, ""), "row");
      // A row's headline figure is its total: "对个人和家庭的补助合计" asks for it.
      if (isHeadline(src.column)) add("合计", "column");
      if (src.tableNumber) add(src.tableNumber, "table");
      add(tableTitle(fact), "table");
    } else {
      add(fact.subject, "row");
      // "累计建设站点60家" after "新增中小企业服务工作站5家": 站点 are those 工作站.
      const before = antecedent.get(fact);
      if (before) add(before, "row");
      // "企业" counted by the verb before it ("走访企业1141家") is named with it: 走访企业.
      const verb = fact.predicate && src.quote.includes(`${fact.predicate}${fact.subject}`) ? fact.predicate : "";
      path.push(`${verb}${fact.subject}`);
      for (const q of fact.qualifier) add(q, "column");
      // "科学技术支出(类)科学技术管理事务(款)其他科学技术管理事务支出(项)年初预算为…": where the
      // tables show the 类 (or 款) holding this 项 alone, naming the 类 names this 项's figure.
      for (const q of fact.qualifier) {
        const parent = /^(.+?)[(（](?:类|款)[)）]$/.exec(norm(q))?.[1];
        if (parent && onlyChild.get(parent) === norm(fact.subject)) add(parent, "row");
      }
      add(src.quote, "sentence");
      // The verb tells apart figures of one subject (企业 走访 1141 vs 接待 …).
      if (fact.predicate) add(fact.predicate, "section");
      // The heading names what a bare "占 64.4%" is a share of.
      const heading = src.section.split(" > ").at(-1);
      if (heading) add(heading.replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.]\s*/, ""), "section");
    }
    if (fact.subject !== (src.kind === "table" ? src.row : "")) add(fact.subject, "row");
    // The department's overall self-assessment goes by the framework's own names (整体绩效, 部门整体绩效).
    if (fact.subject === WHOLE_SUBJECT) for (const n of WHOLE_NAMES) add(n, "row");
    // A name that opens with the body's own name ("佛山市轨道交通局开办经费"): a question names the
    // body apart (its words are the department) and the rest as the row.
    const own = norm(fact.department);
    for (const l of [...labels]) if (l.role === "row" && l.text.startsWith(own) && l.text.length >= own.length + 2) add(l.text.slice(own.length), "row");
    // The fund a figure is paid from (口径) is one of its qualifiers: "财政拨款安排的购房补贴".
    for (const w of SCOPE_WORDS[fact.scope ?? "全部"]) add(w, "column");
    if (fact.item) {
      const it = ITEMS[fact.item];
      // Not a name the document gives another figure of the item ("公务用车保有量 0辆" is not the
      // state assets' "车辆 2辆", though the item calls both so).
      const others = namedApart.get(`${fact.item}|${fact.unit}`);
      for (const n of [it.zh, ...it.names, ...it.synonyms]) {
        const t = norm(n);
        if (/[\u4e00-\u9fff]/.test(n) && !(others?.has(t) && t !== norm(fact.subject))) add(n, "item");
      }
    }
    const column = src.kind === "table" ? src.column.join(" > ") : fact.qualifier.join(" > ") || null;
    const quantity: Quantity = {
      table: src.kind === "table" ? src.table : null,
      row: path.join(" > "),
      code: fact.code,
      column: column || null,
      measure: fact.measure,
    };
    // A table whose columns are its quantities (the 三公 table: 决算数 > 公务用车购置及运行维护费 >
    // 公务用车购置费) states each row's own figure in the column of the row's name.
    const headline = src.kind === "table" ? isHeadline(src.column) || norm(src.column.at(-1) ?? "") === norm(src.row) : true;
    const rowKey = `${fact.code ?? norm(fact.subject)}|${norm(column ?? "")}|${fact.measure}`;
    return { fact, labels, quantity, headline, rowKey };
  });
}
