/** Test helper: audits a seed disclosure as written or with edits planted in its text. */
import { readFileSync } from "node:fs";
import { auditSource, type AuditFinding, type DocumentAudit } from "../../src/audit/index.js";

const cache = new Map<string, string[]>();

/** The seed's lines (1-based via `lines[n - 1]`). */
export function seedLines(file: string): string[] {
  const hit = cache.get(file);
  if (hit) return [...hit];
  const lines = readFileSync(file, "utf8").split("\n");
  cache.set(file, lines);
  return [...lines];
}

/** An edit of a document's lines. */
export type Edit = (lines: string[]) => string[];

/** Replaces `from` by `to` on line `n` (1-based); fails loudly when the text is not there. */
export const sub =
  (n: number, from: string, to: string): Edit =>
  (lines) => {
    const l = lines[n - 1] ?? "";
    if (!l.includes(from)) throw new Error(`line ${n} has no “${from}”: ${l}`);
    const out = [...lines];
    out[n - 1] = l.replace(from, to);
    return out;
  };

/** 0-based index of the first line (after `after`) equal to `text` once trimmed. */
export function indexOf(lines: readonly string[], text: string, after = 0): number {
  const i = lines.findIndex((l, k) => k >= after && l.trim() === text);
  if (i < 0) throw new Error(`no line “${text}”`);
  return i;
}

/** Audits a seed with the edits applied. */
export function auditSeed(file: string, ...edits: Edit[]): DocumentAudit {
  const lines = edits.reduce((ls, e) => e(ls), seedLines(file));
  const name = file.split("/").pop() ?? file;
  const r = auditSource({ path: file, name, sha256: "", text: lines.join("\n"), entry: undefined });
  if (!r.ok) throw new Error(`audit failed: ${r.error.code}`);
  return r.value;
}

/** Findings of `rule` citing a line in [from, to]. */
export function findingsAt(audit: DocumentAudit, rule: string, from: number, to = from): AuditFinding[] {
  return audit.findings.filter((f) => f.rule === rule && f.citations.some((c) => c.line <= to && c.lineEnd >= from));
}
