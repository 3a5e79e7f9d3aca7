/**
 * Fact coverage measured without gold answers: every numeric token of a disclosure's text is
 * either structure (a date, a page number, a 科目编码, a list or column number, a year in a title,
 * part of a name) or a figure, and every figure should belong to a fact stated on its line.
 */
import { sameValue } from "../core/money.js";
import type { Disclosure } from "../parse/types.js";
import type { Fact } from "./types.js";
import { scanFigures } from "./_text.js";

/** Why a numeric token is not a figure. */
export type Exclusion = "date" | "page" | "code" | "ordinal" | "identifier";

/** Where a token stands: a parsed table, a prose paragraph, or elsewhere (headings, loose lines). */
export type Zone = "table" | "narrative" | "other";

/** A run of digits in the text as written. */
export interface NumericToken {
  readonly line: number;
  /** Offset in the NFKC-normalised line. */
  readonly col: number;
  /** As written (normalised), e.g. "113,311.47". */
  readonly raw: string;
  /** Plain decimal, or null when the digits do not form a number ("2.432.62"). */
  readonly value: string | null;
  readonly zone: Zone;
}

/** Coverage of one disclosure. */
export interface Coverage {
  readonly doc: string;
  /** Tokens that are figures, and whether a fact states each. */
  readonly figures: readonly (NumericToken & { readonly covered: boolean })[];
  readonly excluded: readonly (NumericToken & { readonly reason: Exclusion })[];
}

/** Share of figure tokens covered (1 when there are none), optionally within one zone. */
export function coverageShare(c: Coverage, zone?: Zone): { covered: number; total: number; share: number } {
  const fs = c.figures.filter((f) => !zone || f.zone === zone);
  const covered = fs.filter((f) => f.covered).length;
  return { covered, total: fs.length, share: fs.length === 0 ? 1 : covered / fs.length };
}

/** Classifies every numeric token of `doc` and checks each figure against the facts of `doc`. */
export function measureCoverage(doc: Disclosure, facts: readonly Fact[]): Coverage {
  const byLine = new Map<number, Fact[]>();
  for (const f of facts) {
    if (f.doc !== doc.id) continue;
    const end = f.source.kind === "narrative" ? Math.max(f.source.line, f.source.lineEnd) : f.source.line;
    // A narrative figure is cited at the line where its digits start; a 绩效 row's facts at the row.
    for (const l of f.source.kind === "narrative" ? [f.source.line] : range(f.source.line, end)) {
      if (!byLine.has(l)) byLine.set(l, []);
      byLine.get(l)?.push(f);
    }
  }
  repeatedLines(doc, byLine);
  const figures: (NumericToken & { covered: boolean })[] = [];
  const excluded: (NumericToken & { reason: Exclusion })[] = [];
  for (const t of numericTokens(doc)) {
    // A bound inside a noun phrase may stand a line or two before the figure that counts it.
    const near = [t.token.line, t.token.line + 1, t.token.line + 2].flatMap((l) => byLine.get(l) ?? []);
    const covered = (byLine.get(t.token.line) ?? []).some((f) => states(f, t.token)) || near.some((f) => names(f, t.token));
    // A structural number (行次, a list number) that a fact states after all is a figure.
    if (t.reason && !(covered && t.reason === "ordinal")) {
      excluded.push({ ...t.token, reason: t.reason });
      continue;
    }
    figures.push({ ...t.token, covered });
  }
  return { doc: doc.id, figures, excluded };
}

// A page of a table repeating a line of an earlier page (its 合计 row under the repeated header)
// repeats that line's figures: the facts read from the first print state the repeat too.
function repeatedLines(doc: Disclosure, byLine: Map<number, Fact[]>): void {
  for (const t of doc.tables) {
    const first = new Map<string, number>();
    for (let l = t.line; l <= t.lineEnd; l++) {
      const text = (doc.lines[l - 1] ?? "").normalize("NFKC").replace(/\s+/g, "");
      if (!/\d[.,]\d/.test(text)) continue;
      const earlier = first.get(text);
      if (earlier === undefined) first.set(text, l);
      else if (!byLine.has(l) && byLine.has(earlier)) byLine.set(l, byLine.get(earlier) ?? []);
    }
  }
}

function states(f: Fact, t: NumericToken): boolean {
  const raws = [f.source.raw, f.repairedFrom ?? "", f.ocr?.candidate ?? ""].map((r) => r.normalize("NFKC").replace(/\s+/g, ""));
  if (raws.some((r) => r !== "" && (r === t.raw || r.replace(/[%分]$/, "") === t.raw))) return true;
  if (t.value === null) return false;
  return sameValue(f.value, t.value) || sameValue(f.value.replace(/^-/, ""), t.value);
}

// "单位价值100万元以上设备 0台(套)", "统筹推动10亿元以上重点项目174个": a bound that is part of the
// noun phrase a fact counts belongs to that fact.
function names(f: Fact, t: NumericToken): boolean {
  const words = [f.subject, ...f.qualifier].map((w) => w.normalize("NFKC").replace(/\s+/g, ""));
  return words.some((w) => new RegExp(`(?<![\\d.])${t.raw.replace(/[.,]/g, "\\$&")}(?![\\d.])`).test(w));
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i += 1) out.push(i);
  return out;
}

// A run of digits with the separators and decimal points inside it ("113,311.47", "2.432.62").
const RUN = /\d(?:[\d.,]*\d)?/g;

/** Every numeric token of the document with the reason it is not a figure, if any. */
export function numericTokens(doc: Disclosure): { token: NumericToken; reason: Exclusion | null }[] {
  const zones = zoneMap(doc);
  const codes = tableCodes(doc);
  const rowNumbers = tableRowNumbers(doc);
  const out: { token: NumericToken; reason: Exclusion | null }[] = [];
  const toc = doc.toc;
  doc.lines.forEach((rawLine, i) => {
    const lineNo = i + 1;
    // "1, 099.07" (spacing noise inside a grouped figure) is one token.
    const l = spacingRepaired(rawLine);
    const inToc = toc !== null && lineNo >= toc.line && lineNo <= toc.lineEnd;
    for (const m of l.matchAll(RUN)) {
      const col = m.index ?? 0;
      const raw = m[0];
      const plain = raw.replace(/,/g, "");
      const value = /^\d+(\.\d+)?$/.test(plain) ? plain : null;
      const token: NumericToken = { line: lineNo, col, raw, value, zone: zones.get(lineNo) ?? "other" };
      // "制定了《东西湖区 2022" / "年…": a year whose 年 went to the next line.
      const next = doc.lines.slice(i + 1, i + 4).find((x) => x.trim() !== "") ?? "";
      const yearBroken = /^(19|20)\d{2}$/.test(raw) && l.slice(col + raw.length).trim() === "" && /^\s*年/.test(next);
      const reason = inToc ? "page" : yearBroken ? "date" : exclusion(l, col, raw, lineNo, codes, rowNumbers, token.zone);
      out.push({ token, reason });
    }
  });
  return out;
}

/** A line with spacing noise inside figures removed: "1, 115. 55" → "1,115.55" (offsets are of this text). */
export function spacingRepaired(line: string): string {
  return line
    .normalize("NFKC")
    .replace(/(\d)\s?,\s(?=\d{3}(?!\d))/g, "$1,")
    .replace(/(\d)\s*\.\s+(?=\d+(?!\d|\s*年))/g, "$1.");
}

function exclusion(l: string, col: number, raw: string, lineNo: number, codes: Map<number, Set<string>>, rowNumbers: Map<number, Set<string>>, zone: Zone): Exclusion | null {
  const before = l.slice(0, col);
  const after = l.slice(col + raw.length);
  const b1 = before.trimEnd().slice(-1);
  const a = after.trimStart();
  // A table of contents' page numbers: "三、决算报表说明 ……… 15".
  if (/(\.{3,}|…{2,}|·{3,})\s*$/.test(before) && /^\s*$/.test(after)) return "page";
  // Page numbers: a line holding only the number ("13", "- 13 -", "第 3 页", "3/42").
  if (/^[\s\-—–第页/\d共]*$/.test(l) && /^\s*(?:[-—–]\s*)?(?:第\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?\s*(?:页)?(?:\s*[-—–])?\s*(?:共\s*\d+\s*页)?\s*$/.test(l)) return "page";
  // Dates and years: "2024年", "2024 年度", "12月", "31日", "2025-01-20", "1-10月".
  if (/^(19|20)\d{2}$/.test(raw) && /^年/.test(a)) return "date";
  if (/^\d{1,2}$/.test(raw) && /^(月|日|号|时(?!间))/.test(a)) return "date";
  if (/^\d{2}$/.test(raw) && /^年\s*\d{1,2}\s*月/.test(a)) return "date";
  if (/^[-~至到—]\s*\d{1,4}\s*(年|月|日)/.test(a)) return "date";
  if (/^(19|20)\d{2}$/.test(raw) && (/^[-./]\d/.test(after) || /[-./~至—]\s*$/.test(before) || /^\s*[-~至—]\s*(19|20)\d{2}/.test(after))) return "date";
  // "武财绩〔2021〕546号", "东财[2023]5号": a document's number.
  if (/[〔\[【(]\s*$/.test(before) && /^\s*[〕\]】)]/.test(after) && /^(19|20)\d{2}$/.test(raw)) return "identifier";
  if (/[〕\]】]\s*$/.test(before) && /^\s*号/.test(after)) return "identifier";
  // "2022 年度 2021 促消费市级奖励项目绩效自评表": a year in a title.
  if (/^(19|20)\d{2}$/.test(raw) && /(表|报告|结果|说明|情况|公开)\s*$/.test(l) && l.trim().length <= 40) return "date";
  if (/^(19|20)\d{2}\.\d{1,2}(\.\d{1,2})?$/.test(raw) && /^[\s)）]*$|^[^\d万%亿元]/.test(after)) return "date";
  if (/\d{4}[-./]$/.test(before) && /^\d{1,2}$/.test(raw)) return "date";
  // 科目编码: a table row's code, one in brackets after a name ("小学教育(2050202)"), or one leading a row.
  const plain = raw.replace(/,/g, "");
  if (codes.get(lineNo)?.has(plain)) return "code";
  if (/^[123]\d{2}(\d{2}){0,2}$/.test(plain) && (/[(\[【]\s*$/.test(before) && /^\s*[)\]】]/.test(after))) return "code";
  if (/^[23]\d{2}(\d{2}){0,2}$/.test(plain) && plain.length >= 5 && /^\s*$/.test(before) && /^\s*([\u4e00-\u9fff]|$)/.test(after)) return "code";
  // List and column numbers: "1.", "1、", "(1)", "第3", "公开09表", "表1", 栏次 rows, 行次 cells.
  if (/^(、|[.．](?!\d))/.test(after) && /^\d{1,2}$/.test(raw) && /(^|[\s:：;；。,，(（>])$/.test(before)) return "ordinal";
  // "年度目标1", "满意度指标1": the number of a goal or indicator.
  if (/^\d{1,2}$/.test(raw) && /(目标|指标)\s*$/.test(before)) return "ordinal";
  if (/^\d{1,2}\.$/.test(raw + after.slice(0, 1)) && /^\.\d{4}年/.test(after) ) return "ordinal";
  if (/[(（]\s*$/.test(before) && /^\s*[)）]/.test(after) && /^\d{1,2}$/.test(raw) && !/^\s*[)）]\s*(万元|元|%|个|家|人)/.test(after)) return "ordinal";
  // "①2023年" read as "1.2023年".
  if (/^\d\.(19|20)\d{2}$/.test(raw) && /^\s*年/.test(after)) return "ordinal";
  // "“4·15”期间": a date.
  if (/^\d{1,2}$/.test(raw) && (/^\s*·\s*\d/.test(after) || /\d\s*·\s*$/.test(before))) return "date";
  if (/第\s*$/.test(before) || /^\s*(表|号|期|批次?(?=[\u4e00-\u9fff]))/.test(after) && /(公开|附表|表)\s*$/.test(before)) return "ordinal";
  if (/(公开|附件|附表|表|图)\s*$/.test(before) || /^表/.test(a)) return "ordinal";
  if (b1 === "第") return "ordinal";
  if (rowNumbers.get(lineNo)?.has(plain)) return "ordinal";
  // "9\t九、卫生健康支出\t39\t58.65": the 行次 beside a row label (a fact stating the number wins).
  if (zone === "table" && /^\d{1,2}$/.test(raw) && (/(^|[\u4e00-\u9fff)）])\s*$/.test(before) || /^\s+[\u4e00-\u9fff]/.test(after))) return "ordinal";
  if (columnNumbers(l)) return "ordinal";
  // "①监管数据汇聚总量" read as "1监管…", "- 2发现…": a circled or list number run into its item.
  if (/^\d{1,2}$/.test(raw) && /^[\u4e00-\u9fff“"](?<![个家项次人名台辆场批件户条万亿元分])/.test(after) && /(^|^[\s\-*#>]+|[。;；:：)）]\s*)$/.test(before)) return "ordinal";
  if (/^\d{1,2}$/.test(raw) && /(目标|指标)\s*\d{1,2}\s*(和|、|及|与)\s*$/.test(before)) return "ordinal";
  // "①2024年" read as "12024年".
  if (/^[1-9⑴](19|20)\d{2}$/.test(raw) && /^\s*年/.test(after)) return "date";
  if (/栏次|行次/.test(l) && /^\d{1,2}$/.test(raw)) return "ordinal";
  // "9\t…\t61": a 行次 alone at a table line's edge.
  if (zone === "table" && /^\d{1,2}$/.test(raw) && (/^\s*$/.test(before) || /^\s*$/.test(after))) return "ordinal";
  // Names and identifiers: "5G", "200M专网", "12345热线", "G42", phone numbers, "“1+4+3”体系".
  if (/[+＋]\s*$/.test(before) || /^\s*[+＋]\s*\d/.test(after)) return "identifier";
  // "6栏各行 = (1 + 2 - 3) 栏各行": column numbers in a formula.
  if (/^\d{1,2}$/.test(raw) && (/^\s*[)）]?\s*栏/.test(after) || /[=\-(（]\s*$/.test(before) && /^\s*[+\-)）]/.test(after))) return "ordinal";
  // "“紫东太初 2.0”", "中国光谷 3551 国际创业大赛": a number inside a name, with no unit of its own.
  if (/[“"][^”"]*$/.test(before) && (/^\s*[”"]/.test(after) || (/^\s*[\u4e00-\u9fff]{1,6}[”"]/.test(after) && !unitAhead(after)))) return "identifier";
  // "1  中共上海市普陀区委社会工作部(本级)": the 序号 of a list of units.
  if (/^\d{1,2}$/.test(raw) && /^\s*$/.test(before) && /^\s+[\u4e00-\u9fff]/.test(after) && !unitAhead(after)) return "ordinal";
  // "“2024中英清洁能源(氢能)”合作论坛", "对2023全年…": a year in a name or before 全年.
  if (/^(19|20)\d{2}$/.test(raw) && (/[“"][^”"]*$/.test(before) || /^\s*(全年|年度|上半年|下半年)/.test(after))) return "date";
  // "人选500强民营企业": digits glued into a text (no unit) are part of a name.
  if (/[\u4e00-\u9fff]$/.test(before) && /^[\u4e00-\u9fff]/.test(after) && !unitAhead(after)) return "identifier";
  if (zone === "narrative" && /[\u4e00-\u9fff]\s*$/.test(before) && /^\s*[\u4e00-\u9fff]/.test(after) && !unitAhead(after)) return "identifier";
  if (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)) return "identifier";
  if (/^\d{5,}$/.test(plain) && /^\s*(热线|平台|服务热线)/.test(a)) return "identifier";
  if (/\d{3,4}-$/.test(before) || (/^-\d{7,8}/.test(after) && /^\d{3,4}$/.test(plain))) return "identifier";
  if (/^\d{7,8}$/.test(plain) && /(电话|传真)[:：]?\s*(\d{3,4}-)?$/.test(before)) return "identifier";
  return null;
}

// Whether a unit follows the number (then it is a figure, not part of a name).
function unitAhead(after: string): boolean {
  const a = after.trimStart();
  return scanFigures(`1${a.slice(0, 8)}`).some((f) => f.start === 0) || /^(余|多)/.test(a);
}

// "1 2 3 4 5 6", "类 款 项 1 2 3 4 5 6 7", "栏次 1 2 3": the 栏次 line of a table header.
function columnNumbers(l: string): boolean {
  if (!/^[\s\d类款项栏次行合计金额单位:：()（）万元]+$/.test(l)) return false;
  const ns = (l.match(/\d+/g) ?? []).map(Number);
  return ns.length >= 3 && ns.every((n, k) => k === 0 || n === (ns[k - 1] ?? 0) + 1);
}

function zoneMap(doc: Disclosure): Map<number, Zone> {
  const z = new Map<number, Zone>();
  for (const p of doc.paragraphs) for (let l = p.line; l <= p.lineEnd; l += 1) z.set(l, "narrative");
  for (const t of doc.tables) for (let l = t.line; l <= t.lineEnd; l += 1) z.set(l, "table");
  // Rows the parser left as paragraphs are tables too: cells apart by two spaces or more
  // (pdftotext -layout), or one cell per line with figures and no sentence.
  doc.lines.forEach((l, i) => {
    const t = l.trim();
    const gaps = (t.match(/\S\s{2,}(?=\S)/g) ?? []).length;
    if (z.get(i + 1) !== "table" && /\d/.test(t) && !/[，。；]/.test(t) && (gaps >= 2 || (gaps >= 1 && /\s{2,}[\d.,%-]+$/.test(t)))) z.set(i + 1, "table");
  });
  // Tab-separated rows the parser left as paragraphs (绩效 tables) are tables too.
  for (const p of doc.paragraphs) {
    const ls = doc.lines.slice(p.line - 1, p.lineEnd).filter((l) => l.trim() !== "");
    const tabbed = ls.filter((l) => /\S\t+\S|^\t+\S/.test(l)).length;
    if (ls.length > 0 && tabbed * 2 > ls.length) for (let l = p.line; l <= p.lineEnd; l += 1) z.set(l, "table");
  }
  return z;
}

function tableCodes(doc: Disclosure): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const t of doc.tables)
    for (const p of t.parts)
      for (const r of p.rows) {
        if (!r.code) continue;
        if (!out.has(r.line)) out.set(r.line, new Set());
        out.get(r.line)?.add(r.code);
        // "206049\t9": a code split across cells is two tokens.
        for (let k = 1; k < r.code.length; k += 1) out.get(r.line)?.add(r.code.slice(0, k)).add(r.code.slice(k));
      }
  return out;
}

function tableRowNumbers(doc: Disclosure): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const t of doc.tables)
    for (const p of t.parts)
      for (const r of p.rows) {
        if (!r.rowNo) continue;
        if (!out.has(r.line)) out.set(r.line, new Set());
        out.get(r.line)?.add(r.rowNo);
      }
  return out;
}
