import type { Span } from "./_text.js";
import type { Aspect, BudgetQualifier, ChangeBasis } from "./types.js";

/** The aspect a question names, with the spans that named it (removed from the topic). */
export interface AspectFinding {
  readonly aspect: Aspect | null;
  readonly unit: string | null;
  readonly phrase: string | null;
  readonly spans: readonly Span[];
  /** 年初预算 / 全年预算 / 调整预算 when the question names one (outside item names). */
  readonly qualifier: BudgetQualifier | null;
  /** What a change is measured against, when said ("比上年", "比年初预算"). */
  readonly basis: ChangeBasis | null;
  /** Where the count phrase ("几个", "多少辆") stands, when the aspect is 数量. */
  readonly countSpan: Span | null;
  /** Further counts asked in other units ("几批次多少人" → 人), when the aspect is 数量. */
  readonly alsoUnits: readonly string[];
}

const COUNT_UNITS = "人次|场次|批次|平方米|公顷|公斤|千克|公里|万人|辆|个|名|条|项|家|次|人|台|套|批|场|户|件|篇|所|位|份|吨|亩|天|期|届|本|张|栋|间|座|艘|架";
// 预算 inside a fund name is not the budget aspect: "国有资本经营预算支出", "一般公共预算财政拨款".
const NOT_BUDGET = "(?<!一般公共|政府性基金|国有资本经营|基金|经营|公共)";
// "比上年", "与去年同期相比": the comparison base of a change.
const YOY = "((比|较|与|同|和|跟)(上年|去年|上一年|上年度)(同期)?(相比)?[,，]?)?";

/**
 * English count words and the unit each counts in. The first group are units themselves ("how many
 * times", "how many batches"): read with the count phrase. The rest are nouns that also name what is
 * counted ("how many domestic visiting groups"): they give the unit and stay in the topic.
 */
const EN_UNITS: readonly (readonly [RegExp, string])[] = [
  [/^person[- ]?(times?|trips?|visits?)$/, "人次"],
  [/^(people|persons|individuals)$/, "人"],
  [/^(times|occasions)$/, "次"],
  [/^(batch|batches)$/, "批次"],
];
const EN_UNIT_WORDS = "person[- ]?(?:times?|trips?|visits?)|people|persons|individuals|times|occasions|batch(?:es)?";
const EN_COUNTED: readonly (readonly [RegExp, string])[] = [
  [/^(events?|activities|activity|sessions?|forums?|fairs?|salons?|roadshows?|lectures?)$/, "场"],
  [/^(groups?|delegations?)$/, "个"],
  [/^(vehicles?|cars?)$/, "辆"],
  [/^(enterprises?|compan(y|ies)|firms?|businesses)$/, "家"],
  [/^(projects?)$/, "个"],
  [/^(visitors?|participants?|staff|employees?|teachers?|students?)$/, "人"],
];

/** The unit of an English count phrase: its own unit word, else the first counted noun within four words after it. */
function englishCountUnit(phrase: string, after: string): string | null {
  const own = phrase.replace(/^(how many|(the )?number of) ?/, "");
  for (const [re, unit] of EN_UNITS) if (re.test(own)) return unit;
  const words = after.toLowerCase().match(/[a-z][a-z'-]*/g)?.slice(0, 5) ?? [];
  for (const w of words) for (const [re, unit] of EN_COUNTED) if (re.test(w)) return unit;
  return null;
}

/** Aspect patterns in priority order: the first aspect with a match wins; every match is removed from the topic. */
const PATTERNS: readonly (readonly [Aspect, RegExp])[] = [
  // "比年初预算减少了多少": the amount by which the outturn differs from the budget (a change, as
  // disclosures state it: "比年初预算数减少87.99万元"); asked without 多少 it is the completion.
  [
    "增减",
    new RegExp(
      `(比|较|与)${NOT_BUDGET}(年初|全年|调整后?)?预算(数)?(相比)?[,，]?(增加|减少|节约|节省|超支|超出|多花|少花|多|少|超|省)(了|出)?(?=(多少|几))`,
      "g",
    ),
  ],
  [
    // "比年初预算降了百分之几": the rate of a change against the budget, not a completion rate.
    "增长率",
    new RegExp(
      `(比|较|与)${NOT_BUDGET}(年初|全年|调整后?)?预算(数)?(相比)?[,，]?(增加|减少|增长|下降|降低|上升|超支|节约|节省|多|少|降|涨|增|减|省)了?(百分之几|百分之多少|多少%|百分比|几个百分点|多少个?百分点)`,
      "g",
    ),
  ],
  [
    "完成率",
    new RegExp(
      `(预算)?完成率|执行率|(只|才|仅)?完成了?(?=\\d+(\\.\\d+)?%)|(相当于|等于|占|是)${NOT_BUDGET}(年初|全年)?预算(数)?的?(百分之几|百分之多少|多少%|百分比|几成)|完成了?${NOT_BUDGET}(年初|全年)?预算的?(百分之几|多少|百分比)?|${NOT_BUDGET}(年初|全年)?预算完成(了|情况)?|超(出|过)?${NOT_BUDGET}(年初|全年)?预算|(比|较|与)(年初|全年)?预算(数)?(增加|减少|节约|超支|多|少)?了?|(没|未|没有)完成${NOT_BUDGET}(年初|全年)?预算|\\b(completion|execution) rate\\b|(?<=\\b(?:share|percent(?:age)?|proportion|fraction|how much) of [a-z'\\u0001 -]{0,40})budget\\b(?=.*\\b(?:actually|spen[dt]|used|executed|utili[sz]ed)\\b)|\\bpercent(age)? of (the )?budget\\b|\\bover budget\\b|\\bunder budget\\b`,
      "g",
    ),
  ],
  [
    "增长率",
    new RegExp(
      `${YOY}(增长率|增幅|降幅|增速|涨幅|跌幅|(增长|增加|下降|减少|上升|降低|上涨)(了|的)?(百分之几|百分之多少|百分比|几个百分点|多少个?百分点|多少%|几成|多少比例|比例|幅度|率))|(?<!占[^，,。？?]{0,12})(增长|增加|下降|减少|上升|降低|上涨|降|涨)了(百分之几|百分之多少|多少%|几个百分点|多少个?百分点)|\\bgrowth rate\\b|\\bpercent(age)? (change|increase|decrease)\\b|\\bgr[eo]w by what percent(age)?\\b|\\bby what percent(age)?\\b(?=.*\\b(ris|rose|gr[eo]w|increas|fell|fall|drop|decreas|declin))`,
      "g",
    ),
  ],
  [
    "增减",
    /(比|较|与|同|和|跟)(上年|去年|上一年|上年度)(同期)?(相比)?[,，]?(增加|减少|增长|下降|上升|降低|多|少|变化|变动|增减)?了?|增加了?|减少了?|(?:下降|降低|回落|上涨|上升|降|涨)了?(?=多少(?:钱|万元|元|亿元)?)|(?:调|压|核|缩|削|追)(?:减|增|加)了?|增减(变化)?|变化|变动|同比|\b(change|changes|changed|increase|increased|decrease|decreased)\b|\b(compared (to|with)|than) (the )?(previous|last|prior) year\b|\byear[- ]on[- ]year\b/g,
  ],
  [
    "占比",
    // "X占Y多少(比列)": 占 asking how much is a share, however the share word is typed.
    /占比|所占比例|多大比例|比例|比重|百分之几|百分之多少|百分比|几成|占(?:了)?(?:几个|多少个?)(?:百分)?点|占(?=[^，,。？?]{0,24}?(?:多少|几)(?![万元钱个人辆次家项台名批]))|\bshare\b|\bproportion\b|\bwhat percent(age)?\b|\bpercentage\b/g,
  ],
  [
    "数量",
    new RegExp(
      // "几个人": people counted (人), the 个 a measure word before them.
      `(多少|几)(?:个(?=人))?(${COUNT_UNITS})(车辆|车)?|(?<=面积)(有|是|为)?(多大|多少)|(有)?多大(的)?面积|(多少|几)(?=[\u4e00-\u9fa5]{0,6}?(人员|职工|员工|党员|干部)(?![\u4e00-\u9fa5]))|\\bhow many (${EN_UNIT_WORDS})\\b|\\bhow many\\b|\\b(the )?number of (${EN_UNIT_WORDS})\\b|\\bnumber of\\b`,
      "g",
    ),
  ],
  [
    "得分",
    /自评得分|自评分|综合得分|得分|评分|打分|扣分|总分|(得了?|拿了?|获得了?|打了?|自评了?|评了?)(多少|几)分|(多少|几)分(?![之钟局类配期批钱])|\bscores?\b|\brating\b|\bscored\b/g,
  ],
  [
    "预算",
    new RegExp(`(年初|全年)预算(数)?|${NOT_BUDGET}预算数|${NOT_BUDGET}预算(?!财政拨款|支出|收入|单位)|\\bbudget(ed)?\\b`, "g"),
  ],
  // "决算里说…", "决算公开显示…" name the document, not the measure.
  // ("实际完成多少" asks an indicator's outcome, whatever it counts: not the outturn of money.)
  ["决算", /决算数|实际支出|实际(?!完成|达到|达)|执行数|执行了|决算(?!里|中|上|报告|公开|书|显示|说|文件|材料|资料)|\bactual(ly)?\b/g],
];

// People counted after a generic 个 ("多少个…的老师").
// (The people are what is counted: the phrase ends with them, "几个院士项目" counts projects.)
const PEOPLE_AFTER = /^[^，,。？?！!]{0,10}?(老师|教师|人员|职工|员工|党员|干部|学生|专家|医生|教授|院士|研究生|本科生)(?=$|[，,。？?！!]|呢|吗|啊|呀)/;

// What keeps a question to one of the aspects it names: "只要决算数", "只问预算".
const ONLY = /(只要|只需要?|只问|只看|只想知道|只想要|就要|仅要|仅需)(的是)?$/;

/**
 * Finds the aspect (完成率 before 增长率 before 增减 …; 决算 when nothing is said) and count units.
 * `plain` is the text with item names unmasked, where an English count noun may sit ("how many
 * official vehicles"); `text` by default.
 */
export function findAspect(text: string, plain: string = text): AspectFinding {
  let aspect: Aspect | null = null;
  let unit: string | null = null;
  let phrase: string | null = null;
  let countSpan: Span | null = null;
  const spans: Span[] = [];
  let onlyFound = false;
  const alsoUnits: string[] = [];
  for (const [a, re] of PATTERNS) {
    for (const m of text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      if (a === "数量") {
        const group = countsDepartments(text, start, end);
        if (group) {
          spans.push({ ...group, kind: "question" });
          continue;
        }
      }
      // "多少" stays a question word; only the unit after it belongs to the aspect.
      spans.push({ start, end, kind: "aspect" });
      // "年初预算多少，决算多少？只要决算数": the one aspect the question keeps to wins.
      const only = ONLY.test(text.slice(Math.max(0, start - 6), start));
      if (only && !onlyFound) {
        onlyFound = true;
        aspect = null;
        unit = null;
        countSpan = null;
      }
      if (aspect === null) {
        aspect = a;
        phrase = m[0];
        if (a === "数量") {
          unit = /^(how many|(the )?number of)\b/.test(m[0]) ? englishCountUnit(m[0], plain.slice(end)) : countUnit(m[0]);
          // "多少个正高级职称的老师": 个 counting people counts persons.
          if (unit === "个" && PEOPLE_AFTER.test(text.slice(end))) unit = "人";
          countSpan = { start, end, kind: "aspect" };
        }
      } else if (a === "数量" && aspect === "数量") {
        const other = countUnit(m[0]);
        if (other !== null && other !== unit && !alsoUnits.includes(other)) alsoUnits.push(other);
      }
    }
  }
  // "X占Y的…": the 占 joins part and whole; it is no item text.
  if (aspect === "占比") {
    for (const m of text.matchAll(/占(?![用地有比])/g)) spans.push({ start: m.index, end: m.index + 1, kind: "aspect" });
  }
  return { aspect, unit, phrase, spans, qualifier: budgetQualifier(text), basis: changeBasis(text), countSpan, alsoUnits: aspect === "数量" ? alsoUnits : [] };
}

// After a base year ("比2023年" blanked): the more/less word of a change, with a percent word for a rate.
const BASE_CHANGE =
  /^[\u0000\u0001]*[,，]?(多花|少花|多用|少用|增加|减少|增长|下降|上升|降低|上涨|回落|多|少|高|低|涨|降)(了|出)?(?=(百分之几|百分之多少|多少%|百分比|几个百分点|多少个?百分点|多少|几))(百分之几|百分之多少|多少%|百分比|几个百分点|多少个?百分点)?/;

/**
 * "比2023年少了多少", "比上一年度多了百分之几": the change a base year asks for, read right after
 * the base (at `from`); the finding as it was when no change word follows.
 */
export function withBaseChange(found: AspectFinding, text: string, from: number): AspectFinding {
  if (found.aspect === "增减" || found.aspect === "增长率" || found.aspect === "完成率") return found;
  const m = BASE_CHANGE.exec(text.slice(from));
  if (!m) return found;
  const start = from + m[0].length - m[0].replace(/^[\u0000\u0001]*[,，]?/, "").length;
  const span: Span = { start, end: from + m[0].length, kind: "aspect" };
  const aspect: Aspect = m[4] ? "增长率" : "增减";
  return { ...found, aspect, phrase: text.slice(span.start, span.end), unit: null, countSpan: null, alsoUnits: [], spans: [...found.spans, span] };
}

/** One side of a comparison between two figures of the same item. */
export interface AspectSide {
  readonly aspect: "预算" | "决算";
  readonly qualifier: BudgetQualifier | null;
}

// The outturn as people say it as well: "实际花的", "实际用了的".
const SIDE = `((?:年初|全年|调整后?的?)?${NOT_BUDGET}预算数?|决算数?|实际支出数?|实际(?:完成|执行|花费|花掉|花了|花|用掉|用了|用)?的?数?|执行数)`;
const SIDES = new RegExp(
  `${SIDE}(?:比|较|超过|高于|低于)${SIDE}(?:多花|少花|多|少|高|低|超|超出|节约|节省|省|增加|减少)(?:出|了)?(?=多少|几)`,
);

/**
 * "三公经费预算比实际支出多了多少", "支出决算比年初预算多了多少": two figures of one item compared,
 * a budget and an outturn, in the order asked; null unless one side is each.
 */
export function aspectSides(text: string): readonly [AspectSide, AspectSide] | null {
  const m = SIDES.exec(text);
  if (!m) return null;
  const side = (s: string): AspectSide => {
    if (!/预算/.test(s)) return { aspect: "决算", qualifier: null };
    return { aspect: "预算", qualifier: budgetQualifier(s) };
  };
  const first = side(m[1] ?? "");
  const second = side(m[2] ?? "");
  return first.aspect === second.aspect ? null : [first, second];
}

const GROUP_NOUN = /^(部门|单位|机关|局|区)(里|中|之中|当中|内)?/;
const RANK_WORD = /哪个|哪家|哪一个|哪些|谁|最多|最少|最高|最低|最大|最小|排名|排序/;

/**
 * "这几个部门里哪个…", "几家单位中…最多": a count of departments that only names the field of a
 * ranking, not a count asked for. Returns the span to drop from the topic.
 */
function countsDepartments(text: string, start: number, end: number): { start: number; end: number } | null {
  const demonstrative = /(这|那|上述|以上|所有|各)$/.exec(text.slice(0, start));
  const noun = GROUP_NOUN.exec(text.slice(end));
  if (!demonstrative && !(noun && RANK_WORD.test(text))) return null;
  return { start: start - (demonstrative?.[0].length ?? 0), end: end + (noun?.[0].length ?? 0) };
}

function budgetQualifier(text: string): BudgetQualifier | null {
  if (/年初预算/.test(text)) return "年初预算";
  if (/全年预算/.test(text)) return "全年预算";
  if (/调整(后的?)?预算|预算调整/.test(text)) return "调整预算";
  return null;
}

function changeBasis(text: string): ChangeBasis | null {
  if (/(比|较|与|同|和|跟)年初预算/.test(text)) return "较年初预算";
  if (new RegExp(`(比|较|与|同|和|跟)(全年|调整后?)?${NOT_BUDGET}预算`).test(text)) return "较预算";
  if (/(比|较|与|同|和|跟)(上年|去年|上一年|上年度)|同比|\b(compared (to|with)|than) (the )?(previous|last|prior) year\b|\byear[- ]on[- ]year\b/.test(text)) {
    return "较上年";
  }
  return null;
}

function countUnit(phrase: string): string | null {
  // "how many people": persons, or person-times where the item counts those (see itemWithUnit).
  if (/\b(people|persons)\b/.test(phrase)) return "人";
  // "面积有多大": an area, in square metres.
  if (/多大|面积/.test(phrase)) return "平方米";
  const m = new RegExp(`(${COUNT_UNITS})(车辆|车)?$`).exec(phrase);
  if (m?.[1]) return m[1];
  // "有多少在职人员": people counted without a unit word.
  return /^(多少|几)$/.test(phrase) ? "人" : null;
}
