import type { ConversationState } from "../answer/types.js";
import { ITEMS, type ItemKey } from "../facts/items.js";
import { aspectSides, findAspect, withBaseChange } from "./_aspect.js";
import { findDepartments } from "./_department.js";
import { englishPurchasedNoun, englishSubject } from "./_english-topic.js";
import { findIntentCues, type IntentCues } from "./_intent.js";
import { countedSibling, findItems, itemCountedIn, itemWithUnit, itemsOfTopic } from "./_items.js";
import { isGenericTotal, matchLexicon } from "./_lexicon.js";
import { buildOperands, sideOperands, splitOperands } from "./_operand-list.js";
import { splitParts, type PartSplit } from "./_operands.js";
import { amountSpans, barePurchase, citedStatements, yearsOutsideNames } from "./_phrase.js";
import { COUNT_WORDS } from "./_subject.js";
import { blank, detectLang, normalizeText, type Span } from "./_text.js";
import { correctClassName, quotedPhrases, topicOf, withoutPointer } from "./_topic.js";
import { relativeToStated, type YearFinding } from "./_year.js";
import { latestYearOf } from "./catalog.js";
import type {
  Aspect,
  AspectRef,
  Catalog,
  ChangeBasis,
  DepartmentRef,
  Intent,
  ItemHit,
  Understanding,
  YearRef,
} from "./types.js";

const ASPECTS: readonly Aspect[] = ["决算", "预算", "完成率", "增减", "增长率", "占比", "数量", "得分"];

// The funds a figure may be paid from (its 口径).
const SCOPE_WORDS = /一般公共预算财政拨款|政府性基金预算财政拨款|财政拨款|一般公共预算|政府性基金预算|政府性基金|国有资本经营预算/;

/**
 * Reads one question (with the conversation so far) into a typed `Understanding`: department,
 * year, items, topic, aspect, intent and operands. Pure and fast: no I/O, no models.
 */
export function understandQuestion(
  text: string,
  state: ConversationState | undefined,
  catalog: Catalog,
  /** The phrases the user put in quotes, when `text` has lost its quotes (spelling-corrected, normalised). */
  quotedIn?: readonly string[],
): Understanding {
  const prev = state ?? null;
  const quoted = quotedIn ? [...quotedIn] : quotedPhrases(text.normalize("NFKC"));
  const normalized = normalizeText(text);
  const lang = detectLang(normalized, prev?.lang ?? "zh");

  const stateDept = prev?.department && catalog.departments.some((d) => d.name === prev.department) ? prev.department : null;
  const dept = findDepartments(normalized, catalog, stateDept !== null);
  const deptNames = dept.ref.kind === "resolved" ? dept.ref.names : [];
  const years = yearsOutsideNames(blank(normalized, dept.spans), deptNames[0] ?? null, catalog, quoted);
  const code = findCode(blank(normalized, [...dept.spans, ...years.spans]));
  const cited = citedStatements(quoted, normalized);
  const base = blank(normalized, [...dept.spans, ...years.spans, ...code.spans, ...cited]);
  const lexAll = matchLexicon(base);
  // Aspect and question words are read outside item names ("一般公共预算财政拨款" holds no 预算
  // aspect); a bare 支出/收入 stays readable to the aspect ("实际支出呢" asks for the outturn).
  const maskOf = (ms: typeof lexAll): string =>
    blank(base, ms.map((m) => ({ start: m.start, end: m.end, kind: "filler" as const })), "\u0001");
  const aspectText = maskOf(lexAll.filter((m) => !isGenericTotal({ phrase: m.entry.text })));
  const baseMention = years.mentions.find((m) => m.base);
  const aspectPlain = findAspect(aspectText, base);
  const aspectFound = baseMention ? withBaseChange(aspectPlain, aspectText, baseMention.end) : aspectPlain;
  const inAspect = (m: { start: number; end: number }): boolean =>
    aspectFound.spans.some((s) => s.kind === "aspect" && s.start < m.end && m.start < s.end);
  const lex = lexAll.filter((m) => !(isGenericTotal({ phrase: m.entry.text }) && inAspect(m)));
  const masked = maskOf(lex);
  const cues = findIntentCues(masked, lang);
  // "哪个三公经费多", "谁的接待费高": the more/less word of a comparison or ranking is no item text.
  const which = cues.compare || cues.rank || /哪个|哪家|哪一个|谁/.test(normalized);
  const dropped = blank(base, [...aspectFound.spans, ...cues.spans, ...amountSpans(base, lex)]);
  const area = which && lang === "zh" ? dropped.replace(/(?<=[\u4e00-\u9fa5]{2}\u0000*)[多少高低大小](?=\u0000|$)/g, "\u0000") : dropped;
  const zhan = aspectFound.spans.find((s) => normalized.slice(s.start, s.end) === "占");
  const partStart = aspectFound.aspect === "占比" ? (lang === "en" ? 0 : (zhan?.start ?? null)) : null;
  const plainFound = findItems(lex, base, area, lang, partStart);
  const english = lang === "en"
    ? englishSubject(base, area, lex, plainFound, aspectFound.aspect, { quoted: quoted.map(normalizeText), vocabulary: catalog.vocabulary })
    : null;
  let found = english ? { items: english.items, context: english.context } : plainFound;
  // "X占Y的比重": the topic is the part X; Y is context.
  const partTopic = lang === "zh" && zhan && aspectFound.aspect === "占比" ? topicOf(area.slice(0, zhan.start), lang) : null;
  const purchase = lang === "zh" && barePurchase(area, aspectFound);
  const pointed = withoutPointer(english?.topic ?? partTopic ?? (purchase ? null : topicOf(area, lang)));
  // "“安全知识宣传活动次数”2023年实际完成10次…": the phrase the user quoted is the subject.
  const quotedPiece = pointed.topic?.split(" ").find((p) => p.length >= 2 && quoted.some((q) => normalizeText(q) === p));
  const topicRead = pointed.topic?.includes(" ") && quotedPiece ? quotedPiece : pointed.topic;
  // A typo no item covers is read as the class name it is one character off ("租凭费").
  // Adverbs that frame the question alone ("那实际完成了…百分之多少") name nothing: the conversation's subject stays.
  const framingOnly = topicRead !== null && topicRead.replace(/实际上?|具体|大概|到底|究竟|最终|最后|\s/g, "") === "";
  // "其中财政拨款安排的呢": a follow-up naming only a fund (口径) asks the conversation's quantity in it.
  const scopeOnly = prev?.topic != null && topicRead !== null && SCOPE_WORDS.test(topicRead) && topicRead.replace(new RegExp(SCOPE_WORDS.source, "g"), "").replace(/其中|安排|用|的|资金|部分|那|\s/g, "") === "";
  if (scopeOnly) found = { ...found, items: [], context: [] };
  const ownTopic = framingOnly || scopeOnly ? null : found.items.length === 0 && found.context.length === 0 ? correctClassName(topicRead) : topicRead;
  // "占全年支出的比例是多少": a share with its whole named and its part left to the conversation.
  const wholeOnly = zhan !== undefined && aspectFound.aspect === "占比" && lang === "zh" && topicOf(area.slice(0, zhan.start), lang) === null
    && !found.items.some((h) => h.start < zhan.start);

  // Department: the question's own, else the conversation's (not for "which department …").
  let department: DepartmentRef = dept.ref;
  let followUp = false;
  if (department.kind === "none" && stateDept && !cues.rank) {
    department = { kind: "resolved", names: [stateDept], via: "conversation", phrases: [] };
    followUp = true;
  }
  // "跟投促局比呢": the department named is compared with the one the conversation is about.
  let comparedWithConversation = false;
  if (cues.compare && department.kind === "resolved" && department.via === "explicit" && department.names.length === 1 && stateDept && !department.names.includes(stateDept)) {
    department = { ...department, names: [stateDept, ...department.names] };
    followUp = true;
    comparedWithConversation = true;
  }
  const names = department.kind === "resolved" ? department.names : [];

  // Operands named by one phrase: "A比B多多少", "A和B加起来" (when items alone do not give two).
  const split = lang === "zh" && names.length < 2 && years.explicit.length < 2 ? splitParts(area, lex, base, catalog.vocabulary) : null;
  const splitUse = useSplit(split, cues, normalized);
  // Items that cover the phrase already make the operands ("公务用车购置费和运行费"); the parts do otherwise.
  const partsUse = splitUse && found.items.length < 2 ? splitUse : null;

  // Subject: the question's own items/topic/code, else the total for a bare "花了多少钱", else the conversation's.
  // A 科目编码 says more than a bare "支出" next to it.
  let items: ItemHit[] = code.code ? found.items.filter((h) => !isGenericTotal(h)) : found.items;
  let context: ItemHit[] = found.context;
  if (partsUse) {
    items = partsUse.parts.flatMap((p) => (p.item ? [p.item] : []));
    context = [...context, ...partsUse.parts.flatMap((p) => p.context)];
  }
  let topic = ownTopic;
  let topicVia: Understanding["topicVia"] = ownTopic ? "question" : null;
  const ownSubject = items.length > 0 || ownTopic !== null || code.code !== null;
  const purchaseNoun = purchase ? purchasedNoun(prev?.topic ?? null, aspectFound.unit) : null;
  if (purchaseNoun) {
    // "2023年新买了几辆": the vehicles bought, of the thing the conversation counted.
    topic = `购置${purchaseNoun.noun}`;
    topicVia = purchaseNoun.fromConversation ? "conversation" : "question";
    if (purchaseNoun.fromConversation) followUp = true;
  } else if (wholeOnly && prev?.topic) {
    topic = prev.topic;
    topicVia = "conversation";
    context = [...items, ...context];
    items = itemsOfTopic(prev.topic);
    followUp = true;
  } else if (pointed.pointer && ownTopic === null && prev?.topic) {
    topic = prev.topic;
    topicVia = "conversation";
    items = itemsOfTopic(prev.topic);
    followUp = true;
  } else if (!ownSubject) {
    const total = totalItem(cues);
    if (total && !followUp) {
      items = [total];
    } else if (prev?.topic) {
      topic = prev.topic;
      topicVia = "conversation";
      items = itemsOfTopic(prev.topic);
      followUp = true;
    } else if (total) {
      items = [total];
    }
  }
  if ((prev?.department || prev?.topic) && cues.continuation) followUp = true;

  const money = asksMoney(normalized);
  let aspect = resolveAspect(aspectFound, items, followUp ? prev : null, money);
  // "跟2021年比呢": a base year named with nothing else asked is the change against it.
  if (years.base && aspect.via !== "explicit") aspect = { value: "增减", unit: null, via: "explicit", phrase: years.base.phrase };
  // "how much did they spend on overseas trips": the money of the item the counted words belong to.
  if (money && aspect.value !== "数量") {
    items = items
      .map((h) => {
        const k = ITEMS[h.key].unit === "万元" ? h.key : itemWithUnit(h.key, "万元");
        return k && k !== h.key ? { ...h, key: k } : h;
      })
      .filter((h, i, all) => all.findIndex((o) => o.key === h.key) === i);
  }
  const countedItem = aspect.value === "数量" && aspect.unit && items.length === 0 && topic === null ? itemCountedIn(aspect.unit) : null;
  if (countedItem) items = [{ key: countedItem, phrase: ITEMS[countedItem].zh, start: -1, end: -1, via: "synonym" }];
  // "接待国内来访多少人次": an item word in the counted phrase whose family counts in that unit.
  if (aspect.value === "数量" && aspect.unit && items.length === 0 && topic !== null && topicVia === "question") {
    const unit = aspect.unit;
    // An item word inside an English phrase read as a whole ("fuel-cell vehicles") is that phrase's.
    const inPhrase = (m: { start: number; end: number }): boolean => (english?.spans ?? []).some((p) => p.start <= m.start && m.end <= p.end);
    const hit = lex.find((m) => !area.slice(m.start, m.end).includes("\u0000") && !inPhrase(m) && itemWithUnit(m.entry.key, unit) !== null);
    const key = hit ? itemWithUnit(hit.entry.key, unit) : null;
    if (hit && key && ITEMS[key].unit === unit) items = [{ key, phrase: hit.entry.text, start: hit.start, end: hit.end, via: hit.entry.via }];
  }
  if (aspect.value === "数量") {
    items = items
      .map((h) => {
        const k = aspect.unit ? itemWithUnit(h.key, aspect.unit) : countedSibling(h.key);
        return k && k !== h.key ? { ...h, key: k } : h;
      })
      .filter((h, i, all) => all.findIndex((o) => o.key === h.key) === i);
    // "购置了几辆公务用车": vehicles bought, not the vehicles held.
    if (purchase) items = items.filter((h) => ITEMS[h.key].unit === "万元" || h.key !== "vehicles");
    // "how many official vehicles did it purchase": the vehicles bought, as the documents name them
    // ("购置（更新）公务用车2辆"), not the vehicles held.
    const bought = lang === "en" ? englishPurchasedNoun(normalized, items) : null;
    if (bought) {
      items = items.filter((h) => h !== bought.hit);
      topic = `购置${bought.noun}`;
      topicVia = "question";
    }
    // "去了几个团组？" after "因公出国花了多少钱": a bare count word of a follow-up ("团组", "人次")
    // counts within the conversation's item family (出国团组), not another family's (接待团组).
    const word = items.length === 1 ? items[0] : undefined;
    if (word && COUNT_WORDS.has(word.phrase) && followUp && aspect.unit && prev?.topic) {
      const unit = aspect.unit;
      const family = itemsOfTopic(prev.topic).map((h) => itemWithUnit(h.key, unit)).find((k): k is NonNullable<typeof k> => k !== null);
      if (family && family !== word.key) items = [{ ...word, key: family }];
    }
    const unit: string | null = items[0] ? ITEMS[items[0].key].unit : null;
    const refines = aspect.unit === null || (aspect.unit === "人" && unit === "人次");
    if (refines && unit !== null && unit !== "万元") aspect = { ...aspect, unit };
  }

  const year = resolveYearRef(normalized, years, names[0] ?? null, catalog, prev, followUp);
  if (year.kind === "conversation") followUp = true;

  // "三公经费预算比实际支出多了多少": one item, two of its figures; the difference is a change.
  const sides = lang === "zh" && names.length < 2 && years.explicit.length < 2 && !cues.explain ? aspectSides(aspectText) : null;
  if (sides) aspect = { value: "增减", unit: null, via: "explicit", phrase: aspect.phrase };

  const intent = sides
    ? "compare"
    : decideIntent(cues, names.length, years.explicit.length, items.length, aspect, topic, code.code, splitUse?.by ?? null, splitUse?.implied === true);
  const operands = sides
    ? sideOperands(sides, names, year, items, topic, catalog)
    : partsUse && (intent === "sum" || intent === "compare")
      ? splitOperands(partsUse, names, year, catalog)
      : buildOperands(intent, names, year, years, items, topic, catalog, comparedWithConversation && prev?.year ? prev.year : undefined);
  const changeBasis: ChangeBasis | null =
    sides && sides[1].aspect === "决算"
      ? null
      : aspect.value === "增减" || aspect.value === "增长率"
        ? (aspectFound.basis ?? (years.base ? "较上年" : null))
        : null;

  return {
    text,
    normalized,
    lang,
    department,
    year,
    items,
    context,
    code: code.code,
    topic,
    topicVia,
    quoted,
    ...(english?.preferences?.length ? { preferences: english.preferences } : {}),
    aspect,
    aspectQualifier: aspectFound.qualifier,
    changeBasis,
    intent,
    existence: cues.existence,
    operands,
    followUp,
    previous: prev,
  };
}

/**
 * The noun a bare purchase count ("新买了几辆") counts: the conversation's topic without its count
 * words ("公务用车保有量" → 公务用车), else the one item counted in the unit (辆 → 车辆).
 */
function purchasedNoun(prevTopic: string | null, unit: string | null): { noun: string; fromConversation: boolean } | null {
  const noun = prevTopic?.replace(/(的)?(保有量|数量|总数|实有数|数)$/, "") ?? "";
  if (/^[\u4e00-\u9fa5]{2,}$/.test(noun)) return { noun, fromConversation: true };
  const key = unit ? itemCountedIn(unit) : null;
  return key ? { noun: ITEMS[key].zh, fromConversation: false } : null;
}

/** A 科目编码 (类 3, 款 5, 项 7 digits) or 经济分类编码 (5 digits); 3-digit codes only after 科目/编码/code. */
function findCode(text: string): { code: string | null; spans: Span[] } {
  const long = /(?<![\d.])([23]\d{4}(?:\d{2})?)(?![\d.%万亿元])/.exec(text);
  if (long?.[1]) return { code: long[1], spans: [{ start: long.index, end: long.index + long[0].length, kind: "code" }] };
  const short = /(科目|编码|代码|\bcode)\s?([23]\d{2})(?![\d.%])/.exec(text);
  if (short?.[2]) {
    const start = short.index + short[0].length - short[2].length;
    return { code: short[2], spans: [{ start, end: start + 3, kind: "code" }] };
  }
  return { code: null, spans: [] };
}

/** Whether a split phrase is the operands: 比 with a more/less word compares; a join sums or compares. */
function useSplit(split: PartSplit | null, cues: IntentCues, normalized: string): PartSplit | null {
  if (!split) return null;
  if (split.by === "compare") return /比.*(多|少|高|低|大|小|差|超)/.test(normalized) ? split : null;
  if (cues.compare || (cues.sum && !cues.separately) || (split.implied && !cues.separately)) return split;
  return null;
}

/** "花了多少钱" / "收入多少" with no item named: the year's total expenditure or revenue. */
function totalItem(cues: IntentCues): ItemHit | null {
  if (!cues.figure) return null;
  const key: ItemKey | null = cues.spend ? "expenditure_total" : cues.income ? "revenue_total" : null;
  if (!key) return null;
  return { key, phrase: ITEMS[key].zh, start: -1, end: -1, via: "synonym" };
}

// "花了多少钱", "how much did … spend": money asked, whatever is counted in the item's words ("overseas trips").
const MONEY_ASKED = /多少钱|花了多少|多少万元|多少元|\bhow much\b.*\b(spen[dt]|spending|cost|pay|paid|expenditure)|\b(spen[dt]|cost|paid)\b.*\bhow much\b/;

function asksMoney(text: string): boolean {
  return MONEY_ASKED.test(text);
}

function resolveAspect(
  found: ReturnType<typeof findAspect>,
  items: readonly ItemHit[],
  prev: ConversationState | null,
  money = false,
): AspectRef {
  const main = items[0];
  const itemUnit: string | null = main ? ITEMS[main.key].unit : null;
  const countUnit = itemUnit !== null && itemUnit !== "万元" && !money ? itemUnit : null;
  if (found.aspect) {
    const unit = found.aspect === "数量" ? (found.unit ?? countUnit) : null;
    return { value: found.aspect, unit, via: "explicit", phrase: found.phrase, ...(found.alsoUnits.length > 0 ? { alsoUnits: found.alsoUnits } : {}) };
  }
  const prevAspect = ASPECTS.find((a) => a === prev?.aspect);
  if (prev && prevAspect && prevAspect !== "决算") {
    return { value: prevAspect, unit: prevAspect === "数量" ? (prev.aspectUnit ?? countUnit) : null, via: "conversation", phrase: null };
  }
  if (countUnit) return { value: "数量", unit: countUnit, via: "item", phrase: null };
  return { value: "决算", unit: null, via: "default", phrase: null };
}

function resolveYearRef(
  text: string,
  years: YearFinding,
  department: string | null,
  catalog: Catalog,
  prev: ConversationState | null,
  followUp: boolean,
): YearRef {
  const first = years.explicit[0];
  const baseYear = years.base ? { baseYear: years.base.year } : {};
  const stated = relativeToStated(text, years);
  if (stated !== null && years.relative) {
    const value = stated + years.relative.offset;
    return { kind: "relative", offset: years.relative.offset, base: stated, baseFrom: "question", value, phrase: years.relative.phrase };
  }
  if (first !== undefined) {
    return { kind: "explicit", value: first, values: years.explicit, phrase: years.explicitPhrase ?? String(first), ...baseYear };
  }
  const covers = (y: number): boolean =>
    department === null
      ? catalog.departments.some((d) => d.years.includes(y))
      : (catalog.departments.find((d) => d.name === department)?.years.includes(y) ?? false);
  // "比2023年减少了": the year asked about is the one after the base.
  if (years.base) {
    const value = years.base.year + 1;
    if (covers(value)) return { kind: "explicit", value, values: [value], phrase: years.base.phrase, baseYear: years.base.year };
    return { kind: "relative", offset: 1, base: years.base.year, baseFrom: "question", value, phrase: years.base.phrase };
  }
  const fromState = prev?.year !== null && prev?.year !== undefined && (followUp || prev.department === department) ? prev.year : null;
  if (years.relative) {
    const base = fromState ?? latestYearOf(catalog, department);
    const value = base === null ? null : base + years.relative.offset;
    const baseFrom = fromState !== null ? "conversation" : "latest";
    return { kind: "relative", offset: years.relative.offset, base, baseFrom, value, phrase: years.relative.phrase };
  }
  if (fromState !== null && covers(fromState)) return { kind: "conversation", value: fromState };
  return { kind: "default", value: latestYearOf(catalog, department) };
}

function decideIntent(
  cues: IntentCues,
  departments: number,
  explicitYears: number,
  items: number,
  aspect: AspectRef,
  topic: string | null,
  code: string | null,
  split: PartSplit["by"] | null,
  implied = false,
): Intent {
  if (cues.explain) return "explain";
  // "2069999是什么科目？这一项支出多少？": a code asked about with a number wanted is a figure question
  // (the reply names the row).
  if (cues.define && !(code !== null && cues.figure)) return "define";
  if (cues.rank) return "rank";
  if (split === "compare" || (split === "join" && cues.compare)) return "compare";
  if (split === "join" && (cues.sum || implied) && !cues.separately) return "sum";
  if (departments >= 2 || explicitYears >= 2 || (cues.compare && items >= 2)) return "compare";
  if (cues.list) return "list";
  if (items >= 2 && cues.sum && !cues.separately) return "sum";
  if (cues.figure || cues.existence || aspect.via === "explicit") return "figure";
  if (topic !== null || items > 0 || code !== null) return "figure";
  return "unknown";
}
