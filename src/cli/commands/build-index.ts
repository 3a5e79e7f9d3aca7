import type { Config } from "../../config.js";
import { chunkCount } from "../../search/index.js";
import { openIndex } from "../_engine.js";

/**
 * `build-index [--stale-only] [--force]`: brings the index up to date (only new or changed
 * documents are processed) after checking every stored document against its recorded hashes;
 * `--stale-only` skips that check, `--force` re-assembles the database from the per-document
 * artefacts.
 */
export async function runBuildIndex(opts: { staleOnly: boolean; force?: boolean }, config: Config): Promise<number> {
  const started = Date.now();
  const idx = await openIndex(config, { verify: !opts.staleOnly, force: opts.force === true });
  if (idx === null) return 1;
  process.stdout.write(
    `${idx.documents.length} documents · ${idx.facts.count()} facts · ${chunkCount(idx.search)} chunks · semantic ${idx.search.semantic ? "on" : "off"} · ${idx.rebuilt ? "updated" : "up to date"} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const x of idx.rejected) process.stdout.write(`rejected ${x.file}: ${x.reason}\n`);
  idx.close();
  return 0;
}
