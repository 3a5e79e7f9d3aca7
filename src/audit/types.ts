import type { Lang } from "../answer/types.js";

/** How serious a finding is: a contradiction (error), a likely defect (warning), or a remark (hint). */
export type Severity = "error" | "warning" | "hint";

/** The families of the rule catalogue, in the order reports list them. */
export type RuleKind = "completeness" | "identity" | "table" | "across" | "narrative" | "arithmetic" | "rounding";

/** One place in a document: file, page (PDF text with page breaks), 1-based line range and the text there. */
export interface AuditCitation {
  readonly file: string;
  readonly page?: number;
  readonly line: number;
  readonly lineEnd: number;
  readonly quote: string;
}

/** One defect of a disclosure: the rule broken, what was expected and found, and where. */
export interface AuditFinding {
  readonly rule: string;
  readonly severity: Severity;
  /** One sentence, Chinese (English with `lang: "en"`). */
  readonly message: string;
  readonly expected: string | null;
  readonly found: string | null;
  /** Both sides: the figure that should hold first, then the one that contradicts it. */
  readonly citations: readonly AuditCitation[];
}

/** A rule that could not be applied because our reading of the text is uncertain there. */
export interface AuditUnchecked {
  readonly rule: string;
  readonly reason: string;
  readonly citations: readonly AuditCitation[];
}

/** The audit of one disclosure. */
export interface DocumentAudit {
  readonly file: string;
  readonly department: string;
  readonly year: number | null;
  readonly findings: readonly AuditFinding[];
  readonly unchecked: readonly AuditUnchecked[];
}

/** What `audit --json` prints. */
export interface AuditReport {
  readonly documents: readonly DocumentAudit[];
}

/** Options of an audit run. */
export interface AuditOptions {
  /** Language of messages and reasons (default Chinese). */
  readonly lang?: Lang;
}
