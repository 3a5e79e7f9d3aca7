/**
 * The index seal: `<dir>/manifest.json` records the size and sha256 of every artefact the build
 * wrote; loading checks each one, so an artefact changed after the build (a tampered figure, bytes
 * overwritten in place, a truncated file) is never served. One small module on purpose: the stores
 * that write artefacts only hand it their file names.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "./fs.js";
import { err, ok, type Result } from "./result.js";

/** Name of the seal inside an index directory. */
export const SEAL_FILE = "manifest.json";

/** Bump when the seal's shape changes. */
export const SEAL_FORMAT = 1;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

const SealSchema = z.object({
  formatVersion: z.literal(SEAL_FORMAT),
  sealedAt: z.string(),
  files: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), sha256: Hex64 })),
});

/** What the seal records: each artefact's path (relative to the index directory), size and sha256. */
export type Seal = z.infer<typeof SealSchema>;

/** Why a sealed index cannot be trusted. */
export interface SealError {
  readonly code: "index_missing" | "index_corrupt";
  readonly reason: string;
}

/** Size and sha256 of one file. */
export function digestFile(path: string): { bytes: number; sha256: string } {
  const data = readFileSync(path);
  return { bytes: data.length, sha256: createHash("sha256").update(data).digest("hex") };
}

/** Hashes the named artefacts (paths relative to `dir`) and writes the seal atomically; call after every artefact is in place. */
export function sealArtefacts(dir: string, files: readonly string[]): Seal {
  const seal: Seal = {
    formatVersion: SEAL_FORMAT,
    sealedAt: new Date().toISOString(),
    files: Object.fromEntries(files.map((f) => [f, digestFile(join(dir, f))])),
  };
  writeFileAtomic(join(dir, SEAL_FILE), `${JSON.stringify(seal, null, 2)}\n`);
  return seal;
}

/** Reads the seal without checking the artefacts (for `status`); null when absent or unreadable. */
export function readSeal(dir: string): Seal | null {
  const path = join(dir, SEAL_FILE);
  if (!existsSync(path)) return null;
  try {
    const parsed = SealSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Checks that the seal exists, names every `required` artefact, and that each recorded artefact
 * still has its size and sha256; returns the seal, or why the index cannot be trusted.
 */
export function checkSeal(dir: string, required: readonly string[]): Result<Seal, SealError> {
  const path = join(dir, SEAL_FILE);
  if (!existsSync(path)) {
    const built = required.some((f) => existsSync(join(dir, f)));
    return err({ code: built ? "index_corrupt" : "index_missing", reason: built ? `${path} missing (index built by an older version, or a build was interrupted)` : `no index at ${dir}` });
  }
  const seal = readSeal(dir);
  if (seal === null) return err({ code: "index_corrupt", reason: `${path} is not a valid seal` });
  for (const f of required) {
    if (!(f in seal.files)) return err({ code: "index_corrupt", reason: `${f} is not recorded in ${SEAL_FILE}` });
  }
  for (const [f, want] of Object.entries(seal.files)) {
    const p = join(dir, f);
    if (!existsSync(p)) return err({ code: "index_corrupt", reason: `${f} missing` });
    const have = digestFile(p);
    if (have.bytes !== want.bytes) return err({ code: "index_corrupt", reason: `${f} is ${have.bytes} bytes, sealed at ${want.bytes}` });
    if (have.sha256 !== want.sha256) return err({ code: "index_corrupt", reason: `${f} sha256 ${have.sha256.slice(0, 12)}… differs from the sealed ${want.sha256.slice(0, 12)}… (changed after the build)` });
  }
  return ok(seal);
}

/** A short fingerprint of a sealed index: the first 12 hex digits of the seal's own sha256. */
export function sealFingerprint(dir: string): string | null {
  const path = join(dir, SEAL_FILE);
  return existsSync(path) ? digestFile(path).sha256.slice(0, 12) : null;
}
