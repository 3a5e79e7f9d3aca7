import { Decimal } from "decimal.js";

/** Money units as written; a figure keeps its own (亿元 is never silently turned into 万元). */
export const MONEY_UNITS = ["万元", "元", "亿元", "千元", "美元", "万美元", "亿美元"] as const;
/** Rates. */
export const RATE_UNITS = ["%", "‰"] as const;
/** Counter words and physical units a narrative figure may carry. */
export const COUNT_UNITS = [
  "个", "家", "项", "次", "人次", "批次", "批", "辆", "台", "套", "台(套)", "吨", "平方米", "亩", "公里", "千米",
  "名", "人", "件", "户", "条", "场", "场次", "篇", "部", "期", "份", "类", "所", "座", "位", "处", "种", "支",
  "本", "册", "张", "间", "栋", "笔", "例", "宗", "单", "门", "届", "轮", "课时", "学时", "天", "小时", "个月", "周", "倍",
  "卷", "幅", "根", "起", "组", "平方公里", "公顷", "千瓦", "兆瓦", "米", "人天", "年",
] as const;
/** Scale words in front of a counter ("16.1万家", "255万次") or alone ("≥ 920 万"). */
export const SCALES = ["万", "亿"] as const;
type Scale = (typeof SCALES)[number];
type Counter = (typeof COUNT_UNITS)[number];
/**
 * Units a figure can carry: money, rates, counts (optionally scaled), scores ("分"), or "" when the
 * document writes none (a 绩效 table's "实际完成值 64").
 */
export type Unit = (typeof MONEY_UNITS)[number] | (typeof RATE_UNITS)[number] | Counter | `${Scale}${Counter}` | Scale | "分" | "";
/** Every written unit, longest first (so "万人次" is read before "万人" and "人次" before "人"); "" is not listed. */
export const UNITS: readonly Unit[] = [
  ...MONEY_UNITS,
  ...RATE_UNITS,
  ...COUNT_UNITS,
  ...SCALES.flatMap((s) => COUNT_UNITS.map((c): Unit => `${s}${c}`)),
  ...SCALES,
  "分" as const,
].sort((a, b) => b.length - a.length);

const UNIT_SET: ReadonlySet<string> = new Set<string>([...UNITS, ""]);

/** True when `s` is one of the known units. */
export function isUnit(s: string): s is Unit {
  return UNIT_SET.has(s);
}

/** Units that measure money. */
const MONEY = new Set<string>(MONEY_UNITS);

/** Whether a figure's unit is an amount of money (元, 万元, 亿元, 千元, 美元, 万美元, 亿美元), in any currency or scale. */
export function isAmount(unit: string): boolean {
  return MONEY.has(unit);
}

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

/** How many 万元 one of a money unit is (元, 万元, 亿元); undefined for other units. */
export const WAN_PER: Readonly<Record<string, string>> = { 元: "0.0001", 万元: "1", 亿元: "10000" };

/** The decimals a figure is written with ("1094.90": two; Decimal's own count drops the trailing zero). */
export function writtenPlaces(value: string): number {
  return /\.(\d+)$/.exec(value.trim())?.[1]?.length ?? 0;
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
