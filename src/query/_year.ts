import { matchLexicon } from "./_lexicon.js";
import type { Span } from "./_text.js";

/** One explicit year as written, with what the words around it make of it. */
export interface YearMention {
  readonly year: number;
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** "比2023年", "与2023年相比": the base of a change, not the year asked about. */
  readonly base: boolean;
  /** "2021年中央外经贸发展专项资金": the year runs straight into a fund or project name. */
  readonly beforeName: boolean;
  /** "按2024年决算说明，2023年…": the year of the document read, not of the figure asked. */
  readonly document: boolean;
}

// A year naming the disclosure it is read in ("2024年决算说明", "2024年的部门决算里").
const DOCUMENT_AFTER = /^的?(部门|单位)?决算(说明|报告|公开|文件|书)?(里|中|上|显示|说|[,，])/;

/** Years a question names: explicit ones in order of mention, or one relative phrase. */
export interface YearFinding {
  /** Target years (comparison bases left out), distinct, in order of mention. */
  readonly explicit: readonly number[];
  readonly explicitPhrase: string | null;
  /** The year a change is measured from ("比2023年增加"), when the question names one. */
  readonly base: { readonly year: number; readonly phrase: string } | null;
  readonly relative: { readonly offset: number; readonly phrase: string; readonly start: number } | null;
  readonly mentions: readonly YearMention[];
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

const EN_BASE_BEFORE = /\b(compared (to|with)|than|from|over|relative to|versus|vs\.?) (the )?$/;

/**
 * "2023年实际完成10次，那去年…": a relative year in a later clause counts from the year the
 * question stated before it, not from the conversation or the corpus.
 */
export function relativeToStated(text: string, years: YearFinding): number | null {
  const rel = years.relative;
  const stated = years.mentions.filter((m) => !m.base);
  const only = stated[0];
  if (!rel || stated.length !== 1 || !only || rel.start < only.end) return null;
  return /[,，;；。]|那/.test(text.slice(only.end, rel.start)) ? only.year : null;
}

const OFFSET: Record<string, number> = {
  前年: -2, 去年: -1, 上一年度: -1, 上一年: -1, 上年度: -1, 上年: -1, 今年: 0, 本年度: 0,
  "the year before last": -2, "two years ago": -2, "last year": -1, "previous year": -1, "prior year": -1,
  "this year": 0, "current year": 0,
};

// "比2023年", "较2023年度", "相比于2023年": the year after these is what a change is measured from.
const BASE_BEFORE = /((?<!对)比|(?<!比)较|相比于|相较于|相对于)$/;
// "与2023年相比", "和2023年比": a year joined by 与/和 is a base only when 相比 follows, and not
// when 与/和 joins two years ("2023年和2024年相比" compares them).
const JOIN_BEFORE = /(与|同|和|跟)$/;
const YEAR_BEFORE_JOIN = /(\d|年|年度)(与|同|和|跟)$/;
const COMPARE_AFTER = /^(同期)?(相比|比(?![较例重]))/;
const SPAN_FROM = /(?:\bfrom|从|由)\s?$/;
const SPAN_TO = /^\s*(?:to|through|and|到|至)\s*(?:19|20)\d{2}/;
const BASE_EN_BEFORE = /\b(than|compared (to|with)|relative to)\s?$/;
// A fund or project name straight after "2021年": no 的, no 度, a level of government that grants
// it ("2021年中央外经贸发展专项资金", "2023年省级…补助") and a fund/project word at its end.
const NAME_AFTER =
  /^(中央|国家|省级|省|市级|区级|县级|第[一二三四五六七八九十]+批|首批)[\u4e00-\u9fa5]{2,18}?(专项资金|资金|专项|项目|经费|补助|补贴|工程|计划|奖励|基金)/;
// Any noun phrase ending in a fund or project word ("2020年度小进限企业奖励资金"), without question
// words or 的 inside; see `namesFund`.
// (An aside in brackets is part of the name: "2021年促进消费升级(支持商贸企业做大做强)市级奖励资金".)
const FUND_AFTER =
  /^(?:(?!多少|几|花|用了|一共|总共|是|的|了|有|和|与|比)(?:[\u4e00-\u9fa5]|\([\u4e00-\u9fa5]{1,16}\))){2,18}?(专项资金|资金|专项|项目|经费|补助|补贴|工程|计划|奖励|奖补|基金|活动|行动)/;

/** Finds explicit years (2024, 2024年, 24年, 二〇二四年, 2024年度, "in 2024") and relative ones (去年, 前年, last year). */
export function findYears(text: string): YearFinding {
  const mentions: YearMention[] = [];
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
    const end = i + m[0].length;
    const before = text.slice(0, i);
    const after = text.slice(end);
    const base =
      BASE_BEFORE.test(before) ||
      BASE_EN_BEFORE.test(before) ||
      (JOIN_BEFORE.test(before) && !YEAR_BEFORE_JOIN.test(before) && COMPARE_AFTER.test(after)) ||
      // "from 2023 to 2024", "从2023年到2024年": the first year of a span is the base of the change.
      (SPAN_FROM.test(before) && SPAN_TO.test(after));
    const beforeName = /年度?$/.test(m[0]) && namesFund(after);
    mentions.push({ year, phrase: m[0], start: i, end, base, beforeName, document: DOCUMENT_AFTER.test(after) });
  }
  return fromMentions(text, mentions);
}

/**
 * Whether the text after "2020年" / "2020年度" is a fund or project name the year belongs to: a
 * granting level ("中央…专项资金"), or any phrase ending in a fund word that does not begin with an
 * item of the vocabulary asked as such ("2023年公务接待费", "2023年项目支出" keep their year).
 */
function namesFund(after: string): boolean {
  if (NAME_AFTER.test(after)) return true;
  const m = FUND_AFTER.exec(after);
  if (!m) return false;
  const first = matchLexicon(after).find((l) => l.start === 0);
  // "三公经费", "项目经费": the item is the whole phrase. "中小企业发展专项资金": an item word that
  // runs on into more name is part of the name.
  return !first || first.end < m[0].length;
}

/** The finding for a chosen set of mentions (e.g. with years that belong to a name left out). */
export function fromMentions(text: string, mentions: readonly YearMention[]): YearFinding {
  const explicit: number[] = [];
  const spans: Span[] = [];
  let explicitPhrase: string | null = null;
  let base: YearFinding["base"] = null;
  for (const y of mentions) {
    if (y.base) {
      base ??= { year: y.year, phrase: y.phrase };
      const marker = /(比|较|相比于|相较于|相对于|与|同|和|跟|than |compared to |compared with |relative to )$/.exec(
        text.slice(0, y.start),
      );
      const start = marker ? y.start - marker[0].length : y.start;
      const tail = /^(同期)?(相比)?/.exec(text.slice(y.end))?.[0] ?? "";
      spans.push({ start, end: y.end + tail.length, kind: "year" });
      continue;
    }
    if (!explicit.includes(y.year)) explicit.push(y.year);
    explicitPhrase ??= y.phrase;
    spans.push({ start: y.start, end: y.end, kind: "year" });
  }
  let relative: YearFinding["relative"] = null;
  for (const m of text.matchAll(RELATIVE)) {
    const phrase = m[0];
    const offset = OFFSET[phrase];
    if (offset === undefined) continue;
    // "compared with the previous year": the base of a change (like 比上年), not the year asked about.
    if (!EN_BASE_BEFORE.test(text.slice(0, m.index))) relative ??= { offset, phrase, start: m.index };
    spans.push({ start: m.index, end: m.index + phrase.length, kind: "year" });
  }
  return { explicit, explicitPhrase, base, relative, mentions, spans };
}
