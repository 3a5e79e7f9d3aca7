/**
 * Rows of the 绩效 indicator tables ("一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) |
 * 得分"): each row's target, actual value, weight ("(1.5分)") and score become figures named by
 * the indicator, with the project (and the 年度目标 the row serves) as qualifiers; level cells
 * ("产出指标（13分）") give their weights, "年度目标1（1分）" its weight and "得分小计" its score.
 * Rows are tab-separated in most files and space-separated in OCR'd ones ("补贴销售菜品数量 ≥150吨
 * 155.86 40"); they are read from the right: score, actual, target, then the indicator's name.
 */
import type { Unit } from "../core/money.js";
import type { Measure } from "./types.js";
import type { PerformanceDraft } from "./_performance.js";
import { indicatorName as stripLevels, oneCellPerLine, readCellStream } from "./_cellstream.js";
import { normalizeWithMap, scanFigures, unitOf } from "./_text.js";

const LEVELS = /^(?:(?:一级|二级|三级)?指标|产出指标|效益指标|满意度指标|成本指标|数量指标|质量指标|时效指标|社会效益指标|经济效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|社会公众或服务对象满意度指标|社会公众满意度指标|经济成本指标|社会成本指标|生态环境成本指标|产出|效益|满意度|成本)$/;
const SCORE = /^(\d+(?:\.\d+)?)\s*分?$/;
// Header words a flattened or OCR'd row may carry before its indicator's name.
const HEADER_WORD = /^(一级|二级|三级|指标|年初目标值|实际完成值|得分|年度目标|绩效指标|指标名称)|\([AB]\)$/;
// A unit written apart from its number ("1 人", "69 册"), joined before the row is split.
const LOOSE_UNIT = /(\d)\s+(人次|人|个|家|项|次|场次|场|批次|批|册|份|条|篇|户|辆|台|套|件|天|小时|万元|亿元|元|%)(?=\s|$)/g;

/** Indicator figures of the 绩效 tables, with the project named before each table. */
export function extractIndicatorRows(lines: readonly string[], projectAt: (line: number) => string | null): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  let until = -1;
  let goal: string | null = null;
  let blockStart = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? "";
    const l = raw.normalize("NFKC").replace(/<\/?[a-zA-Z][^<>]{0,40}>/g, "");
    const compact = l.replace(/\s+/g, "");
    const project = projectAt(i + 1);
    const context = [...(project ? [project] : []), ...(goal ? [goal] : [])];
    const push = (subject: string, measure: Measure, role: string, value: string, unit: Unit, written: string): void => {
      out.push({ subject, measure, qualifier: [role, ...context], value, unit, raw: written, line: i + 1, quote: raw.trim() });
    };
    // "年度目标 1(1分)", "年度绩效目标1", "年度目标1（XX分）：…": the goal the rows below serve.
    const g = /^(年度(?:绩效)?目标)\s*(\d{1,2})[:：]?(?:\((\d+(?:\.\d+)?)分\))?/.exec(compact);
    if (g) {
      goal = `年度目标${g[2]}`;
      if (g[3]) out.push({ subject: goal, measure: "得分", qualifier: ["分值", ...(project ? [project] : [])], value: g[3], unit: "分", raw: `${g[3]}分`, line: i + 1, quote: raw.trim() });
    }
    if (/三级指标|指标名称/.test(compact) && oneCellPerLine(lines, i)) {
      // The block of this table: from the project's name (or the previous table) to its 总分.
      const start = Math.max(blockStart, i - 80);
      let end = i + 1;
      while (end < lines.length && end < i + 400 && !/^(总分|偏差大|改进措施)/.test((lines[end] ?? "").normalize("NFKC").replace(/\s+/g, ""))) end += 1;
      out.push(...readCellStream(lines, start, end, project ? [project] : []));
      blockStart = end;
      i = end;
      continue;
    }
    if (/项目名称|单位名称/.test(compact)) blockStart = i;
    if (/三级指标|指标名称/.test(compact)) {
      until = i + 80;
      // "年度绩效指标 （21.5分）": the weight of all the goal's indicators.
      const w = /^(?:项目)?年度绩效(?:指标|目标)\((\d+(?:\.\d+)?)分\)/.exec(compact);
      if (w?.[1]) push(goal ?? "年度绩效指标", "得分", "分值", w[1], "分", `${w[1]}分`);
      continue;
    }
    if (i > until) continue;
    const subtotal = /^得分小计\t*\s*(\d+(?:\.\d+)?)/.exec(l.trim());
    if (subtotal?.[1]) {
      push(goal ?? "年度绩效指标", "得分", "得分小计", subtotal[1], "分", subtotal[1]);
      continue;
    }
    if (/^(总分|偏差大|改进措施|得分小计)/.test(compact)) {
      until = -1;
      goal = null;
      continue;
    }
    // A table flattened into one line ("…软件业务收入(亿元)(2分) 2500 3023.8 2.00 经济效益指标 年营收过亿元软件企业(2分)
    // 300家 330家 2.00 …"): read as rows ending at each score written with two decimals.
    const flat = flattened(l);
    if (flat) {
      for (const seg of flat) {
        const r = readRow(seg);
        if (!r) continue;
        if (r.weight) push(r.name, "得分", "分值", r.weight, "分", `${r.weight}分`);
        for (const t of r.target) push(r.name, measureOf(t.unit, "目标值"), "目标值", t.value, t.unit, t.raw);
        for (const a of r.actual) push(r.name, measureOf(a.unit ?? r.unit ?? ""), "实际完成值", a.value, a.unit ?? r.unit ?? "", a.raw);
        if (r.score) push(r.name, "得分", "得分", r.score, "分", r.score);
      }
      continue;
    }
    const row = readRow(l);
    if (!row) {
      // "效益 指标 (20分) 社会效益指标(20分) 降低入境人员…(10": the row goes on below; its levels' weights stand here.
      for (const c of splitCells(l)) {
        const level = levelOf(c);
        if (level?.weight) push(level.name, "得分", "分值", level.weight, "分", `${level.weight}分`);
      }
      continue;
    }
    for (const level of row.levels) if (level.weight) push(level.name, "得分", "分值", level.weight, "分", `${level.weight}分`);
    if (row.weight) push(row.name, "得分", "分值", row.weight, "分", `${row.weight}分`);
    const targetUnit = row.target[0]?.unit ?? null;
    for (const t of row.target) push(row.name, measureOf(t.unit, "目标值"), "目标值", t.value, t.unit, t.raw);
    for (const a of row.actual) {
      // "故障处理率 100% 1": a bare actual value takes the name's unit, else the target's (never a bare "%").
      const unit = a.unit ?? row.unit ?? (targetUnit !== "%" ? targetUnit : null) ?? "";
      push(row.name, measureOf(unit, "实际完成值"), "实际完成值", a.value, unit, a.raw);
    }
    if (row.score) push(row.name, "得分", "得分", row.score, "分", row.score);
  }
  return out;
}

function flattened(l: string): string[] | null {
  if (l.includes("\t") || l.length < 150 || !/指标/.test(l)) return null;
  const scores = [...l.matchAll(/(?<=\s)\d+\.\d{2}(?=\s|$)/g)];
  if (scores.length < 3) return null;
  const out: string[] = [];
  let from = 0;
  for (const m of scores) {
    const end = (m.index ?? 0) + m[0].length;
    out.push(l.slice(from, end));
    from = end;
  }
  return out;
}

function measureOf(unit: Unit, role: "目标值" | "实际完成值" = "实际完成值"): Measure {
  if (unit === "%") return "占比";
  if (unit === "万元" || unit === "元") return role === "目标值" ? "预算" : "决算";
  return "数量";
}

interface Figure {
  readonly value: string;
  readonly unit: Unit | null;
  readonly raw: string;
}

interface Row {
  readonly name: string;
  readonly unit: Unit | null;
  readonly weight: string | null;
  readonly levels: readonly { readonly name: string; readonly weight: string | null }[];
  readonly target: readonly (Figure & { readonly unit: Unit })[];
  readonly actual: readonly Figure[];
  readonly score: string | null;
}

/** One indicator row, or null when the line is not one. */
export function readRow(l: string): Row | null {
  const cells = splitCells(l);
  // From the right: the score, the actual value, the target, the indicator's name.
  let s = cells.length - 1;
  while (s >= 0 && !SCORE.test(cells[s] ?? "") && /[\u4e00-\u9fff]/.test(cells[s] ?? "")) s -= 1;
  let scoreCell = cells[s];
  // "系统安全故障处理时间（小时）（2分）\t<48\t<24": a row whose score cell is missing.
  const noScore = cells.length >= 3 && /\d/.test(cells[cells.length - 1] ?? "") && /\d/.test(cells[cells.length - 2] ?? "") && indicatorName(cells[cells.length - 3] ?? "")?.weight;
  const scored = scoreCell !== undefined && SCORE.test(scoreCell) && s >= 3 && indicatorName(cells[s - 3] ?? "") !== null;
  if (!scored && (noScore || (cells.length >= 3 && /^[<>≤≥=]/.test(cells[cells.length - 1] ?? "") && /\d/.test(cells[cells.length - 2] ?? "")))) {
    s = cells.length;
    scoreCell = undefined;
  } else if (s < 3 || !scoreCell || !SCORE.test(scoreCell)) return null;
  let nameCell = cells[s - 3] ?? "";
  let first = s - 3;
  // "工业经济主要 指标 (10分)", "工作完成及时\t寸率(2.5分)": the name may be cut into several cells.
  while (first > 0 && /^[\u4e00-\u9fff“"(（]/.test(cells[first - 1] ?? "") && !/\d/.test(cells[first - 1] ?? "") && levelOf(cells[first - 1] ?? "") === null && !HEADER_WORD.test(cells[first - 1] ?? "")) first -= 1;
  if (first < s - 3) nameCell = stripLevels(cells.slice(first, s - 2).join(""));
  const named = indicatorName(nameCell);
  if (!named) return null;
  const levels = cells.slice(0, first).map(levelOf).filter((x): x is { name: string; weight: string | null } => x !== null);
  const target = figuresOf(cells[s - 2] ?? "").map((f) => ({ ...f, unit: f.unit ?? named.unit ?? ("" as const) }));
  const actual = figuresOf(cells[s - 1] ?? "");
  // "保障系统稳定运行 正常运行 正常运行 6": a row stated in words still has its score.
  if (target.length === 0 && actual.length === 0 && !named.weight && !/[\u4e00-\u9fff]/.test(`${cells[s - 2] ?? ""}${cells[s - 1] ?? ""}`)) return null;
  return { name: named.name, unit: named.unit, weight: named.weight, levels, target, actual, score: scoreCell ? (SCORE.exec(scoreCell)?.[1] ?? null) : null };
}

// Tab-separated cells, or whitespace-separated ones with a lone "(2分)" joined to the name before it
// and a unit written apart joined to its number; OCR crumbs without a digit or a Chinese character go.
function splitCells(l: string): string[] {
  const tabbed = l.includes("\t");
  const text = tabbed ? l : l.replace(LOOSE_UNIT, "$1$2");
  const parts = (tabbed ? text.split("\t") : text.split(/\s+/)).map((c) => c.trim()).filter((c) => c !== "");
  const out: string[] = [];
  for (const c of parts) {
    if (!/[\d\u4e00-\u9fff%]/.test(c)) continue;
    const prev = out[out.length - 1];
    if (!tabbed && prev !== undefined && /^\(?\d+(\.\d+)?分\)$/.test(c)) out[out.length - 1] = `${prev}${c.startsWith("(") ? c : `(${c}`}`;
    else out.push(c);
  }
  return out;
}

function levelOf(cell: string): { name: string; weight: string | null } | null {
  const c = cell.replace(/\s+/g, "");
  const m = /^(.*?)(?:\((\d+(?:\.\d+)?)分\))?$/.exec(c);
  const name = m?.[1] ?? "";
  return LEVELS.test(name) && name.length > 2 ? { name, weight: m?.[2] ?? null } : null;
}

// "≥2000人", "20批、10人", "第一轮60天/第二轮60天", "100%", "4": every figure of a value cell.
function figuresOf(cell: string): Figure[] {
  const c = normalizeWithMap(cell).s;
  if (c === "" || !/\d/.test(c)) return [];
  const withUnit = scanFigures(c);
  if (withUnit.length > 0) return withUnit.map((f) => ({ value: f.value, unit: f.unit, raw: f.raw }));
  const bare = /^(?:≥|≤|>|<|=|≧|≦)?(-?\d+(?:\.\d+)?)(?:以上|以下|左右)?$/.exec(c);
  if (bare?.[1]) return [{ value: bare[1], unit: null, raw: bare[1] }];
  // "5、5、20": one figure per item of a list.
  if (/^\d+(?:\.\d+)?(?:[、,]\d+(?:\.\d+)?)+$/.test(c)) return c.split(/[、,]/).map((v) => ({ value: v, unit: null, raw: v }));
  return [];
}

// "安全知识宣传活动次数（1.5分）", "开展帮代办工作培训(次)(□□□□分)": the name, its weight and unit mark.
function indicatorName(cell: string): { name: string; unit: Unit | null; weight: string | null } | null {
  // "工艺美术发展宣传等 5分)": a weight whose "(" went to the cell before.
  let name = cell.replace(/\s+/g, "");
  let unit: Unit | null = null;
  let weight: string | null = null;
  const loose = /(?<![(\d.])(\d+(?:\.\d+)?)分\)$/.exec(name);
  if (loose) {
    weight = loose[1] ?? null;
    name = name.slice(0, loose.index);
  }
  for (let k = 0; k < 3; k += 1) {
    const m = /\(([^()]*)\)$/.exec(name);
    if (!m) break;
    const inner = m[1] ?? "";
    const u = unitOf(inner);
    const w = /^(\d+(?:\.\d+)?)分$/.exec(inner);
    if (u) unit = u;
    else if (w) weight = w[1] ?? null;
    else if (!/^[□\d.]*分?$/.test(inner)) break;
    name = name.slice(0, m.index);
  }
  if (LEVELS.test(name) || !/[\u4e00-\u9fff]{2}/.test(name) || name.length > 80 || /^(得分|总分|合计|小计)/.test(name)) return null;
  return { name, unit: unit ?? counterOfName(name), weight };
}

// An indicator named as a count of things ("组织实施审计项目数") counts them in their counter.
const COUNTED_IN: readonly (readonly [RegExp, Unit])[] = [
  [/(项目|课题|平台|机构|中心|站点|活动)(个)?数(量)?$/, "个"],
  [/(企业|公司|单位)(家)?数(量)?$/, "家"],
  [/(人员|人才|学员|学生|人)数(量)?$/, "人"],
  [/人次数?$/, "人次"],
  [/次数$/, "次"],
  [/场次$|场数$/, "场"],
  [/件数$/, "件"],
  [/户数$/, "户"],
];

function counterOfName(name: string): Unit | null {
  return COUNTED_IN.find(([re]) => re.test(name))?.[1] ?? null;
}
