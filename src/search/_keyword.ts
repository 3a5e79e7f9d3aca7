import { buildField, fieldFromJson, fieldToJson, scoreField, type Bm25Field, type Bm25FieldJson } from "./_bm25.js";
import { tokenize } from "./_tokenize.js";

/**
 * Weight of the character-bigram field against the jieba word field. Bigrams rescue words jieba
 * cuts differently in query and text, typos ("公物接待费") and names it does not know; at full weight
 * they drown the sharper word matches. Tuned by the retrieval benchmark.
 */
export const BIGRAM_WEIGHT = 0.5;

/** BM25 over jieba words plus BM25 over Han character bigrams. */
export interface KeywordIndex {
  readonly words: Bm25Field;
  readonly bigrams: Bm25Field;
}

/** Tokenises and indexes chunk texts. */
export function buildKeyword(texts: readonly string[]): KeywordIndex {
  const terms = texts.map(tokenize);
  return { words: buildField(terms.map((t) => t.words)), bigrams: buildField(terms.map((t) => t.bigrams)) };
}

/** Plain-JSON form for bm25.json. */
export interface KeywordJson {
  readonly words: Bm25FieldJson;
  readonly bigrams: Bm25FieldJson;
}

export function keywordToJson(k: KeywordIndex): KeywordJson {
  return { words: fieldToJson(k.words), bigrams: fieldToJson(k.bigrams) };
}

export function keywordFromJson(j: KeywordJson): KeywordIndex {
  return { words: fieldFromJson(j.words), bigrams: fieldFromJson(j.bigrams) };
}

/** The `n` best chunks for a query by BM25 (labels restricted to `pass` when given), best first. */
export function searchKeyword(
  index: KeywordIndex,
  query: string,
  n: number,
  pass: ReadonlySet<number> | null,
  bigramWeight = BIGRAM_WEIGHT,
): { label: number; score: number }[] {
  const terms = tokenize(query);
  const scores = new Float64Array(index.words.docLen.length);
  const touched = new Set<number>();
  scoreField(index.words, terms.words, 1, scores, touched);
  scoreField(index.bigrams, terms.bigrams, bigramWeight, scores, touched);
  const hits: { label: number; score: number }[] = [];
  for (const d of touched) if (pass === null || pass.has(d)) hits.push({ label: d, score: scores[d] ?? 0 });
  return hits.sort((a, b) => b.score - a.score || a.label - b.label).slice(0, n);
}
