/**
 * What every rule module works with: the parsed disclosure, its verified facts, citation builders
 * and the two outlets, `find` (a defect) and `skip` (a check our reading cannot support).
 */
import type { Lang } from "../answer/types.js";
import type { Fact } from "../facts/index.js";
import type { Disclosure } from "../parse/types.js";
import type { CellRef } from "../verify/index.js";
import { indexCells, type CellIndex } from "./_cells.js";
import { createRereader, type Rereader } from "./_reread.js";
import { ruleOf, type RuleId } from "./_rules.js";
import type { AuditCitation, AuditFinding, AuditUnchecked } from "./types.js";

/** A message in both languages; the report picks one. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** The audit of one disclosure while rules run. */
export interface AuditContext {
  readonly doc: Disclosure;
  /** This disclosure's verified facts. */
  readonly facts: readonly Fact[];
  readonly department: string;
  readonly year: number | null;
  readonly lang: Lang;
  /** Table cells by place, valued from the verified facts. */
  readonly cells: CellIndex;
  /** Doubts about our reading of table cells. */
  readonly reread: Rereader;
  /** Cites lines `line..lineEnd` with their text (whitespace runs collapsed). */
  cite(line: number, lineEnd?: number): AuditCitation;
  /** Cites a table cell's line. */
  citeCell(ref: CellRef): AuditCitation;
  /** Cites where a fact was read: the table line, or the narrative sentence. */
  citeFact(f: Fact): AuditCitation;
  find(rule: RuleId, message: Bilingual, expected: string | null, found: string | null, citations: readonly AuditCitation[]): void;
  skip(rule: RuleId, reason: Bilingual, citations: readonly AuditCitation[]): void;
  readonly findings: AuditFinding[];
  readonly unchecked: AuditUnchecked[];
}

/** Collapses a raw line for quoting: form feeds dropped, tabs as " | ", runs of spaces as two. */
export function quoteLine(raw: string): string {
  return raw.replace(/\f/g, "").trim().replace(/\t+/g, " | ").replace(/ {3,}/g, "  ");
}

/** Starts the audit of `doc`. */
export function startAudit(doc: Disclosure, facts: readonly Fact[], who: { department: string; year: number | null }, lang: Lang): AuditContext {
  // A PDF's page per line when the reader kept it (Disclosure.pages), else form feeds in the text.
  const perLine = (doc as { readonly pages?: readonly number[] }).pages;
  const pages = pageStarts(doc.lines);
  const findings: AuditFinding[] = [];
  const unchecked: AuditUnchecked[] = [];
  const seen = new Set<string>();
  const cite = (line: number, lineEnd = line): AuditCitation => {
    const quote = doc.lines
      .slice(line - 1, lineEnd)
      .map(quoteLine)
      .filter((l) => l !== "")
      .join(" ");
    const page = perLine?.[line - 1] ?? (pages ? pageAt(pages, line) : undefined);
    return { file: doc.file, ...(page !== undefined ? { page } : {}), line, lineEnd, quote };
  };
  return {
    doc,
    facts,
    department: who.department,
    year: who.year,
    lang,
    cells: indexCells(doc, facts),
    reread: createRereader(doc),
    cite,
    citeCell: (ref) => cite(ref.row.line),
    citeFact(f) {
      if (f.source.kind === "table") return cite(f.source.line);
      const c = cite(f.source.line, f.source.lineEnd);
      return { ...c, quote: f.source.quote };
    },
    find(rule, message, expected, found, citations) {
      const key = `${rule}|${citations.map((c) => c.line).join(",")}|${expected}|${found}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push({ rule, severity: ruleOf(rule).severity, message: message[lang], expected, found, citations: dedupe(citations) });
    },
    skip(rule, reason, citations) {
      const key = `skip|${rule}|${citations.map((c) => c.line).join(",")}`;
      if (seen.has(key)) return;
      seen.add(key);
      unchecked.push({ rule, reason: reason[lang], citations: dedupe(citations) });
    },
    findings,
    unchecked,
  };
}

function dedupe(citations: readonly AuditCitation[]): AuditCitation[] {
  const out: AuditCitation[] = [];
  for (const c of citations) if (!out.some((o) => o.line === c.line && o.lineEnd === c.lineEnd && o.quote === c.quote)) out.push(c);
  return out;
}

// `pdftotext -layout` ends each page with a form feed; without any, the text has no pages.
function pageStarts(lines: readonly string[]): number[] | null {
  const starts: number[] = [];
  lines.forEach((l, i) => {
    for (const ch of l) if (ch === "\f") starts.push(i + 1);
  });
  return starts.length > 0 ? starts : null;
}

function pageAt(breaks: readonly number[], line: number): number {
  let page = 1;
  for (const b of breaks) if (b <= line) page += 1;
  return page;
}
