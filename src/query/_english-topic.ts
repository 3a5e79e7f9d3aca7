import { findEnglishClass } from "./_classes-en.js";
import { findItems, type ItemFinding } from "./_items.js";
import type { LexMatch } from "./_lexicon.js";
import type { Aspect, ItemHit } from "./types.js";

/** What an English question asks about, when its words say more than the item lexicon does. */
export interface EnglishSubject {
  readonly topic: string;
  readonly items: ItemHit[];
  readonly context: ItemHit[];
}

const BLANK = "\u0000";
// A Chinese term inside an English question ("court case trials (案件审判)", "the “洪山企业之家” project").
const CJK_TERM = /[\u3400-\u9fff][\u3400-\u9fff()]*[\u3400-\u9fff)]/g;
// "overall performance self-evaluation score": the department's whole-of-department evaluation.
const OVERALL = /\b(overall|department-wide|departmental|whole[- ]department|entire department|department as a whole|whole-of-department)\b/;
// English words for a total ("spending", "expenditure"): they frame a class name, they are not the item.
const GENERIC_EN = /^(expenditures?|spending|revenue|income)$/;

/**
 * An English question's subject beyond the item lexicon: a Chinese term it quotes, else a national
 * 功能分类/经济分类 name ("housing security" → 住房保障支出, "bonuses" → 奖金), else the overall
 * performance evaluation ("部门整体") for a score. `base` has department, year and code blanked;
 * `area` also the aspect and question words. Null when none applies.
 */
export function englishSubject(
  base: string,
  area: string,
  lex: readonly LexMatch[],
  found: ItemFinding,
  aspect: Aspect | null,
): EnglishSubject | null {
  const terms = [...area.matchAll(CJK_TERM)].filter((m) => m[0].replace(/[()]/g, "").length >= 2);
  const term = terms.sort((a, b) => b[0].length - a[0].length)[0];
  if (term) {
    const start = term.index;
    const end = start + term[0].length;
    const inTerm = lex.filter((m) => m.start >= start && m.end <= end);
    const only = [...base].map((ch, i) => (i >= start && i < end ? ch : BLANK)).join("");
    const sub = findItems(inTerm, base, only, "zh", null);
    return { topic: term[0].replace(/^\(|\)$/g, ""), items: sub.items, context: [...found.context, ...sub.context] };
  }
  const cls = findEnglishClass(base);
  const hits = [...found.items, ...found.context];
  // "overseas travel" is the item, not 差旅费: a class inside an item yields to it.
  if (cls && !hits.some((h) => h.start <= cls.start && cls.end <= h.end && h.end - h.start > cls.end - cls.start)) {
    const outside = (h: ItemHit): boolean => h.end <= cls.start || h.start >= cls.end;
    const items = found.items.filter((h) => outside(h) && !GENERIC_EN.test(h.phrase));
    const context = [...found.context.filter(outside), ...found.items.filter((h) => outside(h) && GENERIC_EN.test(h.phrase))];
    return { topic: cls.zh, items, context };
  }
  if (aspect === "得分" && OVERALL.test(base) && found.items.length === 0) {
    return { topic: "部门整体", items: [], context: found.context };
  }
  return null;
}
