/**
 * `npm run bench`: scale (build, incremental updates, memory, query latency, one-shot ask) on the
 * seed corpus and, with `--synth N`, on N documents (seeds + synthetic); then retrieval quality.
 * Options: --synth N (default 0: seeds only), --keyword-only (no model), --skip-retrieval,
 * --dev FILE (default ../shared/eval/dev.jsonl), --json.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { benchPages } from "./bench/pages.js";
import { benchRetrieval, renderRetrievalBench } from "./bench/retrieval.js";
import { benchScale, renderScale, SEED_DIR, type ScaleFigures } from "./bench/scale.js";

function questionsOf(path: string): { question: string; department: string | null; rank: boolean }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { question: string | string[]; department?: string | null; tags?: string[] })
    .filter((q): q is { question: string; department?: string | null; tags?: string[] } => typeof q.question === "string")
    .map((q) => ({ question: q.question, department: q.department ?? null, rank: q.tags?.includes("rank") === true }));
}

const USAGE =
  "usage: npm run bench -- [--synth N] [--keyword-only] [--skip-retrieval] [--dev FILE] [--json]\n" +
  "  build, incremental updates, memory, query latency and one-shot ask on the seeds (and on N documents: seeds + synthetic), then retrieval quality\n";

function parseBenchArgs() {
  return parseArgs({
    options: {
      help: { type: "boolean", short: "h", default: false },
      dev: { type: "string", default: resolve("../shared/eval/dev.jsonl") },
      synth: { type: "string", default: "0" },
      "keyword-only": { type: "boolean", default: false },
      "skip-retrieval": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
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
  if (!/^\d+$/.test(values.synth)) {
    process.stderr.write(`--synth takes a number of documents\n${USAGE}`);
    return 2;
  }
  const cfg = loadConfig();
  if (!cfg.ok) throw new Error(cfg.error.issues.join("; "));
  configureLogging("warn");
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const model = !values["keyword-only"] && cfg.value.modelSource !== "off";
  const questions = [...questionsOf(values.dev), ...questionsOf(resolve("tests/fixtures/eval/holdout.jsonl"))];
  if (questions.length === 0) questions.push({ question: "经信局公务接待费多少", department: null, rank: false }, { question: "经信局三公经费为什么增加", department: null, rank: false });

  out("== build time per page (read + parse + facts; PDF vs text) ==");
  for (const line of benchPages(resolve("tests/fixtures/documents"))) out(line);
  const n = Number(values.synth);
  const figures: ScaleFigures[] = [];
  out("== scale ==");
  const base = benchScale({ seedDir: SEED_DIR, docs: 5, model, questions, log });
  figures.push(base);
  out(renderScale(base, null));
  if (n > 5) {
    const big = benchScale({ seedDir: SEED_DIR, docs: n, model, questions, log });
    figures.push(big);
    out(renderScale(big, base));
  }
  if (!values["skip-retrieval"] && existsSync(values.dev)) {
    out("== retrieval quality (seed corpus, in memory) ==");
    const config = model ? cfg.value : { ...cfg.value, modelSource: "off" as const };
    out(renderRetrievalBench(await benchRetrieval({ config, devPath: values.dev, synthDocs: 0, log })));
  }
  if (values.json) out(JSON.stringify(figures, null, 1));
  return 0;
}

main().then(
  (c) => {
    process.exitCode = c;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
