/**
 * The documents of a search index as a small in-memory view (one entry per disclosure, not per
 * chunk): label spans, prose bitmaps and the identity field. Filters resolve against it without
 * touching chunk rows.
 */
import type { Database } from "better-sqlite3";
import { buildField, type Bm25Field } from "./_bm25.js";
import { normalize } from "./_tokenize.js";

/** One document's place in the label space. */
export interface DocView {
  readonly id: number;
  readonly file: string;
  readonly department: string;
  readonly year: number;
  readonly base: number;
  readonly count: number;
  /** Bit i set when chunk base+i is prose. */
  readonly prose: Uint8Array;
  /** Identity pseudo-document ("department year年") of its chunks. */
  readonly identity: number;
}

/** All documents, ordered by label base. */
export interface Docs {
  readonly list: readonly DocView[];
  readonly byId: ReadonlyMap<number, DocView>;
  readonly byFile: ReadonlyMap<string, DocView>;
  /** Distinct department names, normalised (for blanking names out of queries). */
  readonly departments: readonly string[];
  /** Indexes into `departments` by each character triple of the name (who may be named in a query). */
  readonly nameTriples: ReadonlyMap<string, readonly number[]>;
  /** Identity tokens (jieba words + bigrams, computed at build time) by pseudo-document number. */
  readonly identityTokens: readonly (readonly string[])[];
  /** Identity keys by pseudo-document number. */
  readonly identityKeys: readonly string[];
  /** The identity field, tokenised on first use (jieba). */
  identity: Bm25Field | null;
}

/** Reads the document view (a few rows per disclosure; no chunk is read). */
export function loadDocs(db: Database): Docs {
  const rows = db.prepare("SELECT id, file, department, year, base, count, prose, identity FROM search_docs ORDER BY base").all() as {
    id: number;
    file: string;
    department: string;
    year: number;
    base: number;
    count: number;
    prose: Buffer;
    identity: string;
  }[];
  const keys = new Map<string, number>();
  const identityTokens: string[][] = [];
  const list = rows.map((r) => {
    const key = `${r.department} ${r.year}年`;
    let identity = keys.get(key);
    if (identity === undefined) {
      identity = keys.size;
      keys.set(key, identity);
      identityTokens.push(JSON.parse(r.identity) as string[]);
    }
    return { id: r.id, file: r.file, department: r.department, year: r.year, base: r.base, count: r.count, prose: new Uint8Array(r.prose), identity };
  });
  const departments = [...new Set(list.map((d) => normalize(d.department)))];
  const nameTriples = new Map<string, number[]>();
  departments.forEach((name, i) => {
    for (const t of triples(name)) {
      const at = nameTriples.get(t);
      if (!at) nameTriples.set(t, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  return {
    list,
    byId: new Map(list.map((d) => [d.id, d])),
    byFile: new Map(list.map((d) => [d.file, d])),
    departments,
    nameTriples,
    identityTokens,
    identityKeys: [...keys.keys()],
    identity: null,
  };
}

/** The character triples of a text (code points). */
function triples(s: string): string[] {
  const cs = [...s];
  const out: string[] = [];
  for (let i = 0; i + 3 <= cs.length; i++) out.push(`${cs[i]}${cs[i + 1]}${cs[i + 2]}`);
  return out;
}

/**
 * The department names sharing a run of three characters with a normalised query: the only ones
 * that can be blanked out of it (a run of ≥ 3 shared characters holds a shared triple).
 */
export function namesInQuery(docs: Docs, query: string): string[] {
  const at = new Set<number>();
  for (const t of triples(query)) for (const i of docs.nameTriples.get(t) ?? []) at.add(i);
  return [...at].sort((a, b) => a - b).flatMap((i) => docs.departments[i] ?? []);
}

/** The identity field (built once per loaded index, from the tokens stored at build time). */
export function identityField(docs: Docs): Bm25Field {
  docs.identity ??= buildField(docs.identityTokens);
  return docs.identity;
}

/** The document holding a label, or null (binary search over the spans). */
export function docOf(docs: Docs, label: number): DocView | null {
  const list = docs.list;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = list[mid] as DocView;
    if (label < d.base) hi = mid - 1;
    else if (label >= d.base + d.count) lo = mid + 1;
    else return d;
  }
  return null;
}

/** Whether the chunk at `label` (inside `doc`) is prose. */
export function proseAt(doc: DocView, label: number): boolean {
  const i = label - doc.base;
  return ((doc.prose[i >> 3] ?? 0) & (1 << (i & 7))) !== 0;
}

/** Which chunks a search may return: by department(s), year, and prose only. */
export interface ChunkScope {
  /** Full department names; null or absent for all. */
  readonly departments?: readonly string[] | null;
  readonly year?: number | null;
  /** Only prose chunks (not rows of the numeric 公开NN表 tables). */
  readonly proseOnly?: boolean;
}

/** A resolved scope: the passing documents (null = all) and the prose restriction. */
export interface Pass {
  readonly docs: readonly DocView[] | null;
  readonly ids: ReadonlySet<number> | null;
  readonly proseOnly: boolean;
}

/** Resolves a scope against the document view. */
export function resolveScope(docs: Docs, scope: ChunkScope | undefined): Pass | null {
  if (!scope) return null;
  const names = scope.departments ? new Set(scope.departments) : null;
  const year = scope.year ?? null;
  const proseOnly = scope.proseOnly === true;
  if (names === null && year === null) return proseOnly ? { docs: null, ids: null, proseOnly } : null;
  const passing = docs.list.filter((d) => (names === null || names.has(d.department)) && (year === null || d.year === year));
  return { docs: passing, ids: new Set(passing.map((d) => d.id)), proseOnly };
}

/** Whether a label passes a resolved scope. */
export function passes(docs: Docs, pass: Pass | null, label: number): boolean {
  if (pass === null) return true;
  const d = docOf(docs, label);
  if (d === null) return false;
  if (pass.ids !== null && !pass.ids.has(d.id)) return false;
  return !pass.proseOnly || proseAt(d, label);
}

/** The labels passing a scope, when it names documents (for exact scoring of small sets). */
export function passingLabels(pass: Pass): number[] | null {
  if (pass.docs === null) return null;
  const out: number[] = [];
  for (const d of pass.docs) for (let l = d.base; l < d.base + d.count; l++) if (!pass.proseOnly || proseAt(d, l)) out.push(l);
  return out;
}

/**
 * Corpus order of two labels (file path, then position in the file): ties are broken by where
 * chunks are, not by when their document happened to be added to the index.
 */
export function corpusOrder(docs: Docs): (a: number, b: number) => number {
  return (a, b) => {
    const da = docOf(docs, a);
    const db = docOf(docs, b);
    if (da !== db && da && db) return da.file < db.file ? -1 : da.file > db.file ? 1 : da.base - db.base;
    return a - b;
  };
}
