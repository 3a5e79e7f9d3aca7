import { existsSync, readdirSync, readFileSync, statSync, type BigIntStats } from "node:fs";
import { join, relative } from "node:path";
import { sha256 } from "../core/hash.js";
import { err, ok, type Result } from "../core/result.js";
import { parseManifest, type Manifest, type ManifestEntry } from "./manifest.js";
import { readPdfText } from "./_pdf.js";

export { ManifestSchema, ManifestEntrySchema, parseManifest } from "./manifest.js";
export { truncatedCopies, type DocumentKey } from "./_duplicates.js";
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
  /** For a PDF: the 1-based page of each line of `text` (the text its glyphs spell). */
  readonly pages?: readonly number[];
}

/** Why a corpus file (or the manifest) could not be read. */
export type CorpusIssue =
  | { readonly code: "not_utf8"; readonly file: string }
  | { readonly code: "empty_file"; readonly file: string }
  | { readonly code: "manifest_invalid"; readonly file: string; readonly issues: readonly string[] }
  | { readonly code: "manifest_hash_mismatch"; readonly file: string; readonly expected: string; readonly actual: string }
  | { readonly code: "manifest_missing_file"; readonly file: string }
  /** A scanned PDF: no text layer; OCR is not supported. */
  | { readonly code: "pdf_no_text"; readonly file: string }
  | { readonly code: "pdf_unreadable"; readonly file: string; readonly reason: string }
  /** The same document twice: `file` is not used, `original` is. */
  | { readonly code: "duplicate"; readonly file: string; readonly original: string; readonly reason: "same_hash" | "truncated_copy" };

/** Everything read from a corpus directory: the usable files and what was wrong with the rest. */
export interface Corpus {
  readonly dir: string;
  readonly files: readonly SourceFile[];
  readonly issues: readonly CorpusIssue[];
  readonly manifest: Manifest | undefined;
  /** Each usable file's stamp by name (when read with `known`). */
  readonly stamps?: ReadonlyMap<string, FileStamp>;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** One line on a corpus issue, Chinese first, naming the file(s). */
export function describeIssue(i: CorpusIssue): string {
  switch (i.code) {
    case "not_utf8":
      return `${i.file}: 不是 UTF-8 文本 (not UTF-8 text)`;
    case "empty_file":
      return `${i.file}: 空文件 (empty file)`;
    case "manifest_invalid":
      return `${i.file}: 清单无效 (manifest invalid) ${i.issues.join("; ")}`;
    case "manifest_hash_mismatch":
      return `${i.file}: 与清单的 sha256 不符 (sha256 differs from the manifest)`;
    case "manifest_missing_file":
      return `${i.file}: 清单中的文件不存在 (listed in the manifest, not found)`;
    case "pdf_no_text":
      return `${i.file}: PDF 没有文字层，可能是扫描件；不支持 OCR (no text layer; OCR is not supported)`;
    case "pdf_unreadable":
      return `${i.file}: 无法读取 PDF (cannot read the PDF: ${i.reason})`;
    case "duplicate":
      return `${i.file}: 与 ${i.original} 是同一文件${i.reason === "truncated_copy" ? "的截断副本" : ""}，只用 ${i.original} (duplicate of ${i.original}; used once)`;
    default: {
      const never: never = i;
      return String(never);
    }
  }
}

/**
 * Reads one file: text as strict UTF-8, a `.pdf` through its text layer; a broken, empty or
 * scanned file is an issue naming it, not a crash.
 */
export function readSourceFile(path: string, entry?: ManifestEntry): Result<SourceFile, CorpusIssue> {
  const bytes = readFileSync(path);
  const display = displayPath(path);
  if (isPdf(path)) {
    if (bytes.length === 0) return err({ code: "empty_file", file: display });
    const pdf = readPdfText(path);
    if (!pdf.ok) return err(pdf.error.code === "pdf_no_text" ? { code: "pdf_no_text", file: display } : { code: "pdf_unreadable", file: display, reason: pdf.error.reason });
    const name = path.split(/[\\/]/).pop() ?? path;
    return ok({ path: display, name, sha256: sha256(bytes), text: pdf.value.text, entry, pages: pdf.value.pages });
  }
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

/** What a file's stat says about it, for recognising an unchanged file without reading it. */
export interface FileStamp {
  readonly size: number;
  /** Modification and status-change times in nanoseconds, and the inode, as decimal strings. */
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
}

/** A file known from an earlier read: its stamp then, and its hash. */
export interface KnownFile {
  readonly stamp: FileStamp;
  readonly sha256: string;
}

/** How to read a corpus: files whose stamp is unchanged since `known` recorded it are not read. */
export interface ReadCorpusOptions {
  readonly known?: (name: string) => KnownFile | undefined;
}

/** Whether a corpus file is read as a PDF (by its name). */
export function isPdf(name: string): boolean {
  return /\.pdf$/i.test(name);
}

/** A file's stamp from its stat. */
export function stampOf(st: BigIntStats): FileStamp {
  return { size: Number(st.size), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino) };
}

function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;
}

/**
 * A corpus file whose hash is known and whose stamp has not changed: text (and a PDF's pages) are
 * read on first use. Reading fails loudly then, as the file changed under us.
 */
function deferredSource(path: string, name: string, sha: string, entry: ManifestEntry | undefined): SourceFile {
  let read: SourceFile | null = null;
  const load = (): SourceFile => {
    if (read === null) {
      const r = readSourceFile(path, entry);
      if (!r.ok) throw new Error(`${path}: ${describeIssue(r.error)}`);
      read = r.value;
    }
    return read;
  };
  const file = { path: displayPath(path), name, sha256: sha, entry };
  Object.defineProperty(file, "text", { enumerable: true, get: () => load().text });
  if (isPdf(name)) Object.defineProperty(file, "pages", { enumerable: true, get: () => load().pages });
  return file as SourceFile;
}

/**
 * Reads the corpus directory: every `.txt` (and `.pdf`) file, matched with its manifest entry when
 * present. With `known`, a file whose size, times and inode match what was recorded keeps its
 * recorded hash and is read only when its text is used (a large archive is not re-read and
 * re-hashed on every start); `stamps` then holds every file's current stamp.
 */
export function readCorpus(dir: string, opts: ReadCorpusOptions = {}): Result<Corpus, CorpusIssue> {
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
    const parsed = parseManifest(raw);
    if (!parsed.success) {
      return err({
        code: "manifest_invalid",
        file: displayPath(manifestPath),
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      });
    }
    manifest = parsed.data;
  }
  // A directory entry's type says whether it is a file (stat only what it does not say: a link);
  // with `known`, each file is stat'ed below for its stamp anyway.
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => /\.(?:txt|pdf)$/i.test(e.name) && (e.isFile() || (!e.isDirectory() && statSync(join(dir, e.name)).isFile())))
        .map((e) => e.name)
        .sort()
    : [];
  const files: SourceFile[] = [];
  const stamps = new Map<string, FileStamp>();
  const entries = new Map((manifest?.documents ?? []).map((d) => [d.file, d] as const));
  const hashes = new Map<string, SourceFile>();
  for (const name of names) {
    const entry = entries.get(name);
    const path = join(dir, name);
    const stamp = opts.known ? stampOf(statSync(path, { bigint: true })) : null;
    const known = stamp ? opts.known?.(name) : undefined;
    const read: Result<SourceFile, CorpusIssue> = stamp && known && sameStamp(known.stamp, stamp) ? ok(deferredSource(path, name, known.sha256, entry)) : readSourceFile(path, entry);
    if (!read.ok) {
      issues.push(read.error);
      continue;
    }
    if (stamp) stamps.set(name, stamp);
    if (entry?.sha256 && entry.sha256 !== read.value.sha256) {
      issues.push({ code: "manifest_hash_mismatch", file: read.value.path, expected: entry.sha256, actual: read.value.sha256 });
    }
    // A byte-identical copy under another name is the same document: used once.
    const same = hashes.get(read.value.sha256);
    if (same) {
      issues.push({ code: "duplicate", file: read.value.path, original: same.path, reason: "same_hash" });
      continue;
    }
    hashes.set(read.value.sha256, read.value);
    files.push(read.value);
  }
  const listed = new Set(names);
  for (const d of manifest?.documents ?? []) {
    if (!listed.has(d.file)) issues.push({ code: "manifest_missing_file", file: d.file });
  }
  return ok({ dir, files, issues, manifest, stamps });
}

/** Where the text read from a PDF is kept in the index directory: `index/text/<file>.txt`. */
export function extractedTextPath(indexDir: string, fileName: string): string {
  return join(indexDir, "text", `${fileName}.txt`);
}

/** A path relative to the working directory when it lies inside it, else as given. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}
