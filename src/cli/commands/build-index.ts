import { ensureIndex } from "../../build/index.js";
import type { Config } from "../../config.js";
import type { Command } from "./index.js";

/** `build-index [--force]`: builds facts + chunks + vectors (always with --force, else when stale). */
export const buildIndexCommand: Command = {
  summary: "(re)build facts, chunks and vectors under the index directory",
  usage: "build-index [--stale-only]",
  async run(args: readonly string[], config: Config) {
    const force = !args.includes("--stale-only");
    const r = await ensureIndex(config, { force, onProgress: (m) => process.stderr.write(`${m}\n`) });
    if (!r.ok) {
      process.stderr.write(`无法建立索引 cannot build [${r.error.code}]: ${r.error.message}\n`);
      return 1;
    }
    const idx = r.value;
    process.stdout.write(
      `${idx.documents.length} documents · ${idx.store.facts.length} facts · ${idx.store.findings.length} findings · ${idx.search.chunks.length} chunks · semantic ${idx.embedder ? "on" : "off"}\n`,
    );
    for (const x of idx.rejected) process.stdout.write(`rejected ${x.file}: ${x.reason}\n`);
    return 0;
  },
};
