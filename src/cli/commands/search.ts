import { ensureIndex, type LoadedIndex } from "../../build/index.js";
import type { Chunk } from "../../chunk/index.js";
import { search, type SearchHit } from "../../search/index.js";
import type { Command } from "./index.js";

const MODES = ["hybrid", "dense", "keyword"] as const;
const USAGE = 'search "<query>" [--k N] [--mode hybrid|dense|keyword] [--dept NAME] [--json]';
type Mode = (typeof MODES)[number];

interface SearchArgs {
  readonly query: string;
  readonly k: number;
  readonly mode: Mode;
  readonly dept: string | null;
  readonly json: boolean;
}

function parseArgs(args: readonly string[]): SearchArgs | string {
  const words: string[] = [];
  let k = 5;
  let mode: Mode = "hybrid";
  let dept: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? "";
    const next = args[i + 1];
    if (a === "--json") json = true;
    else if (a === "--k") {
      if (next === undefined || !/^[1-9]\d*$/.test(next)) return `--k 需要正整数 expects a positive integer: ${next ?? ""}`;
      k = Number(next);
      i += 1;
    } else if (a === "--mode") {
      if (!MODES.includes(next as Mode)) return `--mode 只能是 must be one of ${MODES.join("|")}: ${next ?? ""}`;
      mode = next as Mode;
      i += 1;
    } else if (a === "--dept") {
      if (next === undefined) return "--dept 需要部门名称 expects a department name";
      dept = next;
      i += 1;
    } else if (a.startsWith("--")) return `未知参数 unknown argument: ${a}`;
    else words.push(a);
  }
  const query = words.join(" ").trim();
  if (query === "") return "缺少查询 missing query";
  return { query, k, mode, dept, json };
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
export const searchCommand: Command = {
  summary: "ranked passages with scores and citations",
  usage: USAGE,
  async run(args, config) {
    const parsed = parseArgs(args);
    if (typeof parsed === "string") {
      process.stderr.write(`${parsed}\nusage: ${USAGE}\n`);
      return 2;
    }
    const loaded = await ensureIndex(config, { onProgress: (m) => process.stderr.write(`${m}\n`) });
    if (!loaded.ok) {
      process.stderr.write(`${loaded.error.message}\n`);
      return 1;
    }
    const index = loaded.value;
    let filter: ((c: Chunk) => boolean) | undefined;
    if (parsed.dept !== null) {
      const depts = departmentsMatching(index, parsed.dept);
      if (depts.size === 0) {
        process.stderr.write(`没有这个部门 no such department: ${parsed.dept}\n`);
        return 1;
      }
      filter = (c) => depts.has(c.department);
    }
    const semantic = index.search.semantic;
    if (!semantic && parsed.mode !== "keyword") {
      process.stderr.write(`语义检索关闭，仅关键词检索 (semantic search off, keyword only)${index.modelProblem ? `: ${index.modelProblem}` : ""}\n`);
    }
    const hits = await search(index.search, parsed.query, { k: parsed.k, mode: parsed.mode, ...(filter ? { filter } : {}) });
    if (parsed.json) {
      const mode = semantic ? parsed.mode : "keyword";
      process.stdout.write(`${JSON.stringify({ query: parsed.query, mode, semantic, hits: hits.map((h, i) => ({ rank: i + 1, ...h })) }, null, 2)}\n`);
      return 0;
    }
    if (hits.length === 0) {
      process.stdout.write("没有找到相关段落 (no matching passages)\n");
      return 0;
    }
    process.stdout.write(`${hits.map((h, i) => renderHit(h, i + 1)).join("\n\n")}\n`);
    return 0;
  },
};
