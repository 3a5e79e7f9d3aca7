import { pinyinSpans } from "../core/pinyin.js";
import { splitRegion } from "../corpus/identity.js";
import { ITEMS, type ItemKey } from "../facts/items.js";
import { EN_CLASSIFICATION, EN_STOP } from "./_english-phrase.js";
import { findEnglishClasses } from "./_classes-en.js";
import { findGlossary, translateEnglish } from "./_english-words.js";
import { EN_STOP as TOPIC_STOP } from "./_topic.js";
import type { ItemHit, Understanding } from "./types.js";
import { citesFigure } from "./_phrase.js";
import { normalizeText } from "./_text.js";

// Years and relative years: recognised parts, not words about the quantity.
// A span of months ("1-11月", "1到10月") is the period of a year's figure, as a year is.
// ("2024年末": the year is read, 年末 stays the row's word.)
const YEARS = /(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年(?![末底初终]))?|(?<![\d.])\d{2}(?:年度|年)|去年|前年|上一?年度?(?!结转|末|初)|今年|本年度|(?<![\d.])\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月份?/g;

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
    // "fuel for its official vehicles": a glossary word the item follows after for/of/on is the head;
    // the item only says whose, in its short name (公务用车, not the whole 公务用车购置及运行维护费).
    const heads = findGlossary(u.normalized);
    const qualifies = (i: ItemHit): boolean => heads.some((g) => g.end <= i.start && /^\s*(?:for|of|on)\s+(?:its|their|the)?\s*$/.test(u.normalized.slice(g.end, i.start)));
    const zh = [...u.items.map((i) => (qualifies(i) ? shortName(i.key) : itemWords(u, i.key))), zhTopic, ...glossed.zh].join(" ");
    const qualifiers = englishQualifiers(u);
    // A qualifier the subject already says adds nothing ("purchasing office equipment": 办公设备购置).
    const said = qualifiers.filter((q) => !zh.includes(q.zh) && !(q.zh === "外事" && /出国|出境|境外|国外|外宾/.test(zh)));
    const own = [zh, ...said.map((q) => q.zh), ...unexplainedEnglish(u, qualifiers)].filter(Boolean).join(" ");
    return u.preferences?.length ? `${own}${CARRIED}${u.preferences.join(" ")}` : own;
  }
  let q = u.normalized;
  if (u.department.kind === "resolved") for (const p of u.department.phrases) q = blankAll(q, p);
  if (u.code) q = blankAll(q, u.code);
  // A statement of the document's the question cites is no part of what it asks.
  for (const c of u.quoted) if (citesFigure(c)) q = blankAll(q, normalizeText(c));
  // The years the year recogniser read are blanked; another year is part of a name ("2020年度…奖励资金").
  const read = yearsRead(u);
  // "24年" is the year 2024 read.
  const yearOf = (m: string): string => (/^\d{2}年/.test(m) ? `20${m.slice(0, 2)}` : m.slice(0, 4));
  q = q.replace(YEARS, (m) => (/月/.test(m) || !/\d/.test(m) || read.has(yearOf(m)) ? "\u0000".repeat(m.length) : m));
  // "其中…是多少" after a question: a part of the conversation's subject, which it prefers (the same
  // table, the same list) but need not repeat ("其中应急保障用车有几辆" after "名下的车有哪几类").
  // So does a follow-up on the conversation's department that names only what is counted ("去了几个团组"
  // after "因公出国花了多少钱": the groups sent abroad, not those received).
  const countOnly = u.followUp && u.department.kind === "resolved" && u.department.via === "conversation" && countWordOnly(u.topic);
  const part = u.previous?.topic && (PART_OF.test(u.normalized) || countOnly) ? u.previous.topic : null;
  if (u.topicVia === "conversation" && u.topic) return `${u.topic} ${q}`;
  const context = [part, carried(u), stock(u)].filter(Boolean).join(" ");
  return context ? `${q}${CARRIED}${context}` : q;
}

// "其中…", "这里面…": a part of what the conversation spoke of.
const PART_OF = /^(其中|这里面|这当中|里面)/;

// Words that name only what is counted, in every item family ("团组" of 出国 and of 接待).
export const COUNT_WORDS: ReadonlySet<string> = new Set(["团组", "人次", "批次", "批", "人数", "次数"]);

/** A topic that is a count word, with at most a one-character verb beside it ("去 团组"). */
function countWordOnly(topic: string | null): boolean {
  if (!topic) return false;
  let rest = topic.replace(/\s/g, "");
  let found = false;
  for (const w of COUNT_WORDS) if (rest.includes(w)) {
    rest = rest.replace(w, "");
    found = true;
  }
  return found && rest.length <= 1;
}

/**
 * Marks where words carried over from the previous question begin: they prefer figures that keep
 * them (same table, same 口径) but are not required (see link/index.ts).
 */
export const CARRIED = "\u0001";

/** "有几辆公务用车", "现有多少辆": a count of what is held (保有), preferred over what was bought. */
function stock(u: Understanding): string | null {
  const held = /(?<![新购])(现有|共有|拥有|还有|有)(几|多少)(辆|台|套|处)|现有|拥有|保有|名下/;
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
  // say ("…缴费支出的其他收入": 其他收入 is the column); the old item's words fit no new candidate —
  // except the words a sibling replaces ("公务用车购置费" → "那运行费呢": 购置), which would carry the
  // old item into a row naming both (公务用车购置及运行费).
  // ("其中财政拨款支出呢" asks a part of the old item, replacing nothing.)
  const replaced = u.topic && prev.topic && !PART_OF.test(u.normalized) ? replacedBySibling(prev.topic, u.topic) : null;
  const kept = replaced ? prev.subject.replace(replaced, " ") : prev.subject;
  return kept.trim() || null;
}

/**
 * The words of `old` a sibling `next` stands in for, when the two share an ending: as many of the
 * words before it as `next` has of its own ("公务用车购置费", "运行费" → "购置"; "基本工资", "绩效工资" →
 * "基本"); null otherwise.
 */
export function replacedBySibling(old: string, next: string): string | null {
  const [a, b] = [old.replace(/\s/g, ""), next.replace(/\s/g, "")];
  let tail = 0;
  while (tail < a.length && tail < b.length && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const own = b.length - tail;
  const start = a.length - tail - own;
  if (tail === 0 || own < 2 || own > 3 || start < 0) return null;
  const x = a.slice(start, a.length - tail);
  // (A run across a particle is no word: "基本支出里劳务费" → "委托业务费" replaces no "出里劳".)
  return b.includes(x) || /[里中的下和与及在]/.test(x) ? null : x;
}

/** An operand's own words: its topic, or its item's name. */
export function operandSubject(topic: string | undefined, item: string | undefined): string | undefined {
  if (topic) return topic;
  const it = item ? (ITEMS as Record<string, { zh: string }>)[item] : undefined;
  return it?.zh;
}


function stemEn(w: string): string {
  const x = w.toLowerCase().replace(/'s?$/, "");
  if (x.length > 5 && /[^e]ed$/.test(x)) return x.slice(0, -2);
  return x.length > 4 ? x.replace(/(ies)$/, "y").replace(/(es|s)$/, "") : x;
}

/**
 * The Chinese an English question's item stands for: its name; for a count of a money item whose
 * family counts in no such unit ("how many times … receptions" → 公务接待, not 公务接待费) the
 * name without its money word; for people its 人数 form (接待人数), as a Chinese question says them.
 */
/** An item's shortest Chinese name of four characters or more that names no money ("公务用车" of 公务用车购置及运行维护费). */
function shortName(key: ItemKey): string {
  const it = ITEMS[key];
  const names = [...it.names, ...it.synonyms].filter((n) => /^[\u4e00-\u9fa5]{4,}$/.test(n) && !/(费|费用|经费|支出|收入)$/.test(n) && !/[及和与]/.test(n));
  return names.sort((a, b) => a.length - b.length)[0] ?? it.zh;
}

function itemWords(u: Understanding, key: ItemKey): string {
  const it = ITEMS[key];
  // "how many people": persons counted as 人 or 人次, whichever the document states (接待人数 13人).
  if (u.aspect.value === "数量" && /\b(people|persons)\b/.test(u.aspect.phrase ?? "") && it.unit === "人次") {
    return [...it.names, ...it.synonyms].find((n) => n.endsWith("人数")) ?? it.zh;
  }
  if (u.aspect.value !== "数量" || it.unit !== "万元") return it.zh;
  const bare = (it.names as readonly string[]).find((n) => !/(费|费用|经费|支出|收入)$/.test(n));
  return bare ?? it.zh;
}

/** The topic without the phrases its items were read from ("three public expenses" is 三公经费, not 公用经费). */
function outsideItems(u: Understanding): string {
  let t = (u.topic ?? "").toLowerCase();
  for (const h of [...u.items, ...u.context]) {
    if (!h.phrase) continue;
    // The whole words the phrase was read from ("appropriations" for "appropriation"), as the topic
    // keeps them: without the stop words ("small and micro enterprises" is "small micro enterprises").
    const words = (h.phrase.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((w) => !TOPIC_STOP.has(w));
    if (/[\u3400-\u9fff]/.test(h.phrase) || words.length === 0) {
      t = t.split(h.phrase.toLowerCase()).join(" ");
      continue;
    }
    const body = words.map((w) => `[a-z]*${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[a-z]*`).join("\\s+");
    t = t.replace(new RegExp(body, "g"), " ");
  }
  return t;
}

/** English words of the topic that neither an item's English names nor a stop list explain. */
function unexplainedEnglish(u: Understanding, qualifiers: readonly Qualifier[]): string[] {
  const topic = translateEnglish(outsideItems(u)).rest.replace(EN_CLASSIFICATION, " ");
  const words = topic.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
  if (words.length === 0) return [];
  const known = new Set<string>();
  // The qualifier words were read ("full-year budget" is 全年预算).
  for (const q of qualifiers) for (const w of q.text.match(/[a-z][a-z'-]*/g) ?? []) known.add(stemEn(w));
  for (const i of u.items) {
    const it = ITEMS[i.key] as { en: string; names: readonly string[]; synonyms: readonly string[] };
    for (const phrase of [it.en, ...it.names, ...it.synonyms]) for (const w of phrase.match(/[A-Za-z][A-Za-z'-]*/g) ?? []) known.add(stemEn(w));
  }
  // Every content word is accounted for by a label or stays unaccounted: a word dropped here could
  // leave a wider quantity than the one asked ("primary school" is not all of 教育支出).
  const own = ownPlaces(u);
  return words.filter(
    (w) => !EN_STOP.has(w.toLowerCase()) && !known.has(stemEn(w)) && !w.split("-").every((p) => known.has(stemEn(p))) && !own(w.toLowerCase()),
  );
}

/**
 * Whether a word names a place of the department's own region ("in Dongxihu District" of the
 * Dongxihu District Commerce Bureau): the department's, not the quantity's.
 */
function ownPlaces(u: Understanding): (word: string) => boolean {
  const names = u.department.kind === "resolved" ? u.department.names : [];
  const regions = names.map((n) => splitRegion(n.replace(/^中共/, "")).regions.join("")).filter((r) => r.length > 0);
  return (w) => w.length >= 4 && regions.some((r) => pinyinSpans(w, r).some((s) => s.end - s.start >= 2));
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
  // "…produced, against a target of 250,000": the target named as the yardstick is not what is asked.
  [/\b(?<!against (?:a |an |its |the |their )?)(target(ed)?|planned|expected)\b(?! of\b)(?: (value|figure|number))?/i, "目标值"],
  [/\bcumulative(ly)?\b/i, "累计"],
];

interface Qualifier {
  readonly zh: string;
  /** The words that named it. */
  readonly text: string;
}

/**
 * The qualifiers an English question names outside its items' own phrases ("overseas travel" is
 * 因公出国, not a 外事 qualifier) and outside the class and glossary names ("foreign students
 * studying in China" is 来华留学教育).
 */
function englishQualifiers(u: Understanding): Qualifier[] {
  const out: Qualifier[] = [];
  const names = [...findEnglishClasses(u.normalized), ...findGlossary(u.normalized)];
  for (const [re, zh] of EN_QUALIFIERS) {
    const m = re.exec(u.normalized);
    if (!m) continue;
    const inItem = [...u.items, ...u.context, ...names].some((h) => h.start <= m.index && m.index < h.end);
    if (!inItem) out.push({ zh, text: m[0] });
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
