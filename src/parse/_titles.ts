/**
 * Table title, 公开NN表 marker, 部门 and 单位 lines.
 */
import { kindOfTitle } from "./_kinds.js";
import { cleanLine, compact } from "./_lines.js";

const MARKER = /公开\s*0?(\d{1,2})\s*表/;
// "表2" on a line of its own, or "表 1：高等学校收支决算总表" (templates numbering tables 表1…表9).
const SHORT_MARKER = /^表\s*(\d{1,2})(?:\s*[:：]|\s*$)/;
const SHORT_PREFIX = /^表\s*\d{1,2}\s*[:：]\s*/;

/** A title without a leading "表 1：" or "二、" numbering. */
export function bareTitle(title: string): string {
  return title.replace(SHORT_PREFIX, "").replace(/^[一二三四五六七八九十]+、\s*/, "");
}
/** A 部门/单位 line naming the department ("部门：…", "单位：…"), not the money unit. */
export const DEPT = /^(?:部门|单位)(?:名称)?\s*[:：]\s*(?!(?:万元|元)(?:\s|$))(\S.*)$/;
/** The money unit ("单位：万元", "金额单位：万元"). */
export const UNIT = /(?:金额)?单位\s*[:：]\s*(万元|元)/;
/** A 第N部分 heading. */
export const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/** Normalises "公开 01 表" → "公开01表". */
export function normaliseMarker(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  const m = MARKER.exec(t);
  if (m) return `公开${(m[1] ?? "").padStart(2, "0")}表`;
  const s = SHORT_MARKER.exec(t);
  return s ? `表${s[1] ?? ""}` : null;
}

/** True when a line reads as a table title ("2024年度收入决算表", "二、收入决算表", "…绩效自评表"). */
export function isTableTitle(line: string): boolean {
  const t = compact(bareTitle(cleanLine(line)));
  // "（一）高等学校收支决算总表说明" heads the narrative about a table.
  if (t.length > 60 || PART_HEADING.test(t) || /[。；;]$/.test(t) || /见附件|详见/.test(t) || /表说明$/.test(t)) return false;
  return kindOfTitle(t) !== null || /决算[^,，。]*表$/.test(t);
}

