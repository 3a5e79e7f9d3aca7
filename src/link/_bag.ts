/**
 * Labels named in other words or order: by their nouns in any order (verbs counted when said), or in
 * pieces with other words between.
 */
import { tagWords } from "../search/index.js";
import { ASIDE, type Cover } from "./_match.js";

// Words of a label a question need not repeat: amount words and the verbs of the label's phrasing.
const GENERIC = new Set(["金额", "总额", "数量", "个数", "次数", "人数", "支出", "费用", "经费", "资金", "数额", "合计", "总计", "情况", "数", "其中", "项目", "工作", "综合", "绩效"]);
const PHRASING_TAG = /^(?:v|vd|vg|p|d|dg|u[a-z]*|c|y|e|o|x|w)$/;
const bagMemo = new Map<string, { required: string[]; optional: string[] }>();
// Labels are many in an archive: the memo is forgotten all at once past a bound.
const BAG_MAX = 100_000;

/**
 * The words of a label a question must say for it to name the label in other words or order (its
 * nouns), and those it may say as well (its verbs: 累计建成 of 累计建成换电站数量).
 */
function bagWords(label: string): { required: string[]; optional: string[] } {
  let words = bagMemo.get(label);
  if (!words) {
    // Single characters the tagger splits off ("小" "微" of 小微企业) are said together: one word.
    const merged: { word: string; tag: string }[] = [];
    let run = "";
    for (const w of [...tagWords(label, true), { word: "", tag: "w" }]) {
      if (w.word.length === 1 && !PHRASING_TAG.test(w.tag)) {
        run += w.word;
        continue;
      }
      if (run.length >= 2) merged.push({ word: run, tag: "n" });
      run = "";
      if (w.word) merged.push(w);
    }
    const kept = merged.filter((w) => w.word.length >= 2 && !GENERIC.has(w.word));
    words = { required: kept.filter((w) => !PHRASING_TAG.test(w.tag)).map((w) => w.word), optional: kept.filter((w) => /^v/.test(w.tag)).map((w) => w.word) };
    if (bagMemo.size >= BAG_MAX) bagMemo.clear();
    bagMemo.set(label, words);
  }
  return words;
}

/**
 * A label named by its words in another order, its verbs and amount words left out ("政府采购合同里
 * 给了中小企业多少钱" names 授予中小企业合同金额): every noun of the label stands in the question, and
 * together they are at least four characters.
 */
export function bag(text: string, label: string, content: readonly boolean[] | undefined): Cover[] {
  const bare = label.replace(ASIDE, "");
  // Its words are pieces of the label of two or more characters: none can stand in a question that
  // holds none of the label's character pairs (and the label need not be cut into words at all).
  if (!sharesPair(text, bare)) return [];
  const { required, optional } = bagWords(bare);
  if (required.length === 0) return [];
  const out: Cover[] = [];
  let said = 0;
  const cover = (w: string, i: number): void => {
    out.push({ start: i, end: i + w.length, how: "abbrev", excess: 0 });
    for (let k = i; k < i + w.length; k++) if (content?.[k] !== false) said++;
  };
  for (const w of required) {
    const i = text.indexOf(w);
    if (i < 0) return [];
    cover(w, i);
  }
  for (const w of optional) {
    const i = text.indexOf(w);
    if (i >= 0) cover(w, i);
  }
  // Two words at least, and question words (绩效, 综合 …) alone never name a label.
  return out.length >= 2 && said >= 3 ? out : [];
}

/** Whether some pair of adjacent characters of `label` stands in `text`. */
function sharesPair(text: string, label: string): boolean {
  for (let i = 0; i + 1 < label.length; i++) if (text.includes(label.slice(i, i + 2))) return true;
  return false;
}

/**
 * A label said in pieces with other words between ("因公出国(境)…团组" for 因公出国(境)团组): runs of
 * two or more of its characters, in order, that together say all of it but an aside.
 */
export function pieces(text: string, form: string): Cover[] {
  const bare = form.replace(ASIDE, "");
  // The first piece starts with the label's first two characters.
  if (bare.length < 5 || !text.includes(bare.slice(0, 2))) return [];
  const out: Cover[] = [];
  let k = 0;
  let from = 0;
  while (k < bare.length) {
    let best: { at: number; len: number } | null = null;
    for (let len = bare.length - k; len >= 2 && best === null; len--) {
      const at = text.indexOf(bare.slice(k, k + len), from);
      if (at >= 0) best = { at, len };
    }
    if (!best) return [];
    out.push({ start: best.at, end: best.at + best.len, how: "abbrev", excess: 0 });
    from = best.at + best.len;
    k += best.len;
  }
  return out.length >= 2 ? out : [];
}
