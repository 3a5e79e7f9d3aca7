/**
 * Reading one figure's clause: what the words before a figure say about it (measure, change
 * direction, base of a share) and which noun phrase is its subject. Works on normalised text
 * (see `normalizeWithMap`), so "（" is "(" and "，" is ",".
 */
import type { Unit } from "../core/money.js";
import type { Measure } from "./types.js";

/** What the words just before a figure say. */
export interface ClauseReading {
  /** Noun phrase naming the figure's subject; "" when the clause leaves it implicit. */
  readonly head: string;
  readonly measure: Measure;
  /** e.g. ["全年预算"], ["占本年支出"], ["较上年"]. */
  readonly qualifier: readonly string[];
  /** -1 when the clause states a decrease (减少, 下降, 降低). */
  readonly sign: 1 | -1;
  /** Comparison basis for 增减/增长率: 较上年, 较年初预算, 较预算. */
  readonly basis: string | null;
}

// "17、2023年度…": a 、 after the number ends the marker even before a year; "1.5" is a decimal.
const LIST_MARKER = /^(?:-|\d{1,2}(?:、|\.(?!\d)|\.(?=\d{4}年))|\(\d{1,2}\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|[①-⑳]|[一二三四五六七八九十]是)/;

// "导致预算4.23万元结余收回", "故存在30万元结余": connectives of a reason, never part of a subject.
const LEAD_FILLERS = /^(?:其中|另外|此外|同时|主要用于|主要包括|主要是|用于|包括|分别为|分别|即|截至目前|截止目前|目前|全年支出涉及|涉及|共有|拥有|全年共|全年(?!预算|决算)|本年度|当年|共计|共|累计|实际|导致|因此|从而|使得|故(?!障)|完成(?=[^率值]{4,}))/;

const PREDICATE_BUDGET = /(全年预算数|全年预算|年初预算数|年初预算|调整后预算数|调整后预算|调整预算数|调整预算|预算数|预算)$/;
// "实际使用5,701.46万元", "预算执行 95,205.29 万元": what was spent of an adjusted budget.
const PREDICATE_ACTUAL = /(支出决算数|支出决算|全年决算数|全年决算|年末决算数|年末决算|决算数|决算|实际执行数|执行数|实际执行|预算执行|实际使用|使用数|使用|实际发生支出|发生支出|实际支出)$/;
const PREDICATE_RATE = /(完成|达到)?(全年|年初)?预算(数)?的?$|(预算)?执行率$|完成率$/;
const PREDICATE_CHANGE = /(增加|减少|增长|下降|降低|上升|节约|调减|调增)了?(预算)?$/;
// "总分20分,得20分": a bare 得 scores too (an indicator's share; the clause names no subject).
const PREDICATE_SCORE = /(总得分|得分|总分|评分|(?<![获取使])得)$/;
// "固定资产投资超1200亿元", "阅读量超10万次": an approximate figure; the 超 is not the subject's.
const TRAILING = /(各|均|为|是|达到|达|约|共计|合计为|分别|的|超过|超|逾|近)$/;

// 绩效 indicator values: "年初目标值为2场次", "2023年设定年初目标值为3次", "实际完成0场次", "实际达9.93%",
// "实际为100%", "仅完成675人". "完成年度目标100.42%" is a completion ratio, not a target.
const INDICATOR_TARGET = /(?<!完成)(?:设定|设置)?(?:年初|年度|全年)?(?:设定|设置)?的?(?:绩效)?目标值$/;
const INDICATOR_DONE = /(实际(?:完成值|完成|达到|达)?|(?:仅|已)?完成值?)$/;

/** Interprets the text between the clause start and a figure. */
export function readClause(prefix: string, unit: Unit, sentenceBefore: string): ClauseReading {
  if (unit !== "分") {
    const money = unit === "万元" || unit === "元";
    const bare = prefix.replace(/[为是:,≥≤<>=≧≦\s]+$/, "");
    const target = INDICATOR_TARGET.exec(bare);
    // Money "实际完成57.56万元" after a target; "实际执行…" and "实际支出…" are read below.
    const done = target || (money && !/目标值/.test(sentenceBefore)) ? null : INDICATOR_DONE.exec(bare);
    if (target || done) {
      const head = stripTrailing(stripLead(bare.slice(0, (target ?? done)?.index ?? 0)))
        .replace(/(未达到|未完成|未|达到|超过|低于|高于|仅)$/, "")
        .replace(/指标$/, "");
      const measure: Measure = money ? (target ? "预算" : "决算") : unit === "%" ? "占比" : "数量";
      return { head, measure, qualifier: [target ? "目标值" : "实际完成值"], sign: 1, basis: null };
    }
  }
  let p = stripLead(prefix);
  const qualifier: string[] = [];
  let measure: Measure;
  let sign: 1 | -1 = 1;
  let basis: string | null = null;
  p = stripTrailing(p);

  const share = unit === "%" ? /占(.*)$/.exec(p) : null;
  if (share) {
    measure = "占比";
    const base = (share[1] ?? "").replace(/的$/, "");
    if (base) qualifier.push(`占${base}`);
    p = p.slice(0, share.index);
  } else if (unit === "%" && PREDICATE_RATE.test(p)) {
    measure = "完成率";
    p = p.replace(PREDICATE_RATE, "");
  } else if (PREDICATE_CHANGE.test(p)) {
    const verb = PREDICATE_CHANGE.exec(p)?.[1] ?? "";
    measure = unit === "%" || unit === "倍" ? "增长率" : "增减";
    if (/减|下降|降低|节约/.test(verb)) sign = -1;
    p = p.replace(PREDICATE_CHANGE, "");
    basis = comparisonBasis(`${sentenceBefore}${prefix}`);
    if (basis) qualifier.push(basis);
    p = stripComparison(p);
  } else if (unit === "分" && PREDICATE_SCORE.test(p)) {
    measure = "得分";
    // "自评总得分99.61分", "综合得分": the total of what the sentence is about (a bare 总分 is an
    // indicator's maximum: "总分20分,得20分").
    if (/(总得分|综合得分)$/.test(p)) qualifier.push("总得分");
    // "平均得分100.00分": the average of what the sentence counts (its projects), named as such.
    const average = /平均(得分|分|评分)?$/.test(p);
    p = p.replace(PREDICATE_SCORE, "").replace(/(项目)?(绩效)?(自评|评价)?(综合)?$/, "");
    if (average) return { head: "平均得分", measure, qualifier, sign, basis };
  } else if (PREDICATE_BUDGET.test(p) && (unit === "万元" || unit === "元")) {
    const w = PREDICATE_BUDGET.exec(p)?.[1] ?? "";
    measure = "预算";
    if (w.startsWith("全年")) qualifier.push("全年预算");
    else if (w.startsWith("年初")) qualifier.push("年初预算");
    else if (w.startsWith("调整") || /调整后$/.test(p.slice(0, p.length - w.length))) qualifier.push("调整预算");
    p = p.replace(PREDICATE_BUDGET, "");
  } else if (PREDICATE_ACTUAL.test(p) && (unit === "万元" || unit === "元")) {
    const w = PREDICATE_ACTUAL.exec(p)?.[1] ?? "";
    measure = "决算";
    if (/执行|使用/.test(w)) qualifier.push("执行数");
    p = p.replace(PREDICATE_ACTUAL, "");
  } else if ((unit === "万元" || unit === "元") && /^(\d{4}年度?)?(年初|全年)?预算(?!执行|绩效)/.test(p)) {
    // "2022年预算收入合计12296万元": a budgeted figure named with 预算 in front.
    measure = "预算";
  } else if (unit === "万元" || unit === "元") {
    measure = "决算";
  } else if (unit === "%") {
    // A bare rate ("集采项目节资率15.15%", "预算调整率为7.12%") is kept only when it names itself.
    measure = "占比";
    if (!/率$/.test(stripTrailing(p))) return { head: "", measure, qualifier: ["无主语比率"], sign, basis };
  } else if (unit === "分") {
    measure = "得分";
  } else {
    measure = "数量";
  }
  p = stripTrailing(p);
  return { head: p, measure, qualifier, sign, basis };
}

/**
 * "(30分)指标实际利用外资金额12亿元14亿元…", "0.75全年亿元以上新开工项目数200个以上": a 绩效 table row
 * flattened into one line names nothing.
 */
export function flattenedRow(head: string): boolean {
  return /\(\d+(\.\d+)?分\)|\d+(亿|万)\d|\d+分\d|\d \d|^\d+\.\d+|\d+(个|家|次|项|场)以上/.test(head);
}

/** Removes list markers and leading filler words ("其中", "主要用于", "共") from a phrase. */
export function stripLead(s: string): string {
  let p = s;
  for (let k = 0; k < 6; k += 1) {
    const before = p;
    p = p.replace(LIST_MARKER, "").replace(LEAD_FILLERS, "");
    if (p === before) break;
  }
  return p;
}

function stripTrailing(s: string): string {
  let p = s;
  for (let k = 0; k < 3; k += 1) {
    const before = p;
    p = p.replace(TRAILING, "");
    if (p === before) break;
  }
  return p;
}

/** The comparison a change refers to, from the text before it (the last marker wins). */
export function comparisonBasis(text: string): string | null {
  const markers: { re: RegExp; basis: string }[] = [
    { re: /与\d{4}年度?相比|与上年(度)?相比|较上年|比上年|同比|较\d{4}年度?|比\d{4}年度?(决算数?)?/g, basis: "较上年" },
    { re: /比年初预算(数)?|较年初预算(数)?|与年初预算相比/g, basis: "较年初预算" },
    { re: /比全年预算(数)?|较全年预算(数)?|比预算数?|较预算数?/g, basis: "较预算" },
  ];
  let best: { at: number; basis: string } | null = null;
  for (const { re, basis } of markers) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      if (!best || at > best.at) best = { at, basis };
    }
  }
  return best?.basis ?? null;
}

function stripComparison(s: string): string {
  return s
    .replace(/(与\d{4}年度?相比|与上年(度)?相比|较上年(决算数?)?|比上年(决算数?)?|同比|较\d{4}年度?(决算数?)?|比\d{4}年度?(决算数?)?|比年初预算数?|较年初预算数?|比全年预算数?|比预算数?|较预算数?)/g, "")
    .replace(/(各|均|的|,)+$/, "");
}

/** A measure word alone ("导致预算4.23万元结余收回"): it names no quantity, so it is never a figure's subject. */
export function bareMeasure(s: string): boolean {
  return /^(预算|决算)数?$/.test(s);
}

/**
 * Cleans a subject phrase: year and date prefixes ("2024年度", "截至2024年12月31日"), the
 * department's own name, and fillers. A year inside a project name ("2021年度小进限企业奖励资金")
 * is kept.
 */
export function cleanSubject(head: string, departmentNames: readonly string[], docYear: number | null = null): string {
  // "(以下简称“市投促局”)", "(不包括陪同人员)": asides, not part of the name.
  let s = stripLead(head.replace(/\((以下简称|简称|下称|不含|不包括|含)[^()]*\)/g, ""));
  // "32024年…": a footnote number run into a year.
  s = s.replace(/^\d(?=\d{4}年)/, "");
  // "5获得支持外贸项目数量", "质量指标加工贸易进出口总额": a table's stray score cell and indicator
  // level run into the indicator (OCR'd 绩效 tables).
  s = s.replace(/^\d{1,3}(?=[\u4e00-\u9fff])(?![年月日号万亿元千个家项次人名台辆场批件户条强余多])/, "").replace(/^(产出|效益|满意度|成本|数量|质量|时效|社会效益|经济效益)指标?(?=.{4,})/, "");
  // "东湖新技术开发区政法委2023年政法委业务经费": the year after an organisation name starts the subject.
  const inner = /^(.{2,}?)(\d{4}年(?:度)?)(.+)$/.exec(s);
  if (inner && !/\d/.test(inner[1] ?? "")) s = inner[3] ?? s;
  // "财政局业务经费2023年年初预算数": a trailing year belongs to the predicate.
  s = s.replace(/(.{2,})\d{4}年度?$/, "$1");
  const lead = /^(?:截至|截止)?(\d{4})年(?:度)?(?:\d{1,2}月(?:\d{1,2}日)?)?(?:末|底)?(.*)$/.exec(s);
  if (lead) {
    const year = Number(lead[1]);
    const rest = lead[2] ?? "";
    // "2021年度小进限企业奖励资金" names a project of an earlier year; "2024年本项目" does not.
    const isProjectName =
      /(资金|经费|奖金|补贴|补助|项目|专项)$/.test(rest) && !startsWithOrg(rest, departmentNames) && !/^(本|该)/.test(rest) && (docYear === null || year < docYear);
    if (!isProjectName || rest === "") s = rest;
  }
  // "项目支出主要用于工业经济保障经费": the subject is what the money was used for.
  const used = /^.*(主要用于|用于|主要包括)(.+)$/.exec(s);
  if (used) s = used[2] ?? s;
  for (let k = 0; k < 4; k += 1) {
    const before = s;
    s = stripLead(s);
    for (const d of departmentNames) if (d && s.startsWith(d)) s = s.slice(d.length);
    s = s.replace(/^(本部门|本单位|我部门|我单位|本局|我局|局本级|本级|部门|单位)(?!价值|名称|整体|预算)/, "");
    s = s.replace(/^(开支财政拨款的)/, "");
    if (s === before) break;
  }
  // "武汉东湖新技术开发区“组织部(招才局)业务经费”": the quoted name is the subject.
  const quoted = /^[^“”]*“([^“”]{4,})”(项目)?$/.exec(s);
  if (quoted) s = `${quoted[1] ?? ""}${quoted[2] ?? ""}`;
  // "“聘请…顾问”项目预算年中调减": when the budget changed is not part of the name.
  s = s.replace(/(.{4,}?)(项目)?(预算)?(年中|年初|年底|年末)$/, "$1$2");
  // "中心在“洪山企业之家”平台发布信息": the actor before 在 is not part of what is counted.
  s = s.replace(/^[^在,]{1,6}在(?=.{4,})/, "");
  s = stripTrailing(balanced(s.replace(/^[()]+|[(]+$/g, "")).replace(/(存在|产生|形成)$/, ""));
  // "公共资源交易专项工作经费项目": the project is the 经费.
  return s.replace(/(经费|资金|专项)项目$/, "$1");
}

// "武汉市政务服务中心)招商引资专项经费" (an aside cut open by the clause split): the name follows the
// stray ")"; "会计师事务所较多(超过": an aside left open is dropped.
function balanced(s: string): string {
  let depth = 0;
  let out = s;
  for (let i = 0; i < out.length; i += 1) {
    const ch = out[i];
    if (ch === "(") depth += 1;
    else if (ch === ")") {
      if (depth === 0) {
        out = out.slice(i + 1);
        i = -1;
        continue;
      }
      depth -= 1;
    }
  }
  if (depth > 0) {
    const open = out.lastIndexOf("(");
    if (open >= 0 && !out.slice(open).includes(")")) out = out.slice(0, open);
  }
  return out;
}

function startsWithOrg(s: string, names: readonly string[]): boolean {
  return names.some((n) => n && s.startsWith(n)) || /^(本部门|本单位|我部门|我单位)/.test(s);
}
