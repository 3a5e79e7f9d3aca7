/**
 * The audit: a disclosure read as an auditor reads it. A catalogue of rules (completeness,
 * consistency of identity, table identities, agreement across tables, narrative against tables,
 * the narrative's own arithmetic, rounding) turns a parsed disclosure and its verified facts into
 * cited findings; where our reading of the text is uncertain a rule reports "could not check".
 */
import type { SourceFile } from "../corpus/index.js";
import { identifyDocument } from "../corpus/identity.js";
import { err, ok, type Result } from "../core/result.js";
import { extractFacts, type Fact } from "../facts/index.js";
import { parseDisclosure } from "../parse/index.js";
import type { Disclosure, ParseError } from "../parse/types.js";
import { verifyFacts } from "../verify/index.js";
import { auditArithmetic } from "./_arithmetic.js";
import { auditCompleteness } from "./_completeness.js";
import { auditConsistency, documentYear } from "./_consistency.js";
import { startAudit } from "./_context.js";
import { auditAcross } from "./_across.js";
import { auditNarrative } from "./_narrative.js";
import { RULES } from "./_rules.js";
import { auditTableSums } from "./_table-sums.js";
import type { AuditOptions, DocumentAudit } from "./types.js";

export type * from "./types.js";
export { RULES, type Rule, type RuleId } from "./_rules.js";
export { renderAuditMarkdown, renderAuditText, renderAuditSummary } from "./_render.js";

const SEVERITY_ORDER = { error: 0, warning: 1, hint: 2 } as const;

/**
 * Audits one parsed disclosure against its verified facts (`verifyFacts` output for this
 * document); `who` is the department and year the corpus resolved (the year falls back to the
 * one the document states most often).
 */
export function auditDisclosure(doc: Disclosure, facts: readonly Fact[], who: { department: string; year: number | null }, opts: AuditOptions = {}): DocumentAudit {
  const year = documentYear(doc) ?? who.year;
  const ctx = startAudit(
    doc,
    facts.filter((f) => f.doc === doc.id),
    { department: who.department, year },
    opts.lang ?? "zh",
  );
  auditCompleteness(ctx);
  auditConsistency(ctx);
  auditTableSums(ctx);
  auditAcross(ctx);
  auditNarrative(ctx);
  auditArithmetic(ctx);
  const rank = (id: string): number => RULES.findIndex((r) => r.id === id);
  const findings = [...ctx.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.citations[0]?.line ?? 0) - (b.citations[0]?.line ?? 0) || rank(a.rule) - rank(b.rule),
  );
  const unchecked = [...ctx.unchecked].sort((a, b) => (a.citations[0]?.line ?? 0) - (b.citations[0]?.line ?? 0));
  return { file: doc.file, department: who.department, year, findings, unchecked };
}

/** Why a file could not be audited. */
export type AuditError = ParseError | { readonly code: "year_unknown"; readonly file: string };

/**
 * Parses and audits one file (the path of `audit FILE`, the bot and the mutation script). Its facts
 * are extracted and verified here unless `facts` already holds them (an index's verified facts).
 */
export function auditSource(source: SourceFile, opts: AuditOptions & { readonly facts?: readonly Fact[] } = {}): Result<DocumentAudit, AuditError> {
  const parsed = parseDisclosure(source);
  if (!parsed.ok) return err(parsed.error);
  const doc = parsed.value;
  const id = identifyDocument(doc.meta, source.entry, source.name);
  const year = id.year ?? documentYear(doc);
  if (year === null) return err({ code: "year_unknown", file: source.path });
  const facts = opts.facts ?? verifyFacts(extractFacts(doc, { department: id.department, year }), [doc]).facts;
  return ok(auditDisclosure(doc, facts, { department: id.department, year }, opts));
}

/** Number of findings of each severity. */
export function countFindings(audit: DocumentAudit): Record<"error" | "warning" | "hint", number> {
  const out = { error: 0, warning: 0, hint: 0 };
  for (const f of audit.findings) out[f.severity] += 1;
  return out;
}
