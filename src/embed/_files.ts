import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../core/fs.js";

/** The transformers.js model id; files live under `<modelDir>/<MODEL_ID>/`. */
export const MODEL_ID = "Xenova/bge-small-zh-v1.5";

/** Output dimension of bge-small-zh-v1.5. */
export const MODEL_DIM = 512;

/** Every file transformers.js reads, with the size and sha256 of the unmodified export (../shared/MODEL.md). */
export const MODEL_FILES = [
  { name: "onnx/model_quantized.onnx", bytes: 24_010_842, sha256: "15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc" },
  { name: "tokenizer.json", bytes: 439_125, sha256: "48cea5d44424912a6fd1ea647bf4fe50b55ab8b1e5879c3275f80e339e8fae26" },
  { name: "config.json", bytes: 716, sha256: "d4193ead3a810fd694fa8a31d7fc72fbaebc0668b603e398734bf2f6538ff42f" },
  { name: "tokenizer_config.json", bytes: 367, sha256: "e6f3b96db926a37d4039995fbf5ad17de158dfb8f6343d607e4dbaad18d75f5a" },
  { name: "special_tokens_map.json", bytes: 125, sha256: "b6d346be366a7d1d48332dbc9fdf3bf8960b5d879522b7799ddba59e76237ee3" },
  { name: "vocab.txt", bytes: 109_540, sha256: "45bbac6b341c319adc98a532532882e91a9cefc0329aa57bac9ae761c27b291c" },
] as const satisfies readonly { name: string; bytes: number; sha256: string }[];

/** Identity of the model files an index was built with. */
export interface ModelFingerprint {
  readonly id: string;
  readonly files: readonly { readonly name: string; readonly sha256: string }[];
}

/** Name of the sidecar that records hashes with sizes and mtimes, so files are hashed once. */
export const STAMP_FILE = ".juesuan-verified.json";

interface Stamp {
  readonly id: string;
  readonly files: readonly { name: string; bytes: number; mtimeMs: number; sha256: string }[];
}

/** What is wrong with a model directory, one entry per bad file. */
export interface ModelFileProblem {
  readonly name: string;
  readonly problem: "missing" | "size" | "sha256";
  readonly detail: string;
}

/** Directory holding the model's files inside a local model path. */
export function modelPath(modelDir: string): string {
  return join(modelDir, MODEL_ID);
}

function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

function readStamp(dir: string): Stamp | null {
  const p = join(dir, STAMP_FILE);
  if (!existsSync(p)) return null;
  try {
    const s = JSON.parse(readFileSync(p, "utf8")) as Stamp;
    return s.id === MODEL_ID && Array.isArray(s.files) ? s : null;
  } catch {
    return null;
  }
}

/**
 * Hashes (or, when the sidecar stamp still matches size and mtime, recalls) every model file and
 * reports the bad ones; writes a fresh stamp when all files are good and `writeStamp` is set.
 */
export function checkModelFiles(dir: string, opts: { writeStamp?: boolean } = {}): {
  readonly problems: readonly ModelFileProblem[];
  readonly files: readonly { name: string; sha256: string }[];
} {
  const stamp = readStamp(dir);
  const problems: ModelFileProblem[] = [];
  const files: { name: string; sha256: string }[] = [];
  const fresh: { name: string; bytes: number; mtimeMs: number; sha256: string }[] = [];
  for (const f of MODEL_FILES) {
    const p = join(dir, f.name);
    if (!existsSync(p)) {
      problems.push({ name: f.name, problem: "missing", detail: p });
      continue;
    }
    const st = statSync(p);
    if (st.size !== f.bytes) {
      problems.push({ name: f.name, problem: "size", detail: `${st.size} bytes, expected ${f.bytes}` });
      continue;
    }
    const known = stamp?.files.find((s) => s.name === f.name && s.bytes === st.size && s.mtimeMs === st.mtimeMs);
    const hash = known?.sha256 ?? sha256File(p);
    if (hash !== f.sha256) {
      problems.push({ name: f.name, problem: "sha256", detail: `${hash}, expected ${f.sha256}` });
      continue;
    }
    files.push({ name: f.name, sha256: hash });
    fresh.push({ name: f.name, bytes: st.size, mtimeMs: st.mtimeMs, sha256: hash });
  }
  const stampStale = stamp === null || fresh.some((f) => !stamp.files.some((s) => s.name === f.name && s.mtimeMs === f.mtimeMs));
  if (problems.length === 0 && opts.writeStamp === true && stampStale) {
    try {
      writeFileAtomic(join(dir, STAMP_FILE), `${JSON.stringify({ id: MODEL_ID, files: fresh } satisfies Stamp, null, 2)}\n`);
    } catch {
      // A read-only cache still works; we only lose the shortcut next time.
    }
  }
  return { problems, files };
}
