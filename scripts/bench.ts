/**
 * `npm run bench`: speed, memory and retrieval quality, printed as a report.
 * Options: --dev FILE (default ../shared/eval/dev.jsonl), --synth N (synthetic documents, default 100; 0 skips),
 * --skip-retrieval, --skip-ask.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { ConversationState } from "../src/answer/types.js";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { createEngine } from "../src/engine/index.js";
import { benchPages } from "./bench/pages.js";
import { benchRetrieval, renderRetrievalBench } from "./bench/retrieval.js";

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

const USAGE = "usage: npm run bench -- [--dev FILE] [--synth N] [--skip-retrieval] [--skip-ask]\n  speed, memory and retrieval quality as a report\n";

function parseBenchArgs() {
  return parseArgs({
    options: {
      help: { type: "boolean", short: "h", default: false },
      dev: { type: "string", default: resolve("../shared/eval/dev.jsonl") },
      synth: { type: "string", default: "100" },
      "skip-retrieval": { type: "boolean", default: false },
      "skip-ask": { type: "boolean", default: false },
    },
  });
}

async function main(): Promise<number> {
  let values: ReturnType<typeof parseBenchArgs>["values"];
  try {
    values = parseBenchArgs().values;
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const cfg = loadConfig();
  if (!cfg.ok) throw new Error(cfg.error.issues.join("; "));
  configureLogging("warn");
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const devPath = values.dev;
  if (!existsSync(devPath)) out(`(no dev set at ${devPath}: quality figures skipped)`);
  out("== build time per page (read + parse + facts; PDF vs text) ==");
  for (const line of benchPages(resolve("tests/fixtures/documents"))) out(line);
  const questions: (string | string[])[] = existsSync(devPath)
    ? readFileSync(devPath, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => (JSON.parse(l) as { question: string | string[] }).question)
    : ["经信局公务接待费多少", "经信局三公经费为什么增加"];

  if (!values["skip-retrieval"]) {
    out("== retrieval ==");
    const r = await benchRetrieval({ config: cfg.value, devPath, synthDocs: Number(values.synth), log: (m) => process.stderr.write(`${m}\n`) });
    out(renderRetrievalBench(r));
  }

  if (!values["skip-ask"]) {
    out("== ask (warm, in process) ==");
    const t0 = Date.now();
    const engine = await createEngine(cfg.value, { onProgress: (m) => process.stderr.write(`${m}\n`) });
    if (!engine.ok) throw new Error(engine.error.message);
    out(`engine ready in ${ms(Date.now() - t0)} (index load or build)`);
    const fact: number[] = [];
    const retrieval: number[] = [];
    const other: number[] = [];
    // Warm the engine on questions of every kind, then time each question once: the query-embedding
    // cache must not flatter retrieval latency.
    for (const w of ["经信局公务接待费多少", "投促局三公经费为什么减少", "名词解释中基本支出是什么意思", "武汉市财政局三公经费"]) await engine.value.ask(w);
    const holdout = resolve("tests/fixtures/eval/holdout.jsonl");
    const extra: (string | string[])[] = existsSync(holdout)
      ? readFileSync(holdout, "utf8")
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => (JSON.parse(l) as { question: string | string[] }).question)
      : [];
    for (const q of [...questions, ...extra]) {
      const turns = typeof q === "string" ? [q] : q;
      let state: ConversationState | undefined;
      for (const t of turns) {
        const s = process.hrtime.bigint();
        const r = await engine.value.ask(t, state);
        const took = Number(process.hrtime.bigint() - s) / 1e6;
        state = r.state;
        (r.answer.kind === "number" ? fact : r.answer.kind === "text" ? retrieval : other).push(took);
      }
    }
    out(`fact answers      n=${fact.length} p50 ${ms(pct(fact, 50))} p95 ${ms(pct(fact, 95))}`);
    out(`retrieval answers n=${retrieval.length} p50 ${ms(pct(retrieval, 50))} p95 ${ms(pct(retrieval, 95))}`);
    out(`refusals          n=${other.length} p50 ${ms(pct(other, 50))} p95 ${ms(pct(other, 95))}`);
    out(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);

    out("== ask --jsonl, 300 questions, one process (cold start included) ==");
    const lines: string[] = [];
    for (let i = 0; lines.length < 300; i++) {
      const q = questions[i % questions.length];
      lines.push(JSON.stringify({ id: `b${i}`, question: q }));
    }
    const s = Date.now();
    const run = spawnSync("npm", ["run", "--silent", "cli", "--", "ask", "--jsonl"], { input: lines.join("\n"), encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
    const took = Date.now() - s;
    const answered = run.stdout.split("\n").filter((l) => l.trim()).length;
    out(`${answered}/300 answered in ${(took / 1000).toFixed(1)} s (exit ${run.status})`);
  }
  return 0;
}

main().then(
  (c) => {
    process.exitCode = c;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
