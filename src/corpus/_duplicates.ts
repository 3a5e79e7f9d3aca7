/**
 * The same document under two names where the bytes differ: one file is a truncated copy of the
 * other (a download cut short). Both name the same body, year and type; the shorter one's lines
 * all stand in the longer one. The longer one is used, the shorter named in a warning.
 */
import type { CorpusIssue } from "./index.js";

/** A parsed document as the duplicate check needs it: who and when it is about, and its text. */
export interface DocumentKey {
  readonly file: string;
  /** "body|year|type", or null when the document does not say. */
  readonly key: string | null;
  readonly text: string;
}

/** Issues for every document that is a truncated copy of another with the same key. */
export function truncatedCopies(docs: readonly DocumentKey[]): CorpusIssue[] {
  const issues: CorpusIssue[] = [];
  const groups = new Map<string, DocumentKey[]>();
  for (const d of docs) if (d.key !== null) groups.set(d.key, [...(groups.get(d.key) ?? []), d]);
  for (const group of groups.values()) {
    const byLength = [...group].sort((a, b) => b.text.length - a.text.length);
    const kept: DocumentKey[] = [];
    for (const d of byLength) {
      const original = kept.find((k) => contains(k.text, d.text));
      if (original) issues.push({ code: "duplicate", file: d.file, original: original.file, reason: "truncated_copy" });
      else kept.push(d);
    }
  }
  return issues;
}

// All non-blank lines of the shorter text (but its last, which may be cut mid-line) stand in the longer.
function contains(longer: string, shorter: string): boolean {
  const norm = (s: string): string[] => s.split(/\r?\n/).map((l) => l.replace(/\s+/g, "")).filter((l) => l !== "");
  const have = new Set(norm(longer));
  const lines = norm(shorter).slice(0, -1);
  return lines.length >= 10 && lines.every((l) => have.has(l));
}
