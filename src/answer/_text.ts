import { editDistance } from "../core/text.js";

/** Text normalisation shared by the answer stage's matchers. */

// Citizens abbreviate; documents spell out. Expanded before matching ("社保" → "社会保障").
const EXPANSIONS: readonly (readonly [RegExp, string])[] = [
  [/社保(?!障)/g, "社会保障"],
  [/医保/g, "医疗保险"],
  [/公积金/g, "住房公积金"],
  [/住房住房公积金/g, "住房公积金"],
  [/养老金/g, "养老保险"],
  [/招待/g, "接待"],
  [/开支/g, "支出"],
  // "出国的住宿费" = "出国住宿费": the particle carries no meaning for matching.
  [/的/g, ""],
];

// The documents' labels are normalised over and over (per fact, per question): results are kept,
// up to a bound (then forgotten all at once; a city's labels number tens of thousands).
const NORM_MEMO_MAX = 200_000;
const normMemo = new Map<string, string>();

/** NFKC, no whitespace, ASCII brackets and quotes removed, lower-case Latin. */
export function norm(s: string): string {
  let n = normMemo.get(s);
  if (n === undefined) {
    if (normMemo.size >= NORM_MEMO_MAX) normMemo.clear();
    n = normalizeLabel(s);
    normMemo.set(s, n);
  }
  return n;
}

function normalizeLabel(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[“”"'‘’「」『』《》<>]/g, "")
    .replace(/【/g, "[")
    .replace(/】/g, "]")
    .toLowerCase();
}

/** `norm` plus citizen abbreviations expanded. */
export function normTopic(s: string): string {
  let t = norm(s);
  for (const [re, to] of EXPANSIONS) t = t.replace(re, to);
  return t;
}

/** Character bigrams of a string (single characters for one-character strings). */
export function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Sørensen–Dice similarity of two strings' bigram multisets, 0..1. */
export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.length === 0 || B.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of A) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of B) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (A.length + B.length);
}

const YEAR = /(?:19|20)\d{2}年度?/g;

function yearsIn(s: string): string[] {
  return [...s.normalize("NFKC").replace(/\s+/g, "").matchAll(/((?:19|20)\d{2})年/g)].map((m) => m[1] ?? "");
}

// Generic tails that do not change what an item is ("死亡抚恤支出" = "死亡抚恤").
const TAILS = ["支出决算数", "决算数", "支出", "费用", "经费", "资金", "项目", "金额", "数"];

/** Strips generic tails once from the end. */
export function stripTail(s: string): string {
  for (const t of TAILS) if (s.length > t.length + 1 && s.endsWith(t)) return s.slice(0, -t.length);
  return s;
}

/**
 * How well a subject as the document names it matches the user's topic, 0..1.
 * Exact (after normalisation and generic tails) is 1; containment scales with coverage; else bigram Dice.
 */
export function subjectScore(topic: string, subject: string): number {
  // Years named on both sides must agree: "2020年度…奖励资金" is not "2021年度…奖励资金".
  const ty = yearsIn(topic);
  const sy = yearsIn(subject);
  if (ty.length > 0 && sy.length > 0 && !ty.some((y) => sy.includes(y))) return 0;
  // An aside in brackets ("购置(更新)公务用车") may or may not be in the question.
  const bare = subject.replace(/[(（][^)）]{1,8}[)）]/g, "");
  const plain = plainScore(topic, subject);
  return bare !== subject && bare.length >= 2 ? Math.max(plain, plainScore(topic, bare)) : plain;
}

function plainScore(topic: string, subject: string): number {
  // Years inside a name ("财政局业务经费2023年") say when, not what: compared without them.
  const t = normTopic(topic).replace(YEAR, "") || normTopic(topic);
  const s = normTopic(subject).replace(YEAR, "") || normTopic(subject);
  if (!t || !s) return 0;
  if (t === s) return 1;
  const ts = stripTail(t);
  const ss = stripTail(s);
  if (ts === ss) return 0.96;
  // One wrong character in a name of four or more ("住房公基金" for "住房公积金") is a typo, not another item.
  if (Math.min(ts.length, ss.length) >= 4 && editDistance(ts, ss, 1) <= 1) return 0.86;
  const d = dice(ts, ss);
  if (ss.includes(ts)) return Math.max(d, 0.62 + 0.3 * (ts.length / ss.length));
  if (ts.includes(ss)) return Math.max(d, 0.55 + 0.35 * (ss.length / ts.length));
  return d * 0.9;
}

