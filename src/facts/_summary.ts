/**
 * The project summary table of "项目支出自评结果" ("项目名称 | 预算数(元) | 执行数(元) | 完成预算率 |
 * 主要用途"), OCR'd as loose lines: "招商经费 2050000 1376878.42 67% 备注：…", or the name wrapped
 * above the figures ("2021年两优一先表彰" / "奖励" / "5000 5000 100%"). A wrapped name is trusted when
 * it is a project the 自评表 names, or when nothing else stands between it and the previous row.
 */
import type { Unit } from "../core/money.js";
import type { PerformanceDraft, ProjectMark } from "./_performance.js";
import { normLabel } from "./_text.js";

const ROW = /^(.*?)\s*(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)%(?=\s|$)/;

/** 预算数, 执行数 and 完成预算率 of each summary row. */
export function extractSummaryRows(lines: readonly string[], marks: readonly ProjectMark[]): PerformanceDraft[] {
  const out: PerformanceDraft[] = [];
  const known = [...new Set(marks.filter((m) => m.from === "name").map((m) => m.name))].sort((a, b) => b.length - a.length);
  let unit: Unit | null = null;
  let until = -1;
  let gap: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const l = (lines[i] ?? "").normalize("NFKC").trim();
    if (/^项目名称$/.test(l.replace(/\s+/g, ""))) {
      const head = lines.slice(i, i + 14).join("").normalize("NFKC").replace(/\s+/g, "");
      if (/预算数/.test(head) && /执行数/.test(head)) {
        unit = /\(元\)/.test(head) ? "元" : "万元";
        until = i + 400;
        gap = [];
        i += 1;
        continue;
      }
    }
    if (!unit || i > until || l === "") continue;
    const row = ROW.exec(l);
    if (!row) {
      gap.push(l);
      continue;
    }
    const before = gap;
    gap = [];
    if (/^合计/.test(row[1] ?? "")) {
      // The total of the projects self-assessed.
      const quote = (lines[i] ?? "").trim();
      out.push({ subject: "合计", measure: "预算", qualifier: ["预算数", "项目支出自评结果"], value: row[2] ?? "", unit, raw: row[2] ?? "", line: i + 1, quote });
      out.push({ subject: "合计", measure: "决算", qualifier: ["执行数", "项目支出自评结果"], value: row[3] ?? "", unit, raw: row[3] ?? "", line: i + 1, quote });
      out.push({ subject: "合计", measure: "完成率", qualifier: ["完成预算率", "项目支出自评结果"], value: row[4] ?? "", unit: "%", raw: `${row[4] ?? ""}%`, line: i + 1, quote });
      unit = null;
      continue;
    }
    const name = rowName(row[1] ?? "", before, known);
    if (!name) continue;
    const quote = (lines[i] ?? "").trim();
    const at = i + 1;
    out.push({ subject: name, measure: "预算", qualifier: ["预算数"], value: row[2] ?? "", unit, raw: row[2] ?? "", line: at, quote });
    out.push({ subject: name, measure: "决算", qualifier: ["执行数"], value: row[3] ?? "", unit, raw: row[3] ?? "", line: at, quote });
    out.push({ subject: name, measure: "完成率", qualifier: ["完成预算率"], value: row[4] ?? "", unit: "%", raw: `${row[4] ?? ""}%`, line: at, quote });
  }
  return out;
}

function rowName(sameLine: string, before: readonly string[], known: readonly string[]): string | null {
  const inline = sameLine.replace(/\s+/g, "");
  if (/[\u4e00-\u9fff]{2}/.test(inline)) return inline;
  const joined = before.join("").replace(/\s+/g, "");
  const n = normLabel(joined);
  const mark = known.find((k) => n.endsWith(normLabel(k)));
  if (mark) return mark;
  // Only the wrapped name lies between this row and the previous one, or after the previous row's
  // use ("…相关费用支出。2021年促进消费升级(支持商贸企业做大").
  const tail = /[。;；]/.test(joined) ? joined.slice(Math.max(joined.lastIndexOf("。"), joined.lastIndexOf(";"), joined.lastIndexOf("；")) + 1) : joined;
  return tail.length >= 2 && tail.length <= 30 && /^[\u4e00-\u9fff\d(（]/.test(tail) ? tail : null;
}
