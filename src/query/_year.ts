import type { Span } from "./_text.js";

/** Years a question names: explicit ones in order of mention, or one relative phrase. */
export interface YearFinding {
  readonly explicit: readonly number[];
  readonly explicitPhrase: string | null;
  readonly relative: { readonly offset: number; readonly phrase: string } | null;
  readonly spans: readonly Span[];
}

const CN_DIGIT: Record<string, string> = {
  〇: "0", 零: "0", "○": "0", o: "0", 0: "0",
  一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9",
};

const EXPLICIT =
  /(?:\b(?:in|for|fy|year)\s?)?(?<![\d.])((?:19|20)\d{2})(?![\d.%])(?:\s?年度|\s?年)?|(?<![\d.])(\d{2})年度?|([一二两][〇零○o0一二三四五六七八九]{3})年度?/g;

// 上年/去年 after 比/较/与 is a year-on-year comparison (an aspect), and "上年结转" is an item.
const RELATIVE =
  /(?<![比较与同于对跟和])(前年|去年|上一年度|上一年|上年度|上年|今年|本年度)(?!结转|结余|同期|相比|决算数|数)|\b(the year before last|two years ago|last year|previous year|prior year|this year|current year)\b/g;

const OFFSET: Record<string, number> = {
  前年: -2, 去年: -1, 上一年度: -1, 上一年: -1, 上年度: -1, 上年: -1, 今年: 0, 本年度: 0,
  "the year before last": -2, "two years ago": -2, "last year": -1, "previous year": -1, "prior year": -1,
  "this year": 0, "current year": 0,
};

/** Finds explicit years (2024, 2024年, 24年, 二〇二四年, 2024年度, "in 2024") and relative ones (去年, 前年, last year). */
export function findYears(text: string): YearFinding {
  const explicit: number[] = [];
  const spans: Span[] = [];
  let explicitPhrase: string | null = null;
  for (const m of text.matchAll(EXPLICIT)) {
    const i = m.index;
    let year: number | null = null;
    if (m[1]) year = Number(m[1]);
    else if (m[2]) year = 2000 + Number(m[2]);
    else if (m[3]) {
      const digits = [...m[3]].map((c) => CN_DIGIT[c] ?? "").join("");
      if (digits.length === 4) year = Number(digits);
    }
    if (year === null || year < 1990 || year > 2100) continue;
    if (!explicit.includes(year)) explicit.push(year);
    explicitPhrase ??= m[0];
    spans.push({ start: i, end: i + m[0].length, kind: "year" });
  }
  let relative: YearFinding["relative"] = null;
  for (const m of text.matchAll(RELATIVE)) {
    const phrase = m[0];
    const offset = OFFSET[phrase];
    if (offset === undefined) continue;
    relative ??= { offset, phrase };
    spans.push({ start: m.index, end: m.index + phrase.length, kind: "year" });
  }
  return { explicit, explicitPhrase, relative, spans };
}
