/**
 * Figures of the 绩效自评表 in the 附件: each project's 总分, its budget execution row (预算数,
 * 执行数, 执行率) and the 综合绩效 score of the summary tables. These tables are laid out too
 * irregularly for column paths (tabs in some files, spaces and one-word lines in others), so they
 * are read line by line with the project name carried from "项目名称 …" rows and titles.
 */
import type { Unit } from "../core/money.js";
import type { ItemKey } from "./items.js";
import type { Measure } from "./types.js";
import { extractIndicatorRows } from "./_indicators.js";
import { WHOLE_SUBJECT } from "./_narrative.js";
import { extractScoreLists, extractScoreSheets } from "./_scoresheet.js";
import { extractSummaryRows } from "./_summary.js";

/** A 绩效 figure before ids, keys and statuses are assigned. */
export interface PerformanceDraft {
  readonly subject: string;
  readonly item?: ItemKey;
  readonly measure: Measure;
  readonly qualifier: readonly string[];
  readonly value: string;
  readonly unit: Unit;
  readonly raw: string;
  readonly line: number;
  readonly quote: string;
}

/** A project named at a line: by a "项目名称" row or a "…项目自评表/自评结果" title. */
export interface ProjectMark {
  readonly line: number;
  readonly name: string;
  /** "项目名称 …" row (the table's own field) or a title/heading. */
  readonly from?: "name" | "title";
}

const WHOLE = WHOLE_SUBJECT;

/**
 * Where the 附件 names projects, in line order. `year` is the disclosure's year: a name starting
 * with it ("2024 年度武汉市投资促进中心工作经费") is the project without the year; earlier years
 * ("2021年度小进限企业奖励资金") stay part of the name.
 */
export function projectMarks(lines: readonly string[], year: number | null = null): ProjectMark[] {
  const out: ProjectMark[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const name = projectNameAt(lines, i, year);
    if (name) out.push({ line: i + 1, name, from: /^项目名称/.test(norm(lines[i] ?? "")) ? "name" : "title" });
  }
  return out;
}

function projectNameAt(lines: readonly string[], i: number, year: number | null): string | null {
  const l = norm(lines[i] ?? "");
  const named = /^项目名称\s*(.*)$/.exec(l);
  if (named) {
    let name = (named[1] ?? "").trim().split(/\t+|\s{2,}/)[0]?.trim() ?? "";
    // "项目名称" alone on a line with the name on the next non-empty line (003).
    if (!name) return null;
    name = name.replace(/\s+/g, "");
    const lead = /^(\d{4})年度?(.{4,})$/.exec(name);
    if (lead && year !== null && Number(lead[1]) >= year) name = lead[2] ?? name;
    return /^(预算数|主管部门)/.test(name) ? null : name;
  }
  // "## 二、2024年度支持工业发展专项资金绩效自评报告(摘要版)": markdown and list marks go first.
  const bare = l.replace(/\s+/g, "").replace(/^[#\-*]+/, "").replace(/^(?:[一二三四五六七八九十\d]+[、.]|\([一二三四五六七八九十\d]+\))/, "");
  const title = /^(?:\d{4}年度?)?(.{2,40}?)(?:项目)?(?:绩效)?(?:评价)?自评(?:表|结果|报告)(?:\(摘要版\))?$/.exec(bare);
  if (title) {
    const name = (title[1] ?? "").replace(/^\d{4}年度?/, "");
    if (/整体/.test(name)) return WHOLE;
    // "(三)项目支出自评结果" is a section heading, not a project.
    if (/^(项目支出|项目|部门|单位|部门决算中项目绩效|单位决算中项目绩效)$/.test(name) || /决算中/.test(name)) return null;
    return name || null;
  }
  return null;
}

/** The project named most recently before `line` (within `window` lines), if any. */
export function projectBefore(marks: readonly ProjectMark[], line: number, window = 200): string | null {
  let found: ProjectMark | null = null;
  for (const m of marks) {
    if (m.line < line) found = m;
    else break;
  }
  return found && line - found.line <= window ? found.name : null;
}

/** 总分, budget execution and 综合绩效 figures of the 绩效 tables. */
export function extractPerformance(lines: readonly string[], marks: readonly ProjectMark[]): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  let execUnit: Unit | null = null;
  let execUntil = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const rawLine = lines[i] ?? "";
    const l = norm(rawLine);
    const lineNo = i + 1;
    const project = projectBefore(marks, lineNo + 1, 400);
    const total = totalScore(l);
    // The header block (单位名称 … 总分：97.12) comes just before the table's 项目名称 row, which names
    // the project better than a title ("企业服务工作经历项目自评表" over "项目名称 企业服务工作经费").
    const named = total?.header ? marks.find((m) => m.from === "name" && m.line > lineNo && m.line <= lineNo + 3) : undefined;
    if (total && (named || project)) {
      out.push({ subject: named?.name ?? project ?? "", measure: "得分", qualifier: ["自评总分"], value: total.value, unit: "分", raw: total.value, line: lineNo, quote: rawLine.trim() });
      continue;
    }
    if (/^\s*预算执行/.test(l.replace(/\t/g, " ")) || (/预算数/.test(l) && /执行数/.test(l))) {
      execUnit = "万元";
      execUntil = lineNo + 40;
      // "预算执行情况（万元） （20分）": the weight of budget execution in the self-assessment.
      const w = /^预算执行情况(?:\((?:万元|元)\))?\((\d+(?:\.\d+)?)分\)/.exec(l.replace(/\s+/g, ""));
      if (w?.[1] && project) out.push({ subject: "预算执行", measure: "得分", qualifier: ["分值", project], value: w[1], unit: "分", raw: `${w[1]}分`, line: lineNo, quote: rawLine.trim() });
    }
    // "(20分*执行率)", "得分（20分*执行率）" on a line of its own: the weight of budget execution restated.
    const formula = /^(?:得分)?\((\d+(?:\.\d+)?)分\*执行率\)$/.exec(l.replace(/\s+/g, ""));
    if (formula?.[1] && project) out.push({ subject: "预算执行", measure: "得分", qualifier: ["分值", project], value: formula[1], unit: "分", raw: `${formula[1]}分`, line: lineNo, quote: rawLine.trim() });
    // "项目绩效总目标 （20分）\t\t年初设定目标…得分", then the row in words with its score.
    const goal = /^项目绩效总目标\((\d+(?:\.\d+)?)分\)/.exec(l.replace(/\s+/g, ""));
    if (goal?.[1] && project) {
      out.push({ subject: "项目绩效总目标", measure: "得分", qualifier: ["分值", project], value: goal[1], unit: "分", raw: `${goal[1]}分`, line: lineNo, quote: rawLine.trim() });
      const next = lines[i + 1] ?? "";
      const score = /\t(\d+(?:\.\d+)?)\s*分?[\t\s]*$/.exec(next.normalize("NFKC"));
      if (score?.[1] && /[\u4e00-\u9fff]/.test(next)) out.push({ subject: "项目绩效总目标", measure: "得分", qualifier: ["得分", project], value: score[1], unit: "分", raw: score[1], line: lineNo + 1, quote: next.trim() });
    }
    if (execUnit && /\((万元|元)\)/.test(l.replace(/\s/g, ""))) execUnit = /\(元\)/.test(l.replace(/\s/g, "")) ? "元" : "万元";
    if (execUnit && lineNo <= execUntil) {
      if (/绩效目标|一级指标|年度总体目标/.test(l)) {
        execUnit = null;
      } else {
        const exec = readExecutionRow(l);
        if (exec && project) {
          const q = project === WHOLE ? ["部门整体"] : [];
          out.push({ subject: project, measure: "预算", qualifier: [...q, "全年预算数"], value: exec.budget, unit: execUnit, raw: exec.budgetRaw, line: lineNo, quote: rawLine.trim() });
          out.push({ subject: project, measure: "决算", qualifier: [...q, "执行数"], value: exec.actual, unit: execUnit, raw: exec.actualRaw, line: lineNo, quote: rawLine.trim() });
          if (exec.rate) out.push({ subject: project, measure: "完成率", qualifier: [...q, "执行率"], value: exec.rate, unit: "%", raw: `${exec.rate}%`, line: lineNo, quote: rawLine.trim() });
          // A part's score is the part's ("预算执行"), with the project as context: never the project's total.
          if (exec.score) out.push({ subject: "预算执行", measure: "得分", qualifier: ["得分", project], value: exec.score, unit: "分", raw: exec.score, line: lineNo, quote: rawLine.trim() });
          execUnit = null;
        }
      }
    }
    // 整体绩效自评表: "基本支出总额 748.63 项目支出总额 11304.85", "基本支出总额（万元）\t\t50,011.54".
    for (const m of l.matchAll(/(基本支出|项目支出)总额\s*(?:\((万元|元)\))?[\s\t]*(?:总额[\s\t]*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)?/g)) {
      const unit: Unit = (m[2] ?? m[4] ?? "万元") === "元" ? "元" : "万元";
      const raw = m[3] ?? "";
      const item: ItemKey = m[1] === "基本支出" ? "basic_expenditure" : "project_expenditure";
      out.push({ subject: m[1] ?? "", item, measure: "决算", qualifier: ["部门整体", `${m[1]}总额`], value: raw.replace(/,/g, ""), unit, raw, line: lineNo, quote: rawLine.trim() });
    }
  }
  out.push(...extractIndicatorRows(lines, (line) => projectBefore(marks, line + 1, 400)));
  out.push(...extractSummaryRows(lines, marks));
  out.push(...extractScoreSheets(lines, (line) => projectBefore(marks, line + 1, 400)));
  out.push(...extractScoreLists(lines));
  return out;
}

// The total score of a 自评表: "总分 99.61", "总分\t\t98.44分", "总分\t\t\t80个指标\t\t\t93.85" (the last
// plain number), or a header cell "总分：97.12" / "自评得分：99.8" beside 单位名称 and 填报日期.
function totalScore(l: string): { value: string; header: boolean } | null {
  const cells = l.split(/\t+|\s{2,}/).map((c) => c.trim()).filter((c) => c !== "");
  for (const c of cells) {
    const m = /^(?:自评)?(?:总分|得分|分数|分值)[:：]\s*(\d+(?:\.\d+)?)\s*分?$/.exec(c);
    if (m?.[1]) return { value: m[1], header: true };
  }
  // "总\t分\t\t51个指标\t\t\t94.96": the OCR split the word across cells.
  const tokens = l.replace(/(\d)\s+分/g, "$1分").replace(/^\s*总[\t ]+分/, "总分").trim().split(/[\t ]+/).filter((t) => t !== "");
  if (tokens[0] !== "总分") return null;
  const numbers = tokens.slice(1).map((t) => /^(\d+(?:\.\d+)?)分?$/.exec(t)?.[1]).filter((v): v is string => v !== undefined);
  const last = numbers[numbers.length - 1];
  return last && tokens.slice(1).every((t) => /^(\d+(?:\.\d+)?)分?$/.test(t) || /个指标$/.test(t)) ? { value: last, header: false } : null;
}

// "\t\t\t855.53\t855.53\t100%\t20\t", "\t\t年度财政资金总额\t5,799.20\t5,799.20\t100%\t20分", "14.03 14.03 100% 20",
// "\t\t年度财政资金 总额\t5,701.46\t5,701.46\t100%\t20 分" (the label broken by a space).
function readExecutionRow(l: string): { budget: string; budgetRaw: string; actual: string; actualRaw: string; rate: string | null; score: string | null } | null {
  // "预算执行情况(万元)( 20分) 总额 113,311.99 113,311.47 100.00% 20.00": the label on the row's own line.
  const inline = /(?:^|\s)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)%(?:\s+(\d+(?:\.\d+)?)\s*分?)?\s*$/.exec(l.replace(/\t/g, " "));
  // Not a score sheet's row ("预算执行\t20%\t20\t20\t100%"): there a weight in % comes first.
  if (inline && /[\u4e00-\u9fff]/.test(l) && !/%/.test(l.slice(0, inline.index))) {
    const [, b = "", a = "", rate = "", score] = inline;
    return { budget: b.replace(/,/g, ""), budgetRaw: b, actual: a.replace(/,/g, ""), actualRaw: a, rate, score: score ?? null };
  }
  const tokens = l.replace(/年度财政资\s*金\s*总额|部门整体支出\s*总额|部门整体|支出\s*总额/g, " ").split(/[\t ]+/).filter((t) => t !== "");
  const money = tokens.filter((t) => /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/.test(t));
  if (tokens.length < 3 || money.length < 2) return null;
  if (tokens.some((t) => /[\u4e00-\u9fff]/.test(t) && !/^(\d+(\.\d+)?)?分$/.test(t))) return null;
  const rate = tokens.find((t) => /^\d+(\.\d+)?%$/.test(t));
  const [b = "", a = ""] = money;
  // "1303.05 1115.55 85.61% 17.12": the score after the rate.
  const after = rate ? tokens.slice(tokens.indexOf(rate) + 1).find((t) => /^\d+(\.\d+)?分?$/.test(t)) : undefined;
  return { budget: b.replace(/,/g, ""), budgetRaw: b, actual: a.replace(/,/g, ""), actualRaw: a, rate: rate ? rate.slice(0, -1) : null, score: after ? after.replace(/分$/, "") : null };
}

function norm(s: string): string {
  return s.normalize("NFKC").replace(/<\/?[a-zA-Z][^<>]{0,40}>/g, "");
}
