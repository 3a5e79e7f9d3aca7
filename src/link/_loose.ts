import { tagWords } from "../search/index.js";
import type { Descriptor } from "./types.js";

/**
 * Words of a question that may stay unaccounted for: phrasing, not a qualifier of the quantity.
 * Citizens wrap the quantity in verbs and adverbs of their own ("帮…做了认证", "现在有几辆", "收到了多少
 * 捐款", "在全国建了多少个"); no label of the document holds them, and leaving them over must not turn
 * a plain answer into a clarification. A word is loose when
 * - its part of speech is a verb, adverb, preposition, pronoun, time or place word, particle,
 *   conjunction, classifier or numeral word (not a noun or adjective: those name what is counted);
 * - it holds no digit and none of the characters that change which quantity is meant (增/减/调/剩/
 *   超/未/不/含 …: "调减了多少预算", "没花掉", "不含陪同人员");
 * - and the document's own labels never use it as a word (a verb that tells two figures apart,
 *   such as 购置 vs 保有, is in the labels and stays content).
 */
const LOOSE_TAG = /^(?:v|vd|vg|d|dg|p|r|rg|rr|rz|t|tg|f|u[a-z]*|c|y|e|o|q|m|mq)$/;
// Function words (prepositions, particles, conjunctions, pronouns, adverbs) tell no figures apart,
// even where a label happens to hold them ("对个人和家庭的补助" holds 对).
const FUNCTION_TAG = /^(?:p|u[a-z]*|c|r|rg|rr|rz|d|dg|y|e|o)$/;
const QUANTITY_CHARS = /[增减降涨升跌超省节剩余欠调拨借还退未没不无非除含另预计划均率比差净累总合共新旧内外初末前后上下大小多少半\d]/;

const poolWords = new WeakMap<readonly Descriptor[], Set<string>>();

/** The words the pool's labels use (rows, parents, columns, items, tables), cut as jieba cuts them. */
function labelWords(ds: readonly Descriptor[]): Set<string> {
  let words = poolWords.get(ds);
  if (words) return words;
  words = new Set<string>();
  const seen = new Set<string>();
  for (const d of ds)
    for (const l of d.labels) {
      if (l.role === "sentence" || l.role === "section" || seen.has(l.text)) continue;
      seen.add(l.text);
      for (const w of tagWords(l.text)) words.add(w.word);
    }
  poolWords.set(ds, words);
  return words;
}

/**
 * Marks the characters of `text` that belong to loose words (see above). `content` is the
 * subject's content mask: only content characters are looked at.
 */
export function looseMask(text: string, content: readonly boolean[], ds: readonly Descriptor[]): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  if (!content.some(Boolean)) return mask;
  // Blanked parts (department, year) become breaks, so no word runs across them.
  const plain = text.replace(/\u0000/g, "，");
  let words: Set<string> | null = null;
  for (const w of tagWords(plain)) {
    if (!LOOSE_TAG.test(w.tag) || QUANTITY_CHARS.test(w.word)) continue;
    let any = false;
    for (let k = w.start; k < w.start + w.word.length; k++) if (content[k]) any = true;
    if (!any) continue;
    words ??= labelWords(ds);
    if (!FUNCTION_TAG.test(w.tag) && words.has(w.word)) continue;
    for (let k = w.start; k < w.start + w.word.length; k++) mask[k] = true;
  }
  return mask;
}
