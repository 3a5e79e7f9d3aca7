/**
 * Facts and findings read from the index database per department-year, on demand, with a small
 * cache; each document's facts blob is checked against its recorded hash before use.
 */
import type Database from "better-sqlite3";
import { sha256 } from "../core/hash.js";
import { createLogger } from "../core/log.js";
import type { Fact, Finding } from "../facts/index.js";
import { labelBigrams } from "./_db.js";
import { weightedCache, type CacheBounds } from "./_cache.js";

const log = createLogger("facts");

/** Facts and findings of the index, read lazily. */
export interface FactReader {
  /** The facts of one department-year (all its documents), paths filled in. */
  factsFor(department: string, year: number): readonly Fact[];
  /** Findings of the documents of one department. */
  findingsFor(department: string): readonly Finding[];
  /**
   * Departments that may state a figure: a fact of one of the items or the code, or a subject
   * sharing at least half of the topic's character pairs (candidates for department inference).
   */
  departmentsWith(terms: { items: readonly string[]; code: string | null; topic: string | null }): ReadonlySet<string>;
  /**
   * Files of one department-year whose stored facts failed their hash check and were withheld (an
   * absent figure there means a damaged index, not an undisclosed item).
   */
  withheldFor(department: string, year: number): readonly string[];
  /**
   * Every department-year's stored answer to one headline ask (`headlineAsks`), by
   * "department|year" (null: none), for the department-years held by one document. A
   * department-year of several documents, or whose stored answer fails its hash check, is absent
   * (its facts are linked instead).
   */
  headlineFigures(ask: string): ReadonlyMap<string, HeadlineFigure | null>;
  /** The facts of one document by its cited path, paths filled in. */
  factsOfFile(file: string): readonly Fact[];
  /** Every label word of the stored documents (their vocabulary, for typo repair). */
  vocabulary(): Set<string>;
  /** Number of facts stored. */
  count(): number;
  /** How many facts of department-years read once stay parsed (a warm-up reads no more than these). */
  readonly keptOnce: number;
}

/**
 * How many facts stay parsed in memory (with what linking builds over them, about 3.5 KiB a fact):
 * department-years read again (a working set of departments asked about) and, apart, those read
 * once. A pass over many departments read once leaves the first part warm.
 */
export const KEPT_FACTS: CacheBounds = { once: 16_000, again: 48_000 };

/** A stored answer to a headline ask: the representative figure first, then its other sources. */
export interface HeadlineFigure {
  readonly best: Fact;
  readonly sources: readonly Fact[];
  readonly score: number;
}

interface FactRow {
  readonly file: string;
  readonly sha: string;
  readonly data: string;
}

/** The facts of stored rows, each blob checked against its recorded hash first (failures into `withheld`). */
function factsOfRows(rows: readonly FactRow[], withheld: string[] = []): Fact[] {
  const out: Fact[] = [];
  for (const r of rows) {
    // A damaged or edited store must not be served as truth: that document's facts are withheld.
    if (sha256(r.data) !== r.sha) {
      log.error("facts of a document do not match their recorded hash; withheld until the index is rebuilt", { file: r.file });
      withheld.push(r.file);
      continue;
    }
    // Freshly parsed objects: the path is filled in place, no copy.
    for (const f of JSON.parse(r.data) as { source: { file: string } }[]) {
      f.source.file = r.file;
      out.push(f as unknown as Fact);
    }
  }
  return out;
}

/** Document terms of both tiers (see `insertOutcome`). */
const DOC_TERMS = "(SELECT term, doc FROM doc_terms UNION ALL SELECT term, doc FROM doc_terms_recent)";

/** A reader over `db`'s facts tables. */
export function factReader(db: Database.Database, kept: CacheBounds = KEPT_FACTS): FactReader {
  const cache = weightedCache<readonly Fact[]>(kept, (facts) => facts.length);
  const withheld = new Map<string, readonly string[]>();
  const byFile = db.prepare("SELECT d.file AS file, f.sha AS sha, f.data AS data FROM documents d JOIN facts f ON f.doc = d.id WHERE d.file = ?");
  const byWho = db.prepare("SELECT d.id AS id, d.file AS file, f.sha AS sha, f.data AS data FROM documents d JOIN facts f ON f.doc = d.id WHERE d.department = ? AND d.year = ? ORDER BY d.file");
  const findings = db.prepare("SELECT d.file AS file, f.sha AS sha, f.data AS data FROM documents d JOIN findings f ON f.doc = d.id WHERE d.department = ? ORDER BY d.file");
  let total: number | null = null;
  let single: readonly string[] | null = null;
  return {
    keptOnce: kept.once,
    factsFor(department, year) {
      const key = `${department}|${year}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const damaged: string[] = [];
      const out = factsOfRows(byWho.all(department, year) as FactRow[], damaged);
      cache.set(key, out);
      if (damaged.length > 0) withheld.set(key, damaged);
      return out;
    },
    withheldFor(department, year) {
      this.factsFor(department, year);
      return withheld.get(`${department}|${year}`) ?? [];
    },
    headlineFigures(ask) {
      single ??= db.prepare("SELECT department || '|' || year FROM documents GROUP BY department, year HAVING COUNT(*) = 1").pluck().all() as string[];
      const out = new Map<string, HeadlineFigure | null>(single.map((k) => [k, null]));
      const rows = db.prepare("SELECT d.department || '|' || d.year AS who, d.file AS file, h.sha AS sha, h.data AS data FROM headlines h JOIN documents d ON d.id = h.doc WHERE h.ask = ?").all(ask) as {
        who: string;
        file: string;
        sha: string;
        data: string;
      }[];
      for (const r of rows) {
        if (!out.has(r.who)) continue;
        // A damaged or edited row is not served: that department's facts are linked instead.
        if (sha256(r.data) !== r.sha) {
          log.error("a stored headline figure does not match its recorded hash; the document's facts are read instead", { file: r.file });
          out.delete(r.who);
          continue;
        }
        const { sources, score } = JSON.parse(r.data) as { sources: Fact[]; score: number };
        for (const f of sources) (f.source as { file: string }).file = r.file;
        const best = sources[0];
        if (best) out.set(r.who, { best, sources, score });
      }
      return out;
    },
    factsOfFile(file) {
      return factsOfRows(byFile.all(file) as FactRow[]);
    },
    vocabulary() {
      return new Set((db.prepare("SELECT word FROM vocabulary").pluck().all() as string[]));
    },
    findingsFor(department) {
      return (findings.all(department) as { file: string; sha: string; data: string }[]).flatMap((r) => {
        if (sha256(r.data) === r.sha) return JSON.parse(r.data) as Finding[];
        log.error("findings of a document do not match their recorded hash; withheld until the index is rebuilt", { file: r.file });
        return [];
      });
    },
    departmentsWith({ items, code, topic }) {
      const out = new Set<string>();
      const exact = [...items.map((i) => `item:${i}`), ...(code !== null ? [`code:${code}`] : [])];
      if (exact.length > 0) {
        const rows = db
          .prepare(`SELECT DISTINCT d.department AS department FROM ${DOC_TERMS} t JOIN documents d ON d.id = t.doc WHERE t.term IN (${exact.map(() => "?").join(",")})`)
          .all(...exact) as { department: string }[];
        for (const r of rows) out.add(r.department);
      }
      const pairs = [...new Set(topic ? labelBigrams(topic) : [])].map((b) => `sb:${b}`);
      if (pairs.length > 0) {
        const rows = db
          .prepare(
            `SELECT d.department AS department FROM ${DOC_TERMS} t JOIN documents d ON d.id = t.doc WHERE t.term IN (${pairs.map(() => "?").join(",")}) GROUP BY t.doc HAVING COUNT(*) * 2 >= ?`,
          )
          .all(...pairs, pairs.length) as { department: string }[];
        for (const r of rows) out.add(r.department);
      }
      return out;
    },
    count() {
      total ??= (db.prepare("SELECT COALESCE(SUM(count), 0) AS n FROM facts").get() as { n: number }).n;
      return total;
    },
  };
}
