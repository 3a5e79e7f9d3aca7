/**
 * Figures stated in narrative paragraphs (情况说明, 绩效, 重点工作): every "number + unit" gets a
 * subject, a measure and the exact line where the number's text starts. A paragraph is read
 * sentence by sentence, clause by clause; a clause without its own subject ("支出决算为36.74万元")
 * takes the paragraph's current subject.
 */
import type { Unit } from "../core/money.js";
import type { ItemKey } from "./items.js";
import { ITEMS } from "./items.js";
import type { Measure } from "./types.js";
import { classCode } from "./_classes.js";
import { bareMeasure, cleanSubject, flattenedRow, readClause, stripLead } from "./_clause.js";
import { matchItem, scopeOf, sectionScope, type Scope } from "./_match.js";
import { periodOf, predicateOf } from "./_quantity.js";
import { zeroStatements } from "./_zeros.js";
import { inAside, isThreshold, isWeight, spans } from "./_sentence.js";
import { lineAt, normalizeWithMap, origin, scanFigures, type FigureToken } from "./_text.js";

/** 类/款/项 names of a 科目 as the narrative writes them. */
export interface ClassPath {
  readonly lei: string | null;
  readonly kuan: string | null;
  readonly xiang: string | null;
}

/** A narrative figure before ids, keys and statuses are assigned. */
export interface NarrativeDraft {
  readonly subject: string;
  readonly item: ItemKey | null;
  readonly classPath: ClassPath | null;
  /** 类 code when the subject is a 类 ("社会保障和就业支出" → 208). */
  readonly classCode: string | null;
  readonly measure: Measure;
  readonly qualifier: readonly string[];
  /** Distinguishes quantities sharing item and measure ("国内", "占本年支出", "较上年"). */
  readonly facet: string;
  readonly scope: Scope | null;
  readonly value: string;
  readonly unit: Unit;
  /** The figure as written ("2,049.35"), or the zero statement ("无公务用车购置费支出"). */
  readonly raw: string;
  readonly line: number;
  readonly quote: string;
  /** Offset of the figure in the paragraph's normalised text (absent for stated zeros). */
  readonly at?: number;
  /** The verb stating the figure ("签约", "增加", "占"), when the sentence has one. */
  readonly predicate?: string;
  /** The period the sentence states for the figure ("截至2024年底"), when it states one. */
  readonly period?: string;
  /** The predicate follows the counted noun ("…指标达到预期"), so a list before it shares it. */
  readonly predicateAfter?: boolean;
}

/** A paragraph as the parser gives it. */
export interface NarrativeInput {
  readonly text: string;
  readonly line: number;
  readonly lineMap: readonly { readonly offset: number; readonly line: number }[];
  readonly sectionPath: readonly string[];
}

/** What the extractor knows beyond the paragraph. */
export interface NarrativeContext {
  /** The department's names as the document may write them (normalised). */
  readonly departmentNames: readonly string[];
  /** A project named by a heading shortly before the paragraph ("…项目自评结果"), if any. */
  readonly projectBefore?: string | null;
  /** The year the disclosure covers; earlier years inside subjects name projects. */
  readonly year?: number | null;
  /** The 科目 a previous paragraph named and left for this one ("…住房公积金(项)。" / "年初预算为…"). */
  readonly carried?: string | null;
}

interface Current {
  subject: string;
  item: ItemKey | null;
  classPath: ClassPath | null;
  classCode: string | null;
  scope: Scope | null;
}

/** Subject of the department's overall 绩效 self-assessment (also used by the 绩效 tables). */
export const WHOLE_SUBJECT = "部门整体支出";

// Heads that name no quantity of their own: the project or body the sentence is about, or a bare
// measure word ("导致预算4.23万元结余收回": the budget of the project the paragraph is about).
const GENERIC_HEADS = /^(本项目|该项目|项目|此项目|本部门|本单位|部门|单位|得分|执行|使用|调整后|实际|完成)?$/;
const genericHead = (h: string): boolean => GENERIC_HEADS.test(h) || bareMeasure(h);

/** Extracts every figure a paragraph states. */
export function extractNarrative(p: NarrativeInput, ctx: NarrativeContext): NarrativeDraft[] {
  const n = normalizeWithMap(p.text);
  const s = n.s;
  const figures = scanFigures(s).filter((f) => !isThreshold(s, f) && !isWeight(s, f) && !inAside(s, f));
  const section = p.sectionPath[p.sectionPath.length - 1] ?? "";
  const secScope = sectionScope(section);
  const out: NarrativeDraft[] = [];
  const carried = ctx.carried ? topicOf(normalizeWithMap(ctx.carried).s, ctx) : null;
  let cur: Current | null = carried ? { ...carried, scope: carried.scope ?? secScope } : null;
  // Counts ("团组8个,累计18人次") keep their own thread so a following sum of money does not
  // inherit a count's subject.
  let curCount: Current | null = null;
  // The subject a figure-less clause named last, and the start of its sentence.
  let topic: { current: Current; at: number } | null = null;
  // The subject of the sentence's last outturn (决算) and the sentence's start: what a completion rate
  // after a budget of another subject completes ("整体支出合计X,预算收入合计Y,完成年初预算的Z%").
  let outturn: { current: Current; at: number } | null = null;

  for (const [a, b] of spans(s, 0, s.length, /[。;!?]/g, figures)) {
    const quote = p.text.slice(origin(n, a), origin(n, b - 1) + 1).trim();
    const clauses = spans(s, a, b, /[,:、]/g, figures, true);
    let prevClause = "";
    for (const [c, d] of clauses) {
      const clause = s.slice(c, d);
      const inClause = figures.filter((f) => f.start >= c && f.start < d);
      if (inClause.length === 0) {
        const found = topicOf(clause, ctx) ?? (c === a ? leadTopic(clause, ctx) : null);
        if (found) {
          cur = { ...found, scope: found.scope ?? secScope };
          topic = { current: cur, at: a };
        }
        out.push(...zeroStatements(n, c, d, p, quote, secScope, section, ctx.departmentNames, ctx.year ?? null));
        prevClause = clause;
        continue;
      }
      let from = c;
      for (const f of inClause) {
        const prefix = s.slice(from, f.start);
        from = f.unitEnd;
        const reading = readClause(prefix, f.unit, s.slice(a, c));
        if (reading.qualifier.includes("无主语比率")) continue;
        const isCount = !["万元", "元", "%", "分"].includes(f.unit);
        const indicator = reading.qualifier[0] === "目标值" || reading.qualifier[0] === "实际完成值";
        if (indicator && (!isCount || countBoundary(s, f))) {
          // "“安全知识宣传活动次数”指标2022年实际完成值为9次": an earlier year's value is not this year's.
          if (earlierYear(reading.head, ctx.year ?? null)) continue;
          let name = indicatorName(cleanSubject(reading.head.replace(/[“”"]/g, ""), ctx.departmentNames, ctx.year ?? null));
          if (name === "" || genericHead(name) || /^(本年|今年|当年)$/.test(name)) name = indicatorOf(s.slice(a, f.start)) ?? "";
          if (name === "" || name.length > 30) continue;
          out.push({ subject: name, item: null, classPath: null, classCode: null, measure: reading.measure, qualifier: reading.qualifier, facet: reading.qualifier[0] === "目标值" ? "目标值" : "", scope: null, value: f.value, unit: f.unit, raw: f.raw, line: lineAt(p.lineMap, origin(n, f.start), p.line), quote, ...statement(s, a, d, f, prefix) });
          continue;
        }
        const org = isCount ? unitCount(s, f, s.slice(a, b)) : null;
        if (org) {
          out.push({ subject: org, item: null, classPath: null, classCode: null, measure: "数量", qualifier: [], facet: "", scope: null, value: f.value, unit: f.unit, raw: f.raw, line: lineAt(p.lineMap, origin(n, f.start), p.line), quote, ...statement(s, a, d, f, prefix) });
          continue;
        }
        if (isCount && !countBoundary(s, f)) continue;
        if (flattenedRow(reading.head)) continue;
        const path = classPathOf(reading.head);
        let head = path ? (path.xiang ?? path.kuan ?? path.lei ?? "") : cleanSubject(reading.head, ctx.departmentNames, ctx.year ?? null);
        // "整体资金绩效评价得分", "整体绩效综合得分": the department's overall self-assessment.
        if (reading.measure === "得分" && /整体/.test(head) && head.length <= 8) head = WHOLE_SUBJECT;
        if (!path && reading.head !== "" && head === "" && /^(本项目|该项目|项目)/.test(stripLead(reading.head))) head = "";
        let subjectInfo: Current | null = null;
        if (path) {
          subjectInfo = { subject: head, item: null, classPath: path, classCode: path.lei ? classCode(path.lei) : null, scope: scopeOf(reading.head) ?? secScope };
        } else if (head !== "" && !genericHead(head)) {
          if (isCount && !plausibleCountSubject(head)) continue;
          if (head.length > 40) continue;
          const m = matchItem(head, { unit: f.unit, context: section, loose: true });
          const cc = m ? null : classCode(head);
          subjectInfo = {
            subject: m && !m.exact ? tailAsWritten(head, m.tail) : head,
            item: m?.item ?? null,
            classPath: cc ? { lei: head, kuan: null, xiang: null } : null,
            classCode: cc,
            scope: scopeOf(head) ?? secScope,
          };
        } else if (genericHead(head) && reading.head !== "" && !cur && ctx.projectBefore) {
          subjectInfo = { subject: ctx.projectBefore, item: null, classPath: null, classCode: null, scope: secScope };
        }
        const primary = reading.measure === "决算" || reading.measure === "预算" || reading.measure === "数量" || reading.measure === "得分";
        // "团组8个,累计18人次,实际发生支出101.14万元": the money of the groups just counted.
        const countMoney = !isCount && !subjectInfo && !cur ? moneyOfCount(curCount) : null;
        const fallback = isCount ? curCount : (cur ?? countMoney);
        let info: Current | null = subjectInfo ?? fallback ?? (ctx.projectBefore && !isCount ? { subject: ctx.projectBefore, item: null, classPath: null, classCode: null, scope: secScope } : null);
        if (!info) continue;
        // A score never inherits a subject: "得分(20分)" in a 绩效 row is a sub-score, not the project's;
        // only a stated total ("自评总得分99.61分") belongs to the sentence's topic.
        if (reading.measure === "得分" && !subjectInfo) {
          if (!(reading.qualifier.includes("总得分") && topic && topic.at === a)) continue;
          info = topic.current;
        }
        if (isCount && !subjectInfo) {
          // "共接待国内来访团组43个,609人次": the 人次 belong to the groups just named.
          const visits = visitsOf(curCount?.item ?? null);
          if (f.unit !== "人次" || !visits) continue;
          info = { ...info, subject: ITEMS[visits].zh, item: visits };
        }
        if (reading.measure === "完成率" && !subjectInfo && outturn && outturn.at === a && cur !== outturn.current) info = outturn.current;
        if (subjectInfo && isCount) curCount = subjectInfo;
        else if (subjectInfo && (primary || reading.measure === "增减" || reading.measure === "增长率")) cur = subjectInfo;
        if (subjectInfo && reading.measure === "决算" && !isCount) outturn = { current: subjectInfo, at: a };
        const value = reading.sign === -1 && f.value !== "0" ? `-${f.value}` : f.value;
        const qualifier = [...(path ? classQualifier(path) : info.classPath && info.classPath.xiang ? classQualifier(info.classPath) : []), ...reading.qualifier];
        // "外省市交流接待 0.24 万元，主要用于孝感单位考察的接待工作 1 批次 13人次": the counts belong to
        // the category whose money was just stated; what it was used for qualifies them.
        let subject = info.subject;
        if (isCount && cur && !cur.item && cur.subject !== info.subject && /^(主要用于|用于)/.test(clause)) {
          qualifier.push(curCount && curCount !== info && !subjectInfo ? curCount.subject : info.subject);
          subject = cur.subject;
        }
        const afterOf = /其中$/.test(prevClause) && !subjectInfo && primary;
        if (afterOf) qualifier.push("其中");
        out.push({
          subject,
          item: info.item,
          classPath: info.classPath,
          classCode: info.classCode,
          measure: reading.measure,
          qualifier,
          facet: facetOf(info, reading.qualifier, reading.measure, afterOf, s.slice(a, b)),
          scope: info.scope,
          value,
          unit: f.unit,
          raw: f.raw,
          line: lineAt(p.lineMap, origin(n, f.start), p.line),
          quote,
          ...statement(s, a, d, f, prefix),
        });
      }
      prevClause = clause;
    }
  }
  return out;
}

// Where the figure stands, the verb stating it and the period its sentence names.
function statement(s: string, sentenceStart: number, clauseEnd: number, f: FigureToken, prefix: string): Pick<NarrativeDraft, "at" | "predicate" | "period"> {
  const predicate = predicateOf(prefix, s.slice(f.unitEnd, clauseEnd));
  const period = periodOf(s.slice(sentenceStart, f.start));
  return { at: f.start, ...(predicate ? { predicate } : {}), ...(period ? { period } : {}) };
}

/** The paragraph's text when it only names a 科目 for the next paragraph, else null. */
export function danglingTopic(p: NarrativeInput, ctx: NarrativeContext): string | null {
  const n = normalizeWithMap(p.text);
  if (scanFigures(n.s).length > 0) return null;
  const t = n.s.replace(/[。.:;,]+$/, "");
  return topicOf(t, ctx)?.classPath ? p.text : null;
}

function earlierYear(head: string, year: number | null): boolean {
  return year !== null && [...head.matchAll(/(\d{4})年/g)].some((m) => Number(m[1]) < year);
}

// The indicator a sentence's target/actual values belong to: the name before the last colon
// ("-1窗口收件办结率:年度目标值为100%") or the last quoted name ("“安全知识宣传活动次数”指标…").
function indicatorOf(before: string): string | null {
  const colon = before.lastIndexOf(":");
  const quoted = [...before.matchAll(/“([^“”]{2,30})”/g)].pop();
  if (quoted && (quoted.index ?? 0) > colon) return quoted[1] ?? null;
  if (colon > 0) {
    // Back to the previous clause mark, commas inside quotes excepted ("“三高地,两基地”项目占比:").
    let start = colon;
    let inQuote = false;
    while (start > 0) {
      const ch = before[start - 1] ?? "";
      if (ch === "”") inQuote = true;
      else if (ch === "“") inQuote = false;
      else if (!inQuote && /[:;。,]/.test(ch)) break;
      start -= 1;
    }
    const segment = before.slice(start, colon);
    // "(2)发现的问题及原因:" introduces a paragraph, it names no indicator.
    if (segment.length <= 40 && !/(原因|情况|问题|如下|措施|目标|结果)$/.test(segment)) {
      const name = indicatorName(stripLead(segment.replace(/[“”"]/g, "").replace(/^[-\d.、()]{1,4}(?=[\u4e00-\u9fff])/, "")));
      if (name.length >= 2) return name;
    }
  }
  return quoted?.[1] ?? null;
}

// "满意度指标1招商主管部门满意度", "指标200M专网链路租赁数": the indicator without its level labels.
function indicatorName(name: string): string {
  let n = name;
  // "效益指标经济效益指标外商直接投资额": one label per level.
  for (let k = 0; k < 3; k += 1) n = n.replace(/^(?:一级指标|二级指标|三级指标)?(?:产出|效益|满意度|成本|数量|质量|时效|社会效益|经济效益|生态效益|可持续影响|服务对象满意度)?指标/, "");
  return stripLead(n.replace(/^\d(?=[\u4e00-\u9fff])/, "").replace(/指标$/, ""));
}

// Organisation counts where the noun follows the number: "本级决算和2个下属单位决算组成",
// "内设4个机构", "内设办公室、投资促进科、商贸管理科3个科室". Named by what is counted.
function unitCount(s: string, f: FigureToken, sentence: string): string | null {
  if (f.unit !== "个" && f.unit !== "家") return null;
  const after = s.slice(f.unitEnd, f.unitEnd + 12);
  const unitNoun = /^(下属单位|所属单位|二级单位|二级预算单位|下属事业单位)/.exec(after);
  if (unitNoun && /决算组成|决算构成/.test(sentence)) return "下属单位";
  const inner = /^(内设机构|机构|科室|处室|职能处室|职能科室)/.exec(after);
  if (inner && /(内设|下设)[^,;。]{0,40}$/.test(s.slice(Math.max(0, f.start - 40), f.start))) {
    const noun = (inner[1] ?? "").replace(/^内设|^职能/, "");
    return `内设${noun}`;
  }
  return null;
}

// A count must end its phrase ("党员126名。"), not modify the next noun ("全国15个副省级城市").
function countBoundary(s: string, f: FigureToken): boolean {
  const next = s[f.unitEnd] ?? "";
  return next === "" || /[,.;:、。)(\d!?“”"]/.test(next) || s.startsWith("其中", f.unitEnd);
}

function plausibleCountSubject(head: string): boolean {
  if (head.length > 24 || head.length < 2) return false;
  if (/^(完成|实际完成值?|年初目标值?|年度目标值?|目标值|完成值|计划|实际)$/.test(head)) return false;
  return !/[是在为对向将把被从按于已使]/.test(head.replace(/公务用车|因公出国|出国\(境\)/g, ""));
}

function moneyOfCount(c: Current | null): Current | null {
  const item = c?.item;
  const money: ItemKey | null =
    item === "outbound_groups" || item === "outbound_visits" ? "outbound_travel" : item === "reception_groups" || item === "reception_visits" ? "reception" : null;
  return c && money ? { ...c, subject: ITEMS[money].zh, item: money } : null;
}

function visitsOf(item: ItemKey | null): ItemKey | null {
  if (item === "outbound_groups" || item === "outbound_visits") return "outbound_visits";
  if (item === "reception_groups" || item === "reception_visits") return "reception_visits";
  return null;
}

/** Reads "科学技术支出(类)技术研究与开发(款)其他技术研究与开发支出(项)" and the short forms. */
export function classPathOf(head: string): ClassPath | null {
  const h = stripLead(head);
  if (/\((类|款|项)\)/.test(h)) {
    const lei = /^(.*?)\(类\)/.exec(h);
    const kuan = /(?:\(类\))?([^()]*?(?:\([^()]*\)[^()]*?)*?)\(款\)/.exec(h);
    const xiang = /\(款\)(.*?)\(项\)/.exec(h) ?? /^(?:.*\(类\))?(.*?)\(项\)/.exec(h);
    let leiName = lei?.[1]?.trim() || null;
    // "一般公共服务(类)支出": the 类 marker inside the name.
    const after = lei ? h.slice((lei.index ?? 0) + lei[0].length) : "";
    if (leiName && !kuan && !xiang && /^支出/.test(after)) leiName = `${leiName}支出`;
    const kuanName = kuan ? (kuan[1] ?? "").replace(/^.*\(类\)/, "").trim() || null : null;
    return { lei: leiName, kuan: kuanName, xiang: xiang?.[1]?.trim() || null };
  }
  const m = /^(.+?支出)类(支出)?$/.exec(h);
  if (m && classCode(m[1] ?? "")) return { lei: m[1] ?? null, kuan: null, xiang: null };
  return null;
}

function classQualifier(path: ClassPath): string[] {
  const q: string[] = [];
  if (path.xiang || path.kuan) {
    if (path.lei) q.push(`${path.lei}(类)`);
    if (path.kuan && path.xiang) q.push(`${path.kuan}(款)`);
  }
  return q;
}

// Figure-less clauses that name what follows: a 科目 path, or "X项目绩效自评综述".
function topicOf(clause: string, ctx: NarrativeContext): Omit<Current, "scope"> & { scope: Scope | null } | null {
  const c = stripLead(clause);
  if (/具体包括$|主要用于以下方面$/.test(c)) return null;
  const path = /\((类|款|项)\)/.test(c) ? classPathOf(c) : null;
  if (path) return { subject: path.xiang ?? path.kuan ?? path.lei ?? c, item: null, classPath: path, classCode: path.lei ? classCode(path.lei) : null, scope: scopeOf(c) };
  // "7.其他教育支出(2059999)": a 科目 named with its code, stated in the clauses after it.
  const coded = /^([\u4e00-\u9fff][^()]{1,30})\((\d{3}|\d{5}|\d{7})\)$/.exec(c);
  if (coded) return { subject: coded[1] ?? c, item: null, classPath: null, classCode: coded[2] ?? null, scope: scopeOf(c) };
  const project = /^(.+?)(项目)?(?:绩效)?自评(?:综述|结果|情况)$/.exec(c);
  if (project) {
    const cleaned = cleanSubject(`${project[1] ?? ""}${project[2] ?? ""}`, ctx.departmentNames, ctx.year ?? null);
    // "武汉市东西湖区商务局2022年度部门整体绩效自评结果": the department's overall self-assessment.
    const name = /^(部门|单位)?整体(支出)?(项目)?$/.test(cleaned) ? WHOLE_SUBJECT : projectName(cleaned);
    if (name) return { subject: name, item: null, classPath: null, classCode: null, scope: null };
  }
  return null;
}

// "审计局工作项目" names a project; "审计局项目" stays whole ("审计局" alone is the organisation).
function projectName(name: string): string {
  const bare = name.replace(/项目$/, "");
  return /(局|委|办|部|校|中心|室|集团|委员会|政府)$/.test(bare) && bare !== name ? name : bare;
}

// The figure-less first clause of a sentence naming what the sentence's figures are about:
// "2024年支持工业发展专项资金项目,调整后预算84,896.73万元", "(1)编制…项目初步设计,调整后预算288.70万元".
function leadTopic(clause: string, ctx: NarrativeContext): Omit<Current, "scope"> & { scope: Scope | null } | null {
  const c = stripLead(clause);
  if (c.length < 4 || c.length > 50 || !/(项目|经费|资金|专项|工程|设计|款|费|费用|结转|补贴|补助|奖励|奖金)$/.test(c)) return null;
  if (/^(主要原因|原因|其中|具体|根据|按照|经评价|经)/.test(c)) return null;
  const name = cleanSubject(c, ctx.departmentNames, ctx.year ?? null).replace(/(经费|资金|专项)项目$/, "$1");
  return name.length >= 4 ? { subject: name, item: null, classPath: null, classCode: null, scope: null } : null;
}

function facetOf(info: Current, qualifier: readonly string[], measure: Measure, afterOf: boolean, sentence: string): string {
  const parts: string[] = [];
  if (info.item === "reception" && /^国内/.test(info.subject)) parts.push("国内");
  // Groups and visitors received: domestic (国内来访) and foreign (外宾/外事) are counted apart.
  if (info.item === "reception_groups" || info.item === "reception_visits") {
    if (/国内/.test(info.subject) || (/国内/.test(sentence) && !/外宾|外事|境外/.test(sentence))) parts.push("国内");
    else if (/外宾|外事|境外|国外/.test(`${info.subject}${sentence}`)) parts.push("外宾");
  }
  if (info.item === "vehicles" && /保有量/.test(info.subject)) parts.push("保有量");
  if (measure === "占比" || measure === "增减" || measure === "增长率") parts.push(...qualifier.filter((q) => q !== "全年预算" && q !== "年初预算"));
  if (afterOf) parts.push("其中");
  return parts.join("/");
}

function tailAsWritten(head: string, tailNorm: string): string {
  // The matched tail in the subject's own characters (normalised forms differ only in brackets/quotes).
  const n = head.length - tailNorm.length;
  return n > 0 ? head.slice(n) : head;
}
