/**
 * Table facts: every non-empty numeric cell of the template tables (公开01–09) becomes a draft
 * with its row, column path, measure, funding scope and, where the vocabulary has one, its item.
 * OCR-damaged cells keep their raw text; a candidate reading waits for verification.
 */
import type { Unit } from "../core/money.js";
import type { Column, Disclosure, OcrFlagKind, Table, TableKind, TablePart, TableRow } from "../parse/types.js";
import { ITEMS, ITEM_KEYS, type ItemKey } from "./items.js";
import type { Measure } from "./types.js";
import { ECONOMIC_CLASSES } from "./_classes.js";
import { rowCodes } from "./_codes.js";
import { matchItem, type Scope } from "./_match.js";
import { normLabel } from "./_text.js";

/** A table figure before ids, keys and statuses are assigned. */
export interface TableDraft {
  readonly table: Table;
  readonly tableName: string;
  readonly row: TableRow;
  readonly column: Column;
  readonly subject: string;
  readonly code: string | null;
  readonly item: ItemKey | null;
  readonly measure: Measure;
  readonly side: "收入" | "支出";
  readonly scope: Scope;
  readonly facet: string;
  /** The value used: the parsed figure, or a damaged cell's candidate reading. */
  readonly value: string;
  readonly unit: Unit;
  readonly raw: string;
  readonly damage: { readonly flags: readonly OcrFlagKind[]; readonly candidate: string | null } | null;
}

const ITEM_NAMES = new Set(ITEM_KEYS.flatMap((k) => [ITEMS[k].zh, ...(ITEMS[k].names as readonly string[])].map(normLabel)));

// Column leaves that mean "the row's total" rather than a breakdown.
const TOTAL_LEAVES = /^(合计|小计|决算数|金额|本年支出合计|本年收入合计|支出合计|收入合计|本年支出|决算|总计)$/;

/** "公开09表 财政拨款“三公”经费支出决算表": number plus the title without its year. */
export function tableName(t: Table): string {
  const title = t.title.replace(/^\s*\d{4}\s*年度?\s*/, "").replace(/\s+/g, "");
  if (t.number) return title ? `${t.number} ${title}` : t.number;
  return title;
}

/** Drafts for every numeric cell of the template tables of a disclosure. */
export function extractTableDrafts(doc: Disclosure): TableDraft[] {
  const out: TableDraft[] = [];
  const codes = rowCodes(doc);
  // The fullest label each 科目编码 has anywhere in the document ("机关事业单位基本养老保险" in a
  // narrow 公开02 cell is "机关事业单位基本养老保险缴费支出" in 公开05).
  const fullest = new Map<string, string>();
  for (const [r, c] of codes) {
    if (!c || !/^2/.test(c)) continue;
    const prev = fullest.get(c);
    if (!prev || normLabel(r.label).length > normLabel(prev).length) fullest.set(c, r.label.trim());
  }
  for (const table of doc.tables) {
    if (table.kind === "other" || table.kind === "绩效自评表") continue;
    const unit: Unit = table.unit ?? doc.meta.unit ?? "万元";
    const name = tableName(table);
    for (const part of table.parts) {
      for (const row of part.rows) {
        const parent = parentOf(part, row);
        // A row with no name of its own whose "figure" is the 科目编码 of the row beside it on the same
        // line (one side of a two-sided table left empty on a continued page): that cell is a code.
        const besideCodes = !row.label.trim() && !codes.get(row) ? new Set(table.parts.flatMap((p) => p.rows).filter((r) => r !== row && r.line === row.line).map((r) => codes.get(r)).filter((c): c is string => !!c)) : null;
        for (const cell of row.cells) {
          const column = part.columns[cell.column];
          if (!column || column.path.some((p) => /^(行次|栏次|项目|科目编码|科目名称)$/.test(p))) continue;
          const damaged = cell.flags.filter((f) => f.kind === "separator_misread" || f.kind === "truncated" || f.kind === "unparsable");
          const value = cell.value ?? cell.candidate;
          if (value === null || besideCodes?.has(value)) continue;
          const code = codes.get(row) ?? null;
          const d0 = describe(table, part, row, column, unit, parent, code);
          const full = code ? fullest.get(code) : undefined;
          const draft = full && normLabel(d0.subject).length >= 4 && normLabel(full).startsWith(normLabel(d0.subject)) ? { ...d0, subject: full } : d0;
          out.push({
            table,
            tableName: name,
            row,
            column,
            ...draft,
            value,
            unit,
            raw: cell.raw.trim(),
            damage: damaged.length > 0 ? { flags: damaged.map((f) => f.kind), candidate: cell.candidate } : null,
          });
        }
      }
    }
  }
  return out;
}

function describe(
  table: Table,
  part: TablePart,
  row: TableRow,
  column: Column,
  unit: Unit,
  parent: string | null,
  trustedCode: string | null,
): Pick<TableDraft, "subject" | "code" | "item" | "measure" | "side" | "scope" | "facet"> {
  const path = column.path.map((p) => normLabel(p));
  const leaf = path[path.length - 1] ?? "";
  const measure: Measure = path.some((p) => /预算/.test(p) && !/预算财政拨款/.test(p)) ? "预算" : "决算";
  const side = sideOf(table.kind, part);
  const scope = scopeOfCell(table.kind, path);
  const label = row.label.trim();
  const isTotalRow = /^(合计|总计)$/.test(normLabel(label)) && !row.code;
  const code = trustedCode;
  let facet = TOTAL_LEAVES.test(leaf) ? "" : facetOf(leaf);
  let item: ItemKey | null = null;
  let subject = label;

  switch (table.kind) {
    case "三公经费支出决算表": {
      item = sangongItem(path);
      subject = item ? sangongSubject(item) : leaf;
      facet = "";
      break;
    }
    case "一般公共预算财政拨款基本支出决算明细表": {
      item = econItem(code) ?? (label ? matchItem(label, { unit }) : null)?.item ?? null;
      facet = "";
      // "其他商品和服务" cut short by the cell: the standard name of its code completes it.
      const standard = code ? ECONOMIC_CLASSES[code] : undefined;
      if (standard && label && normLabel(label).length >= 3 && normLabel(standard).startsWith(normLabel(label))) subject = standard;
      break;
    }
    default: {
      if (parent) {
        // "年初财政拨款结转和结余" › "一般公共预算财政拨款": a breakdown of the balance, not the revenue.
        subject = `${parent}(${label})`;
      } else if (isTotalRow) {
        // "事业收入 > 金额": the amount of its column group, not the table's total.
        const group = path.length > 1 && /^(金额|小计|合计)$/.test(leaf) ? (path[path.length - 2] ?? leaf) : leaf;
        item = totalRowItem(table.kind, group, normLabel(label));
        if (item) facet = "";
        // The total of a column no item names ("合计" × "其中:教育收费") is that column's total.
        else if (!TOTAL_LEAVES.test(group)) subject = group.replace(/^其中[:：]?/, "");
      } else if (!code && label) {
        item = matchItem(label, { unit })?.item ?? null;
        if (item === "grand_total" && table.kind === "财政拨款收入支出决算总表") item = "fiscal_total";
        if (item && TOTAL_LEAVES.test(leaf)) facet = "";
      }
      if (table.kind === "财政拨款收入支出决算总表") facet = "";
    }
  }
  if (!subject) subject = leaf;
  // "公务用车运行维" (002 公开06, cut short by the cell): the item's own name completes it.
  if (item) {
    const full = [ITEMS[item].zh, ...(ITEMS[item].names as readonly string[])].find((n) => normLabel(n).startsWith(normLabel(subject)) && normLabel(n) !== normLabel(subject));
    if (full && normLabel(subject).length >= 4 && !ITEM_NAMES.has(normLabel(subject))) subject = full;
  }
  return { subject, code, item, measure, side, scope, facet };
}

// Rows listed under a 结转和结余 row without their own numbering break that balance down.
function parentOf(part: TablePart, row: TableRow): string | null {
  const at = part.rows.indexOf(row);
  for (let i = at - 1; i >= 0; i -= 1) {
    const r = part.rows[i];
    if (!r) break;
    const label = normLabel(r.label);
    if (/结转和结余/.test(label)) return at - i <= 4 && !numbered(row) && !/结转和结余|总计|合计/.test(normLabel(row.label)) ? r.label.trim() : null;
    if (numbered(r) || /总计|合计/.test(label)) return null;
  }
  return null;
}

function numbered(row: TableRow): boolean {
  return /^\s*[一二三四五六七八九十]+[、.]/.test(row.rawLabel) || row.code !== null;
}

function facetOf(leaf: string): string {
  return leaf.replace(/^本年/, "");
}

function sideOf(kind: TableKind, part: TablePart): "收入" | "支出" {
  if (part.name && /收入/.test(part.name)) return "收入";
  if (part.name && /支出/.test(part.name)) return "支出";
  return kind === "收入决算表" ? "收入" : "支出";
}

function scopeOfCell(kind: TableKind, path: readonly string[]): Scope {
  switch (kind) {
    case "收入支出决算总表":
    case "收入决算表":
    case "支出决算表":
    case "other":
    case "绩效自评表":
      return "全部";
    case "财政拨款收入支出决算总表": {
      const p = path.join(">");
      if (/一般公共预算/.test(p)) return "一般公共预算";
      if (/政府性基金/.test(p)) return "政府性基金";
      if (/国有资本/.test(p)) return "国有资本经营";
      return "财政拨款";
    }
    case "一般公共预算财政拨款支出决算表":
    case "一般公共预算财政拨款基本支出决算明细表":
      return "一般公共预算";
    case "政府性基金预算财政拨款收入支出决算表":
      return "政府性基金";
    case "国有资本经营预算财政拨款支出决算表":
      return "国有资本经营";
    case "三公经费支出决算表":
    case "财政拨款支出决算表":
      return "财政拨款";
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function sangongItem(path: readonly string[]): ItemKey | null {
  const leaf = path[path.length - 1] ?? "";
  const p = path.join(">");
  if (/公务接待/.test(leaf)) return "reception";
  if (/出国/.test(leaf)) return "outbound_travel";
  if (/购置费$/.test(leaf) || (/购置/.test(leaf) && !/运行/.test(leaf))) return "vehicle_purchase";
  if (/运行/.test(leaf) && !/购置/.test(leaf)) return "vehicle_operation";
  if (/小计/.test(leaf) || (/购置/.test(leaf) && /运行/.test(leaf))) return "vehicle_total";
  if (/合计/.test(leaf) && !/公务用车/.test(p.replace(leaf, ""))) return "sangong_total";
  return null;
}

function sangongSubject(item: ItemKey): string {
  switch (item) {
    case "sangong_total":
      return "“三公”经费合计";
    case "outbound_travel":
      return "因公出国(境)费";
    case "vehicle_total":
      return "公务用车购置及运行维护费";
    case "vehicle_purchase":
      return "公务用车购置费";
    case "vehicle_operation":
      return "公务用车运行维护费";
    case "reception":
      return "公务接待费";
    default:
      return item;
  }
}

// 经济分类 codes that are vocabulary items in 公开06.
function econItem(code: string | null): ItemKey | null {
  switch (code) {
    case "30217":
      return "reception";
    case "30212":
      return "outbound_travel";
    case "30231":
      return "vehicle_operation";
    case "31013":
      return "vehicle_purchase";
    default:
      return null;
  }
}

function totalRowItem(kind: TableKind, leaf: string, label: string): ItemKey | null {
  if (label === "总计") return kind === "财政拨款收入支出决算总表" ? "fiscal_total" : "grand_total";
  if (/基本支出/.test(leaf)) return "basic_expenditure";
  if (/项目支出/.test(leaf)) return "project_expenditure";
  if (/年初结转/.test(leaf)) return "carryover_begin";
  if (/年末结转/.test(leaf)) return "carryover_end";
  switch (kind) {
    case "收入决算表":
      if (/本年收入合计|^合计$/.test(leaf) || label === "合计" && TOTAL_LEAVES.test(leaf)) return "revenue_total";
      if (/财政拨款收入/.test(leaf)) return "fiscal_appropriation_revenue";
      if (/其他收入/.test(leaf)) return "other_revenue";
      return null;
    case "支出决算表":
      return TOTAL_LEAVES.test(leaf) ? "expenditure_total" : null;
    case "一般公共预算财政拨款支出决算表":
      return TOTAL_LEAVES.test(leaf) ? "general_budget_expenditure" : null;
    case "政府性基金预算财政拨款收入支出决算表":
      return /收入/.test(leaf) ? "gov_fund_revenue" : null;
    default:
      return null;
  }
}
