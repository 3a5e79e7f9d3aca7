/**
 * What the document promises and what it holds: the table of contents read as entries (tables and
 * sections), template table titles recognised from their own words, and the body's heading lines.
 */
import type { Disclosure, TableKind } from "../parse/types.js";

/** Template table kinds by the words of their titles, most specific first. */
const TITLE_KINDS: readonly (readonly [RegExp, TableKind | null])[] = [
  [/财政拨款收(?:入)?支(?:出)?决算总表/, "财政拨款收入支出决算总表"],
  [/(?:收入支出|收支)决算(?:总|汇总)表/, "收入支出决算总表"],
  [/基本支出决算(?:明细)?表/, "一般公共预算财政拨款基本支出决算明细表"],
  [/一般公共预算(?:财政拨款)?支出决算表/, "一般公共预算财政拨款支出决算表"],
  [/政府性基金预算(?:财政拨款)?收(?:入)?支(?:出)?决算表|政府性基金.{0,8}决算表/, "政府性基金预算财政拨款收入支出决算表"],
  [/国有资本经营预算(?:财政拨款)?(?:收入)?支出决算表|国有资本经营.{0,8}决算表/, "国有资本经营预算财政拨款支出决算表"],
  [/三公.{0,4}经费.{0,8}决算表/, "三公经费支出决算表"],
  // "高等学校财政拨款支出决算表": all fiscal appropriations by function (university template).
  [/财政拨款支出决算表/, "财政拨款支出决算表"],
  [/收入决算表/, "收入决算表"],
  [/支出决算表/, "支出决算表"],
];

/** Compact form for matching: NFKC, no whitespace, quotes, leaders or page numbers. */
export function compactTitle(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[.·…．_-]{2,}\s*\d*\s*$/, "")
    .replace(/\s+/g, "")
    .replace(/[“”"'‘’《》]/g, "")
    .replace(/^[#*>•·-]+/, "");
}

/** The template kind a table title names, null when none of the nine (or not a title). */
export function kindOfTitle(title: string): TableKind | null {
  const c = compactTitle(title);
  if (!/决算(?:明细|总|汇总)?表/.test(c)) return null;
  for (const [re, kind] of TITLE_KINDS) if (re.test(c)) return kind;
  return null;
}

/** One entry of the table of contents. */
export interface TocEntry {
  readonly line: number;
  /** Numbering as written: "第三部分", "九、", "（一）", "表 4：". */
  readonly marker: string;
  /** The entry without numbering, years, the body's name or leaders. */
  readonly key: string;
  readonly kind: "table" | "section";
}

const MARKER = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|表\s*\d+\s*[:：])/;

/** The numbering a compact heading starts with ("九、", "（一）", "第三部分"), or "". */
export function headingMarker(c: string): string {
  return MARKER.exec(c)?.[1]?.replace(/\(/g, "（").replace(/\)/g, "）") ?? "";
}

/** Strips a heading to its words: numbering, years, the body's names and 部门/单位 go. */
export function headingKey(text: string, names: readonly string[]): string {
  let s = compactTitle(text).replace(MARKER, "");
  for (const n of names) if (n.length >= 3) s = s.split(n.replace(/\s+/g, "")).join("");
  return s.replace(/20\d{2}年度?/g, "").replace(/本级|部门|单位|[（()）:：、，,。]/g, "");
}

/**
 * The contents' entries: from the 目录 line to the line before the body repeats the first entry.
 * Returns null when the document has no table of contents.
 */
export function tocEntries(doc: Disclosure, names: readonly string[]): { entries: TocEntry[]; end: number } | null {
  const head = doc.lines.slice(0, 80).findIndex((l) => /^\s*目\s*录\s*$/.test(l.replace(/\f/g, "")));
  const start = doc.toc ? doc.toc.line : head >= 0 ? head + 1 : -1;
  if (start < 0) return null;
  let first: string | null = null;
  let end = doc.lines.length;
  const entries: TocEntry[] = [];
  for (let l = start + 1; l <= doc.lines.length; l++) {
    const raw = (doc.lines[l - 1] ?? "").replace(/\f/g, "");
    const c = compactTitle(raw);
    if (c === "" || /^目录$/.test(c)) continue;
    if (first === null) first = c;
    else if (c === first && l > start + 2) {
      end = l - 1;
      break;
    }
    if (l - start > 120) {
      end = l - 1;
      break;
    }
    const marker = headingMarker(c);
    const key = headingKey(raw, names);
    if (key.length < 2) continue;
    entries.push({ line: l, marker, key, kind: entryKind(c) });
  }
  return entries.length >= 3 ? { entries, end } : null;
}

// "第二部分 …部门决算表" is a part; "（一）收支决算总表说明" a section; "表 1：…决算表" a table.
function entryKind(c: string): "table" | "section" {
  if (/^第[一二三四五六七八九十]+部分/.test(c) || /说明$/.test(c)) return "section";
  return kindOfTitle(c) !== null || /^表\d/.test(c) ? "table" : "section";
}
