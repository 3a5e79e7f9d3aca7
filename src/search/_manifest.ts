import { z } from "zod";

/**
 * Version of what is stored under `<indexDir>/search/`; bump on any change to the files' shape and
 * to tokenisation (jieba dictionary, stop words, fields), since bm25.json holds tokens.
 */
export const FORMAT_VERSION = 2;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const SearchManifestSchema = z.object({
  formatVersion: z.number().int(),
  createdAt: z.string(),
  chunkerVersion: z.string().min(1),
  model: z
    .object({
      id: z.string().min(1),
      files: z.array(z.object({ name: z.string().min(1), sha256: Hex64 })),
    })
    .nullable(),
  dim: z.number().int().positive().nullable(),
  corpus: z.array(z.object({ file: z.string().min(1), sha256: Hex64 })),
  chunks: z.number().int().nonnegative(),
  /** Byte sizes of the data files, to catch truncation without hashing megabytes on every load. */
  files: z.record(z.string(), z.number().int().nonnegative()),
});

/** What `manifest.json` records. */
export type SearchManifest = z.infer<typeof SearchManifestSchema>;

/** What an index is built from; a saved index whose inputs differ is stale. */
export interface IndexInputs {
  /** Every corpus file with its sha256 (order does not matter). */
  readonly corpus: readonly { readonly file: string; readonly sha256: string }[];
  /** Model id and file hashes (`modelFingerprint`), or null when no model is available. */
  readonly model: { readonly id: string; readonly files: readonly { readonly name: string; readonly sha256: string }[] } | null;
  /** `CHUNKER_VERSION` of the chunker that made the chunks. */
  readonly chunkerVersion: string;
}

function key(xs: readonly { readonly [k: string]: string }[], a: string, b: string): string {
  return xs
    .map((x) => `${x[a]}\u0000${x[b]}`)
    .sort()
    .join("\u0001");
}

/**
 * Why a saved index no longer matches what it would be built from, or null when it still does.
 * A null `expected.model` (no model now) accepts any saved model: its keyword half stays usable.
 */
export function staleReason(m: SearchManifest, expected: IndexInputs): string | null {
  if (m.formatVersion !== FORMAT_VERSION) return `format version ${m.formatVersion}, expected ${FORMAT_VERSION}`;
  if (m.chunkerVersion !== expected.chunkerVersion) return `chunker version ${m.chunkerVersion}, expected ${expected.chunkerVersion}`;
  if (key(m.corpus, "file", "sha256") !== key(expected.corpus, "file", "sha256")) return "corpus files changed";
  if (expected.model !== null) {
    if (m.model === null) return `built without a model, ${expected.model.id} now available`;
    if (m.model.id !== expected.model.id) return `model ${m.model.id}, expected ${expected.model.id}`;
    if (key(m.model.files, "name", "sha256") !== key(expected.model.files, "name", "sha256")) return "model files changed";
  }
  return null;
}
