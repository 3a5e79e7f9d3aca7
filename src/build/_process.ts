/**
 * One document through the pipeline: parse → identify → facts → verify → chunks → terms. Each
 * document is verified on its own (quantity keys never cross documents), so the result depends on
 * nothing but the document, its name and its manifest entry. Paths are left out (file ""): a
 * document's artefact is the same wherever its corpus directory lies.
 */
import { chunkDisclosure, type Chunk } from "../chunk/index.js";
import { identifyDocument } from "../corpus/identity.js";
import type { SourceFile } from "../corpus/index.js";
import { extractFacts, type Fact, type Finding } from "../facts/index.js";
import { parseDisclosure } from "../parse/index.js";
import { chunkTerms, type ChunkTerms } from "../search/index.js";
import { verifyFacts } from "../verify/index.js";

/** What the build learned about a disclosure, without its path. */
export interface StoredRecord {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly department: string;
  readonly aliases: readonly string[];
  readonly year: number;
  readonly type: "部门决算" | "单位决算" | null;
  readonly region: string | null;
  readonly title: string | null;
  /** Disagreements between the manifest and the document's own text. */
  readonly mismatches: readonly string[];
  readonly tables: number;
  readonly facts: number;
}

/** A processed document, or why it could not be ingested. */
export type Outcome =
  | {
      readonly kind: "document";
      readonly record: StoredRecord;
      readonly facts: readonly Fact[];
      readonly findings: readonly Finding[];
      readonly chunks: readonly Chunk[];
      readonly terms: readonly ChunkTerms[];
    }
  | { readonly kind: "rejected"; readonly reason: string };

function withoutPath<T extends { source: { file: string } }>(f: T): T {
  return { ...f, source: { ...f.source, file: "" } };
}

/** Runs one document through the pipeline. */
export function processDocument(f: SourceFile): Outcome {
  const p = parseDisclosure(f);
  if (!p.ok) {
    const reason = "reason" in p.error ? p.error.reason : p.error.code;
    return { kind: "rejected", reason: `${p.error.code}: ${reason}` };
  }
  const d = p.value;
  const id = identifyDocument(d.meta, f.entry, f.name);
  if (id.year === null) return { kind: "rejected", reason: "year_unknown: 无法从文件或清单确定年度 (no year in the text or the manifest)" };
  const who = { department: id.department, year: id.year };
  const verified = verifyFacts(extractFacts(d, who), [d]);
  const chunks = chunkDisclosure(d, who).map((c) => ({ ...c, file: "" }));
  return {
    kind: "document",
    record: {
      id: d.id,
      name: f.name,
      sha256: f.sha256,
      department: id.department,
      aliases: id.aliases,
      year: id.year,
      type: id.type,
      region: id.region,
      title: d.meta.title,
      mismatches: id.mismatches,
      tables: d.tables.length,
      facts: verified.facts.length,
    },
    facts: verified.facts.map(withoutPath),
    findings: verified.findings,
    chunks,
    terms: chunks.map(chunkTerms),
  };
}
