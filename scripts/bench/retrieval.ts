/**
 * Retrieval benchmark: build cost, index size, memory, warm query latency and dev-set recall@5 of
 * the chunk → embed → index layer, on the seed corpus and on a synthetic corpus made from it.
 * Used by `npm run bench` (scripts/bench.ts) and runnable alone: `npx tsx scripts/bench-retrieval.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Config } from "../../src/config.js";
import { chunkDisclosure, type Chunk } from "../../src/chunk/index.js";
import { readCorpus, type ManifestEntry } from "../../src/corpus/index.js";
import { loadEmbedder, type Embedder } from "../../src/embed/index.js";
import { parseDisclosure } from "../../src/parse/index.js";
import { buildSearchIndex, search, type SearchIndex, type SearchOptions } from "../../src/search/index.js";
import { synthCorpus } from "../synth-corpus.js";

type Mode = "keyword" | "dense" | "hybrid";
const MODES: readonly Mode[] = ["keyword", "dense", "hybrid"];

/** Percentiles of a latency sample, in milliseconds. */
export interface Latency {
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** Figures for one corpus. */
export interface CorpusFigures {
  readonly label: string;
  readonly docs: number;
  readonly chunks: number;
  /** Parse + chunk, ms. */
  readonly parseMs: number;
  /** Keyword index + embedding + HNSW + save, ms. */
  readonly indexMs: number;
  readonly buildMs: number;
  /** CPU time of the build (all threads), ms: with other work on the machine, wall time overstates. */
  readonly buildCpuMs: number;
  readonly chunksPerSec: number;
  /** Chunks per CPU-second: comparable between runs when the machine is shared. */
  readonly chunksPerCpuSec: number;
  readonly rssMb: number;
  /** 1-minute load average after the build: other work on the machine slows the embedding. */
  readonly loadAvg: number;
  readonly latency: Readonly<Record<Mode, Latency>>;
}

/** Recall@k of one mode, unfiltered and restricted to the department the question names. */
export interface Recall {
  readonly mode: Mode;
  readonly unfiltered: number;
  readonly filtered: number;
  readonly misses: readonly string[];
}

export interface RetrievalFigures {
  readonly semantic: boolean;
  readonly modelSource: string;
  readonly k: number;
  readonly questions: number;
  readonly recall: readonly Recall[];
  readonly corpora: readonly CorpusFigures[];
}

export interface RetrievalBenchOptions {
  readonly config: Config;
  /** Dev questions (default /work/shared/eval/dev.jsonl or $JUESUAN_DEV). */
  readonly devPath: string;
  /** Synthetic documents (default 100; 0 skips the scale run). */
  readonly synthDocs?: number;
  readonly seed?: number;
  readonly search?: Omit<SearchOptions, "k" | "mode" | "filter">;
  readonly log?: (msg: string) => void;
}

interface DevQuestion {
  id: string;
  question: string | string[];
  department: string;
  source: { file: string; line: number } | null;
  also_at?: { file: string; line: number }[];
}

const now = (): number => performance.now();

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0);
}

/** Parses and chunks a corpus directory; identity from the manifest, else the document itself. */
function chunkCorpus(dir: string): { chunks: Chunk[]; docs: number } {
  const c = readCorpus(dir);
  if (!c.ok) throw new Error(`corpus ${dir}: ${c.error.code}`);
  const chunks: Chunk[] = [];
  let docs = 0;
  for (const f of c.value.files) {
    const p = parseDisclosure(f);
    if (!p.ok) continue;
    docs++;
    const department = f.entry?.department ?? p.value.meta.department ?? f.name;
    const year = f.entry?.year ?? p.value.meta.year ?? 0;
    chunks.push(...chunkDisclosure(p.value, { department, year }));
  }
  return { chunks, docs };
}

/** Builds one corpus's search index in memory and measures it. */
async function measureCorpus(
  label: string,
  dir: string,
  embedder: Embedder | null,
  queries: readonly string[],
  opts: RetrievalBenchOptions,
): Promise<{ figures: CorpusFigures; index: SearchIndex }> {
  const log = opts.log ?? (() => {});
  const t0 = now();
  const cpu0 = process.cpuUsage();
  const { chunks, docs } = chunkCorpus(dir);
  const t1 = now();
  log(`${label}: ${docs} documents, ${chunks.length} chunks; ${embedder ? "embedding" : "indexing (keyword only)"} …`);
  // In memory: the on-disk index (build, load, size) is measured by scripts/bench.ts.
  const index = await buildSearchIndex(chunks, embedder);
  const t2 = now();
  const cpu = process.cpuUsage(cpu0);

  const latency = {} as Record<Mode, Latency>;
  for (const mode of MODES) {
    await search(index, "预热 warm-up 公务接待费", { mode, ...opts.search });
    const times: number[] = [];
    for (const q of queries) {
      // A cleared cache makes every measurement include the query embedding.
      index.parts.queryCache.clear();
      const t = now();
      await search(index, q, { mode, k: 5, ...opts.search });
      times.push(now() - t);
    }
    latency[mode] = { p50: percentile(times, 50), p95: percentile(times, 95), n: times.length };
  }
  const buildMs = t2 - t0;
  const loadAvg = loadavg()[0] ?? 0;
  return {
    figures: {
      label,
      docs,
      chunks: chunks.length,
      parseMs: t1 - t0,
      indexMs: t2 - t1,
      buildMs,
      buildCpuMs: (cpu.user + cpu.system) / 1000,
      chunksPerSec: chunks.length / (buildMs / 1000),
      chunksPerCpuSec: chunks.length / ((cpu.user + cpu.system) / 1e6),
      rssMb: process.memoryUsage().rss / 2 ** 20,
      loadAvg,
      latency,
    },
    index,
  };
}

function questionText(q: DevQuestion): string {
  return Array.isArray(q.question) ? q.question.join(" ") : q.question;
}

/** Dev-set recall@k: a hit when a returned chunk of the gold file spans the gold line or an also_at line. */
async function measureRecall(
  index: SearchIndex,
  questions: readonly DevQuestion[],
  seeds: ReadonlyMap<string, ManifestEntry>,
  k: number,
  opts: RetrievalBenchOptions,
): Promise<Recall[]> {
  const results: Recall[] = [];
  for (const mode of MODES) {
    let hitU = 0;
    let hitF = 0;
    const misses: string[] = [];
    for (const q of questions) {
      const src = q.source;
      if (!src) continue;
      const entry = seeds.get(src.file);
      const file = entry?.file;
      // The gold file's department: the dev set may name a unit differently ("…中心本级").
      const department = entry?.department ?? q.department;
      const gold = [src, ...(q.also_at ?? [])].filter((g) => g.file === src.file).map((g) => g.line);
      const isHit = (hits: { chunk: Chunk }[]): boolean =>
        hits.some((h) => basename(h.chunk.file) === file && gold.some((l) => h.chunk.line <= l && l <= h.chunk.lineEnd));
      const text = questionText(q);
      const named = [department, ...(entry?.aliases ?? [])].some((a) => text.includes(a));
      const u = isHit(await search(index, text, { mode, k, ...opts.search }));
      const f = named ? isHit(await search(index, text, { mode, k, filter: { departments: [department] }, ...opts.search })) : u;
      if (u) hitU++;
      if (f) hitF++;
      if (!f) misses.push(q.id);
    }
    const n = questions.filter((q) => q.source).length;
    results.push({ mode, unfiltered: hitU / n, filtered: hitF / n, misses });
  }
  return results;
}

/** Runs the benchmark; the synthetic corpus lives in a temporary directory removed afterwards. */
export async function benchRetrieval(opts: RetrievalBenchOptions): Promise<RetrievalFigures> {
  const log = opts.log ?? (() => {});
  const k = 5;
  const loaded = await loadEmbedder(opts.config);
  const embedder = loaded.ok ? loaded.value : null;
  if (!loaded.ok) log(`no model: ${loaded.error.reason} — keyword only`);
  const questions = readFileSync(opts.devPath, "utf8")
    .split("\n")
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as DevQuestion);
  const queries = questions.map(questionText);
  const seedManifest = readCorpus(opts.config.corpusDir);
  const seeds = new Map<string, ManifestEntry>();
  if (seedManifest.ok) for (const d of seedManifest.value.manifest?.documents ?? []) if (d.source) seeds.set(d.source, d);

  const five = await measureCorpus("seed corpus", opts.config.corpusDir, embedder, queries, opts);
  const recall = await measureRecall(five.index, questions, seeds, k, opts);
  const corpora: CorpusFigures[] = [five.figures];

  const n = opts.synthDocs ?? 100;
  if (n > 0) {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-synth-"));
    try {
      synthCorpus({ seedDir: opts.config.corpusDir, outDir: dir, count: n, seed: opts.seed ?? 42 });
      // Fresh query strings for the large corpus so no embedding is served from the cache.
      const scaled = queries.map((q) => `${q} `);
      corpora.push((await measureCorpus(`synthetic ×${n}`, dir, embedder, scaled, opts)).figures);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    semantic: embedder !== null,
    modelSource: embedder ? embedder.source : "none",
    k,
    questions: questions.filter((q) => q.source).length,
    recall,
    corpora,
  };
}

const f1 = (x: number): string => x.toFixed(1);

/** The benchmark as a plain-text report. */
export function renderRetrievalBench(r: RetrievalFigures): string {
  const lines: string[] = [];
  lines.push(`retrieval (${r.semantic ? `model: bge-small-zh-v1.5, ${r.modelSource}` : "no model: dense and hybrid run as keyword"})`);
  for (const c of r.corpora) {
    lines.push(
      `  ${c.label}: ${c.docs} docs, ${c.chunks} chunks; build ${f1(c.buildMs / 1000)} s (parse+chunk ${f1(c.parseMs / 1000)} s, index ${f1(c.indexMs / 1000)} s; CPU ${f1(c.buildCpuMs / 1000)} s), ` +
        `${f1(c.chunksPerSec)} chunks/s; RSS ${f1(c.rssMb)} MiB; ` +
        `machine load ${c.loadAvg.toFixed(1)} on ${cpus().length} cores`,
    );
    lines.push(
      `    warm latency p50/p95 (ms, n=${c.latency.hybrid.n}, query embedding included): ` +
        MODES.map((m) => `${m} ${f1(c.latency[m].p50)}/${f1(c.latency[m].p95)}`).join(", "),
    );
  }
  const [five, synth] = r.corpora;
  if (five && synth) {
    lines.push(
      `    chunks/s ratio synthetic/seed: wall ${(synth.chunksPerSec / five.chunksPerSec).toFixed(2)}, per CPU-second ${(synth.chunksPerCpuSec / five.chunksPerCpuSec).toFixed(2)}`,
    );
  }
  lines.push(`  dev recall@${r.k} (${r.questions} questions with a gold line; filtered = restricted to the department the question names):`);
  for (const x of r.recall) {
    lines.push(`    ${x.mode.padEnd(7)} unfiltered ${x.unfiltered.toFixed(3)}  filtered ${x.filtered.toFixed(3)}  misses(filtered): ${x.misses.join(" ") || "-"}`);
  }
  lines.push(`  targets: ${renderTargets(r).join("; ")}`);
  return `${lines.join("\n")}\n`;
}

/** The issue's targets, each with its measured value and ok/MISS. */
function renderTargets(r: RetrievalFigures): string[] {
  const mark = (okay: boolean): string => (okay ? "ok" : "MISS");
  const out: string[] = [];
  const [five, synth] = r.corpora;
  if (five) {
    out.push(`seed build < 30 s: ${f1(five.buildMs / 1000)} s ${mark(five.buildMs < 30_000)} (CPU ${f1(five.buildCpuMs / 1000)} s, load ${five.loadAvg.toFixed(1)})`);
    out.push(`hybrid p95 < 80 ms: ${f1(five.latency.hybrid.p95)} ms ${mark(five.latency.hybrid.p95 < 80)}`);
  }
  if (synth) out.push(`hybrid p95 (×${synth.docs}) < 80 ms: ${f1(synth.latency.hybrid.p95)} ms ${mark(synth.latency.hybrid.p95 < 80)}`);
  if (five && synth) {
    const wall = synth.chunksPerSec / five.chunksPerSec;
    const cpu = synth.chunksPerCpuSec / five.chunksPerCpuSec;
    out.push(`chunks/s within 20 %: wall ${wall.toFixed(2)} ${mark(wall >= 0.8 && wall <= 1.2)}, CPU ${cpu.toFixed(2)} ${mark(cpu >= 0.8 && cpu <= 1.2)}`);
  }
  const by = (m: Mode): Recall | undefined => r.recall.find((x) => x.mode === m);
  const h = by("hybrid");
  const d = by("dense");
  const k = by("keyword");
  if (h && d && k) {
    out.push(`recall@${r.k} hybrid ≥ 0.9 (filtered): ${h.filtered.toFixed(3)} ${mark(h.filtered >= 0.9)}`);
    const best = h.filtered >= d.filtered && h.filtered >= k.filtered && h.unfiltered >= d.unfiltered && h.unfiltered >= k.unfiltered;
    out.push(`hybrid ≥ dense, keyword: ${mark(best)}`);
  }
  return out;
}
