/**
 * Turns table, 绩效 and narrative drafts of one disclosure into facts: ids, keys, narrative codes
 * resolved against the document's own coded rows, duplicates removed.
 */
import type { Disclosure } from "../parse/types.js";
import type { Fact, FactSource } from "./types.js";
import { classCode } from "./_classes.js";
import { rowCodes } from "./_codes.js";
import { quantityKey } from "./_key.js";
import { danglingTopic, extractNarrative, type ClassPath } from "./_narrative.js";
import { extractQuantities } from "./_quantities.js";
import { extractPerformance, projectBefore, projectMarks, type ProjectMark } from "./_performance.js";
import { extractTableDrafts } from "./_table.js";
import { normLabel } from "./_text.js";
import { paragraphLead } from "./_sentence.js";

/** Who and when a disclosure is about, as the caller resolved it. */
export interface FactIdentity {
  readonly department: string;
  readonly year: number;
}

type Draft = Omit<Fact, "id" | "status" | "evidence" | "repairedFrom" | "conflicting">;

/** All facts of one disclosure, unverified (status single-source). */
export function buildFacts(doc: Disclosure, identity: FactIdentity): Fact[] {
  const base = { doc: doc.id, department: identity.department, year: identity.year };
  const drafts: Draft[] = [];

  for (const t of extractTableDrafts(doc)) {
    const source: FactSource = {
      kind: "table",
      file: doc.file,
      line: t.row.line,
      table: t.tableName,
      tableNumber: t.table.number,
      tableKind: t.table.kind,
      row: t.row.rawLabel || t.row.label || t.subject,
      code: t.row.code,
      column: t.column.path,
      raw: t.raw,
    };
    drafts.push({
      ...base,
      item: t.item,
      subject: t.subject,
      code: t.code,
      measure: t.measure,
      qualifier: t.column.path,
      value: t.value,
      unit: t.unit,
      key: quantityKey({ doc: doc.id, item: t.item, code: t.code, side: t.side, subject: t.subject, measure: t.measure, facet: t.facet }),
      source,
      scope: t.scope,
      ...(t.damage ? { ocr: t.damage } : {}),
    });
  }

  const tableCount = drafts.length;
  const marks = projectMarks(doc.lines, identity.year);
  for (const p of extractPerformance(doc.lines, marks)) {
    drafts.push({
      ...base,
      item: p.item ?? null,
      subject: p.subject,
      code: null,
      measure: p.measure,
      qualifier: p.qualifier,
      value: p.value,
      unit: p.unit,
      key: quantityKey({ doc: doc.id, item: p.item ?? null, code: null, subject: p.subject, measure: p.measure, facet: performanceFacet(p.qualifier) }),
      source: { kind: "narrative", file: doc.file, line: p.line, lineEnd: p.line, section: sectionAt(doc, p.line), quote: p.quote, raw: p.raw },
    });
  }

  const performanceCount = drafts.length - tableCount;
  const names = departmentNames(doc, identity);
  const codes = codeIndex(doc);
  // Sentences inside the cells of free tables (重点工作完成情况表) read like paragraphs.
  const cellParagraphs = doc.tables
    .filter((t) => t.kind === "other")
    .flatMap((t) =>
      t.parts.flatMap((p) =>
        p.rows.flatMap((r) =>
          r.cells
            .filter((c) => c.value === null && c.raw.length >= 12 && /[\u4e00-\u9fff]/.test(c.raw) && /\d/.test(c.raw))
            .map((c) => ({ id: `${t.id}:${r.line}:${c.column}`, text: c.raw, line: r.line, lineEnd: r.line, lineMap: [{ offset: 0, line: r.line }], sectionPath: sectionPathAt(doc, r.line) })),
        ),
      ),
    );
  // Tab-separated rows the parser left as paragraphs: their long text cells, likewise.
  for (const para of doc.paragraphs) {
    if (!tabular(doc, para.line, para.lineEnd)) continue;
    for (let line = para.line; line <= para.lineEnd; line += 1) {
      (doc.lines[line - 1] ?? "").split("\t").forEach((cellText, i) => {
        if (cellText.length >= 12 && /[\u4e00-\u9fff]/.test(cellText) && /\d/.test(cellText)) {
          cellParagraphs.push({ id: `${para.id}:${line}:${i}`, text: cellText, line, lineEnd: line, lineMap: [{ offset: 0, line }], sectionPath: para.sectionPath });
        }
      });
    }
  }
  const fromCells = new Set<unknown>(cellParagraphs);
  let carried: string | null = null;
  for (const para of [...doc.paragraphs, ...cellParagraphs]) {
    if (doc.toc && para.line >= doc.toc.line && para.lineEnd <= doc.toc.lineEnd) continue;
    if (!fromCells.has(para) && tabular(doc, para.line, para.lineEnd)) continue;
    // Definitions (名词解释) state no figures of the year; their "无…" are not zero statements.
    if (para.sectionPath.some((h) => /名词解释/.test(h))) continue;
    const ctx = { departmentNames: names, projectBefore: projectBefore(marks, para.line, 60), year: identity.year, carried };
    const stated = extractNarrative(withoutPageNumbers(para, doc.lines), ctx);
    const described = extractQuantities(withoutPageNumbers(para, doc.lines), ctx, stated);
    // A table laid out one cell per line reads as one long "paragraph": only its sentences
    // ("…全市社零增幅仅为 2.1%。") are described, not its cells.
    const statedAt = new Set(stated.map((d) => d.at));
    const found = cellLines(doc, para.line, para.lineEnd) ? [...stated, ...described.filter((d) => !statedAt.has(d.at) && proseLine(doc.lines[d.line - 1] ?? ""))] : described;
    carried = danglingTopic(para, ctx);
    const lead = paragraphLead(para.text);
    for (const d of found) {
      const later = lead !== null && !d.quote.replace(/\s+/g, "").startsWith(lead);
      const code = d.classPath ? resolveCode(d.classPath, codes) : d.classCode;
      drafts.push({
        ...base,
        item: d.item,
        subject: d.subject,
        code,
        measure: d.measure,
        qualifier: d.qualifier,
        ...(d.predicate ? { predicate: d.predicate } : {}),
        ...(d.period ? { period: d.period } : {}),
        value: d.value,
        unit: d.unit,
        key: quantityKey({ doc: doc.id, item: d.item, code, side: "支出", subject: d.subject, measure: d.measure, facet: d.facet }),
        source: { kind: "narrative", file: doc.file, line: d.line, lineEnd: para.lineEnd, section: para.sectionPath.join(" > "), quote: d.quote, raw: d.raw, ...(later ? { lead } : {}) },
        ...(d.scope ? { scope: d.scope } : {}),
      });
    }
  }
  return withPages(doc, assignIds(dedupe(canonicalProjects(drafts, marks), performanceCount, tableCount)));
}

// A PDF's facts carry the page their line stands on.
function withPages(doc: Disclosure, facts: Fact[]): Fact[] {
  const pages = doc.pages;
  if (!pages) return facts;
  return facts.map((f) => {
    const page = pages[f.source.line - 1];
    return page === undefined ? f : { ...f, source: { ...f.source, page } };
  });
}

// "武汉东湖新技术开发区政务和大数据局业务经费", "发展改革局发改局业务经费": the narrative names a project
// with its organisation in front; the 自评表's 项目名称 is the project's own name.
function canonicalProjects(drafts: readonly Draft[], marks: readonly ProjectMark[]): Draft[] {
  // Only 项目名称 rows: titles are sometimes wrapped ("…纪检监察工委" / "专项业务经费项目自评表").
  const names = [...new Set(marks.filter((m) => m.from === "name").map((m) => m.name))].filter((n) => n.length >= 4).sort((a, b) => b.length - a.length);
  const norm = names.map((n) => normLabel(n));
  return drafts.map((d) => {
    if (d.source.kind !== "narrative" || d.item || d.code) return d;
    const subject = normLabel(d.subject);
    const k = norm.findIndex((n) => subject !== n && subject.endsWith(n) && /(局|委|办|部|中心|室|区|市|组|会|\))$/.test(subject.slice(0, subject.length - n.length)));
    const name = names[k];
    return name ? { ...d, subject: name } : d;
  });
}

// An indicator's target, weight and score are other quantities than its actual value, and the same
// indicator of two projects is two indicators: the role and the context distinguish them. Budget,
// execution and total scores keep the plain key they share with the narrative.
function performanceFacet(qualifier: readonly string[]): string {
  const role = qualifier[0] ?? "";
  if (!/^(目标值|实际完成值|分值|得分|得分小计|权重|得分率)$/.test(role)) return "";
  return [role === "实际完成值" ? "" : role, ...qualifier.slice(1)].join("/");
}

// Tab-separated table rows the parser left as paragraphs (绩效 indicator tables) are not prose.
function tabular(doc: Disclosure, line: number, lineEnd: number): boolean {
  const ls = doc.lines.slice(line - 1, lineEnd).filter((l) => l.trim() !== "");
  const tabbed = ls.filter((l) => /\S\t+\S|^\t+\S/.test(l)).length;
  return ls.length > 0 && tabbed * 2 > ls.length;
}

type ParagraphLike = Disclosure["paragraphs"][number];

// "…教\n  3\n育部高校科研优秀成果奖": a page number that pdftotext put inside a paragraph is not its text.
function withoutPageNumbers<P extends Pick<ParagraphLike, "text" | "line" | "lineMap">>(para: P, lines: readonly string[]): P {
  const map = para.lineMap;
  const drop = map.filter((e, i) => i > 0 && i < map.length - 1 && /^\s*[-—–]?\s*\d{1,3}\s*[-—–]?\s*$/.test(lines[e.line - 1] ?? ""));
  if (drop.length === 0) return para;
  let text = "";
  const lineMap: { offset: number; line: number }[] = [];
  map.forEach((e, i) => {
    if (drop.includes(e)) return;
    const end = map[i + 1]?.offset ?? para.text.length;
    lineMap.push({ offset: text.length, line: e.line });
    text += para.text.slice(e.offset, end);
  });
  return { ...para, text, lineMap };
}

// "满意度 ≥90% 100% 10" / "（40" / "分）": most lines short and without sentence punctuation.
function cellLines(doc: Disclosure, line: number, lineEnd: number): boolean {
  const ls = doc.lines.slice(line - 1, lineEnd).filter((l) => l.trim() !== "");
  if (ls.length < 6) return false;
  const cells = ls.filter((l) => l.trim().length <= 24 && !/[，。；,;]/.test(l)).length;
  return cells * 10 >= ls.length * 7;
}

function proseLine(l: string): boolean {
  return /[，。；]/.test(l) || l.trim().length > 30;
}

// Drafts arrive tables first, then 绩效 tables, then paragraphs. A 绩效 line may also be read as a
// paragraph: the 绩效 reading (which knows the project) wins; otherwise only exact repeats go.
function dedupe(drafts: readonly Draft[], performanceCount: number, tableCount: number): Draft[] {
  const seen = new Set<string>();
  const perf = new Set<string>();
  const out: Draft[] = [];
  drafts.forEach((d, i) => {
    const spot = `${d.source.line}|${d.value}|${d.unit}|${d.measure}`;
    const isPerf = i >= tableCount && i < tableCount + performanceCount;
    if (isPerf) perf.add(spot);
    else if (i >= tableCount && perf.has(spot)) return;
    const k = `${spot}|${d.subject}|${d.key}|${d.source.kind === "table" ? `${d.source.column.join(">")}|${d.source.raw}|${d.source.row}` : ""}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(d);
  });
  return out;
}

function assignIds(drafts: readonly Draft[]): Fact[] {
  const perLine = new Map<string, number>();
  const sorted = [...drafts].sort((a, b) => a.source.line - b.source.line);
  return sorted.map((d) => {
    const lineKey = `${d.doc}:L${d.source.line}`;
    const n = (perLine.get(lineKey) ?? 0) + 1;
    perLine.set(lineKey, n);
    return { ...d, id: `${lineKey}:${n}`, status: "single-source", evidence: [], repairedFrom: null, conflicting: [] };
  });
}

function departmentNames(doc: Disclosure, identity: FactIdentity): string[] {
  const raw = [identity.department, doc.meta.department ?? ""].filter((s) => s !== "");
  const out = new Set<string>();
  for (const r of raw) {
    const n = normLabel(r);
    out.add(n);
    out.add(n.replace(/\(本级\)$|本级$/, ""));
    // "武汉市投资促进局(武汉市政务服务局)" is also written without the bracketed second name.
    out.add(n.replace(/\([^()]*\)$/, ""));
  }
  return [...out].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}

function sectionAt(doc: Disclosure, line: number): string {
  return sectionPathAt(doc, line).join(" > ");
}

function sectionPathAt(doc: Disclosure, line: number): readonly string[] {
  let best: { path: readonly string[]; line: number } | null = null;
  for (const s of doc.sections) if (s.line <= line && s.lineEnd >= line && (!best || s.line >= best.line)) best = s;
  return best ? best.path : [];
}

type CodeIndex = Map<string, Set<string>>;

function codeIndex(doc: Disclosure): CodeIndex {
  const idx: CodeIndex = new Map();
  for (const [r, code] of rowCodes(doc)) {
    if (!code || !/^2\d{2}(\d{2}){0,2}$/.test(code)) continue;
    const k = normLabel(r.label);
    if (!idx.has(k)) idx.set(k, new Set());
    idx.get(k)?.add(code);
  }
  return idx;
}

// The narrative names 类/款/项; the tables carry codes. A name resolves only to a code under the
// 类 (and 款) it is written with, so "行政运行" finds the right one of many.
function resolveCode(path: ClassPath, idx: CodeIndex): string | null {
  const lei = path.lei ? classCode(path.lei) : null;
  if (!path.kuan && !path.xiang) return lei;
  const find = (name: string, prefix: string | null, len: number): string | null => {
    const n = normLabel(name);
    let cands = [...(idx.get(n) ?? [])];
    if (cands.length === 0) {
      // OCR cuts long labels short in some tables ("机关事业单位基本养老保险缴"): accept a long prefix.
      for (const [label, codes] of idx) if (label.length >= 6 && n.startsWith(label)) cands.push(...codes);
    }
    cands = cands.filter((c) => c.length === len && (!prefix || c.startsWith(prefix)));
    const unique = [...new Set(cands)];
    return unique.length === 1 ? (unique[0] ?? null) : null;
  };
  const kuan = path.kuan ? find(path.kuan, lei, 5) : null;
  if (!path.xiang) return kuan;
  return find(path.xiang, kuan ?? lei, 7);
}
