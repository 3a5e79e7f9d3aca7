/**
 * Quantity keys: facts stating the same quantity of one disclosure share a key, whether they come
 * from 公开09表, 公开06表 row 30217 or the 三公 narrative.
 */
import type { ItemKey } from "./items.js";
import type { Measure } from "./types.js";
import { normLabel } from "./_text.js";

/** What identifies a quantity. */
export interface QuantityRef {
  readonly doc: string;
  readonly item: ItemKey | null;
  /** 科目编码 / 经济分类编码. */
  readonly code: string | null;
  /** 收入 or 支出 for coded rows (公开02 codes count income, 公开03 codes spending). */
  readonly side?: "收入" | "支出" | null;
  readonly subject: string;
  readonly measure: Measure;
  /** Breakdown within the quantity: "基本支出" column, "国内", "占本年支出", "较上年". */
  readonly facet?: string;
}

/**
 * The key of a quantity: the canonical item when one applies, else the 科目编码 (with its side),
 * else the normalised subject; then measure and facet. Keys never cross documents.
 */
export function quantityKey(q: QuantityRef): string {
  const base = q.item ? `item:${q.item}` : q.code ? `code:${q.side ?? "支出"}:${q.code}` : `name:${normLabel(q.subject)}`;
  return `${q.doc}|${base}|${q.measure}|${q.facet ?? ""}`;
}

/** How strong a key is: item and code keys name one quantity; name keys may merely share words. */
export function keyStrength(key: string): "item" | "code" | "name" {
  const base = key.split("|")[1] ?? "";
  if (base.startsWith("item:")) return "item";
  if (base.startsWith("code:")) return "code";
  return "name";
}
