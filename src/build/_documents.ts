import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../core/fs.js";
import { err, ok, type Result } from "../core/result.js";

/** Bump when the saved document list changes shape. */
export const DOCUMENTS_FORMAT = 1;

/** What the build learned about each disclosure, kept for answering (catalog, quotes, warnings). */
export interface DocumentRecord {
  readonly id: string;
  readonly file: string;
  readonly name: string;
  readonly sha256: string;
  readonly department: string;
  readonly aliases: readonly string[];
  readonly year: number;
  readonly type: "部门决算" | "单位决算" | null;
  readonly region: string | null;
  readonly title: string | null;
  /** Disagreements between the manifest and the document's own text. */
  readonly mismatches: readonly string[];
  readonly tables: number;
  readonly facts: number;
}

/** Files that could not be ingested, with the reason (shown by build-index and /start). */
export interface Rejected {
  readonly file: string;
  readonly reason: string;
}

const DocumentsSchema = z.object({
  formatVersion: z.literal(DOCUMENTS_FORMAT),
  corpus: z.array(z.object({ file: z.string(), sha256: z.string() })),
  documents: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      name: z.string(),
      sha256: z.string(),
      department: z.string(),
      aliases: z.array(z.string()),
      year: z.number().int(),
      type: z.enum(["部门决算", "单位决算"]).nullable(),
      region: z.string().nullable(),
      title: z.string().nullable(),
      mismatches: z.array(z.string()),
      tables: z.number().int(),
      facts: z.number().int(),
    }),
  ),
  rejected: z.array(z.object({ file: z.string(), reason: z.string() })),
});

export type DocumentsFile = z.infer<typeof DocumentsSchema>;

const FILE = "documents.json";

/** Saves the document list atomically. */
export function saveDocuments(dir: string, data: DocumentsFile): void {
  writeFileAtomic(join(dir, FILE), JSON.stringify(data, null, 1));
}

/** Loads the document list; missing, corrupt or built from other files is a typed error. */
export function loadDocuments(
  dir: string,
  expected: readonly { file: string; sha256: string }[],
): Result<DocumentsFile, { code: "index_missing" | "index_stale" | "index_corrupt"; reason: string }> {
  const path = join(dir, FILE);
  if (!existsSync(path)) return err({ code: "index_missing", reason: `${path} not found` });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    return err({ code: "index_corrupt", reason: `${path}: ${String(e)}` });
  }
  const parsed = DocumentsSchema.safeParse(raw);
  if (!parsed.success) return err({ code: "index_corrupt", reason: `${path}: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  const same =
    parsed.data.corpus.length === expected.length &&
    expected.every((e) => parsed.data.corpus.some((c) => c.file === e.file && c.sha256 === e.sha256));
  if (!same) return err({ code: "index_stale", reason: "corpus changed since the index was built" });
  return ok(parsed.data);
}
