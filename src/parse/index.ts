/**
 * The parser: a disclosure's text (OCR with tab-separated cells, or `pdftotext -layout` with
 * space-aligned columns) into metadata, sections, tables and paragraphs.
 */
import type { SourceFile } from "../corpus/index.js";
import { err, ok, type Result } from "../core/result.js";
import type { Disclosure, ParseError } from "./types.js";
import { layoutCellRows } from "./_layout.js";
import { compact } from "./_lines.js";
import { readMeta } from "./_meta.js";
import { findParagraphs } from "./_paragraphs.js";
import { findSections } from "./_sections.js";
import { findTables } from "./_tables.js";
import { findToc } from "./_toc.js";

export type * from "./types.js";
export { renderInspect, inspectJson } from "./_render.js";
export { parseHealth, type ParseHealth } from "./_health.js";
export { lineAtOffset, sectionPathAt } from "./_paragraphs.js";

/** Parses one disclosure; a file with no sign of a 决算 disclosure is `not_a_disclosure`, naming why. */
export function parseDisclosure(source: SourceFile): Result<Disclosure, ParseError> {
  const text = source.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") return err({ code: "empty_file", file: source.path });
  const whole = compact(text);
  const missing = [
    /决算/.test(whole) ? null : "no mention of 决算",
    /部门|单位/.test(whole) ? null : "no 部门/单位",
    /20\d{2}年/.test(whole) ? null : "no year (20xx年)",
  ].filter((m): m is string => m !== null);
  if (missing.length > 0) return err({ code: "not_a_disclosure", file: source.path, reason: missing.join("; ") });

  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const toc = findToc(lines);
  const inToc = (i: number): boolean => toc !== null && i >= toc.start && i <= toc.end;
  const cellRows = layoutCellRows(lines, inToc);
  const tables = findTables(lines, cellRows, inToc);
  const templateLines = new Set<number>();
  const tableLines = new Set<number>();
  for (const t of tables) {
    for (let l = t.line; l <= t.lineEnd; l++) {
      tableLines.add(l - 1);
      if (t.kind !== "绩效自评表" && t.kind !== "other") templateLines.add(l - 1);
    }
  }
  // Table lines of a layout text read as their cells joined by tabs, as in the OCR form.
  const cellLines = lines.map((l, i) => (cellRows[i] && !l.includes("\t") ? (cellRows[i] ?? []).join("\t") : l));
  const { sections, headingLines } = findSections(cellLines, (i) => inToc(i) || tableLines.has(i));
  const paragraphs = findParagraphs(cellLines, (i) => inToc(i) || templateLines.has(i) || headingLines.has(i), sections);
  const meta = readMeta(lines, sections, tables, toc ? toc.start : null);
  return ok({
    id: source.name.replace(/\.[^.]+$/, ""),
    file: source.path,
    sha256: source.sha256,
    meta,
    lines,
    sections,
    tables,
    paragraphs,
    toc: toc ? { line: toc.start + 1, lineEnd: toc.end + 1 } : null,
    ...(source.pages ? { pages: source.pages } : {}),
  });
}
