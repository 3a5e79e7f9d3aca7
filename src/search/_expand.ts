import { ITEMS } from "../facts/items.js";

/** A citizen's word (or an English phrase) and the document term it stands for. */
interface Expansion {
  readonly match: (q: string) => boolean;
  readonly term: string;
}

/** Shortest Chinese synonym used for expansion: two-character ones ("服务", "工程") are too ambiguous. */
const MIN_HAN_SYNONYM = 3;

function build(): Expansion[] {
  const out: Expansion[] = [];
  for (const item of Object.values(ITEMS)) {
    const term = item.zh.replace(/[“”"]/g, "");
    const en = item.en.replace(/^the /, "").replace(/['"]/g, "");
    for (const s of [...item.synonyms, en]) {
      const lower = s.toLowerCase();
      if (/^[\x20-\x7e]+$/.test(s)) {
        // Whole words, plural allowed: "official receptions" matches "official reception".
        const re = new RegExp(`\\b${lower.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:s|es)?\\b`, "i");
        // Queries are lowercased: a query without the phrase's text is not run through its pattern.
        out.push({ match: (q) => q.includes(lower) && re.test(q), term });
      } else if ([...s].length >= MIN_HAN_SYNONYM) {
        out.push({ match: (q) => q.includes(lower), term });
      }
    }
  }
  return out;
}

let table: Expansion[] | null = null;

/**
 * Document terms for the citizen words and English phrases a query uses, from the item vocabulary
 * (src/facts/items.ts): "招待费" → "公务接待费", "official receptions" → "公务接待费". The terms are
 * appended to the query, so both rankings see the words the disclosures use.
 */
export function expansionTerms(query: string): string[] {
  table ??= build();
  const q = query.toLowerCase();
  const terms = new Set<string>();
  for (const e of table) if (!q.includes(e.term.toLowerCase()) && e.match(q)) terms.add(e.term);
  return [...terms];
}
