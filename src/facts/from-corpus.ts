/**
 * Facts of the configured corpus without the rest of the index: reads, parses, extracts and
 * verifies every disclosure (used by the `facts` and `audit` commands and the coverage script).
 */
import type { Config } from "../config.js";
import { checkSeal } from "../core/integrity.js";
import { readCorpus, type ManifestEntry, type SourceFile } from "../corpus/index.js";
import { identifyDocument } from "../corpus/identity.js";
import { parseDisclosure } from "../parse/index.js";
import type { Disclosure } from "../parse/types.js";
import { verifyFacts } from "../verify/index.js";
import { extractFacts, FACT_STORE_FORMAT, loadFactStore, type FactStore } from "./index.js";

/** One parsed disclosure with what the manifest says about it. */
export interface CorpusDocument {
  readonly file: SourceFile;
  readonly doc: Disclosure;
  readonly department: string;
  readonly year: number | null;
  readonly entry: ManifestEntry | undefined;
}

/** The corpus's facts and findings, and the documents they came from. */
export interface CorpusFacts {
  readonly store: FactStore;
  readonly documents: readonly CorpusDocument[];
  /** Files that could not be read or parsed, with the reason. */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/**
 * Builds the corpus's fact store in memory (nothing is written). With `preferStored`, a fresh
 * `<indexDir>/facts.json` is used instead of re-extracting (documents are still parsed).
 */
export function factsFromCorpus(config: Config, opts: { preferStored?: boolean } = {}): CorpusFacts {
  // Deliberately not ensureIndex: listing and auditing facts needs no embedding model or vectors.
  const corpus = readCorpus(config.corpusDir);
  if (!corpus.ok) {
    return { store: emptyStore([]), documents: [], skipped: [{ file: corpus.error.file, reason: corpus.error.code }] };
  }
  const skipped: { file: string; reason: string }[] = corpus.value.issues.map((i) => ({ file: i.file, reason: i.code }));
  const documents: CorpusDocument[] = [];
  for (const file of corpus.value.files) {
    const parsed = parseDisclosure(file);
    if (!parsed.ok) {
      skipped.push({ file: file.path, reason: parsed.error.code });
      continue;
    }
    const id = identifyDocument(parsed.value.meta, file.entry, file.name);
    documents.push({ file, doc: parsed.value, department: id.department, year: id.year, entry: file.entry });
  }
  const expected = corpus.value.files.map((f) => ({ file: f.path, sha256: f.sha256 }));
  // Only a store whose bytes are still those the build sealed.
  if (opts.preferStored && checkSeal(config.indexDir, ["facts.json"]).ok) {
    const stored = loadFactStore(config.indexDir, expected);
    if (stored.ok) return { store: stored.value, documents, skipped };
  }
  const facts = documents.flatMap((d) => (d.year === null ? [] : extractFacts(d.doc, { department: d.department, year: d.year })));
  const verified = verifyFacts(facts, documents.map((d) => d.doc));
  return { store: { ...emptyStore(expected), facts: verified.facts, findings: verified.findings }, documents, skipped };
}

function emptyStore(corpus: readonly { file: string; sha256: string }[]): FactStore {
  return { formatVersion: FACT_STORE_FORMAT, builtAt: new Date().toISOString(), corpus, facts: [], findings: [] };
}
