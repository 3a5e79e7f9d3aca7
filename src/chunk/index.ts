import type { Disclosure } from "../parse/types.js";
import { paragraphChunks } from "./_paragraphs.js";
import { tableChunks } from "./_tables.js";

export { tableLabel } from "./_tables.js";

/**
 * Version of the chunk rendering; bump whenever chunk text or boundaries change, so saved indexes
 * built by an older chunker are reported stale and rebuilt.
 */
export const CHUNKER_VERSION = "5";

/** A retrievable passage with its citation. */
export interface Chunk {
  /** Stable within one chunker version, e.g. "2024-wuhan-jingxinju:t8.0.0". */
  readonly id: string;
  /** Disclosure id. */
  readonly doc: string;
  /** Path as cited, e.g. "corpus/2024-wuhan-jingxinju.txt". */
  readonly file: string;
  readonly department: string;
  readonly year: number;
  readonly kind: "paragraph" | "table_row" | "definition" | "section_title";
  /** What is embedded and indexed: self-contained (department, year, table or section, then the content). */
  readonly text: string;
  /** The original passage to show (soft breaks repaired for narrative; the raw line for a table row). */
  readonly quote: string;
  /** 1-based inclusive line range holding the quote. */
  readonly line: number;
  readonly lineEnd: number;
  /** "公开09表 财政拨款“三公”经费支出决算表" for table rows, else null. */
  readonly table: string | null;
  /** Section path joined with " > " (for a table row: the section holding the table), else null. */
  readonly section: string | null;
}

/** Who a disclosure is about, as resolved by the build (manifest or the document's own metadata). */
export interface ChunkIdentity {
  readonly department: string;
  readonly year: number;
}

/**
 * Cuts a parsed disclosure into chunks: narrative paragraphs within their section (long ones split at
 * sentence ends to ≤ ~300 characters, short neighbours merged), one sentence per table row, one chunk
 * per 名词解释 entry, and a heading chunk for sections that hold nothing else (e.g. tables printed as
 * images). Chunks come in document order.
 */
export function chunkDisclosure(doc: Disclosure, identity: ChunkIdentity): Chunk[] {
  const narrative = paragraphChunks(doc, identity);
  const narrativeLines = new Set<number>();
  for (const c of narrative) for (let l = c.line; l <= c.lineEnd; l++) narrativeLines.add(l);
  const chunks = [...narrative, ...tableChunks(doc, identity, (line) => narrativeLines.has(line))];
  const covered = (line: number, lineEnd: number): boolean => chunks.some((c) => c.line <= lineEnd && c.lineEnd >= line);
  const toc = doc.toc;
  doc.sections.forEach((s, i) => {
    if (toc && s.line >= toc.line && s.line <= toc.lineEnd) return;
    // Only a section whose body holds no other chunk needs its heading to be findable by itself.
    if (covered(s.line, s.lineEnd)) return;
    chunks.push({
      id: `${doc.id}:s${i}`,
      doc: doc.id,
      file: doc.file,
      department: identity.department,
      year: identity.year,
      kind: "section_title",
      text: `${identity.department} ${identity.year}年 ${s.path.join(" ")}`,
      quote: doc.lines[s.line - 1]?.replace(/^\s*#+\s*/, "").trim() ?? `${s.marker}${s.title}`,
      line: s.line,
      lineEnd: s.line,
      table: null,
      section: s.path.join(" > "),
    });
  });
  return chunks.sort((a, b) => a.line - b.line || a.lineEnd - b.lineEnd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
