/**
 * Retrieval benchmark on its own (the full `npm run bench` calls the same module):
 *   npx tsx scripts/bench-retrieval.ts [--synth 100] [--dev ../shared/eval/dev.jsonl] [--json]
 */
import { resolve } from "node:path";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { benchRetrieval, renderRetrievalBench } from "./bench/retrieval.js";

function arg(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const cfg = loadConfig();
  if (!cfg.ok) {
    process.stderr.write(`配置错误 invalid configuration:\n${cfg.error.issues.join("\n")}\n`);
    return 2;
  }
  configureLogging("warn");
  const figures = await benchRetrieval({
    config: cfg.value,
    devPath: resolve(arg(argv, "--dev") ?? "/work/shared/eval/dev.jsonl"),
    synthDocs: Number(arg(argv, "--synth") ?? 100),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  process.stdout.write(argv.includes("--json") ? `${JSON.stringify(figures, null, 2)}\n` : renderRetrievalBench(figures));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
