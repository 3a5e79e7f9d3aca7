/**
 * Completeness: the tables and sections the document's own contents promise are in its body, in
 * that order, each once; without contents, the national template's tables and 情况说明 sections.
 * An empty 政府性基金 / 国有资本经营 / 三公 table carries its note; every table states its unit.
 */
import type { Table, TableKind } from "../parse/types.js";
import type { AuditContext } from "./_context.js";
import { TEMPLATE_ORDER } from "./_document.js";
import { TEMPLATE_TEXT } from "./_patterns.js";
import { compactTitle, headingKey, headingMarker, kindOfTitle, tocEntries, type TocEntry } from "./_toc.js";

/** Body lines that title a table: short, ending in 决算表/决算总表, not a sentence or a part heading. */
interface TitleLine {
  readonly line: number;
  readonly key: string;
  readonly kind: TableKind | null;
}

// 情况说明 sections of the national template, by the words of their headings.
const REQUIRED_SECTIONS: readonly string[] = ["收入支出决算总体情况", "收入决算情况", "支出决算情况", "财政拨款收入支出决算总体情况", "一般公共预算财政拨款支出决算情况", "基本支出决算情况", "三公"];

// Tables some templates leave out; without contents their absence proves nothing.
const OPTIONAL_WITHOUT_TOC = new Set<TableKind>(["国有资本经营预算财政拨款支出决算表"]);

const EMPTY_NOTE = /本表无数据|无数据|(?:无|没有|未发生)[^。]{0,40}(?:收入|支出|经费|数据)|不涉及|空表/;

/** Runs the completeness rules. */
export function auditCompleteness(ctx: AuditContext): void {
  const { doc } = ctx;
  const names = [doc.meta.department ?? "", ctx.department].filter((n) => n !== "");
  const toc = tocEntries(doc, names);
  const tocEnd = toc?.end ?? 0;
  const tocStart = toc?.entries[0]?.line ?? 0;
  const outsideToc = (l: number): boolean => toc === null || l < tocStart || l > tocEnd;
  const titles: TitleLine[] = [];
  doc.lines.forEach((raw, i) => {
    const c = compactTitle(raw.replace(/\f/g, ""));
    if (!outsideToc(i + 1) || c.length > 60 || /[。，；]|^第[一二三四五六七八九十]+部分|说明$|^注/.test(c)) return;
    if (!/(决算(?:明细)?表|决算(?:总|汇总)表)(?:[（(]?公开\d+表[)）]?)?$/.test(c)) return;
    titles.push({ line: i + 1, key: headingKey(raw, names), kind: kindOfTitle(c) });
  });
  // Tables the parser recognised from their headers even where OCR lost the title line.
  for (const t of doc.tables) {
    const kind = kindOfTitle(t.title);
    if (kind && !titles.some((x) => x.kind === kind && Math.abs(x.line - t.line) <= 8)) titles.push({ line: t.line, key: headingKey(t.title, names), kind });
  }
  titles.sort((a, b) => a.line - b.line);
  const present = new Set(titles.map((t) => t.kind).filter((k): k is TableKind => k !== null));
  if (present.size === 0) {
    const part = doc.sections.find((s) => s.level === 1 && /决算表|报表/.test(s.title))?.line ?? Math.max(1, doc.lines.findIndex((l) => l.trim() !== "") + 1);
    ctx.skip("completeness.table-missing", { zh: "正文中没有可读的决算表（表格可能是图片），无法核对表格", en: "No readable tables in the body (they may be images); tables could not be checked" }, [ctx.cite(part)]);
  } else if (toc) {
    promisedTables(ctx, toc.entries, titles);
  } else if (present.size >= 6) {
    for (const kind of TEMPLATE_ORDER) {
      if (present.has(kind) || OPTIONAL_WITHOUT_TOC.has(kind)) continue;
      ctx.find("completeness.table-missing", { zh: `缺少${kind}`, en: `Missing table: ${kind}` }, kind, null, [ctx.cite(titles[0]?.line ?? 1)]);
    }
  }
  if (toc) promisedSections(ctx, toc.entries.filter((e) => e.kind === "section"), outsideToc, names);
  else if (present.size >= 6) requiredSections(ctx, outsideToc);
  duplicates(ctx, titles);
  numberOrder(ctx, outsideToc);
  emptyTables(ctx);
  tableUnits(ctx);
}

// A listed template table meets a title of its kind; another table (a university's "财政拨款支出
// 决算表") a title of no template kind with the same words.
function matchesTitle(e: TocEntry, t: TitleLine): boolean {
  const ek = kindOfTitle(e.key);
  if (ek !== null) return t.kind === ek;
  return t.kind === null && t.key.length >= 4 && (t.key.includes(e.key) || e.key.includes(t.key));
}

// Every table the contents list has a title line in the body, in the contents' order.
function promisedTables(ctx: AuditContext, entries: readonly TocEntry[], titles: readonly TitleLine[]): void {
  let last: { entry: TocEntry; at: number } | null = null;
  for (const e of entries.filter((x) => x.kind === "table")) {
    const hit = titles.find((t) => matchesTitle(e, t));
    if (!hit) {
      ctx.find("completeness.table-missing", { zh: `目录列出的“${e.key}”在正文中找不到`, en: `“${e.key}” is in the contents but not in the body` }, e.key, null, [ctx.cite(e.line)]);
      continue;
    }
    if (last && hit.line < last.at) {
      ctx.find(
        "completeness.table-order",
        { zh: `“${e.key}”在正文中排在“${last.entry.key}”之前，与目录顺序不一致`, en: `“${e.key}” comes before “${last.entry.key}” in the body, unlike the contents` },
        last.entry.key,
        e.key,
        [ctx.cite(e.line), ctx.cite(hit.line)],
      );
    }
    last = { entry: e, at: hit.line };
  }
}

function lcs(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const ca of a) {
    const cur = [0];
    for (let j = 0; j < b.length; j++) cur.push(ca === b[j] ? (prev[j] ?? 0) + 1 : Math.max(prev[j + 1] ?? 0, cur[j] ?? 0));
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// Every section the contents list has a heading-like line in the body.
function promisedSections(ctx: AuditContext, entries: readonly TocEntry[], outsideToc: (l: number) => boolean, names: readonly string[]): void {
  const keys: { line: number; key: string; marker: string }[] = [];
  // Headings, not table rows ("三、国有资本经营预算财政拨款收入	3	…" reads like "三、…").
  const inTable = new Set(ctx.doc.tables.flatMap((t) => t.parts.flatMap((p) => p.rows.map((r) => r.line))));
  const heading = (i: number): boolean => {
    const raw = ctx.doc.lines[i] ?? "";
    return outsideToc(i + 1) && !inTable.has(i + 1) && !raw.includes("\t") && !/\d\.\d|\S\s{2,}\d+\s*$/.test(raw);
  };
  ctx.doc.lines.forEach((raw, i) => {
    if (!heading(i)) return;
    const c = compactTitle(raw);
    if (c === "" || c.length > 70) return;
    const marker = headingMarker(c);
    keys.push({ line: i + 1, key: headingKey(raw, names), marker });
    const next = ctx.doc.lines[i + 1];
    if (next !== undefined && c.length < 40 && heading(i + 1)) keys.push({ line: i + 1, key: headingKey(raw + next, names), marker });
  });
  for (const e of entries) {
    if (e.key.length < 3) continue;
    // A 说明 section is not met by the table it explains ("…决算情况说明" vs "…决算表").
    const explains = /说明|情况$/.test(e.key);
    const found = keys.some((k) => {
      if (k.key.length === 0 || (explains && /表$/.test(k.key))) return false;
      if (k.key === e.key) return true;
      const sameMarker = e.marker !== "" && k.marker === e.marker;
      // Cheap bound first: the common subsequence cannot be longer than the shared characters.
      const shared = [...e.key].filter((ch) => k.key.includes(ch)).length;
      if (shared < (sameMarker ? Math.ceil(e.key.length * 0.5) : e.key.length - 1)) return false;
      const common = lcs(e.key, k.key);
      // "十一、政府采购支出说明" listed, "十一、政府采购支出情况" written: the same numbered section.
      if (sameMarker) return common >= Math.ceil(e.key.length * 0.5);
      // Otherwise only a copy with one character off: "支出决算情况说明" is neither
      // "收入决算情况说明" nor "一般公共预算财政拨款支出决算情况说明", and "…支出决算情况说明" not
      // "…基本支出决算情况说明".
      return common >= e.key.length - 1 && Math.abs(k.key.length - e.key.length) <= 1;
    });
    if (found) continue;
    const rule = /说明|情况/.test(e.key) ? "completeness.section-missing" : "completeness.toc-entry";
    ctx.find(rule, { zh: `目录列出的“${e.marker}${e.key}”在正文中找不到`, en: `“${e.marker}${e.key}” is in the contents but not in the body` }, `${e.marker}${e.key}`, null, [ctx.cite(e.line)]);
  }
}

function requiredSections(ctx: AuditContext, outsideToc: (l: number) => boolean): void {
  const text = ctx.doc.lines.filter((_, i) => outsideToc(i + 1)).map((l) => compactTitle(l)).filter((c) => c.length <= 60);
  for (const words of REQUIRED_SECTIONS) {
    if (text.some((c) => c.includes(words) && /说明|情况/.test(c))) continue;
    ctx.find("completeness.section-missing", { zh: `缺少“${words}”的情况说明`, en: `No section explaining “${words}”` }, words, null, [ctx.cite(ctx.doc.sections.find((s) => /情况说明/.test(s.title))?.line ?? 1)]);
  }
}

// A table title coming back after another table (continuation pages follow each other).
function duplicates(ctx: AuditContext, titles: readonly TitleLine[]): void {
  const seen = new Map<TableKind, TitleLine>();
  let previous: TableKind | null = null;
  for (const t of titles) {
    if (t.kind === null) continue;
    const earlier = seen.get(t.kind);
    if (earlier && previous !== t.kind) {
      ctx.find("completeness.table-duplicate", { zh: `${t.kind}出现两次（第${earlier.line}行、第${t.line}行）`, en: `${t.kind} appears twice (lines ${earlier.line} and ${t.line})` }, "1", "2", [ctx.cite(earlier.line), ctx.cite(t.line)]);
    }
    if (!earlier) seen.set(t.kind, t);
    previous = t.kind;
  }
}

// Printed 公开NN表 numbers run upwards (a continuation page repeats its number).
function numberOrder(ctx: AuditContext, outsideToc: (l: number) => boolean): void {
  let last: { n: number; line: number } | null = null;
  ctx.doc.lines.forEach((raw, i) => {
    if (!outsideToc(i + 1)) return;
    const m = /^\s*(?:[（(])?公开\s*0?(\d{1,2})\s*表/.exec(raw.replace(/\f/g, ""));
    if (!m) return;
    const n = Number(m[1]);
    if (last && n < last.n) {
      ctx.find("completeness.table-order", { zh: `公开${n}表排在公开${last.n}表之后`, en: `Table ${n} comes after table ${last.n}` }, `公开${last.n}表之后应为更大的编号`, `公开${n}表`, [ctx.cite(last.line), ctx.cite(i + 1)]);
    }
    last = { n, line: i + 1 };
  });
}

// From a table's title to the next table or heading (at most 30 lines past its parsed end).
function windowEnd(ctx: AuditContext, i: number): number {
  const t = ctx.doc.tables[i] as Table;
  const next = ctx.doc.tables[i + 1]?.line ?? ctx.doc.lines.length + 1;
  const nextSection = ctx.doc.sections.find((s) => s.line > t.lineEnd && s.level <= 2)?.line ?? next;
  return Math.max(t.lineEnd, Math.min(next - 1, nextSection - 1, t.lineEnd + 30));
}

const NOTE_KINDS = new Set<TableKind>(["政府性基金预算财政拨款收入支出决算表", "国有资本经营预算财政拨款支出决算表", "三公经费支出决算表"]);

// An empty fund / state capital / 三公 table says why it is empty, below it or in its note.
function emptyTables(ctx: AuditContext): void {
  const tables = ctx.doc.tables;
  for (const [i, t] of tables.entries()) {
    const kind = kindOfTitle(t.title);
    if (!kind || !NOTE_KINDS.has(kind) || hasFigure(ctx.doc.lines.slice(t.line - 1, windowEnd(ctx, i)))) continue;
    const until = windowEnd(ctx, i);
    // The template's own instruction ("无…的，仍保留该表格式，并在本表下方作下述说明") is not the note.
    const text = ctx.doc.lines.slice(t.line - 1, until).filter((l) => !TEMPLATE_TEXT.some((re) => re.test(l))).join("");
    if (EMPTY_NOTE.test(text.replace(/\s+/g, ""))) continue;
    ctx.find("completeness.empty-table-note", { zh: `${t.title.trim()}没有数据，也没有说明原因`, en: `${t.title.trim()} is empty and carries no note saying why` }, "说明", null, [ctx.cite(t.line)]);
  }
}

// Read from the text, not the parsed cells: a table the parser could not lay out may still hold
// figures ("0.00 … 0.16"); a table of 0.00 rows is not empty either.
function hasFigure(lines: readonly string[]): boolean {
  return lines.some((l) => /(?<![\d.])\d[\d,]*\.\d+(?![\d.])/.test(l.replace(/注[:：].*$/, "")));
}

// The unit as the table's own header lines write it ("单位：万元", "金额单位：元", "（万元）").
function tableUnits(ctx: AuditContext): void {
  for (const t of ctx.doc.tables) {
    if (!kindOfTitle(t.title)) continue;
    const firstRow = Math.min(t.lineEnd, ...t.parts.flatMap((p) => p.rows.map((r) => r.line)));
    const headLines = ctx.doc.lines.slice(Math.max(0, t.line - 4), Math.max(firstRow, t.line + 1));
    // A header the text lost with its title (OCR) says nothing about the unit the table printed.
    if (!headLines.some((l) => kindOfTitle(l) === kindOfTitle(t.title))) continue;
    const head = headLines.join("");
    if (/单位\s*[:：]\s*(万元|元|亿元)|[（(]\s*(万元|元)\s*[)）]/.test(head)) continue;
    ctx.find("completeness.table-unit", { zh: `${t.title.trim()}未标明金额单位`, en: `${t.title.trim()} does not state its unit` }, "单位：万元", null, [ctx.cite(t.line)]);
  }
}
