/**
 * Actual values of the 绩效 indicator tables ("三级指标 | 年初目标值(A) | 实际完成值(B) | 得分"):
 * each row's 实际完成值 becomes a figure named by its indicator. Rows are tab-separated in most
 * files and space-separated in OCR'd ones ("补贴销售菜品数量 ≥150吨 155.86 40"); a bare actual value
 * takes its unit from the target ("≥150吨") or the indicator name ("(次)"), never a bare "%".
 */
import type { Unit } from "../core/money.js";
import type { PerformanceDraft } from "./_performance.js";
import { unitOf } from "./_text.js";

const TARGET = /^(?:≥|≤|>|<|=|≧|≦|大于等于|小于等于|不低于|不少于|不高于)?\s*(\d+(?:\.\d+)?)\s*([^\d\s≥≤<>=]{0,4}?)\s*(?:以上|以下|左右|及以上)?$/;
const ACTUAL = /^(\d+(?:\.\d+)?)\s*([^\d\s≥≤<>=]{0,4})$/;
const LEVELS = /^(?:(?:一级|二级|三级)?指标|产出指标|效益指标|满意度指标|成本指标|数量指标|质量指标|时效指标|社会效益指标|经济效益指标|生态效益指标|可持续影响指标|服务对象满意度指标|社会公众或服务对象满意度指标|经济成本指标|社会成本指标|生态环境成本指标)$/;

/** 实际完成值 of indicator rows, with the project named before each table. */
export function extractIndicatorRows(lines: readonly string[], projectAt: (line: number) => string | null): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  let until = -1;
  for (let i = 0; i < lines.length; i += 1) {
    const raw = lines[i] ?? "";
    const l = raw.normalize("NFKC").replace(/<\/?[a-zA-Z][^<>]{0,40}>/g, "");
    const compact = l.replace(/\s+/g, "");
    if (/三级指标|指标名称/.test(compact)) {
      until = i + 80;
      continue;
    }
    if (i > until) continue;
    if (/^(总分|偏差大|改进措施|得分小计)/.test(compact)) {
      until = -1;
      continue;
    }
    const row = readRow(l);
    if (!row) continue;
    out.push({
      subject: row.name,
      measure: row.unit === "%" ? "占比" : "数量",
      qualifier: ["实际完成值", ...(projectAt(i + 1) ? [projectAt(i + 1) ?? ""] : [])],
      value: row.value,
      unit: row.unit,
      raw: row.raw,
      line: i + 1,
      quote: raw.trim(),
    });
  }
  return out;
}

interface Row {
  readonly name: string;
  readonly value: string;
  readonly unit: Unit;
  readonly raw: string;
}

function readRow(l: string): Row | null {
  const cells = (l.includes("\t") ? l.split("\t") : l.split(/\s+/)).map((c) => c.trim()).filter((c) => c !== "");
  for (let k = 1; k + 1 < cells.length; k += 1) {
    const target = TARGET.exec(cells[k] ?? "");
    const actual = ACTUAL.exec(cells[k + 1] ?? "");
    if (!target || !actual) continue;
    const named = indicatorName(cells[k - 1] ?? "");
    if (!named) return null;
    const written = actual[2] ?? "";
    const unit = written !== "" ? unitOf(written) : fallbackUnit(target[2] ?? "", named.unit);
    if (!unit || unit === "分" || unit === "万元" || unit === "元" || unit === "亿元") return null;
    return { name: named.name, value: actual[1] ?? "", unit, raw: cells[k + 1] ?? "" };
  }
  return null;
}

// "(次)" / "(%)" in the name, else the target's unit unless it is a bare "%" (a row "100% 1" means 100%).
function fallbackUnit(targetUnit: string, nameUnit: Unit | null): Unit | null {
  if (nameUnit) return nameUnit;
  const u = targetUnit !== "" ? unitOf(targetUnit) : null;
  return u === "%" ? null : u;
}

// "安全知识宣传活动次数（1.5分）", "开展帮代办工作培训(次)(□□□□分)": the name without weight and unit marks.
function indicatorName(cell: string): { name: string; unit: Unit | null } | null {
  // "工艺美术发展宣传等 5分)": a weight whose "(" went to the cell before.
  let name = cell.replace(/\s+/g, "").replace(/(?<![(\d.])\d+(\.\d+)?分\)$/, "");
  let unit: Unit | null = null;
  for (let k = 0; k < 3; k += 1) {
    const m = /\(([^()]*)\)$/.exec(name);
    if (!m) break;
    const inner = m[1] ?? "";
    const u = unitOf(inner);
    if (u) unit = u;
    else if (!/分$|^[□\d.]*分?$/.test(inner)) break;
    name = name.slice(0, m.index);
  }
  if (LEVELS.test(name) || !/[\u4e00-\u9fff]{2}/.test(name) || name.length > 40) return null;
  return { name, unit };
}
