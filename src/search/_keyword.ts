import type { Chunk } from "../chunk/index.js";
import { buildField, fieldFromJson, fieldToJson, scoreField, type Bm25Field, type Bm25FieldJson } from "./_bm25.js";
import { normalize, tokenize } from "./_tokenize.js";

/**
 * Weight of the character-bigram field against the jieba word field. Bigrams rescue words jieba
 * cuts differently in query and text, typos ("公物接待费") and names it does not know; at full weight
 * they drown the sharper word matches. Tuned by the retrieval benchmark.
 */
export const BIGRAM_WEIGHT = 0.5;

/**
 * Weight of the identity field (department + year). Every chunk's text starts with its department
 * and year; scored with the content, those words would favour the shortest chunks of the named
 * department (BM25 length normalisation), so they are a field of their own, scored once per
 * department and added to chunks that match the query's content. The part of the query naming a
 * department is matched against this field only: in the content the name is rare (titles, 概况),
 * and its high IDF would rank those chunks above the ones about the question's subject.
 */
export const IDENTITY_WEIGHT = 2;

/** BM25 over content words and bigrams, plus a small identity field. */
export interface KeywordIndex {
  readonly words: Bm25Field;
  readonly bigrams: Bm25Field;
  /** One pseudo-document per distinct "department year年". */
  readonly identity: Bm25Field;
  /** Identity pseudo-document of each chunk. */
  readonly identityOf: Uint32Array;
  /** Distinct department names, normalised. */
  readonly departments: readonly string[];
}

type Indexed = Pick<Chunk, "text" | "department" | "year">;

function identityText(c: Indexed): string {
  return `${c.department} ${c.year}年`;
}

/** A chunk's text without its leading identity. */
function contentText(c: Indexed): string {
  const id = identityText(c);
  return c.text.startsWith(id) ? c.text.slice(id.length) : c.text;
}

function buildIdentity(chunks: readonly Indexed[]): { identity: Bm25Field; identityOf: Uint32Array; departments: string[] } {
  const ids = new Map<string, number>();
  const identityOf = new Uint32Array(chunks.length);
  chunks.forEach((c, i) => {
    const key = identityText(c);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    identityOf[i] = id;
  });
  const docs = [...ids.keys()].map((k) => {
    const t = tokenize(k);
    return [...t.words, ...t.bigrams];
  });
  const departments = [...new Set(chunks.map((c) => normalize(c.department)))];
  return { identity: buildField(docs), identityOf, departments };
}

/** Shortest run of a department name that counts as naming it in a query ("东西湖", "服务中心"). */
const MIN_NAME_RUN = 3;

/**
 * The query with every run of ≥ 3 characters shared with a department name blanked out, e.g.
 * "洪山区企业服务中心住房保障支出" → " 住房保障支出" (name "武汉市洪山区企业服务中心").
 */
export function stripDepartments(query: string, departments: readonly string[]): string {
  const q = [...normalize(query)];
  const drop = new Array<boolean>(q.length).fill(false);
  for (const name of departments) {
    let i = 0;
    while (i < q.length) {
      let len = 0;
      while (i + len < q.length && name.includes(q.slice(i, i + len + 1).join(""))) len++;
      if (len >= MIN_NAME_RUN) {
        for (let j = i; j < i + len; j++) drop[j] = true;
        i += len;
      } else {
        i++;
      }
    }
  }
  return q.map((ch, i) => (drop[i] ? " " : ch)).join("");
}

/** Tokenises and indexes chunks. */
export function buildKeyword(chunks: readonly Indexed[]): KeywordIndex {
  const terms = chunks.map((c) => tokenize(contentText(c)));
  return {
    words: buildField(terms.map((t) => t.words)),
    bigrams: buildField(terms.map((t) => t.bigrams)),
    ...buildIdentity(chunks),
  };
}

/** Plain-JSON form for bm25.json (the identity field is rebuilt from the chunks). */
export interface KeywordJson {
  readonly words: Bm25FieldJson;
  readonly bigrams: Bm25FieldJson;
}

export function keywordToJson(k: KeywordIndex): KeywordJson {
  return { words: fieldToJson(k.words), bigrams: fieldToJson(k.bigrams) };
}

export function keywordFromJson(j: KeywordJson, chunks: readonly Indexed[]): KeywordIndex {
  return { words: fieldFromJson(j.words), bigrams: fieldFromJson(j.bigrams), ...buildIdentity(chunks) };
}

/** Keyword tuning knobs (defaults: BIGRAM_WEIGHT, IDENTITY_WEIGHT). */
export interface KeywordWeights {
  readonly bigram?: number;
  readonly identity?: number;
}

/** The `n` best chunks for a query by BM25 (labels restricted to `pass` when given), best first. */
export function searchKeyword(
  index: KeywordIndex,
  query: string,
  n: number,
  pass: ReadonlySet<number> | null,
  weights: KeywordWeights = {},
): { label: number; score: number }[] {
  const terms = tokenize(stripDepartments(query, index.departments));
  const named = tokenize(query);
  const scores = new Float64Array(index.words.docLen.length);
  const touched = new Set<number>();
  scoreField(index.words, terms.words, 1, scores, touched);
  scoreField(index.bigrams, terms.bigrams, weights.bigram ?? BIGRAM_WEIGHT, scores, touched);
  const idScores = new Float64Array(index.identity.docLen.length);
  scoreField(index.identity, [...named.words, ...named.bigrams], weights.identity ?? IDENTITY_WEIGHT, idScores, new Set());
  const hits: { label: number; score: number }[] = [];
  for (const d of touched) {
    if (pass !== null && !pass.has(d)) continue;
    hits.push({ label: d, score: (scores[d] ?? 0) + (idScores[index.identityOf[d] ?? 0] ?? 0) });
  }
  return hits.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, n);
}
