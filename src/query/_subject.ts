import { ITEMS } from "../facts/items.js";
import type { Understanding } from "./types.js";

// Years and relative years: recognised parts, not words about the quantity.
const YEARS = /(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年)?|去年|前年|上一?年度?(?!结转|末|初)|今年|本年度/g;

function blankAll(text: string, part: string): string {
  return part ? text.split(part).join("\u0000".repeat(part.length)) : text;
}

/**
 * The words of a question that say which quantity is meant: the normalised question with the
 * department, years and 科目编码 blanked out (positions kept). English questions and follow-ups
 * that name no subject of their own use the items and topic understood for them.
 */
export function subjectOf(u: Understanding): string {
  if (u.lang === "en") {
    // English words are read by the English recognisers into items; Chinese words (class names
    // from the glossary, quoted terms) and English words no item explains are left for the labels
    // to account for ("fuel-cell vehicles promoted" is not the vehicles a body holds).
    const zhTopic = (u.topic ?? "").replace(/[A-Za-z'\-]+/g, " ").trim();
    return [...u.items.map((i) => ITEMS[i.key].zh), zhTopic, ...unexplainedEnglish(u)].filter(Boolean).join(" ");
  }
  let q = u.normalized;
  if (u.department.kind === "resolved") for (const p of u.department.phrases) q = blankAll(q, p);
  if (u.code) q = blankAll(q, u.code);
  // The years the year recogniser read are blanked; another year is part of a name ("2020年度…奖励资金").
  const read = yearsRead(u);
  q = q.replace(YEARS, (m) => (/\d/.test(m) && !read.has(m.slice(0, 4)) ? m : "\u0000".repeat(m.length)));
  // "其中…是多少" after a question: a part of the conversation's subject.
  const part = u.previous?.topic && /^(其中|这里面|这当中|里面)/.test(u.normalized) ? u.previous.topic : null;
  if (u.topicVia === "conversation" && u.topic) return `${u.topic} ${q}`;
  if (part) return `${part} ${q}`;
  return q;
}

/** An operand's own words: its topic, or its item's name. */
export function operandSubject(topic: string | undefined, item: string | undefined): string | undefined {
  if (topic) return topic;
  const it = item ? (ITEMS as Record<string, { zh: string }>)[item] : undefined;
  return it?.zh;
}

// English words that say nothing about which quantity: question words, verbs of spending, articles.
const EN_STOP = new Set(
  "what how much many did does do is was were are be been a an the of on in for by to at from with which who whose its their it they there this that these those any have has had spend spent spending pay paid use used make made report reported total amount figure sum value money cost costs year years its overall all and or as than per according final accounts account disclosure please tell me show give number expenditure expenditures expense expenses went go goes going end start beginning hold held involve involved involving buy buying bought get got receive received allocate allocated fund funded funding source sources government official officially business wuhan district city municipal bureau committee commission department center centre office administrative administration zone level own its".split(" "),
);

function stemEn(w: string): string {
  const x = w.toLowerCase().replace(/'s?$/, "");
  return x.length > 4 ? x.replace(/(ies)$/, "y").replace(/(es|s)$/, "") : x;
}

/** English words of the topic that neither an item's English names nor a stop list explain. */
function unexplainedEnglish(u: Understanding): string[] {
  const topic = u.topic ?? "";
  const words = topic.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  if (words.length === 0) return [];
  const known = new Set<string>();
  for (const i of u.items) {
    const it = ITEMS[i.key] as { en: string; names: readonly string[]; synonyms: readonly string[] };
    for (const phrase of [it.en, ...it.names, ...it.synonyms]) for (const w of phrase.match(/[A-Za-z][A-Za-z'-]*/g) ?? []) known.add(stemEn(w));
  }
  if (known.size === 0) return [];
  const left = words.filter((w) => !EN_STOP.has(w.toLowerCase()) && !known.has(stemEn(w)) && !w.split("-").every((p) => known.has(stemEn(p))));
  // One stray word is more often phrasing than a qualifier; two or more name something else.
  return new Set(left.map((w) => w.toLowerCase())).size >= 2 ? left : [];
}

function yearsRead(u: Understanding): Set<string> {
  const y = u.year;
  const out = new Set<string>();
  if (y.kind === "explicit") {
    for (const v of y.values) out.add(String(v));
    if (y.baseYear !== undefined) out.add(String(y.baseYear));
  } else if (y.kind === "relative" && y.base !== null) out.add(String(y.base));
  return out;
}
