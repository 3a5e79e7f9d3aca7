import type { AspectFinding } from "./_aspect.js";
import { allIndexes } from "../core/text.js";
import { normalizeText, type Span } from "./_text.js";
import { findYears, fromMentions, type YearFinding } from "./_year.js";
import type { Catalog } from "./types.js";

/**
 * Years as the question means them: a year running straight into a fund or project name
 * ("2021年中央外经贸发展专项资金") that the department's disclosures do not cover is part of that
 * name: it stays in the topic and the year defaults. A year the disclosures cover stays the year
 * asked about ("经信局2024年中小企业发展专项资金").
 */
export function yearsOutsideNames(text: string, department: string | null, catalog: Catalog, quoted: readonly string[] = []): YearFinding {
  const all = findYears(text);
  const covered = (y: number): boolean =>
    department === null
      ? catalog.departments.some((d) => d.years.includes(y))
      : (catalog.departments.find((d) => d.name === department)?.years.includes(y) ?? false);
  // A year naming the document read ("按2024年决算说明") gives way to another year the question asks about.
  const asked = all.mentions.filter((m) => !m.base && !m.document);
  // A year inside a name the user quotes ("“2021年促进消费升级…奖励资金”的预算数") is part of the name;
  // inside a quoted table or document's title ("《2024年整体支出绩效自评表》") it is the year of the disclosure.
  const names = quoted.map(normalizeText).filter((q) => /[\u4e00-\u9fa5]{4}/.test(q) && !/(表|报告|决算|说明|公开)$/.test(q)).flatMap((q) => allIndexes(text, q).map((i) => ({ start: i, end: i + q.length })));
  const named = (m: { start: number; end: number }): boolean => names.some((n) => n.start <= m.start && m.end <= n.end);
  const kept = all.mentions.filter((m) => !(m.beforeName && !m.base && !covered(m.year)) && !(m.document && asked.some((a) => a.year !== m.year)) && !named(m));
  return kept.length === all.mentions.length ? all : fromMentions(text, kept);
}

// Amounts the question states ("增加了1.4亿多", "7054万元", "只花了40%"): no item, year or code.
// A threshold ("单价100万元以上的设备") describes the thing asked about and stays.
const AMOUNT = /(?<![\d.])\d[\d,]*(\.\d+)?\s?(万元|亿元|万|亿|元|%|个百分点|百分点)(多|左右)?(?![\d元万亿]|以上|以下|及以上|以内)|[一二两三四五六七八九十百千]+[来多余]?(?:万|亿)元?(?:多|左右)?(?=$|[的,，。?？、]|[^\u4e00-\u9fa5])/g;

/** Spans of the amounts a question states, outside item names ("100万元以上设备" is an item). */
// A span of months the question states ("2022年1-11月", "1到10月"): the period, not a word of the subject.
const MONTHS = /(?<![\d.])\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?/g;
// Amounts an English question states ("against its target of at least 2.5 billion US dollars").
const AMOUNT_EN =
  /\b(?:(?:target of|at least|more than|less than|over|about|around|nearly|approximately)\s+)+(?:us\$|\$|rmb\s*)?\d[\d,]*(?:\.\d+)?(?:\s*(?:billion|million|thousand|percent|%))?(?:\s*(?:us dollars|dollars|yuan|rmb))?|\b\d[\d,]*(?:\.\d+)?\s*(?:billion|million)(?:\s*(?:us dollars|dollars|yuan|rmb))?/g;

export function amountSpans(text: string, lex: readonly { start: number; end: number }[]): Span[] {
  const out: Span[] = [];
  for (const m of [...text.matchAll(AMOUNT), ...text.matchAll(MONTHS), ...text.matchAll(AMOUNT_EN)]) {
    const start = m.index;
    const end = start + m[0].length;
    if (lex.some((l) => l.start < end && start < l.end)) continue;
    out.push({ start, end, kind: "amount" });
  }
  return out;
}

// A quoted statement ending in a figure ("完成年初预算的95.89%"): the document's words the question
// cites, not what it asks ("…，那它的年初预算到底是多少").
const STATEMENT = /\d[\d.,]*\s*(?:%|％|万元|亿元|元|个|人|家|次|辆|项|分|台|吨|倍)$/;

/** Whether a quoted phrase is a statement of a figure the question cites (see `STATEMENT`). */
export function citesFigure(quoted: string): boolean {
  return STATEMENT.test(quoted);
}

/** The spans of `base` (the normalised question) holding a quoted statement of a figure (see `STATEMENT`). */
export function citedStatements(quoted: readonly string[], base: string): Span[] {
  const out: Span[] = [];
  for (const q of quoted) {
    if (!citesFigure(q)) continue;
    const said = normalizeText(q);
    const at = base.indexOf(said);
    if (at >= 0) out.push({ start: at, end: at + said.length, kind: "amount" });
  }
  return out;
}

const PURCHASE_VERB = /(购置|购买|新购|新增|更新|采购|买)$/;

/**
 * "2023年新买了几辆" (after "光谷管委会公务用车保有量多少辆？"): a purchase counted with no thing named
 * after or before the verb; the thing bought is the one the conversation counted.
 */
export function barePurchase(area: string, found: AspectFinding): boolean {
  const span = found.countSpan;
  if (found.aspect !== "数量" || !span) return false;
  const after = (/^[^\u0000]*/.exec(area.slice(span.end))?.[0] ?? "").replace(/(呢|吗|啊|呀|[?？!！。,，])+$/, "");
  if (/[\u4e00-\u9fa5]/.test(after)) return false;
  const prefix = (/[^\u0000]*$/.exec(area.slice(0, span.start))?.[0] ?? "").replace(/(了|过|共|一共|总共|累计|合计)+$/, "");
  return PURCHASE_VERB.test(prefix) && prefix.replace(/新?(购置|购买|新购|新增|更新|采购|买)$/, "").length < 2;
}
