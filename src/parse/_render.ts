/**
 * What `inspect` shows: a human summary of a parsed disclosure and its JSON form.
 */
import type { Disclosure, Table } from "./types.js";
import { parseHealth, type ParseHealth } from "./_health.js";

const share = (n: number, d: number): string => (d === 0 ? "—" : `${((100 * n) / d).toFixed(1)}%`);

function healthJson(h: ParseHealth): object {
  return {
    identities: { ...h.identities, share: h.identities.total === 0 ? null : h.identities.holding / h.identities.total },
    figures: { ...h.figures, share: h.figures.printed === 0 ? null : h.figures.placed / h.figures.printed },
    failures: h.failures,
  };
}

function flagCount(d: Disclosure): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (k: string): void => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  for (const t of d.tables) {
    t.flags.forEach((f) => add(f.kind));
    for (const p of t.parts) for (const r of p.rows) {
      r.flags.forEach((f) => add(f.kind));
      r.cells.forEach((c) => c.flags.forEach((f) => add(f.kind)));
    }
  }
  return counts;
}

/** A compact description of one table (number, title, unit, kind, lines, parts). */
function tableSummary(t: Table): object {
  return {
    id: t.id,
    number: t.number,
    title: t.title,
    kind: t.kind,
    unit: t.unit,
    departmentLine: t.departmentLine,
    line: t.line,
    lineEnd: t.lineEnd,
    flags: t.flags,
    parts: t.parts.map((p) => ({
      name: p.name,
      columns: p.columns.map((c) => ({ path: c.path, lineNo: c.lineNo })),
      rowCount: p.rows.length,
    })),
  };
}

/** The JSON printed by `inspect --json`: metadata, sections, table summaries, counts. */
export function inspectJson(d: Disclosure): object {
  return {
    id: d.id,
    file: d.file,
    sha256: d.sha256,
    meta: d.meta,
    lineCount: d.lines.length,
    toc: d.toc,
    sections: d.sections.map((s) => ({ level: s.level, marker: s.marker, title: s.title, line: s.line, lineEnd: s.lineEnd, path: s.path })),
    tables: d.tables.map(tableSummary),
    paragraphCount: d.paragraphs.length,
    ocrFlags: flagCount(d),
    health: healthJson(parseHealth(d)),
    ...(d.pages ? { pageCount: Math.max(0, ...d.pages) } : {}),
  };
}

/** A human-readable outline of a parsed disclosure. */
export function renderInspect(d: Disclosure): string {
  const out: string[] = [];
  const m = d.meta;
  out.push(`文件 file: ${d.file}  (${d.lines.length} lines, sha256 ${d.sha256.slice(0, 12)}…)`);
  out.push(`标题 title: ${m.title ?? "—"}`);
  out.push(`单位 department: ${m.department ?? "—"}   年度 year: ${m.year ?? "—"}   类型 kind: ${m.kind ?? "—"}   金额单位 unit: ${m.unit ?? "—"}   发布 published: ${m.publishedOn ?? "—"}`);
  out.push(`目录 toc: ${d.toc ? `lines ${d.toc.line}-${d.toc.lineEnd}` : "—"}`);
  out.push("", `章节 sections (${d.sections.length}):`);
  for (const s of d.sections) out.push(`${"  ".repeat(s.level)}${s.marker}${s.level === 1 ? " " : ""}${s.title}  [${s.line}-${s.lineEnd}]`);
  out.push("", `表格 tables (${d.tables.length}):`);
  for (const t of d.tables) {
    out.push(`  ${t.number ?? "(no number)"} ${t.title}  [${t.kind}; ${t.unit ?? "no unit"}; lines ${t.line}-${t.lineEnd}]`);
    if (t.departmentLine) out.push(`    ${t.departmentLine}`);
    for (const p of t.parts) {
      out.push(`    ${p.name ?? "table"}: ${p.rows.length} rows; columns: ${p.columns.map((c) => `${c.path.join(">")}${c.lineNo ? `(${c.lineNo})` : ""}`).join(" | ")}`);
    }
    for (const f of t.flags) out.push(`    ! ${f.kind}: ${f.note}`);
  }
  out.push("", `段落 paragraphs: ${d.paragraphs.length}`);
  const flags = flagCount(d);
  const total = Object.values(flags).reduce((a, b) => a + b, 0);
  out.push(`OCR 标记 flags: ${total}${total ? ` (${Object.entries(flags).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}`);
  const h = parseHealth(d);
  out.push(`解析健康 parse health: 勾稽成立 identities hold ${h.identities.holding}/${h.identities.total} (${share(h.identities.holding, h.identities.total)}) · 数字入列 figures placed ${h.figures.placed}/${h.figures.printed} (${share(h.figures.placed, h.figures.printed)})`);
  for (const f of h.failures.slice(0, 20)) out.push(`  ✗ ${f}`);
  if (h.failures.length > 20) out.push(`  … ${h.failures.length - 20} more`);
  return `${out.join("\n")}\n`;
}
