import type { LoadedIndex } from "../../build/index.js";
import type { Chunk } from "../../chunk/index.js";
import { search, type ChunkScope, type SearchHit } from "../../search/index.js";
import type { Config } from "../../config.js";
import { openIndex } from "../_engine.js";

/** Retrieval modes of `search`. */
export const SEARCH_MODES = ["hybrid", "dense", "keyword"] as const;
type Mode = (typeof SEARCH_MODES)[number];

/** Options of `search`. */
export interface SearchOptions {
  readonly k: number;
  readonly mode: Mode;
  readonly dept?: string;
  readonly json: boolean;
}

/** Departments whose name or alias contains `q` (or is contained in it). */
function departmentsMatching(index: LoadedIndex, q: string): Set<string> {
  const n = q.replace(/\s+/g, "");
  const out = new Set<string>();
  for (const d of index.documents) {
    if ([d.department, ...d.aliases].some((name) => name.includes(n) || n.includes(name))) out.add(d.department);
  }
  return out;
}

function citation(c: Chunk): string {
  const where = c.line === c.lineEnd ? `${c.file}:${c.line}` : `${c.file}:${c.line}-${c.lineEnd}`;
  const what = c.table ?? c.section?.split(" > ").slice(-2).join(" › ") ?? "";
  return what ? `${where} · ${what}` : where;
}

function renderQuote(c: Chunk, max = 240): string {
  const flat = c.quote.replace(/\t+/g, " | ").replace(/\s*\n\s*/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function renderHit(h: SearchHit, rank: number): string {
  const parts = [h.dense !== null ? `dense ${h.dense.toFixed(3)}` : null, h.keyword !== null ? `keyword ${h.keyword.toFixed(2)}` : null].filter(
    (s): s is string => s !== null,
  );
  return [
    `${rank}. ${h.score.toFixed(4)}  [${parts.join(" · ")}]  ${h.chunk.department} ${h.chunk.year} · ${h.chunk.kind}`,
    `   ${citation(h.chunk)}`,
    `   ${renderQuote(h.chunk)}`,
  ].join("\n");
}

/** `search "<query>" [--k N] [--mode hybrid|dense|keyword] [--dept NAME] [--json]`: ranked passages with scores and citations. */
export async function runSearch(words: readonly string[], parsed: SearchOptions, config: Config): Promise<number> {
  const query = words.join(" ").trim();
  const index = await openIndex(config);
  if (index === null) return 1;
  let filter: ChunkScope | undefined;
  if (parsed.dept !== undefined) {
    const depts = departmentsMatching(index, parsed.dept);
    if (depts.size === 0) {
      process.stderr.write(`没有这个部门 no such department: ${parsed.dept}\n`);
      return 1;
    }
    filter = { departments: [...depts] };
  }
  const semantic = index.search.semantic;
  if (!semantic && parsed.mode !== "keyword") {
    process.stderr.write(`语义检索关闭，仅关键词检索 (semantic search off, keyword only)${index.modelProblem ? `: ${index.modelProblem}` : ""}\n`);
  }
  const hits = await search(index.search, query, { k: parsed.k, mode: parsed.mode, ...(filter ? { filter } : {}) });
  if (parsed.json) {
    const mode = semantic ? parsed.mode : "keyword";
    process.stdout.write(`${JSON.stringify({ query: query, mode, semantic, hits: hits.map((h, i) => ({ rank: i + 1, ...h })) }, null, 2)}\n`);
    return 0;
  }
  if (hits.length === 0) {
    process.stdout.write("没有找到相关段落 (no matching passages)\n");
    return 0;
  }
  process.stdout.write(`${hits.map((h, i) => renderHit(h, i + 1)).join("\n\n")}\n`);
  return 0;
}
