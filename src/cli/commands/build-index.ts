import type { Config } from "../../config.js";
import { openIndex } from "../_engine.js";

/** `build-index [--stale-only]`: builds facts + chunks + vectors (always, or with --stale-only only when missing, stale or damaged). */
export async function runBuildIndex(opts: { staleOnly: boolean }, config: Config): Promise<number> {
  const started = Date.now();
  const idx = await openIndex(config, !opts.staleOnly);
  if (idx === null) return 1;
  process.stdout.write(
    `${idx.documents.length} documents · ${idx.store.facts.length} facts · ${idx.store.findings.length} findings · ${idx.search.chunks.length} chunks · semantic ${idx.embedder ? "on" : "off"} · ${idx.rebuilt ? "built" : "loaded"} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  for (const x of idx.rejected) process.stdout.write(`rejected ${x.file}: ${x.reason}\n`);
  return 0;
}
