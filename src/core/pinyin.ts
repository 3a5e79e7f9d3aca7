import { pinyin } from "pinyin-pro";

// Readings ICU does not give first that place names use: 长沙 chang, 厦门 xia, 重庆 chong, 蚌埠
// beng, 乐山 le/yue, 六安 lu, 番禺 pan, 单县 shan, 莘县 xin, 珲春 hun, 涡阳 guo, 洪洞 tong,
// 句容 gou, 铅山 yan, 尉氏 yu, 蔚县 yu, 朝阳 chao, 都江堰 du, 会稽 kuai, 大埔 pu, 堡 bu/pu, 泊 po.
const EXTRA_READINGS: Readonly<Record<string, readonly string[]>> = {
  长: ["chang"], 厦: ["xia"], 重: ["chong"], 蚌: ["beng"], 乐: ["yue"], 六: ["lu"], 番: ["pan"], 单: ["shan"],
  莘: ["xin"], 珲: ["hun"], 涡: ["guo"], 洞: ["tong"], 句: ["gou"], 铅: ["yan"], 尉: ["yu"], 蔚: ["yu"],
  朝: ["zhao", "chao"], 都: ["du"], 会: ["kuai"], 埔: ["pu"], 堡: ["bu", "pu"], 泊: ["po"], 行: ["hang", "xing"],
  沈: ["shen"], 曲: ["qu"], 藏: ["zang"], 阿: ["e"], 华: ["hua"], 解: ["xie"], 盖: ["ge"], 柏: ["bo", "bai"],
  亳: ["bo"], 澄: ["cheng", "deng"], 浚: ["xun", "jun"], 莞: ["guan", "wan"], 台: ["tai"], 荥: ["xing", "ying"],
  车: ["che"], 贾: ["jia"], 济: ["ji"], 栎: ["yue"], 孛: ["bo"], 绿: ["lu"], 率: ["lv"],
};

const cache = new Map<string, readonly string[]>();

/** Every toneless reading of a character (lowercase ASCII, ü as "u" and "v"); [] when unknown. */
export function readingsOf(ch: string): readonly string[] {
  const known = cache.get(ch);
  if (known) return known;
  const found = /\p{Script=Han}/u.test(ch) ? pinyin(ch, { toneType: "none", multiple: true, type: "array" }) : [];
  // "lü" is written "lu" or "lv" in romanised names.
  const all = [...found, ...(EXTRA_READINGS[ch] ?? [])].flatMap((r) => {
    const x = r.replace("ü", "v");
    return /^(l|n)v/.test(x) ? [x, x.replace("v", "u")] : [x];
  });
  const out = [...new Set(all)].filter((r) => /^[a-z]+$/.test(r));
  cache.set(ch, out);
  return out;
}

/**
 * The spans of `text` whose pinyin, syllables run together, is exactly `word` ("putuo" → 普陀 in
 * "上海市普陀区财政局"); `word` is lowercase ASCII with no spaces or hyphens.
 */
export function pinyinSpans(word: string, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (word.length < 2) return out;
  for (let start = 0; start < text.length; start++) {
    // Depth-first over readings: a position in the word after each character.
    const walk = (i: number, at: number): void => {
      if (at === word.length) {
        if (i > start) out.push({ start, end: i });
        return;
      }
      const ch = text[i];
      if (ch === undefined) return;
      for (const r of readingsOf(ch)) if (word.startsWith(r, at)) walk(i + 1, at + r.length);
    };
    walk(start, 0);
  }
  return out;
}

/** A reading under the fuzzy-pinyin pairs input methods accept (in/ing, en/eng, an/ang, z/zh, c/ch, s/sh, n/l). */
function fuzzyPinyin(r: string): string {
  return r.replace(/^([zcs])h/, "$1").replace(/^l/, "n").replace(/(in|en|an)g$/, "$1");
}

/** Two different characters an input method confuses: they share a toneless reading, fuzzily (局/句, 心/兴). */
export function soundsAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const rb = readingsOf(b).map(fuzzyPinyin);
  return readingsOf(a).some((r) => rb.includes(fuzzyPinyin(r)));
}
