import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { sha256 } from "../core/hash.js";
import { err, ok, type Result } from "../core/result.js";
import { ManifestSchema, type Manifest, type ManifestEntry } from "./manifest.js";

export { ManifestSchema, ManifestEntrySchema } from "./manifest.js";
export type { Manifest, ManifestEntry } from "./manifest.js";

/** A disclosure file as read from disk, before parsing. */
export interface SourceFile {
  /** Path as cited, relative to the working directory when inside it (e.g. `corpus/x.txt`). */
  readonly path: string;
  /** File name inside the corpus directory. */
  readonly name: string;
  readonly sha256: string;
  /** The text, decoded as strict UTF-8. */
  readonly text: string;
  /** The manifest's entry for this file, when it has one. */
  readonly entry: ManifestEntry | undefined;
}

/** Why a corpus file (or the manifest) could not be read. */
export type CorpusIssue =
  | { readonly code: "not_utf8"; readonly file: string }
  | { readonly code: "empty_file"; readonly file: string }
  | { readonly code: "manifest_invalid"; readonly file: string; readonly issues: readonly string[] }
  | { readonly code: "manifest_hash_mismatch"; readonly file: string; readonly expected: string; readonly actual: string }
  | { readonly code: "manifest_missing_file"; readonly file: string };

/** Everything read from a corpus directory: the usable files and what was wrong with the rest. */
export interface Corpus {
  readonly dir: string;
  readonly files: readonly SourceFile[];
  readonly issues: readonly CorpusIssue[];
  readonly manifest: Manifest | undefined;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Reads one file as strict UTF-8; a broken or empty file is an issue naming it, not a crash. */
export function readSourceFile(path: string, entry?: ManifestEntry): Result<SourceFile, CorpusIssue> {
  const bytes = readFileSync(path);
  const display = displayPath(path);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return err({ code: "not_utf8", file: display });
  }
  if (text.trim().length === 0) return err({ code: "empty_file", file: display });
  const name = path.split(/[\\/]/).pop() ?? path;
  return ok({ path: display, name, sha256: sha256(bytes), text: text.replace(/^\uFEFF/, ""), entry });
}

/** Reads the corpus directory: every `.txt` file, matched with its manifest entry when present. */
export function readCorpus(dir: string): Result<Corpus, CorpusIssue> {
  const issues: CorpusIssue[] = [];
  let manifest: Manifest | undefined;
  const manifestPath = join(dir, "manifest.json");
  if (existsSync(manifestPath)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(manifestPath, "utf8"));
    } catch (e) {
      return err({ code: "manifest_invalid", file: displayPath(manifestPath), issues: [String(e)] });
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) {
      return err({
        code: "manifest_invalid",
        file: displayPath(manifestPath),
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      });
    }
    manifest = parsed.data;
  }
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.endsWith(".txt") && statSync(join(dir, n)).isFile())
        .sort()
    : [];
  const files: SourceFile[] = [];
  for (const name of names) {
    const entry = manifest?.documents.find((d) => d.file === name);
    const read = readSourceFile(join(dir, name), entry);
    if (!read.ok) {
      issues.push(read.error);
      continue;
    }
    if (entry?.sha256 && entry.sha256 !== read.value.sha256) {
      issues.push({ code: "manifest_hash_mismatch", file: read.value.path, expected: entry.sha256, actual: read.value.sha256 });
    }
    files.push(read.value);
  }
  for (const d of manifest?.documents ?? []) {
    if (!names.includes(d.file)) issues.push({ code: "manifest_missing_file", file: d.file });
  }
  return ok({ dir, files, issues, manifest });
}

/** A path relative to the working directory when it lies inside it, else as given. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}
