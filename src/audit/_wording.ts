/**
 * Comparison words of the narrative, as data: which phrases compare the outturn with the budget or
 * with last year, and the relation each word asserts.
 */
import type { Decimal } from "../core/money.js";

/** What a comparison word asserts about actual vs reference. */
export type Relation = ">" | "<" | "=";

const WORDS: Readonly<Record<string, Relation>> = {
  大于: ">",
  高于: ">",
  超过: ">",
  超出: ">",
  多于: ">",
  小于: "<",
  低于: "<",
  少于: "<",
  等于: "=",
  持平: "=",
  一致: "=",
  相等: "=",
  相同: "=",
};

/** Phrases comparing the outturn with a budget; `word` is the comparison, `budget` 年初/全年 when named. */
export const COMPARISONS: readonly { readonly pattern: RegExp; relation(word: string): Relation }[] = [
  {
    pattern: /决算数?\s*(?<word>大于|小于|等于|高于|低于|超过|超出|多于|少于)\s*(?:了\s*)?(?<budget>年初|全年)?\s*预算数?/g,
    relation: (w) => WORDS[w] ?? "=",
  },
  {
    // "决算数与全年预算数持平"; "基本持平" is an approximation, not a claim of equality.
    pattern: /决算数?\s*与\s*(?<budget>年初|全年)?\s*预算数?\s*(?<word>持平|一致|相等|相同)/g,
    relation: (w) => WORDS[w] ?? "=",
  },
];

/** Words about the change from last year that follow its figures: "较上年减少的主要原因", "较上年持平". */
export const PRIOR_DIRECTION = /(?:较上年|比上年|与上年相比)[^。；;，,\d]{0,6}?(?<word>增加|减少|增长|下降)的?主要原因|(?:较上年|比上年|与上年相比)\s*(?<word2>持平)/g;

/** Whether `actual` stands in `relation` to `reference`. */
export function relationHolds(relation: Relation, actual: Decimal, reference: Decimal): boolean {
  switch (relation) {
    case ">":
      return actual.gt(reference);
    case "<":
      return actual.lt(reference);
    case "=":
      return actual.eq(reference);
  }
}
