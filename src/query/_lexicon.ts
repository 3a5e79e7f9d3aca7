import { ITEMS, ITEM_KEYS, type ItemKey } from "../facts/items.js";
import { soundsAlike } from "../core/pinyin.js";
import { holdsNeedles, phraseNeedles, phraseRegex } from "./_english-phrase.js";
import { editDistance, isCjk, normalizeText } from "./_text.js";

/** One lexicon form of an item. */
export interface LexEntry {
  readonly text: string;
  readonly key: ItemKey;
  readonly via: "name" | "synonym" | "en";
  readonly latin: boolean;
}

/** A lexicon occurrence in a text. */
export interface LexMatch {
  readonly entry: LexEntry;
  readonly start: number;
  readonly end: number;
}

const VIA_RANK = { name: 0, synonym: 1, en: 2 } as const;

// Query-side forms: a bare "收入"/"支出" asks for the year's total (never used to tag document rows).
const QUERY_FORMS: readonly (readonly [string, ItemKey])[] = [
  ["收入", "revenue_total"],
  ["支出", "expenditure_total"],
];

const PURCHASE_VERBS = ["买", "购买", "新买", "新购", "新购置", "购置", "采购"] as const;

/** The purchase item of a key's family ("vehicle_total" → "vehicle_purchase"), when there is one. */
function purchaseSibling(key: ItemKey): ItemKey | null {
  const family = key.split("_")[0] ?? key;
  const sibling = ITEM_KEYS.find((k) => k === `${family}_purchase`);
  return sibling && sibling !== key && ITEMS[sibling].unit === ITEMS[key].unit ? sibling : null;
}

let cache: { entries: readonly LexEntry[]; exact: ReadonlyMap<string, LexEntry> } | null = null;

/** The item lexicon: names, synonyms and English forms, normalised, longest first. */
export function lexicon(): { entries: readonly LexEntry[]; exact: ReadonlyMap<string, LexEntry> } {
  if (cache) return cache;
  const seen = new Map<string, LexEntry>();
  for (const key of ITEM_KEYS) {
    const item = ITEMS[key];
    const forms: [string, LexEntry["via"]][] = [
      ...item.names.map((n): [string, LexEntry["via"]] => [n, "name"]),
      ...item.synonyms.map((n): [string, LexEntry["via"]] => [n, "synonym"]),
      [item.en.replace(/^the /i, ""), "en"],
    ];
    for (const [raw, via] of forms) {
      // Question phrasing is not an item form ("几辆车", "花了多少钱"): counts come from the aspect.
      if (/多少|几/.test(raw)) continue;
      const text = normalizeText(raw).replace(/^'|'$/g, "");
      if (text.length < 2) continue;
      // "因公出国(境)团组" is also typed without its bracketed part.
      const bare = text.replace(/\(.+?\)/g, "");
      const variants = new Set([text, bare]);
      // "出境费用", "接待费用": 费 and 费用 are the same word.
      for (const v of [...variants]) if (/[\u3400-\u9fff]费$/.test(v)) variants.add(`${v}用`);
      for (const t of variants) {
        const prev = seen.get(t);
        // A form listed under two items keeps the first listing, names before synonyms.
        if (prev && VIA_RANK[prev.via] <= VIA_RANK[via]) continue;
        seen.set(t, { text: t, key, via, latin: !/[\u3400-\u9fff]/.test(t) });
      }
    }
  }
  for (const [text, key] of QUERY_FORMS) if (!seen.has(text)) seen.set(text, { text, key, via: "synonym", latin: false });
  // "买公务车", "购买公车": buying a thing of a family with a purchase item is that item.
  for (const key of ITEM_KEYS) {
    const purchase = purchaseSibling(key);
    if (!purchase) continue;
    for (const form of [...ITEMS[key].names, ...ITEMS[key].synonyms]) {
      const t = normalizeText(form);
      if (!/^[\u3400-\u9fff]{2,}$/.test(t) || /购|运行|维护/.test(t)) continue;
      for (const verb of PURCHASE_VERBS) {
        if (!seen.has(verb + t)) seen.set(verb + t, { text: verb + t, key: purchase, via: "synonym", latin: false });
      }
    }
  }
  const entries = [...seen.values()].sort((a, b) => b.text.length - a.text.length);
  cache = { entries, exact: seen };
  return cache;
}

/** A Latin form's pattern, made on first need, and the pieces every match of it holds (see `phraseNeedles`). */
const latinPatterns = new Map<string, { needles: readonly string[]; re: RegExp | null }>();

/**
 * Longest-first, non-overlapping lexicon matches (Latin forms on word boundaries, each word singular
 * or plural, a determiner allowed between words: see `phraseRegex`).
 */
export function matchLexicon(text: string): LexMatch[] {
  const found: LexMatch[] = [];
  const latin = /[a-z]/.test(text);
  for (const entry of lexicon().entries) {
    if (entry.latin) {
      if (!latin) continue;
      let p = latinPatterns.get(entry.text);
      if (!p) {
        p = { needles: phraseNeedles(entry.text), re: null };
        latinPatterns.set(entry.text, p);
      }
      // Hundreds of forms, each pattern run first in an interpreter: only those whose needles the text holds.
      if (!holdsNeedles(text, p.needles)) continue;
      p.re ??= phraseRegex(entry.text);
      for (const m of text.matchAll(p.re)) found.push({ entry, start: m.index, end: m.index + m[0].length });
      continue;
    }
    let from = 0;
    for (;;) {
      const i = text.indexOf(entry.text, from);
      if (i < 0) break;
      from = i + 1;
      found.push({ entry, start: i, end: i + entry.text.length });
    }
  }
  found.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      VIA_RANK[a.entry.via] - VIA_RANK[b.entry.via] ||
      a.start - b.start,
  );
  const chosen: LexMatch[] = [];
  for (const m of found) {
    if (chosen.some((c) => c.start < m.end && m.start < c.end)) continue;
    chosen.push(m);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The lexicon form one edit away from a whole phrase ("公物接待费" → 公务接待费), when exactly one
 * item has such a form. Short forms only take a substitution inside them ("经心局" style).
 */
export function fuzzyLexicon(phrase: string): LexEntry | null {
  if (phrase.length < 3 || !isCjk(phrase[0])) return null;
  const keys = new Set<ItemKey>();
  let best: LexEntry | null = null;
  for (const e of lexicon().entries) {
    if (e.latin || e.text.length < 3 || Math.abs(e.text.length - phrase.length) > 1) continue;
    if (e.text[0] !== phrase[0] || editDistance(e.text, phrase, 1) !== 1) continue;
    if (Math.min(e.text.length, phrase.length) < 4) {
      const inner = e.text.length === phrase.length && e.text[0] === phrase[0] && e.text.at(-1) === phrase.at(-1);
      if (!inner) continue;
    }
    // A character of the head word (the first two) mistyped only by sound: "出差费用" says 出差, a word
    // of its own, not 出国费用; "公物接待费" is 公务接待费.
    if (e.text.length === phrase.length) {
      const at = [...e.text].findIndex((ch, k) => ch !== phrase[k]);
      if (at >= 0 && at < 2 && !soundsAlike(e.text[at] ?? "", phrase[at] ?? "")) continue;
    }
    keys.add(e.key);
    best ??= e;
  }
  return keys.size === 1 ? best : null;
}

/** True for a query-side total word ("收入", "支出") that yields to anything more specific. */
export function isGenericTotal(hit: { phrase: string }): boolean {
  return QUERY_FORMS.some(([t]) => t === hit.phrase);
}

/** The lexicon entry whose text is exactly `text`, if any. */
export function exactLexicon(text: string): LexEntry | null {
  return lexicon().exact.get(text) ?? null;
}
