/**
 * The 自评综合得分表 of a 绩效 self-assessment ("评价指标 | 权重 | 评级分值 | 本项得分 | 得分率"):
 * each part (预算执行, 产出指标, 项目效果 …) gives its weight, maximum, score and score rate; the
 * 综合绩效 row is the project's (or the department's) overall score.
 */
import type { Unit } from "../core/money.js";
import type { Measure } from "./types.js";
import type { PerformanceDraft } from "./_performance.js";

// Column headers and what each column's figures are.
const COLUMNS: readonly { readonly re: RegExp; readonly role: string; readonly measure: Measure; readonly unit: Unit }[] = [
  { re: /^权重$/, role: "权重", measure: "占比", unit: "%" },
  { re: /^(评级分值|分值|标准分值)$/, role: "分值", measure: "得分", unit: "分" },
  { re: /^(本项得分|评价得分|得分)$/, role: "得分", measure: "得分", unit: "分" },
  { re: /^得分率$/, role: "得分率", measure: "占比", unit: "%" },
];

/** Figures of every score sheet in `lines`; `projectAt` names the project a line belongs to. */
export function extractScoreSheets(lines: readonly string[], projectAt: (line: number) => string | null): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  let columns: { index: number; role: string; measure: Measure; unit: Unit }[] | null = null;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? "";
    const cells = raw.split("\t").map((c) => c.normalize("NFKC").replace(/\s+/g, ""));
    if (cells.some((c) => /^(本项得分|评价得分)$/.test(c)) || (cells.some((c) => c === "权重") && cells.some((c) => c === "得分"))) {
      columns = cells.flatMap((c, index) => COLUMNS.filter((k) => k.re.test(c)).map((k) => ({ index, role: k.role, measure: k.measure, unit: k.unit })));
      continue;
    }
    if (!columns) continue;
    const label = cells[0] ?? "";
    if (raw.trim() === "" || !/[\u4e00-\u9fff]/.test(label)) {
      columns = null;
      continue;
    }
    const project = projectAt(i + 1);
    const total = /^(综合绩效|合计|总分|总计)$/.test(label);
    for (const c of columns) {
      const v = /^(\d+(?:\.\d+)?)(%|分)?$/.exec(cells[c.index] ?? "");
      if (!v?.[1]) continue;
      // The 综合绩效 row's score is the project's overall score; every other cell is a part's (or the
      // total row's weight and maximum), named by its row with the project as context.
      const overall = total && c.role === "得分" && project !== null;
      const subject = overall && project ? project : label;
      const qualifier = overall ? ["综合绩效"] : [c.role, ...(project ? [project] : [])];
      // "权重 20.00": a weight written without "%" keeps no unit.
      const unit: Unit = c.role === "权重" && v[2] !== "%" ? "" : c.unit;
      out.push({ subject, measure: c.measure, qualifier, value: v[1], unit, raw: cells[c.index] ?? v[1], line: i + 1, quote: raw.trim() });
    }
    if (total) columns = null;
  }
  return out;
}

/**
 * A list of projects with their self-assessment scores ("项目名称 自评分数" / "质量抽检和试验检测管理
 * 100"): each row is the project's total score.
 */
export function extractScoreLists(lines: readonly string[]): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  let open = false;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? "";
    const l = raw.normalize("NFKC");
    if (/^\s*项目名称[\s\t]+(自评)?(得分|分数|分值|评分)\s*$/.test(l)) {
      open = true;
      continue;
    }
    if (!open) continue;
    const row = /^\s*(\S.*?\S)(?:\s{2,}|\t+)(\d+(?:\.\d+)?)\s*分?\s*$/.exec(l);
    if (!row?.[1] || !row[2] || !/[\u4e00-\u9fff]{2}/.test(row[1])) {
      open = false;
      continue;
    }
    // "2019 年度聘请专家人员经费": spacing noise inside the name.
    const name = row[1].replace(/\s+/g, "");
    out.push({ subject: name, measure: "得分", qualifier: ["自评总分"], value: row[2], unit: "分", raw: row[2], line: i + 1, quote: raw.trim() });
  }
  return out;
}
