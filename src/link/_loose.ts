import { tagWords } from "../search/index.js";
import { ORG_WORDS } from "../core/text.js";
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

const poolLabels = new WeakMap<readonly Descriptor[], { texts: readonly string[]; used: Map<string, boolean> }>();
/** Each label's words as jieba cuts them (labels repeat across documents and questions; forgotten past a bound). */
const labelCuts = new Map<string, ReadonlySet<string>>();
const CUTS_MAX = 100_000;

function wordsOfLabel(text: string): ReadonlySet<string> {
  let words = labelCuts.get(text);
  if (!words) {
    words = new Set(tagWords(text).map((w) => w.word));
    if (labelCuts.size >= CUTS_MAX) labelCuts.clear();
    labelCuts.set(text, words);
  }
  return words;
}

/**
 * Whether the pool's labels (rows, parents, columns, items, tables) use `word`, cut as jieba cuts
 * them. A label's words are pieces of it, so only the labels holding the word are cut.
 */
function labelsUse(ds: readonly Descriptor[], word: string): boolean {
  let pool = poolLabels.get(ds);
  if (!pool) {
    const seen = new Set<string>();
    for (const d of ds) for (const l of d.labels) if (l.role !== "sentence" && l.role !== "section") seen.add(l.text);
    pool = { texts: [...seen], used: new Map() };
    poolLabels.set(ds, pool);
  }
  let used = pool.used.get(word);
  if (used === undefined) {
    used = pool.texts.some((t) => t.includes(word) && wordsOfLabel(t).has(word));
    pool.used.set(word, used);
  }
  return used;
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
  for (const w of tagWords(plain)) {
    if (!LOOSE_TAG.test(w.tag) || QUANTITY_CHARS.test(w.word)) continue;
    let any = false;
    for (let k = w.start; k < w.start + w.word.length; k++) if (content[k]) any = true;
    if (!any) continue;
    if (!FUNCTION_TAG.test(w.tag) && labelsUse(ds, w.word)) continue;
    for (let k = w.start; k < w.start + w.word.length; k++) mask[k] = true;
  }
  return mask;
}

/**
 * The body's own organisation word typed after its short name ("东湖高新|管委会物业费", left to the
 * subject where an item follows): it says which body, not which figure, however often the
 * document's labels name the body ("管委会机关收文"); a label that holds it still reads it.
 */
export function orgWordMask(text: string): boolean[] {
  const mask = new Array<boolean>(text.length).fill(false);
  for (let k = 1; k < text.length; k++) {
    if (text[k - 1] !== "\u0000" || text[k] === "\u0000") continue;
    const org = ORG_WORDS.find((o) => text.startsWith(o, k));
    if (org) for (let j = k; j < k + org.length; j++) mask[j] = true;
  }
  return mask;
}
