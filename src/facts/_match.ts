/**
 * Matching subjects (row labels, narrative noun phrases) to canonical items, and reading the
 * funding scope (口径) a figure belongs to.
 */
import type { Unit } from "../core/money.js";
import type { FactScope } from "./types.js";
import { ITEMS, ITEM_KEYS, type ItemKey } from "./items.js";
import { normLabel } from "./_text.js";

/** Funding scope of a figure: all funds, all fiscal appropriations, or one budget. */
export type Scope = FactScope;

// Items whose short names ("服务支出", "工程支出") are too generic to match without 采购 nearby.
const NEEDS_PROCUREMENT: readonly ItemKey[] = ["procurement_goods", "procurement_works", "procurement_services", "procurement_sme", "procurement_small_micro"];
// Items that are counts; they match only with a count unit.
const COUNT_ITEMS: readonly ItemKey[] = ["vehicles", "reception_groups", "reception_visits", "outbound_groups", "outbound_visits", "large_equipment"];

const NAMES: readonly { item: ItemKey; name: string }[] = ITEM_KEYS.flatMap((item) =>
  (ITEMS[item].names as readonly string[]).map((n) => ({ item, name: normLabel(n) })),
);

/** How an item matched a subject: exactly (after harmless variants) or as the subject's tail. */
export interface ItemMatch {
  readonly item: ItemKey;
  /** The matched tail of the subject (normalised), e.g. "机关运行经费支出". */
  readonly tail: string;
  readonly exact: boolean;
}

/**
 * The canonical item a subject names, or null. `loose` allows tail matches ("武汉市…局机关运行经费支出"
 * → operating_expenses); table rows use exact matching only.
 */
export function matchItem(subject: string, opts: { unit: Unit; context?: string; loose?: boolean }): ItemMatch | null {
  const n = normLabel(subject).replace(/^[一二三四五六七八九十]+、/, "").replace(/^\d+[.、]/, "");
  if (n === "") return null;
  const money = opts.unit === "万元" || opts.unit === "元";
  const context = normLabel(opts.context ?? "");
  const counted = countItem(n, opts.unit);
  if (counted) return { item: counted, tail: n, exact: true };
  if (!money) return null;
  let best: ItemMatch | null = null;
  let bestRank = 0;
  for (const { item, name } of NAMES) {
    if (COUNT_ITEMS.includes(item)) continue;
    if (NEEDS_PROCUREMENT.includes(item) && !n.includes("采购") && !context.includes("采购")) continue;
    // Rank: the name itself (3) beats "name+支出" (2) beats a tail match (1); longer beats shorter.
    const variants: [string, number][] = [[name, 3]];
    // "公务接待费支出" is the fee; "政府性基金预算财政拨款支出" is not the revenue item.
    if (/(费|经费|费用)$/.test(name)) variants.push([`${name}支出`, 2]);
    if (name.endsWith("费")) variants.push([`${name.slice(0, -1)}支出`, 2]);
    for (const [v, rank] of variants) {
      if (n === v) {
        if (!best || bestRank < rank) {
          best = { item, tail: n, exact: true };
          bestRank = rank;
        }
      } else if (opts.loose && n.endsWith(v) && v.length >= 4 && bestRank <= 1) {
        if (!best || v.length > best.tail.length) {
          best = { item, tail: v, exact: false };
          bestRank = 1;
        }
      }
    }
  }
  if (best && !best.exact) {
    // A tail names the item only after a funding scope, an organisation or "国内"
    // ("一般公共预算财政拨款基本支出", "…局机关运行经费支出"); "部门整体支出合计" is another figure.
    const head = n.slice(0, n.length - best.tail.length);
    const scopeHead = /^(一般公共预算|政府性基金预算|国有资本经营预算)?(财政拨款)?(本年)?$/.test(head);
    const orgHead = /(局|委员会|委|中心|办公室|本级|政府|公司)$/.test(head) || /^(其中|国内)$/.test(head);
    if (!scopeHead && !orgHead) return null;
  }
  return best;
}

function countItem(n: string, unit: Unit): ItemKey | null {
  switch (unit) {
    case "个":
      if (/团组/.test(n) && /(出国|出境|因公出)/.test(n)) return "outbound_groups";
      if (/团组|批次/.test(n) && /(接待|来访)/.test(n)) return "reception_groups";
      return null;
    case "批":
    case "批次":
      // "孝感单位考察的接待工作 1 批次": batches received.
      if (/(接待|来访)/.test(n)) return "reception_groups";
      return null;
    case "人次":
      if (/(出国|出境)/.test(n)) return "outbound_visits";
      if (/(接待|来访)/.test(n)) return "reception_visits";
      return null;
    case "辆":
      if (/(保有量|共有车辆|^车辆$|实有车辆)/.test(n)) return "vehicles";
      return null;
    case "台":
    case "台(套)":
    case "套":
      if (/100万元(\(含\))?以上/.test(n) && /设备/.test(n)) return "large_equipment";
      return null;
    default:
      return null;
  }
}

/** The scope a subject or section names, or null when it says nothing about funding. */
export function scopeOf(text: string): Scope | null {
  const t = normLabel(text);
  if (/一般公共预算/.test(t)) return "一般公共预算";
  if (/政府性基金/.test(t)) return "政府性基金";
  if (/国有资本经营/.test(t)) return "国有资本经营";
  if (/三公/.test(t)) return "财政拨款";
  if (/财政拨款收入支出|财政拨款收支|财政拨款收、支/.test(t)) return "财政拨款";
  return null;
}

/** The scope a narrative section speaks of: "三、支出决算情况说明" → 全部. */
export function sectionScope(sectionTitle: string): Scope | null {
  const explicit = scopeOf(sectionTitle);
  if (explicit) return explicit;
  const t = normLabel(sectionTitle);
  // "（四）高等学校财政拨款支出决算表说明": the 财政拨款 columns of the figures it explains.
  if (/财政拨款支出/.test(t)) return "财政拨款";
  if (/收入支出决算总体|收支决算总体|收入决算情况|支出决算情况/.test(t)) return "全部";
  return null;
}
