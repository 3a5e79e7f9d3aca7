import type { Span } from "./_text.js";
import type { Aspect } from "./types.js";

/** The aspect a question names, with the spans that named it (removed from the topic). */
export interface AspectFinding {
  readonly aspect: Aspect | null;
  readonly unit: string | null;
  readonly phrase: string | null;
  readonly spans: readonly Span[];
}

const COUNT_UNITS = "人次|场次|批次|平方米|辆|个|名|条|项|家|次|人|台|套|批|场|户|件|篇|所|位|份";
// 预算 inside a fund name is not the budget aspect: "国有资本经营预算支出", "一般公共预算财政拨款".
const NOT_BUDGET = "(?<!一般公共|政府性基金|国有资本经营|基金|经营|公共)";
// "比上年", "与去年同期相比": the comparison base of a change.
const YOY = "((比|较|与|同|和|跟)(上年|去年|上一年|上年度)(同期)?(相比)?[,，]?)?";

/** Aspect patterns in priority order: the first aspect with a match wins; every match is removed from the topic. */
const PATTERNS: readonly (readonly [Aspect, RegExp])[] = [
  [
    "完成率",
    new RegExp(
      `(预算)?完成率|执行率|完成了?${NOT_BUDGET}(年初|全年)?预算的?(百分之几|多少|百分比)?|${NOT_BUDGET}(年初|全年)?预算完成(了|情况)?|超(出|过)?${NOT_BUDGET}(年初|全年)?预算|(比|较|与)(年初|全年)?预算(数)?(增加|减少|节约|超支|多|少)?了?|(没|未|没有)完成${NOT_BUDGET}(年初|全年)?预算|\\b(completion|execution) rate\\b|\\bpercent(age)? of (the )?budget\\b|\\bover budget\\b|\\bunder budget\\b`,
      "g",
    ),
  ],
  [
    "增长率",
    new RegExp(
      `${YOY}(增长率|增幅|降幅|增速|(增长|增加|下降|减少)了?(百分之几|多少(%|百分点)))|\\bgrowth rate\\b|\\bpercent(age)? (change|increase|decrease)\\b|\\bgr[eo]w by what percent(age)?\\b`,
      "g",
    ),
  ],
  [
    "增减",
    /(比|较|与|同|和|跟)(上年|去年|上一年|上年度)(同期)?(相比)?[,，]?(增加|减少|增长|下降|上升|降低|多|少|变化|变动|增减)?了?|增加了?|减少了?|增减(变化)?|变化|变动|同比|\b(change|changes|changed|increase|increased|decrease|decreased)\b|\b(compared (to|with)|than) (the )?(previous|last|prior) year\b|\byear[- ]on[- ]year\b/g,
  ],
  [
    "占比",
    /占比|所占比例|比例|比重|百分之几|百分比|几成|\bshare\b|\bproportion\b|\bwhat percent(age)?\b|\bpercentage\b/g,
  ],
  [
    "数量",
    new RegExp(
      `(多少|几)(${COUNT_UNITS})(车辆|车)?|(多少|几)(?=[\u4e00-\u9fa5]{0,6}?(人员|职工|员工|党员|干部)(?![\u4e00-\u9fa5]))|\\bhow many\\b|\\bnumber of\\b`,
      "g",
    ),
  ],
  ["得分", /自评得分|自评分|得分|评分|打分|扣分|\bscores?\b|\brating\b/g],
  [
    "预算",
    new RegExp(`(年初|全年)预算(数)?|${NOT_BUDGET}预算数|${NOT_BUDGET}预算(?!财政拨款|支出|收入|单位)|\\bbudget(ed)?\\b`, "g"),
  ],
  ["决算", /决算数|实际支出|实际|执行数|执行了|决算|\bactual(ly)?\b/g],
];

/** Finds the aspect (完成率 before 增长率 before 增减 …; 决算 when nothing is said) and count units. */
export function findAspect(text: string): AspectFinding {
  let aspect: Aspect | null = null;
  let unit: string | null = null;
  let phrase: string | null = null;
  const spans: Span[] = [];
  for (const [a, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      // "多少" stays a question word; only the unit after it belongs to the aspect.
      spans.push({ start, end, kind: "aspect" });
      if (aspect === null) {
        aspect = a;
        phrase = m[0];
        if (a === "数量") unit = countUnit(m[0]);
      }
    }
  }
  // "X占Y的…": the 占 joins part and whole; it is no item text.
  if (aspect === "占比") {
    for (const m of text.matchAll(/占(?![用地有比])/g)) spans.push({ start: m.index, end: m.index + 1, kind: "aspect" });
  }
  return { aspect, unit, phrase, spans };
}

function countUnit(phrase: string): string | null {
  const m = new RegExp(`(${COUNT_UNITS})(车辆|车)?$`).exec(phrase);
  if (m?.[1]) return m[1];
  // "有多少在职人员": people counted without a unit word.
  return /^(多少|几)$/.test(phrase) ? "人" : null;
}
