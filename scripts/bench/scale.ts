/**
 * Scale benchmark: a corpus of N documents (the 5 seeds plus N−5 synthetic ones from
 * scripts/synth-corpus.ts; the seeds alone for N ≤ 5) is built, updated and queried in child
 * processes, each reporting its own time and peak RSS:
 *   build from scratch · load with nothing to do · add one document (and that document alone) ·
 *   remove one · the same corpus under another path · queries on the loaded index · one-shot `ask`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { synthCorpus } from "../synth-corpus.js";

/** What one child process reported. */
export interface ChildFigures {
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssMiB: number;
  readonly maxRssMiB: number;
  readonly report: { parsed: number; reused: number; fromArtefacts: number; removed: number; moved: number; embedded: number } | null;
  readonly documents: number;
  readonly semantic: boolean;
  readonly [k: string]: unknown;
}

interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
}

/** Figures of one corpus size. */
export interface ScaleFigures {
  readonly docs: number;
  readonly model: boolean;
  readonly build: ChildFigures;
  readonly noop: ChildFigures;
  readonly addOne: ChildFigures;
  readonly oneAlone: ChildFigures;
  readonly removeOne: ChildFigures;
  readonly moved: ChildFigures;
  readonly serve: ChildFigures & { jiebaMs: number; modelMs: number | null; firstFilteredMs: number; fact: Latency; firstFact: Latency; firstRank: Latency; rank: Latency; retrieval: Latency; keywordFiltered: Latency; keywordUnfiltered: Latency; rssAfterMiB: number };
  readonly oneShotAskMs: number;
  readonly oneShotAnswer: string;
  readonly indexMiB: number;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const n of readdirSync(dir, { withFileTypes: true })) total += n.isDirectory() ? dirBytes(join(dir, n.name)) : statSync(join(dir, n.name)).size;
  return total;
}

// Compiled (npm run bench runs dist/): the children run compiled too; from source, through tsx.
const COMPILED = import.meta.url.endsWith(".js");
const node = (entry: string): string[] => (COMPILED ? [`dist/${entry}.js`] : ["--import", "tsx", `${entry}.ts`]);

function child(mode: "build" | "serve", env: Record<string, string>, cache: string, questions = "-"): ChildFigures {
  const r = spawnSync(process.execPath, [...node("scripts/bench/_child"), mode, questions, cache], {
    env: { ...process.env, JUESUAN_LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    maxBuffer: 256 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`bench child ${mode} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as ChildFigures;
}

interface Manifest {
  formatVersion: 1;
  documents: { file: string }[];
}

/** Seeds plus `n − 5` synthetic documents in `dir`; returns the held-out extra document's file name. */
function makeCorpus(seedDir: string, dir: string, n: number, held: string): string {
  mkdirSync(dir, { recursive: true });
  const seeds = JSON.parse(readFileSync(join(seedDir, "manifest.json"), "utf8")) as Manifest;
  const synth = Math.max(0, n - seeds.documents.length) + 1;
  const m = synthCorpus({ seedDir, outDir: dir, count: synth, seed: 42 }) as Manifest;
  for (const d of seeds.documents) copyFileSync(join(seedDir, d.file), join(dir, d.file));
  // The last synthetic document is held out, to be added to the built corpus.
  const extra = m.documents[m.documents.length - 1];
  if (!extra) throw new Error("no synthetic document");
  renameSync(join(dir, extra.file), join(held, extra.file));
  const kept = m.documents.slice(0, -1);
  const docs = n <= seeds.documents.length ? seeds.documents.slice(0, Math.max(1, n)) : [...seeds.documents, ...kept];
  for (const d of kept) if (!docs.includes(d)) rmSync(join(dir, d.file));
  for (const d of seeds.documents) if (!docs.includes(d)) rmSync(join(dir, d.file));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ formatVersion: 1, documents: docs }, null, 1));
  writeFileSync(join(held, "manifest.json"), JSON.stringify({ formatVersion: 1, documents: [extra] }, null, 1));
  return extra.file;
}

function addToManifest(dir: string, from: string, file: string): void {
  const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  const extra = (JSON.parse(readFileSync(join(from, "manifest.json"), "utf8")) as Manifest).documents.find((d) => d.file === file);
  if (extra) m.documents.push(extra);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(m, null, 1));
}

function removeFromManifest(dir: string, file: string): void {
  const m = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  m.documents = m.documents.filter((d) => d.file !== file);
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(m, null, 1));
}

/** Runs the scale benchmark for one corpus size; `model` false forces keyword-only. */
export function benchScale(opts: { seedDir: string; docs: number; model: boolean; questions: readonly { question: string; department: string | null; rank: boolean }[]; log: (m: string) => void }): ScaleFigures {
  const work = mkdtempSync(join(tmpdir(), "juesuan-scale-"));
  try {
    const corpus = join(work, "corpus");
    const held = join(work, "held");
    mkdirSync(held);
    const extra = makeCorpus(opts.seedDir, corpus, opts.docs, held);
    const index = join(work, "index");
    const modelEnv: Record<string, string> = opts.model ? {} : { JUESUAN_MODEL_SOURCE: "off" };
    const env = (c: string, i: string): Record<string, string> => ({ JUESUAN_CORPUS: c, JUESUAN_INDEX: i, ...modelEnv });
    const docs = readdirSync(corpus).filter((n) => n.endsWith(".txt")).length;
    opts.log(`scale: ${docs} documents in ${corpus} (${opts.model ? "with the model" : "keyword only"}); building …`);
    const cache = join(work, "embeddings.db");
    const build = child("build", env(corpus, index), cache);
    opts.log(`scale: built in ${(build.ms / 1000).toFixed(1)} s; measuring updates …`);
    const noop = child("build", env(corpus, index), cache);
    copyFileSync(join(held, extra), join(corpus, extra));
    addToManifest(corpus, held, extra);
    const addOne = child("build", env(corpus, index), cache);
    const oneAlone = child("build", env(held, join(work, "index-one")), join(work, "embeddings-one.db"));
    rmSync(join(corpus, extra));
    removeFromManifest(corpus, extra);
    const removeOne = child("build", env(corpus, index), cache);
    const elsewhere = join(work, "moved-corpus");
    cpSync(corpus, elsewhere, { recursive: true });
    const moved = child("build", env(elsewhere, index), cache);
    const qfile = join(work, "questions.json");
    writeFileSync(qfile, JSON.stringify(opts.questions));
    opts.log("scale: timing queries …");
    const serve = child("serve", env(elsewhere, index), cache, qfile) as ScaleFigures["serve"];
    // One-shot `ask` of a fact question, as a user runs it (a fresh process, index already built).
    const asks: number[] = [];
    let answer = "";
    for (let i = 0; i < 3; i++) {
      const t = Date.now();
      const r = spawnSync(process.execPath, [...node("src/cli/main"), "ask", "--json", "经信局公务接待费多少"], {
        env: { ...process.env, ...env(elsewhere, index), JUESUAN_LOG_LEVEL: "warn" },
        encoding: "utf8",
      });
      asks.push(Date.now() - t);
      answer = r.stdout.trim();
    }
    return {
      docs,
      model: opts.model,
      build,
      noop,
      addOne,
      oneAlone,
      removeOne,
      moved,
      serve,
      oneShotAskMs: [...asks].sort((a, b) => a - b)[1] ?? 0,
      oneShotAnswer: answer.slice(0, 160),
      indexMiB: dirBytes(index) / 2 ** 20,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const s1 = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const m1 = (ms: number): string => `${ms.toFixed(1)} ms`;

/** The scale figures as a plain-text report, with the issue's targets marked. */
export function renderScale(f: ScaleFigures, base: ScaleFigures | null): string {
  const mark = (ok: boolean): string => (ok ? "ok" : "MISS");
  const r = (c: ChildFigures): string => (c.report ? `parsed ${c.report.parsed}, reused ${c.report.reused}, removed ${c.report.removed}, moved ${c.report.moved}, embedded ${c.report.embedded}` : "nothing to do");
  const s = f.serve;
  const lines = [
    `scale: ${f.docs} documents, ${f.model ? "with the model" : "keyword only"}; index ${f.indexMiB.toFixed(0)} MiB on disk`,
    `  build from scratch   ${s1(f.build.ms)} (CPU ${s1(f.build.cpuMs)}), peak RSS ${f.build.maxRssMiB} MiB  [${r(f.build)}]`,
    `  load, nothing to do  ${s1(f.noop.ms)}, RSS ${f.noop.rssMiB} MiB  [${r(f.noop)}]`,
    `  add one document     ${s1(f.addOne.ms)} (CPU ${s1(f.addOne.cpuMs)}); that document alone ${s1(f.oneAlone.ms)} (CPU ${s1(f.oneAlone.cpuMs)}) → ×${(f.addOne.ms / f.oneAlone.ms).toFixed(2)} wall, ×${(f.addOne.cpuMs / f.oneAlone.cpuMs).toFixed(2)} CPU  [${r(f.addOne)}]`,
    `  remove one document  ${s1(f.removeOne.ms)}  [${r(f.removeOne)}]`,
    `  corpus moved         ${s1(f.moved.ms)}  [${r(f.moved)}]`,
    `  loaded RSS ${s.rssMiB} MiB (after asking the questions twice ${s.rssAfterMiB} MiB); jieba dictionaries ${m1(s.jiebaMs)}${s.modelMs !== null ? `; model + graph on first use ${m1(s.modelMs)}` : ""}`,
    `  first filtered query ${m1(s.firstFilteredMs)}`,
    `  first asked p50/p95: fact ${m1(s.firstFact.p50)}/${m1(s.firstFact.p95)} (n=${s.firstFact.n}) · rankings ${m1(s.firstRank.p50)}/${m1(s.firstRank.p95)}`,
    `  warm p50/p95: fact ${m1(s.fact.p50)}/${m1(s.fact.p95)} (n=${s.fact.n}) · rankings over all departments ${m1(s.rank.p50)}/${m1(s.rank.p95)} (n=${s.rank.n}) · retrieval ${m1(s.retrieval.p50)}/${m1(s.retrieval.p95)} (n=${s.retrieval.n}) · keyword search filtered ${m1(s.keywordFiltered.p50)}/${m1(s.keywordFiltered.p95)}, unfiltered ${m1(s.keywordUnfiltered.p50)}/${m1(s.keywordUnfiltered.p95)}`,
    `  one-shot ask (fresh process, ${COMPILED ? "compiled" : "tsx"}) ${f.oneShotAskMs} ms → ${f.oneShotAnswer}`,
  ];
  const t: string[] = [];
  if (f.docs >= 1000)
    t.push(
      `peak RSS < 3 GiB: ${f.build.maxRssMiB} MiB ${mark(f.build.maxRssMiB < 3072)}`,
      `loaded RSS < 1 GiB: ${s.rssMiB} MiB ${mark(s.rssMiB < 1024)}`,
      `RSS after the questions < 1 GiB: ${s.rssAfterMiB} MiB ${mark(s.rssAfterMiB < 1024)}`,
      `rankings p95 < 1 s (first asked too): ${mark(s.rank.p95 < 1000 && s.firstRank.p95 < 1000)}`,
    );
  t.push(`first filtered query < 50 ms: ${mark(s.firstFilteredMs < 50)}`);
  t.push(`add one ≤ 1.2× alone: ${mark(f.addOne.ms <= 1.2 * f.oneAlone.ms)} wall, ${mark(f.addOne.cpuMs <= 1.2 * f.oneAlone.cpuMs)} CPU`, `remove one < 2 s: ${mark(f.removeOne.ms < 2000)}`, `moved rebuilds nothing: ${mark((f.moved.report?.parsed ?? 0) === 0 && (f.moved.report?.embedded ?? 0) === 0)}`);
  if (base && base !== f) {
    t.push(`fact p95 ≤ 2× ${base.docs}-doc (${m1(base.serve.fact.p95)}): ${mark(s.fact.p95 <= 2 * base.serve.fact.p95)}`);
    t.push(`keyword p95 ≤ 2× ${base.docs}-doc (${m1(base.serve.keywordFiltered.p95)}): ${mark(s.keywordFiltered.p95 <= 2 * base.serve.keywordFiltered.p95)}`);
  }
  lines.push(`  targets: ${t.join("; ")}`);
  return `${lines.join("\n")}\n`;
}

/** The default seed directory. */
export const SEED_DIR = resolve("corpus");
