import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { ITEMS } from "../facts/items.js";

/**
 * Budget terms jieba should keep whole (its general dictionary cuts "机关运行经费" into 机关|运行|经费).
 * cutForSearch still emits the parts, so a query naming only a part matches as well.
 */
export const BUDGET_TERMS = [
  "三公经费",
  "公务接待费",
  "因公出国(境)费",
  "因公出国境费",
  "公务用车购置及运行维护费",
  "公务用车购置费",
  "公务用车运行维护费",
  "机关运行经费",
  "一般公共预算财政拨款",
  "一般公共预算",
  "政府性基金",
  "政府性基金预算",
  "国有资本经营预算",
  "财政拨款",
  "基本支出",
  "项目支出",
  "人员经费",
  "公用经费",
  "年初预算",
  "全年预算",
  "支出决算",
  "收入决算",
  "决算数",
  "预算数",
  "政府采购",
  "绩效自评",
  "绩效目标",
  "自评得分",
  "名词解释",
  "年初结转和结余",
  "年末结转和结余",
  "结转和结余",
  "本年收入合计",
  "本年支出合计",
  "收支总计",
  "上级补助收入",
  "事业收入",
  "经营收入",
  "附属单位上缴收入",
  "其他收入",
  "工资福利支出",
  "商品和服务支出",
  "对个人和家庭的补助",
  "住房公积金",
  "职业年金",
  "工会经费",
  "委托业务费",
  "津贴补贴",
  "死亡抚恤",
  "离退休",
  "中小企业",
  "小微企业",
] as const;

// Question words and particles carry no topic; left in, their rarity in documents would make them
// dominate BM25 scores ("多少" almost never appears in a disclosure).
const STOP = new Set([
  "的", "了", "是", "有", "和", "与", "及", "或", "在", "为", "对", "把", "被", "将", "就", "都", "也", "还",
  "多少", "几", "多", "少", "什么", "啥", "为什么", "为啥", "怎么", "怎样", "如何", "哪些", "哪个", "是否",
  "有没有", "没有", "吗", "呢", "吧", "啊", "呀", "请问", "一下", "告诉", "我", "你", "他", "们", "这", "那",
  "个", "一共", "总共", "共", "花", "花了", "钱", "其中", "里", "中", "年", "年度", "万元", "元",
]);

/** Normalises text for matching: NFKC (full-width → ASCII), lower case, quotes and spaces removed. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[“”"'‘’「」『』《》〈〉<>]/g, "")
    .replace(/\s+/g, " ");
}

function userWords(): string[] {
  const words = new Set<string>(BUDGET_TERMS.map(normalize));
  for (const item of Object.values(ITEMS)) for (const n of item.names) words.add(normalize(n));
  // jieba dictionary entries cannot contain spaces.
  return [...words].filter((w) => w.length >= 2 && !/\s/.test(w));
}

let jieba: Jieba | null = null;
/** Budget terms by their first two characters, to find the ones nested in a longer token. */
let nested: Map<string, string[]> = new Map();

function segmenter(): Jieba {
  if (jieba === null) {
    // ~180 ms once per process for the default dictionary.
    const words = userWords();
    jieba = Jieba.withDict(dict);
    // The high frequency makes the whole term win over its parts.
    jieba.loadDict(Buffer.from(`${words.map((w) => `${w} 200000 n`).join("\n")}\n`));
    nested = new Map();
    for (const w of words) {
      const head = w.slice(0, 2);
      nested.set(head, [...(nested.get(head) ?? []), w]);
    }
  }
  return jieba;
}

/**
 * Budget terms inside a longer token: the user dictionary makes "机关运行经费支出" one word, and
 * search mode then only adds its 2–3 character parts, so "机关运行经费" would never match it.
 */
function nestedTerms(token: string): string[] {
  const out: string[] = [];
  if (token.length < 5) return out;
  for (let i = 0; i + 1 < token.length; i++) {
    for (const w of nested.get(token.slice(i, i + 2)) ?? []) {
      if (w !== token && w.length > 3 && token.startsWith(w, i)) out.push(w);
    }
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

/** The terms of a text: jieba search-mode words (stop words dropped) and Han character bigrams. */
export interface Terms {
  readonly words: string[];
  readonly bigrams: string[];
}

/** A word of a text with its part of speech (jieba's tag set: n noun, v verb, d adverb, p preposition …) and offset. */
export interface TaggedWord {
  readonly word: string;
  readonly tag: string;
  readonly start: number;
}

let general: Jieba | null = null;

/**
 * Words of a text with their parts of speech, in order: the budget terms kept whole, as nouns,
 * or (`plain`) as jieba's general dictionary cuts them ("授予中小企业合同金额" → 授予|中小企业|合同|金额).
 */
export function tagWords(text: string, plain = false): TaggedWord[] {
  const out: TaggedWord[] = [];
  let at = 0;
  const seg = plain ? (general ??= Jieba.withDict(dict)) : segmenter();
  for (const t of seg.tag(text, false)) {
    const start = text.indexOf(t.word, at);
    if (start < 0) continue;
    out.push({ word: t.word, tag: t.tag, start });
    at = start + t.word.length;
  }
  return out;
}

/** Tokenises text for BM25: words via jieba (search mode, so compounds and their parts) plus bigrams. */
export function tokenize(text: string): Terms {
  const norm = normalize(text);
  const words = segmenter()
    .cutForSearch(norm, true)
    .map((w) => w.trim())
    .filter((w) => w.length > 0 && WORDLIKE.test(w) && !STOP.has(w))
    .flatMap((w) => [w, ...nestedTerms(w)]);
  const bigrams: string[] = [];
  for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1 && HAN.test(run) && !STOP.has(run)) bigrams.push(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const b = `${chars[i]}${chars[i + 1]}`;
      if (!STOP.has(b)) bigrams.push(b);
    }
  }
  return { words, bigrams };
}
