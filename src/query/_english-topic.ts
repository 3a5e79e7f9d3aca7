import { findEnglishClasses } from "./_classes-en.js";
import { EN_CLASSIFICATION, EN_STOP } from "./_english-phrase.js";
import { projectPhrases, translateProject } from "./_english-project.js";
import { findGlossary } from "./_english-words.js";
import { findItems, type ItemFinding } from "./_items.js";
import type { LexMatch } from "./_lexicon.js";
import { topicOf } from "./_topic.js";
import type { Aspect, ItemHit } from "./types.js";

/** What an English question asks about, when its words say more than the item lexicon does. */
export interface EnglishSubject {
  readonly topic: string;
  readonly items: ItemHit[];
  readonly context: ItemHit[];
  /** Where the class and glossary phrases read stand in the question. */
  readonly spans?: readonly { readonly start: number; readonly end: number }[];
  /** Document words of phrases that only say where the quantity sits (see `Understanding.preferences`). */
  readonly preferences?: readonly string[];
}

const BLANK = "\u0000";
// A Chinese term inside an English question ("court case trials (案件审判)", "the “洪山企业之家” project").
const CJK_TERM = /[\u3400-\u9fff][\u3400-\u9fff()]*[\u3400-\u9fff)]/g;
// "overall performance self-evaluation score": the department's whole-of-department evaluation.
const OVERALL = /\b(overall|department-wide|departmental|whole[- ]department|entire department|department as a whole|whole-of-department)\b/;
// English words for a total ("spending", "expenditure"): they frame a class name, they are not the item.
const GENERIC_EN = /^(expenditures?|spending|revenue|income)$/;
// A preposition of place before a phrase; between them only phrasing words and a blanked department.
const WHERE = /\b(under|within|through|via|from)\b([^.,;?!]*)$/;

function framedBy(before: string): boolean {
  const m = WHERE.exec(before);
  if (!m) return false;
  const words = (m[2] ?? "").match(/[a-z][a-z'-]*/g) ?? [];
  return words.every((w) => EN_STOP.has(w.replace(/'s$/, "")) || /'s$/.test(w));
}
// Words that frame a class name without naming another quantity ("office expenses costs", "paid in bonuses").
const FRAME_EN = new Set(
  "cost costs fee fees expense expenses expenditure expenditures spending spend spent pay paid payment payments amount amounts figure total item category line account accounts achieve achieved achieving against january february march april may june july august september october november december contribute contributes contributed contribution contributions set up missions mission first eleven twelve ten nine months month rise rose risen grow grew grown increase increased decrease decreased fall fell drop dropped decline declined outlay outlays money funds fund funding incurred went go goes allocated allocate put into income revenue revenues receipts project projects programme program table tables summary statement statements sheet".split(" "),
);

/**
 * An English question's subject beyond the item lexicon: a Chinese term it quotes, else a national
 * 功能分类/经济分类 name ("housing security" → 住房保障支出, "bonuses" → 奖金), else the overall
 * performance evaluation ("部门整体") for a score. `base` has department, year and code blanked;
 * `area` also the aspect and question words. Null when none applies.
 */
export function englishSubject(
  base: string,
  area: string,
  lex: readonly LexMatch[],
  found: ItemFinding,
  aspect: Aspect | null,
  names: { readonly quoted: readonly string[]; readonly vocabulary?: ReadonlySet<string> | undefined } = { quoted: [] },
): EnglishSubject | null {
  // A table's name quoted ("…summary table (收入支出决算总表), what was the housing security
  // expenditure") says where the figure stands, not what it is: the English words name it.
  const tables = [...base.matchAll(CJK_TERM)].filter((m) => /表\)?$/.test(m[0])).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const terms = [...area.matchAll(CJK_TERM)].filter((m) => m[0].replace(/[()]/g, "").length >= 2 && !tables.some((t) => t.start <= m.index && m.index < t.end));
  const term = terms.sort((a, b) => b[0].length - a[0].length)[0];
  if (term) {
    const start = term.index;
    const end = start + term[0].length;
    const inTerm = lex.filter((m) => m.start >= start && m.end <= end);
    const only = [...base].map((ch, i) => (i >= start && i < end ? ch : BLANK)).join("");
    const sub = findItems(inTerm, base, only, "zh", null);
    return { topic: term[0].replace(/^\(|\)$/g, ""), items: sub.items, context: [...found.context, ...sub.context] };
  }
  // A project named in English, when its words translate to one of the documents' labels.
  if (names.vocabulary) {
    for (const p of projectPhrases(base, names.quoted)) {
      const label = translateProject(p.phrase, names.vocabulary);
      if (!label) continue;
      const outside = (h: ItemHit): boolean => h.end <= p.start || h.start >= p.end;
      // "… funding project" is "…经费项目", as a Chinese question says it.
      const topic = p.project && !label.endsWith("项目") ? `${label}项目` : label;
      return { topic, items: [], context: [...found.context, ...found.items].filter(outside) };
    }
  }
  if (aspect === "得分" && OVERALL.test(base) && found.items.length === 0) {
    return { topic: "部门整体", items: [], context: found.context };
  }
  // Class names and glossary phrases compete by length ("education fees" is 教育收费, not 教育支出);
  // an item holding a class word wins ("overseas travel" is 因公出国, not 差旅费).
  const hits = [...found.items, ...found.context];
  const classes = findEnglishClasses(base).map((c) => ({ ...c, cls: true }));
  const glossary = findGlossary(base).map((g) => ({ ...g, cls: false }));
  const phrases = [...classes, ...glossary]
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
    .filter((p, i, all) => !all.slice(0, i).some((o) => o.start < p.end && p.start < o.end))
    .filter((p) => !hits.some((h) => h.start <= p.start && p.end <= h.end && h.end - h.start >= p.end - p.start))
    .sort((a, b) => a.start - b.start);
  const outside = (h: ItemHit): boolean => [...phrases, ...tables].every((p) => h.end <= p.start || h.start >= p.end);
  const specific = found.items.filter((h) => outside(h) && !GENERIC_EN.test(h.phrase));
  // A glossary phrase names the subject when no item does; beside an item it only qualifies it.
  if (phrases.some((p) => p.cls) || (phrases.length > 0 && specific.length === 0)) {
    const context = [...found.context.filter(outside), ...found.items.filter((h) => outside(h) && GENERIC_EN.test(h.phrase))];
    // English words the phrases and items leave stay in the topic, to be accounted for by the labels
    // ("primary" in "primary school canteens" is not dropped to leave 教育支出).
    const spans = [...phrases, ...found.items, ...found.context, ...tables];
    const rest = [...area].map((ch, i) => (spans.some((p) => i >= p.start && i < p.end) ? BLANK : ch)).join("");
    const left = (topicOf(rest.replace(EN_CLASSIFICATION, (m) => BLANK.repeat(m.length)), "en") ?? "").split(" ").filter((w) => /[a-z0-9\u3400-\u9fff]/.test(w) && !FRAME_EN.has(w) && !EN_STOP.has(w));
    // "… under the Bureau's industrial development fund": a phrase after such a preposition says
    // where the quantity sits; it is preferred, not required (a main phrase is always kept).
    const framed = phrases.filter((p, i) => i > 0 && framedBy(base.slice(Math.max(0, p.start - 80), p.start)));
    const main = phrases.filter((p) => !framed.includes(p));
    const named = tables.map((t) => base.slice(t.start, t.end).replace(/^\(|\)$/g, ""));
    const topic = [...new Set(main.map((p) => p.zh)), ...named, ...left].join(" ");
    return { topic, items: specific, context, spans: phrases, preferences: [...new Set(framed.map((p) => p.zh))] };
  }
  return null;
}

// A purchase verb in an English count question.
const EN_PURCHASE = /\b(bought|buy|buying|purchased?|purchasing|acquired|acquire)\b/;
// The counted noun of a purchase, as the documents write it.
const PURCHASED_NOUNS: readonly (readonly [RegExp, string])[] = [
  [/\bofficial (vehicle|car)s?\b/, "公务用车"],
  [/\b(vehicle|car)s?\b/, "车辆"],
];

/** In a count of vehicles bought ("how many official vehicles did it purchase"), the item read and the noun bought. */
export function englishPurchasedNoun(text: string, items: readonly ItemHit[]): { hit: ItemHit; noun: string } | null {
  if (!EN_PURCHASE.test(text)) return null;
  const hit = items.find((h) => h.key === "vehicles");
  if (!hit) return null;
  const noun = PURCHASED_NOUNS.find(([re]) => re.test(text))?.[1];
  return noun ? { hit, noun } : null;
}
