import { Decimal } from "decimal.js";

/** Units a figure can carry; money is 万元 or 元, the rest are rates, counts and scores. */
export const UNITS = ["万元", "元", "%", "辆", "个", "人次", "人", "名", "次", "条", "项", "分", "家", "台", "套", "场", "批", "户", "平方米", "亿元", "亿美元", "吨", "万次", "万人次"] as const;
export type Unit = (typeof UNITS)[number];

/** True when `s` is one of the known units. */
export function isUnit(s: string): s is Unit {
  return (UNITS as readonly string[]).includes(s);
}

/** Units that measure money. */
export function isMoneyUnit(u: Unit): u is "万元" | "元" {
  return u === "万元" || u === "元";
}

// Precision far beyond any disclosure figure; rounding only where a reply asks for it.
Decimal.set({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export { Decimal };

/**
 * Parses a cleanly written figure ("1,099.07", "-3.5", "16179", "84.3") into a Decimal;
 * returns null for anything else. OCR-damaged forms are handled by the parser's OCR module.
 */
export function parseDecimal(raw: string): Decimal | null {
  const s = raw.trim().replace(/[，,](?=\d{3}(?:\D|$))/g, "");
  if (!/^[-+−]?\d+(?:\.\d+)?$/.test(s)) return null;
  return new Decimal(s.replace("−", "-"));
}

/** Plain decimal string as the document states it: no separators, trailing zeros kept. */
export function toPlain(d: Decimal): string {
  return d.toFixed();
}

/** Two figures are equal when their decimal values are equal ("16179" = "16179.00"). */
export function sameValue(a: string, b: string): boolean {
  try {
    return new Decimal(a).eq(new Decimal(b));
  } catch {
    return false;
  }
}

/** Writes a figure for people: thousands separators, the given decimals or as stated. */
export function formatFigure(value: string, opts: { grouping?: boolean } = {}): string {
  if (opts.grouping === false) return value;
  const [int = "", frac] = value.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}
