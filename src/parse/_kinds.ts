/**
 * The national 决算公开 template: which table kinds exist, how their titles read, their 公开NN表
 * numbers, and the canonical columns used when a header is unreadable.
 */
import type { TableKind } from "./types.js";
import { compact } from "./_lines.js";

/** Template kinds with their usual 公开NN表 number. */
export const KIND_NUMBERS = {
  收入支出决算总表: "公开01表",
  收入决算表: "公开02表",
  支出决算表: "公开03表",
  财政拨款收入支出决算总表: "公开04表",
  一般公共预算财政拨款支出决算表: "公开05表",
  一般公共预算财政拨款基本支出决算明细表: "公开06表",
  政府性基金预算财政拨款收入支出决算表: "公开07表",
  国有资本经营预算财政拨款支出决算表: "公开08表",
  三公经费支出决算表: "公开09表",
} as const satisfies Partial<Record<TableKind, string>>;

const NUMBER_KINDS = Object.fromEntries(Object.entries(KIND_NUMBERS).map(([k, n]) => [n, k])) as Record<string, TableKind>;

/** The kind a 公开NN表 number stands for in the national template. */
export function kindOfNumber(number: string): TableKind | null {
  return NUMBER_KINDS[number] ?? null;
}

/** The template number of a kind, or null for 绩效自评表/other. */
export function numberOfKind(kind: TableKind): string | null {
  return kind in KIND_NUMBERS ? KIND_NUMBERS[kind as keyof typeof KIND_NUMBERS] : null;
}

/**
 * Recognises a table title. Order matters: "财政拨款收入支出决算总表" contains "收入支出决算总表",
 * and "一般公共预算财政拨款基本支出决算明细表" contains "支出决算".
 */
export function kindOfTitle(title: string): TableKind | null {
  const t = compact(title).replace(/[“”"'‘’]/g, "");
  if (/三公经费.*(?:决算)?表/.test(t)) return "三公经费支出决算表";
  if (/绩效自评(?:表|结果)/.test(t)) return "绩效自评表";
  if (/国有资本经营预算财政拨款.*决算表/.test(t)) return "国有资本经营预算财政拨款支出决算表";
  if (/政府性基金预算财政拨款.*决算表/.test(t)) return "政府性基金预算财政拨款收入支出决算表";
  // Shanghai and Guangdong print "基本支出决算表" without 明细.
  if (/基本支出决算(?:明细)?表/.test(t)) return "一般公共预算财政拨款基本支出决算明细表";
  if (/一般公共预算财政拨款支出决算表/.test(t)) return "一般公共预算财政拨款支出决算表";
  // "收支决算总表" (高等学校 template) is the 收入支出决算总表.
  if (/财政拨款收(?:入)?支(?:出)?决算(?:总|汇总)表/.test(t)) return "财政拨款收入支出决算总表";
  if (/收(?:入)?支(?:出)?决算(?:总|汇总)表/.test(t)) return "收入支出决算总表";
  if (/财政拨款支出决算表$/.test(t)) return "财政拨款支出决算表";
  if (/收入决算表$/.test(t)) return "收入决算表";
  if (/支出决算表$/.test(t)) return "支出决算表";
  return null;
}

/**
 * Recognises a kind from header text when a table has neither title nor number
 * (001's 公开02/03 start straight at "部门:" and the header).
 */
export function kindOfHeader(headerText: string): TableKind | null {
  const t = compact(headerText);
  if (/因公出国/.test(t) && /公务接待/.test(t)) return "三公经费支出决算表";
  if (/人员经费/.test(t) && /公用经费/.test(t)) return "一般公共预算财政拨款基本支出决算明细表";
  if (/收入/.test(t) && /支出/.test(t) && /行次/.test(t)) {
    return /政府性基金预算财政拨款|国有资本经营预算财政拨款/.test(t) && !/事业收入|经营收入/.test(t)
      ? "财政拨款收入支出决算总表"
      : "收入支出决算总表";
  }
  if (/年初结转和结余/.test(t) && /本年收入/.test(t)) return "政府性基金预算财政拨款收入支出决算表";
  if (/本年收入合计|财政拨款收入.*上级补助收入/.test(t)) return "收入决算表";
  if (/本年支出合计|上缴上级支出|对附属单位补助/.test(t)) return "支出决算表";
  return null;
}

/**
 * Economic classes (the first three digits of a 科目编码) the template counts as 人员经费 in the
 * 基本支出 table: 工资福利支出 and 对个人和家庭的补助; every other class is 公用经费.
 */
export const PERSONNEL_CLASSES: ReadonlySet<string> = new Set(["301", "303"]);

/** Canonical column paths per kind (one-sided tables, or each part of a two-sided one). */
export const CANONICAL_COLUMNS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  "收入支出决算总表/收入": [["决算数"]],
  "收入支出决算总表/支出": [["决算数"]],
  收入决算表: [["本年收入合计"], ["财政拨款收入"], ["上级补助收入"], ["事业收入"], ["经营收入"], ["附属单位上缴收入"], ["其他收入"]],
  支出决算表: [["本年支出合计"], ["基本支出"], ["项目支出"], ["上缴上级支出"], ["经营支出"], ["对附属单位补助支出"]],
  "财政拨款收入支出决算总表/收入": [["决算数"]],
  "财政拨款收入支出决算总表/支出": [
    ["决算数", "小计"],
    ["决算数", "一般公共预算财政拨款"],
    ["决算数", "政府性基金预算财政拨款"],
    ["决算数", "国有资本经营预算财政拨款"],
  ],
  一般公共预算财政拨款支出决算表: [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]],
  "一般公共预算财政拨款基本支出决算明细表/人员经费": [["决算数"]],
  "一般公共预算财政拨款基本支出决算明细表/公用经费": [["决算数"]],
  政府性基金预算财政拨款收入支出决算表: [
    ["年初结转和结余"],
    ["本年收入"],
    ["本年支出", "小计"],
    ["本年支出", "基本支出"],
    ["本年支出", "项目支出"],
    ["年末结转和结余"],
  ],
  国有资本经营预算财政拨款支出决算表: [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]],
  三公经费支出决算表: (["预算数", "决算数"] as const).flatMap((m) => [
    [m, "合计"],
    [m, "因公出国(境)费"],
    [m, "公务用车购置及运行维护费", "小计"],
    [m, "公务用车购置及运行维护费", "公务用车购置费"],
    [m, "公务用车购置及运行维护费", "公务用车运行维护费"],
    [m, "公务接待费"],
  ]),
};

/**
 * Group columns the templates print beyond the canonical ones, with their members: 本年支出 over
 * 基本支出 | 项目支出 (Shanghai), and the 高等学校 template's 事业收入 > 金额 | 其中：教育收费 and
 * 项目支出 > 小计 | 其中：基本建设资金支出 (a "其中" member is any 其中 column).
 */
export const GROUP_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  本年支出: ["基本支出", "项目支出"],
  事业收入: ["金额"],
  项目支出: ["小计"],
};

/**
 * The 三公 table's items by the economic code the 基本支出 table gives their 基本支出 part under
 * (the 三公 决算数 covers 基本 and 项目 spending, so it is no less than that row).
 */
export const THREE_PUBLIC_ITEMS: Readonly<Record<string, string>> = {
  "30212": "因公出国(境)费",
  "30217": "公务接待费",
  "30231": "公务用车运行维护费",
  "31013": "公务用车购置费",
};

/** Canonical columns for a kind (and part), or null when the template has none. */
export function canonicalColumns(kind: TableKind, part: string | null): readonly (readonly string[])[] | null {
  return CANONICAL_COLUMNS[part ? `${kind}/${part}` : kind] ?? CANONICAL_COLUMNS[kind] ?? null;
}

/** Words of the template's header vocabulary (used to tell a readable header from OCR garbage). */
export const HEADER_WORDS: readonly string[] = [
  ...new Set([
    ...Object.values(CANONICAL_COLUMNS).flatMap((cols) => cols.flat()),
    "金额",
    "合计",
    "小计",
    "决算数",
    "预算数",
    "年初预算数",
    "年初预算",
    "调整预算数",
    "全年预算数",
    "因公出国(境)费用",
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "本年支出合计",
    "本年收入合计",
  ]),
];
