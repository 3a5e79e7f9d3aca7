/**
 * Readings of the labels around a figure: a table named in the question, a sub-body named by the head
 * of its project's name.
 */
import { isWordChar } from "./_fillers.js";
import { allIndexes } from "../core/text.js";
import type { Cover } from "./_match.js";

// A body's name at the head of a label ("科创局" of 科创局业务经费, "财政局" of 财政局工作经费).
const BODY_HEAD = /^[\u4e00-\u9fa5]{2,8}?(?:局|委|办|中心|部|院|所|处|科|室)(?=[\u4e00-\u9fa5]{2})/;

/**
 * A sub-body named by the head of a context label (a project of that body): "东湖高新区科创局…认定了
 * 多少高企" against an indicator of 科创局业务经费. The rest of the label counts as excess.
 */
export function bodyHeadCovers(text: string, label: string): Cover[] {
  const head = BODY_HEAD.exec(label)?.[0];
  if (!head || head.length < 3) return [];
  return allIndexes(text, head).map((i) => ({ start: i, end: i + head.length, how: "abbrev" as const, excess: label.length - head.length }));
}

/**
 * A table named in the question: the run of characters before a 表 that stands in the title in
 * order and ends with its 表 ("支出决算表", "基本支出那张表" → …基本支出决算明细表).
 */
export function tableCovers(text: string, title: string, content?: readonly boolean[]): Cover[] {
  const out: Cover[] = [];
  if (!title.endsWith("表")) return out;
  // "基本支出明细里…": a title said without 表, up to its last word and followed by 里/中, is read
  // the same way when five characters or more say it.
  const untyped = [...allIndexes(text, "里"), ...allIndexes(text, "中")].filter((p) => text[p - 1] === title[title.length - 2]);
  for (const p of [...allIndexes(text, "表"), ...untyped]) {
    const bare = text[p] !== "表";
    let i = p - 1;
    // "那张表", "这个表": the pointer words are not part of the title.
    while (i >= 0 && "那这张个的".includes(text[i] ?? "")) i--;
    let k = title.length - 2;
    let start = p;
    let j = i;
    while (j >= 0 && k >= 0) {
      const ch = text[j] ?? "";
      if (!isWordChar(ch) && ch !== "(" && ch !== ")") break;
      const at = title.lastIndexOf(ch, k);
      if (at < 0) break;
      k = at - 1;
      start = j;
      j--;
    }
    // Stopped by a word of the question that is not in the title: another table is named ("收入决算表" ≠ 支出决算表).
    // So is a short tail of a title ("决算表") cut off by any word ("支出决算表" is not 收支决算总表).
    // (A table's number just before its title is no other word: "公开09表“三公”经费支出决算表".)
    if (j >= 0 && k >= 0 && isWordChar(text[j]) && (content?.[j] === true || p - start < 3) && !/\d表$/.test(text.slice(0, j + 1))) continue;
    if (bare && p - start < 5) continue;
    if (p - start >= 2) out.push({ start, end: p + 1, how: start === p - (title.length - 1) ? "exact" : "abbrev", excess: 0 });
  }
  // "基本支出里…", "基本支出明细里…": the end of the title's own words (before 决算表), four characters
  // or more, followed by 里/中 (明细 between: the breakdown the table gives).
  const stem = title.replace(/决算(?:明细)?表$/, "");
  if (stem !== title)
    for (const p of [...allIndexes(text, "里"), ...allIndexes(text, "中")]) {
      const at = text.slice(p - 2, p) === "明细" ? p - 2 : p;
      let n = 0;
      while (n < at && n < stem.length && text[at - 1 - n] === stem[stem.length - 1 - n]) n++;
      if (n >= 4 && !out.some((c) => c.end === p + 1)) out.push({ start: at - n, end: p + 1, how: "abbrev", excess: 0 });
    }
  return out;
}
