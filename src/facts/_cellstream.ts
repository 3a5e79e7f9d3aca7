/**
 * 绩效 indicator tables that OCR laid out one cell per line, with cells wrapped over several lines
 * ("招商引资签约额 ≥800亿元 " / "520.25 亿" / "元 " / "7 "): a line that ends without a space
 * continues on the next one. The lines are joined into a stream of cells, each with the line it
 * starts on; a row is read backwards from its score (a bare number ending its line): actual value,
 * target, then the name gathered since the previous row. A weight ("（40" / "分）") names the level
 * label written before it.
 */
import type { Unit } from "../core/money.js";
import type { Measure } from "./types.js";
import type { PerformanceDraft } from "./_performance.js";
import { normalizeWithMap, scanFigures } from "./_text.js";

interface Cell {
  text: string;
  readonly line: number;
  /** The cell ends its (joined) line. */
  lineEnd: boolean;
}

const SCORE = /^\d+(?:\.\d+)?分?$/;
const WEIGHT = /^\((\d+(?:\.\d+)?)分(?:\*执行率)?\)$/;
// "0.5 0.5 100% 20": a budget execution row (read with the project's execution figures elsewhere).
const EXECUTION = /^\d[\d,.]*\s+\d[\d,.]*\s+\d+(\.\d+)?%\s+\d+(\.\d+)?$/;
const UNIT_PIECE = /^(人次|人|个|家|项|次|场次|场|批次|批|册|份|条|篇|户|辆|台|套|件|天|小时|年|万元|亿元|元|亿|万|%|万美元|美元)$/;

/** True when the table starting at `header` is laid out one cell per line (its header cells stand alone). */
export function oneCellPerLine(lines: readonly string[], header: number): boolean {
  const l = lines[header] ?? "";
  return !l.includes("\t") && l.trim().length <= 30 && l.trim().split(/\s+/).every((c) => c.length <= 6);
}

/** The stream of cells of lines [from, to). */
export function streamCells(lines: readonly string[], from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let open = false;
  for (let i = from; i < to; i += 1) {
    const raw = (lines[i] ?? "").normalize("NFKC");
    if (raw.trim() === "") continue;
    const pieces = raw.trim().split(/\s+/);
    pieces.forEach((p, k) => {
      const last = cells[cells.length - 1];
      if (k === 0 && open && last) last.text += p;
      else if (last && !last.lineEnd && UNIT_PIECE.test(p) && /\d$/.test(last.text)) last.text += p;
      else cells.push({ text: p, line: i + 1, lineEnd: false });
    });
    const last = cells[cells.length - 1];
    open = !/\s$/.test(raw);
    if (last) last.lineEnd = !open;
  }
  return cells;
}

/** Indicator figures of a one-cell-per-line table in lines [from, to). */
export function readCellStream(lines: readonly string[], from: number, to: number, context: readonly string[]): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  const cells = streamCells(lines, from, to);
  let pending: Cell[] = [];
  let goal: string | null = null;
  const push = (subject: string, measure: Measure, role: string, value: string, unit: Unit, raw: string, line: number): void => {
    out.push({ subject, measure, qualifier: [role, ...context, ...(goal ? [goal] : [])], value, unit, raw, line, quote: (lines[line - 1] ?? "").trim() });
  };
  for (let k = 0; k < cells.length; k += 1) {
    const c = cells[k] as Cell;
    const text = c.text.replace(/[()（）]/g, (ch) => (ch === "（" ? "(" : ch === "）" ? ")" : ch));
    const g = /^年度(?:绩效)?目标(\d{1,2})/.exec(text);
    if (g) goal = `年度目标${g[1]}`;
    const w = WEIGHT.exec(text) ?? /^(.+?)\((\d+(?:\.\d+)?)分\)$/.exec(text);
    if (w) {
      const weight = w.length === 2 ? (w[1] ?? "") : (w[2] ?? "");
      const label = (w.length === 2 ? pending.map((p) => p.text).join("") : `${pending.map((p) => p.text).join("")}${w[1] ?? ""}`).replace(/\s+/g, "");
      // "预算执行情况（万元）（20分）", "得分（20分*执行率）": the weight of the project's budget execution.
      if (/预算执行|执行率|得分|预算数|执行数/.test(label) && context[0]) {
        out.push({ subject: "预算执行", measure: "得分", qualifier: ["分值", context[0]], value: weight, unit: "分", raw: `${weight}分`, line: c.line, quote: (lines[c.line - 1] ?? "").trim() });
      } else {
        const goalLabel = /年度(?:绩效)?目标(\d{1,2})/.exec(label);
        push(goalLabel ? `年度目标${goalLabel[1]}` : label.replace(/[:：]$/, "") || "年度绩效指标", "得分", "分值", weight, "分", `${weight}分`, c.line);
      }
      pending = [];
      continue;
    }
    const lineText = cellsOfLine(cells, c.line).join(" ");
    if (c.lineEnd && SCORE.test(text) && k >= 2 && !EXECUTION.test(lineText)) {
      const actual = cells[k - 1] as Cell;
      const target = cells[k - 2] as Cell;
      const name = indicatorName(pending.filter((p) => p !== actual && p !== target).map((p) => p.text).join(""));
      if (/[\u4e00-\u9fff]{2}/.test(name)) {
        const tf = figures(target.text);
        const af = figures(actual.text);
        const unitOfRow = tf[0]?.unit ?? null;
        for (const f of tf) push(name, measureOf(f.unit), "目标值", f.value, f.unit ?? "", f.raw, target.line);
        for (const f of af) {
          const unit = f.unit ?? (unitOfRow !== "%" ? unitOfRow : null) ?? "";
          push(name, measureOf(unit), "实际完成值", f.value, unit, f.raw, actual.line);
        }
        push(name, "得分", "得分", text.replace(/分$/, ""), "分", text, c.line);
      }
      pending = [];
      continue;
    }
    // Headers and the goal's description are not part of any indicator's name.
    if (/^(年度|绩效|目标|一级指标?|二级指标?|三级指标|年初目标值?|实际完成值?|值\([AB]\)|\([AB]\)|得分|指标|小于|大于|不低于|不高于|不少于)$/.test(text) || /[,，。]/.test(text)) {
      pending = [];
      continue;
    }
    if (/[\u4e00-\u9fff]/.test(text) || /\d/.test(text)) pending.push(c);
    // A level label ("数量指标") or a heading closes the name gathered so far.
    if (/^(产出|效益|满意度|成本|数量|质量|时效|社会效益|经济效益|生态效益|服务对象满意度)?指标$/.test(pending.map((p) => p.text).join(""))) pending = [];
  }
  return out;
}

// Level labels that OCR ran into the name ("服务对象指标企业满意度", "数量指参加大型展会次数").
const LEVEL_PREFIX = /^(?:产出|效益|满意度|成本)?(?:指标?)?(?:数量|质量|时效|成本|社会效益|经济效益|生态效益|可持续效益|可持续影响|服务对象满意度|服务对象|社会公众或服务对象满意度)?(?:指标?|指)?(?:标)?/;

/** The indicator's name without level labels OCR ran into it ("服务对象指标企业满意度" → 企业满意度). */
export function indicatorName(joined: string): string {
  let n = joined.replace(/\s+/g, "");
  for (let k = 0; k < 3; k += 1) {
    const m = LEVEL_PREFIX.exec(n);
    if (!m || m[0] === "" || m[0].length >= n.length - 1) break;
    n = n.slice(m[0].length);
  }
  return n;
}

function cellsOfLine(cells: readonly Cell[], line: number): string[] {
  return cells.filter((c) => c.line === line).map((c) => c.text);
}

function measureOf(unit: Unit | null): Measure {
  if (unit === "%") return "占比";
  return "数量";
}

function figures(text: string): { value: string; unit: Unit | null; raw: string }[] {
  const c = normalizeWithMap(text).s;
  const withUnit = scanFigures(c);
  if (withUnit.length > 0) return withUnit.map((f) => ({ value: f.value, unit: f.unit, raw: f.raw }));
  const bare = /^(?:≥|≤|>|<|=|≧|≦)?(-?\d+(?:\.\d+)?)$/.exec(c);
  return bare?.[1] ? [{ value: bare[1], unit: null, raw: bare[1] }] : [];
}
