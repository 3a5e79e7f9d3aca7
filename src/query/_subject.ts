import { ITEMS } from "../facts/items.js";
import { translateEnglish } from "./_english-words.js";
import type { Understanding } from "./types.js";

// Years and relative years: recognised parts, not words about the quantity.
const YEARS = /(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年)?|(?<![\d.])\d{2}(?:年度|年)|去年|前年|上一?年度?(?!结转|末|初)|今年|本年度/g;

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
    // The domain's English words in the document's Chinese ("fuel-cell vehicles" → 燃料电池汽车).
    const glossed = translateEnglish(outsideItems(u));
    const zh = [...u.items.map((i) => ITEMS[i.key].zh), zhTopic, ...glossed.zh].join(" ");
    return [zh, ...englishQualifiers(u).filter((q) => !(q === "外事" && /出国|出境|境外|国外|外宾/.test(zh))), ...unexplainedEnglish(u)].filter(Boolean).join(" ");
  }
  let q = u.normalized;
  if (u.department.kind === "resolved") for (const p of u.department.phrases) q = blankAll(q, p);
  if (u.code) q = blankAll(q, u.code);
  // The years the year recogniser read are blanked; another year is part of a name ("2020年度…奖励资金").
  const read = yearsRead(u);
  // "24年" is the year 2024 read.
  const yearOf = (m: string): string => (/^\d{2}年/.test(m) ? `20${m.slice(0, 2)}` : m.slice(0, 4));
  q = q.replace(YEARS, (m) => (/\d/.test(m) && !read.has(yearOf(m)) ? m : "\u0000".repeat(m.length)));
  // "其中…是多少" after a question: a part of the conversation's subject, which it prefers (the same
  // table, the same list) but need not repeat ("其中应急保障用车有几辆" after "名下的车有哪几类").
  const part = u.previous?.topic && /^(其中|这里面|这当中|里面)/.test(u.normalized) ? u.previous.topic : null;
  if (u.topicVia === "conversation" && u.topic) return `${u.topic} ${q}`;
  const context = [part, carried(u), stock(u)].filter(Boolean).join(" ");
  return context ? `${q}${CARRIED}${context}` : q;
}

/**
 * Marks where words carried over from the previous question begin: they prefer figures that keep
 * them (same table, same 口径) but are not required (see link/index.ts).
 */
export const CARRIED = "\u0001";

/** "有几辆公务用车", "现有多少辆": a count of what is held (保有), preferred over what was bought. */
function stock(u: Understanding): string | null {
  const held = /(?<![新购])(现有|共有|拥有|还有|有)(几|多少)(辆|台|套|处)|现有|拥有|保有/;
  return u.aspect.value === "数量" && held.test(u.normalized) && !/买|购|新增/.test(u.normalized) ? "保有" : null;
}

// "那购房补贴呢", "还有差旅费呢": a bare follow-up that swaps the item and asks nothing else.
const BARE_FOLLOW_UP = /^(那|那么|还有|再问一下)?[^,，。;；]{1,16}(呢|嘞|咧)[?？!！]?$/;

/**
 * The previous question's words a bare follow-up keeps, as preferences: its subject ("财政拨款支出中
 * 住房公积金是多少"), so the new item is asked about in the same table, column and 口径.
 */
function carried(u: Understanding): string | null {
  const prev = u.previous;
  if (!prev?.subject || !u.followUp || u.department.kind !== "resolved" || u.department.via !== "conversation") return null;
  if (!BARE_FOLLOW_UP.test(u.normalized) || u.topicVia !== "question") return null;
  // All of it: which words were the old item and which its column or table is not for the words to
  // say ("…缴费支出的其他收入": 其他收入 is the column); the old item's words fit no new candidate.
  return prev.subject.trim() || null;
}

/** An operand's own words: its topic, or its item's name. */
export function operandSubject(topic: string | undefined, item: string | undefined): string | undefined {
  if (topic) return topic;
  const it = item ? (ITEMS as Record<string, { zh: string }>)[item] : undefined;
  return it?.zh;
}

// English words that say nothing about which quantity: question words, verbs of spending, articles.
const EN_STOP = new Set(
  "came come comes coming what how much many did does do is was were are be been a an the of on in for by to at from with which who whose its their it they there this that these those any have has had spend spent spending pay paid use used make made report reported total amount figure sum value money cost costs year years its overall all and or as than per according final accounts account disclosure please tell me show give number expenditure expenditures expense expenses went go goes going end start beginning hold held involve involved involving buy buying bought get got receive received allocate allocated fund funded funding source sources government official officially business wuhan district city municipal bureau committee commission department center centre office administrative administration zone level own its".split(" "),
);

function stemEn(w: string): string {
  const x = w.toLowerCase().replace(/'s?$/, "");
  return x.length > 4 ? x.replace(/(ies)$/, "y").replace(/(es|s)$/, "") : x;
}

/** The topic without the phrases its items were read from ("three public expenses" is 三公经费, not 公用经费). */
function outsideItems(u: Understanding): string {
  let t = (u.topic ?? "").toLowerCase();
  for (const h of [...u.items, ...u.context]) {
    if (!h.phrase) continue;
    // The whole words the phrase was read from ("appropriations" for "appropriation").
    const esc = h.phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    t = t.replace(new RegExp(`[a-z]*${esc}[a-z]*`, "g"), " ");
  }
  return t;
}

/** English words of the topic that neither an item's English names nor a stop list explain. */
function unexplainedEnglish(u: Understanding): string[] {
  const topic = translateEnglish(outsideItems(u)).rest;
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

/**
 * English words that say which of a quantity's statements is meant, as the documents' qualifier
 * words (国内 vs 外事 receptions, 购置 vs 保有 vehicles, 年初 vs 全年 budgets): a closed class, so the
 * linker holds an English question to the same qualifier a Chinese one names.
 */
const EN_QUALIFIERS: readonly (readonly [RegExp, string])[] = [
  [/\bdomestic\b/i, "国内"],
  [/\b(foreign|overseas|international|abroad)\b/i, "外事"],
  [/\b(bought|buy|purchased?|purchasing|acquired|newly added vehicles?)\b/i, "购置"],
  [/\b(held|owned|in (its|the) fleet|fleet size|in service)\b/i, "保有"],
  [/\b(initial|original|beginning[- ]of[- ](the[- ])?year|start[- ]of[- ](the[- ])?year) budget/i, "年初预算"],
  [/\b(full[- ]year|adjusted|final) budget/i, "全年预算"],
  [/\b(target(ed)?|planned|expected) (value|figure|number)?/i, "目标值"],
  [/\bcumulative(ly)?\b/i, "累计"],
];

/** The qualifiers an English question names outside its items' own phrases ("overseas travel" is 因公出国, not a 外事 qualifier). */
function englishQualifiers(u: Understanding): string[] {
  const out: string[] = [];
  for (const [re, zh] of EN_QUALIFIERS) {
    const m = re.exec(u.normalized);
    if (!m) continue;
    const inItem = [...u.items, ...u.context].some((h) => h.start <= m.index && m.index < h.end);
    if (!inItem) out.push(zh);
  }
  return out;
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
