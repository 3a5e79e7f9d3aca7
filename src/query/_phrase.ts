import type { AspectFinding } from "./_aspect.js";
import { matchLexicon } from "./_lexicon.js";
import type { Span } from "./_text.js";
import { topicOf } from "./_topic.js";
import { findYears, fromMentions, type YearFinding } from "./_year.js";
import type { Catalog } from "./types.js";

/**
 * Years as the question means them: a year running straight into a fund or project name
 * ("2021年中央外经贸发展专项资金") that the department's disclosures do not cover is part of that
 * name: it stays in the topic and the year defaults. A year the disclosures cover stays the year
 * asked about ("经信局2024年中小企业发展专项资金").
 */
export function yearsOutsideNames(text: string, department: string | null, catalog: Catalog): YearFinding {
  const all = findYears(text);
  const covered = (y: number): boolean =>
    department === null
      ? catalog.departments.some((d) => d.years.includes(y))
      : (catalog.departments.find((d) => d.name === department)?.years.includes(y) ?? false);
  // A year naming the document read ("按2024年决算说明") gives way to another year the question asks about.
  const asked = all.mentions.filter((m) => !m.base && !m.document);
  const kept = all.mentions.filter((m) => !(m.beforeName && !m.base && !covered(m.year)) && !(m.document && asked.some((a) => a.year !== m.year)));
  return kept.length === all.mentions.length ? all : fromMentions(text, kept);
}

// Amounts the question states ("增加了1.4亿多", "7054万元", "只花了40%"): no item, year or code.
// A threshold ("单价100万元以上的设备") describes the thing asked about and stays.
const AMOUNT = /(?<![\d.])\d[\d,]*(\.\d+)?\s?(万元|亿元|万|亿|元|%|个百分点|百分点)(多|左右)?(?![\d元万亿]|以上|以下|及以上|以内)|[一二两三四五六七八九十百千]+[来多余]?(?:万|亿)元?(?:多|左右)?(?=$|[的,，。?？、]|[^\u4e00-\u9fa5])/g;

/** Spans of the amounts a question states, outside item names ("100万元以上设备" is an item). */
export function amountSpans(text: string, lex: readonly { start: number; end: number }[]): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (lex.some((l) => l.start < end && start < l.end)) continue;
    out.push({ start, end, kind: "amount" });
  }
  return out;
}

// Verbs that only frame a count ("包含几个下属单位", "由本级和几个下属单位组成").
const FRAME_VERB = /(包含了?|包括了?|含有|含|设有|下设|拥有|共有|总共有|一共有|有|由|是|为|组成|构成)$/;
const PURCHASE_VERB = /(购置|购买|新购|新增|更新|采购|买)$/;

/**
 * "内设了几个机构" → 内设机构, "购置了几辆公务用车" → 购置公务用车, "包含几个下属单位" → 下属单位:
 * the counted noun after the count phrase, with the verb before it unless the verb only frames
 * the count. Null when no noun follows the count phrase.
 */
export function countedPhrase(area: string, found: AspectFinding): { topic: string | null; purchase: boolean } | null {
  const span = found.countSpan;
  if (found.aspect !== "数量" || !span) return null;
  const after = /^[^\u0000]*/.exec(area.slice(span.end))?.[0] ?? "";
  let noun = after.replace(/(组成|构成|组成的|呢|吗|啊|呀|[?？!！。,，])+$/, "");
  let prefix = /[^\u0000]*$/.exec(area.slice(0, span.start))?.[0] ?? "";
  prefix = prefix.replace(/(了|过|共|一共|总共|累计|合计)+$/, "");
  if (noun === "" && PURCHASE_VERB.test(prefix)) {
    // "公务用车新买了几辆": the noun stands before the verb.
    const before = prefix.replace(/新?(购置|购买|新购|新增|更新|采购|买)$/, "");
    // "买了几辆车": the counted noun sits inside the count phrase; "新买了几辆" names none (a follow-up's).
    noun = before.length >= 2 ? "" : /(车辆|车)$/.test(found.phrase ?? "") ? "车辆" : "";
    if (before.length >= 2) return { topic: topicOf(`购置${before}`, "zh"), purchase: true };
    if (noun === "") return { topic: null, purchase: true };
  }
  if (!/^[\u4e00-\u9fa5]/.test(noun)) return null;
  // "国内公务接待来了几个团组": after an item word, a verb only says the thing happened.
  const lastItem = matchLexicon(prefix).at(-1);
  if (lastItem && lastItem.end < prefix.length && !PURCHASE_VERB.test(prefix)) prefix = prefix.slice(0, lastItem.end);
  const purchase = PURCHASE_VERB.test(prefix);
  if (/[和与及、跟,，]$/.test(prefix)) prefix = "";
  prefix = prefix.replace(FRAME_VERB, "").replace(/(了|过)+$/, "");
  if (purchase) prefix = prefix.replace(/新?(购买|新购|买)$/, "购置");
  // "平价菜补贴了多少吨菜": a noun the phrase before already names adds nothing.
  const topic = topicOf(prefix.includes(noun) ? prefix : `${prefix}${noun}`, "zh");
  return topic ? { topic, purchase } : null;
}
