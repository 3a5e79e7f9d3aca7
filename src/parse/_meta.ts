/**
 * What the document says about itself: title, department, year, 部门/单位决算, unit, date.
 * Read from its own text, never from the manifest.
 */
import type { DocumentMeta, Section, Table } from "./types.js";
import { cleanLine, compact, isBlank, repairSpaces } from "./_lines.js";

const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** Reads the metadata from the first lines, the 第一部分 heading and the tables. */
export function readMeta(lines: readonly string[], sections: readonly Section[], tables: readonly Table[], tocStart: number | null): DocumentMeta {
  const head: string[] = [];
  let publishedOn: string | null = null;
  const limit = Math.min(lines.length, tocStart ?? 12, 12);
  for (let i = 0; i < limit; i++) {
    const t = cleanLine(lines[i] ?? "");
    if (isBlank(t)) continue;
    if (DATE.test(t.replace(/\s+/g, ""))) {
      publishedOn = t;
      break;
    }
    if (/^第[一二三四五六七八九十]+部分|^目\s*录$/.test(t)) break;
    head.push(t);
  }
  const titleText = head.join(" ");
  const title = /决算/.test(titleText) ? titleText : null;
  if (publishedOn === null) {
    for (let i = 0; i < Math.min(lines.length, 30); i++) {
      const t = cleanLine(lines[i] ?? "");
      if (DATE.test(t.replace(/\s+/g, ""))) {
        publishedOn = t;
        break;
      }
    }
  }
  const whole = lines.join("\n");
  const yearSource = title ?? sections.find((s) => s.level === 1 && /20\d{2}\s*年/.test(s.title))?.title ?? whole;
  const ym = /(20\d{2})\s*年度?/.exec(yearSource);
  const year = ym ? Number(ym[1]) : null;
  const dept = departmentOf(sections, tables, title);
  const kindCounts = { 部门决算: count(whole, /部门决算/g), 单位决算: count(whole, /单位决算/g) };
  const kind = title && /单位决算/.test(compact(title)) ? "单位决算" : title && /部门决算/.test(compact(title)) ? "部门决算"
    : kindCounts.单位决算 > kindCounts.部门决算 ? "单位决算" : kindCounts.部门决算 > 0 ? "部门决算" : null;
  const units = tables.flatMap((t) => (t.unit ? [t.unit] : []));
  const unit = units.length === 0 ? null : units.filter((u) => u === "元").length > units.length / 2 ? "元" : "万元";
  return { title, department: dept, year, kind, unit, publishedOn };
}

function count(s: string, re: RegExp): number {
  return (s.match(re) ?? []).length;
}

function departmentOf(sections: readonly Section[], tables: readonly Table[], title: string | null): string | null {
  // "第一部分 武汉东湖新技术开发区管理委员会（本级）概况" names the department as the document spells it.
  const overview = sections.find((s) => s.level === 1 && /概况$/.test(s.title));
  const fromOverview = overview ? repairSpaces(overview.title.replace(/概况$/, "")).trim() : "";
  const fromTables = mostCommon(
    tables.flatMap((t) => {
      const m = /^(?:部门|单位)(?:名称)?\s*[:：]\s*(.+?)(?:\s+20\d{2}\s*年度.*|\s+(?:金额)?单位\s*[:：].*)?$/.exec(t.departmentLine ?? "");
      return m?.[1] ? [repairSpaces(m[1]).trim()] : [];
    }),
  );
  if (fromOverview.length >= 4 && fromTables) {
    // Same name: keep the tables' spelling (full-width brackets); "…中心" vs "…中心本级": the longer.
    if (compact(fromOverview) === compact(fromTables)) return fromTables;
    return fromOverview;
  }
  if (fromOverview.length >= 4) return fromOverview;
  if (fromTables) return fromTables;
  if (title) {
    const m = /(?:20\d{2}\s*年度)?\s*(.+?)\s*(?:20\d{2}\s*年度)?\s*(?:部门|单位)决算/.exec(title);
    if (m?.[1]) return repairSpaces(m[1]).trim();
  }
  return null;
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}
