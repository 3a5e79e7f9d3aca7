import { ITEMS, ITEM_KEYS, type ItemKey } from "../facts/items.js";
import { exactLexicon, fuzzyLexicon, isGenericTotal, matchLexicon, type LexMatch } from "./_lexicon.js";
import type { ItemHit } from "./types.js";

/** Items found in the topic area: the ones asked about and the ones that only qualify them. */
export interface ItemFinding {
  readonly items: ItemHit[];
  readonly context: ItemHit[];
}

const BLANK = "\u0000";
// Between items: conjunctions split operands (比 too: "因公出国费比公务接待费"); the rest only joins
// words ("三公经费里公务用车购置费").
const CONJUNCTION = /加上|以及|[和与及、,跟+比]/;
const CONJUNCTION_ALL = /加上|以及|[和与及、,跟+比]/g;
const GLUE = /[的里中之在了有是()“”"'《》\s]/;
// Words after an item that name the same quantity ("政府采购总额", "三公经费开支").
// "服务类": a class word after an item names the item's class.
const SAME_QUANTITY_TAIL = /^(总额|总数|总量|合计|总计|金额|数额|开支|花费|情况|数据|部分|方面|这块|那块|这一块|那一块|这项|这一项|类|类别|方面的)$/;
// What may stand before "的" in front of an item besides item words: "开支财政拨款的公务用车".
const SCOPE_WORDS = /开支|列支|使用|动用|安排|用于|用|由|以|按|其中/g;

/**
 * Lexicon items in the topic area (question with department, year, aspect and question words
 * blanked to U+0000). In Chinese, a run of topic text counts only when items cover it entirely
 * (so "其他商品和服务支出" is not 服务支出); typos one edit away and shared heads
 * ("公务用车购置费和运行费") are filled in first. English matches are taken as they are.
 */
export function findItems(
  lexMatches: readonly LexMatch[],
  base: string,
  area: string,
  lang: "zh" | "en",
  partStart: number | null,
): ItemFinding {
  const matches = lexMatches.filter((m) => !area.slice(m.start, m.end).includes(BLANK));
  const hits: (ItemHit & { piece: number; conj: number })[] = [];
  if (lang === "en") {
    for (const m of matches) {
      // "spending on receptions": the first item only frames the second.
      const frames = /^ (on|for) /.test(base.slice(m.end, m.end + 5)) && matches.some((o) => o.start > m.end);
      // "contracts … through government procurement", "… under fiscal appropriations": a later item
      // after such a preposition only says where the first one sits.
      const where = /\b(through|via|under|within|among)( (the|its|their))? $/.test(base.slice(Math.max(0, m.start - 16), m.start)) && matches.some((o) => o.end <= m.start);
      hits.push({ ...toHit(m), piece: 0, conj: frames || where ? -1 : hits.length });
    }
    return assignRoles(hits, lang, partStart, false);
  }
  let piece = 0;
  let next = 0;
  for (const run of area.split(BLANK)) {
    const offset = next;
    next += run.length + 1;
    piece++;
    if (run.trim().length === 0) continue;
    const inRun = matches.filter((m) => m.start >= offset && m.end <= offset + run.length).map(toHit);
    const filled = fillGaps(run, offset, inRun) ?? scopedItem(run, offset, inRun);
    if (filled === null) continue;
    let conj = 0;
    let cursor = offset;
    for (const h of filled.sort((a, b) => a.start - b.start)) {
      if (CONJUNCTION.test(area.slice(cursor, h.start))) conj++;
      hits.push({ ...h, piece, conj });
      cursor = h.end;
    }
  }
  // "公务接待费支出": a bare 支出/收入 after an item only repeats what the item is.
  const kept = hits.filter((h, i) => {
    const prev = hits[i - 1];
    return !(isGenericTotal(h) && prev && prev.piece === h.piece && prev.conj === h.conj);
  });
  // "科学技术支出占…的比重": a part no item covers stays a topic; the whole is only context.
  const partText = partStart !== null && /[^\u0000\s的]/.test(area.slice(0, partStart).replace(/[的之里中在了是]/g, ""));
  return assignRoles(kept, lang, partStart, partText);
}

/**
 * "开支财政拨款的公务用车保有量": a run that items do not cover whole may still end in one after
 * "的", when all before it is item words and scope verbs (开支, 使用 …). The items before qualify it.
 */
function scopedItem(run: string, offset: number, hits: readonly ItemHit[]): ItemHit[] | null {
  const de = run.lastIndexOf("的");
  if (de <= 0 || de === run.length - 1) return null;
  const tailHits = hits.filter((h) => h.start >= offset + de + 1);
  const tail = fillGaps(run.slice(de + 1), offset + de + 1, tailHits);
  if (!tail || tail.length === 0 || tail.some((h) => isGenericTotal(h))) return null;
  const headHits = hits.filter((h) => h.end <= offset + de);
  if (headHits.length === 0) return null;
  let head = run.slice(0, de);
  for (const h of [...headHits].sort((a, b) => b.start - a.start)) {
    head = head.slice(0, h.start - offset) + head.slice(h.end - offset);
  }
  if (head.replace(SCOPE_WORDS, "").replace(new RegExp(GLUE.source, "g"), "").length > 0) return null;
  return [...headHits, ...tail];
}

function toHit(m: LexMatch): ItemHit {
  return { key: m.entry.key, phrase: m.entry.text, start: m.start, end: m.end, via: m.entry.via };
}

/**
 * Covers the uncovered stretches of a run (between separators outside items) with a shared-head
 * or fuzzy item for the whole stretch; null when some stretch stays uncovered.
 */
function fillGaps(run: string, offset: number, hits: readonly ItemHit[]): ItemHit[] | null {
  let out = [...hits];
  const covered = (i: number): boolean => out.some((h) => i >= h.start - offset && i < h.end - offset);
  const conjAt = new Set<number>();
  for (const m of run.matchAll(CONJUNCTION_ALL)) for (let k = m.index; k < m.index + m[0].length; k++) conjAt.add(k);
  const separator = (i: number): boolean => !covered(i) && (conjAt.has(i) || GLUE.test(run[i] ?? ""));
  const segments: { start: number; end: number }[] = [];
  for (let i = 0; i < run.length; ) {
    if (separator(i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < run.length && !separator(i)) i++;
    segments.push({ start, end: i });
  }
  for (const g of segments) {
    let allCovered = true;
    for (let i = g.start; i < g.end; i++) if (!covered(i)) allCovered = false;
    if (allCovered) continue;
    const text = run.slice(g.start, g.end);
    const start = offset + g.start;
    const end = offset + g.end;
    // "政府采购总额": a tail naming the same quantity extends the item before it.
    let firstGap = g.start;
    while (covered(firstGap)) firstGap++;
    const before = out.find((h) => h.end === offset + firstGap && h.start >= start);
    if (before && firstGap > g.start && SAME_QUANTITY_TAIL.test(run.slice(firstGap, g.end))) {
      out = out.map((h) => (h === before ? { ...h, end } : h));
      continue;
    }
    const prev = out.filter((h) => h.end <= start).sort((a, b) => b.end - a.end)[0];
    const afterConjunction = g.start > 0 && conjAt.has(g.start - 1);
    const shared = afterConjunction && prev ? sharedHead(prev.phrase, text) : null;
    const fuzzy = shared ? null : fuzzyLexicon(text);
    if (!shared && !fuzzy) return null;
    out = out.filter((h) => h.end <= start || h.start >= end);
    if (shared) out.push({ key: shared.key, phrase: shared.text, start, end, via: "shared_head" });
    else if (fuzzy) out.push({ key: fuzzy.key, phrase: text, start, end, via: "fuzzy" });
  }
  return out;
}

/** "公务用车购置费" + "运行费" → the lexicon form "公务用车运行费", when there is one. */
function sharedHead(previous: string, tail: string): { key: ItemKey; text: string } | null {
  for (let k = previous.length - 1; k >= 2; k--) {
    const e = exactLexicon(previous.slice(0, k) + tail);
    if (e && e.via === "name") return { key: e.key, text: e.text };
  }
  return null;
}

/**
 * Main items vs context: within one operand the last item is the one asked about and earlier ones
 * qualify it ("政府采购" in "政府采购货物"); in a share, the items after 占 (or before the last,
 * in English) are the whole.
 */
function assignRoles(
  hits: (ItemHit & { piece: number; conj: number })[],
  lang: "zh" | "en",
  partStart: number | null,
  partText: boolean,
): ItemFinding {
  const items: ItemHit[] = [];
  const context: ItemHit[] = [];
  const strip = ({ piece: _p, conj: _c, ...h }: ItemHit & { piece: number; conj: number }): ItemHit => h;
  if (partStart !== null) {
    const part = lang === "en" ? hits.slice(-1) : hits.filter((h) => h.start < partStart);
    for (const h of hits) (part.includes(h) ? items : context).push(strip(h));
    if (items.length === 0 && context.length > 0 && !partText) items.push(...context.splice(0, 1));
    return { items, context };
  }
  if (lang === "en") {
    // "reception spending": a generic total word yields to the specific item next to it.
    const generic = (h: ItemHit): boolean => hits.length > 1 && /^(expenditure|spending|revenue|income)$/.test(h.phrase);
    for (const h of hits) (h.conj === -1 || generic(h) ? context : items).push(strip(h));
    return { items, context };
  }
  hits.forEach((h, i) => {
    const next = hits[i + 1];
    const qualifies = next !== undefined && next.piece === h.piece && next.conj === h.conj;
    (qualifies ? context : items).push(strip(h));
  });
  return { items, context };
}

/** The one item counted in the given unit ("有几辆车" → 车辆), when exactly one is. */
export function itemCountedIn(unit: string): ItemKey | null {
  const keys = ITEM_KEYS.filter((k) => ITEMS[k].unit === unit);
  return keys.length === 1 ? (keys[0] ?? null) : null;
}

/** The item of the same family with the given count unit: 因公出国(境)团组 + 人次 → 因公出国(境)人次. */
export function itemWithUnit(key: ItemKey, unit: string): ItemKey | null {
  if (ITEMS[key].unit === unit) return key;
  const family = key.split("_")[0] ?? key;
  const inFamily = ITEM_KEYS.filter((k) => k.startsWith(family));
  // "how many people went abroad": persons are counted as 人次 where the item counts those.
  return inFamily.find((k) => ITEMS[k].unit === unit) ?? inFamily.find((k) => ITEMS[k].unit.startsWith(unit) && unit === "人") ?? null;
}

/**
 * The counted item of the same family ("how many official vehicles" → 车辆); of several, the one
 * counted in 个 (groups: "how many receptions" → 接待团组, "how many overseas trips" → 出国团组).
 */
export function countedSibling(key: ItemKey): ItemKey | null {
  if (ITEMS[key].unit !== "万元") return key;
  const family = key.split("_")[0] ?? key;
  const counted = ITEM_KEYS.filter((k) => k.startsWith(family) && ITEMS[k].unit !== "万元");
  if (counted.length === 1) return counted[0] ?? null;
  return counted.find((k) => ITEMS[k].unit === "个") ?? null;
}

/** Lexicon items of a stored topic phrase (for follow-ups), all taken as main items. */
export function itemsOfTopic(topic: string): ItemHit[] {
  const lang = /[\u3400-\u9fff]/.test(topic) ? "zh" : "en";
  const found = findItems(matchLexicon(topic), topic, topic, lang, null);
  return found.items.map((h) => ({ ...h, via: "conversation" as const }));
}
