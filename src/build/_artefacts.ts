/**
 * Per-document artefacts: one JSON file per processed document under
 * `<index>/artefacts/<pipeline>/<key>.json`, content-addressed (see `_fingerprint.ts`). They are the
 * cache the index database is assembled from: a document whose artefact is present and sound is
 * never parsed again, and the database can be rebuilt from them without parsing anything.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../core/fs.js";
import { sha256 } from "../core/hash.js";
import { err, ok, type Result } from "../core/result.js";
import { ARTEFACT_FORMAT } from "./_fingerprint.js";
import type { Outcome } from "./_process.js";

/**
 * One document's stored result, with what it was built from. On disk: a header line (this object
 * without `outcome`, plus the sha256 of the outcome line) and the outcome line, so that a changed
 * byte anywhere in the result is caught when it is loaded.
 */
export interface DocArtefact {
  readonly formatVersion: typeof ARTEFACT_FORMAT;
  readonly key: string;
  readonly pipeline: string;
  /** The source bytes' hash and the file name it was read under. */
  readonly source: { readonly sha256: string; readonly name: string };
  readonly outcome: Outcome;
}

/** Why an artefact cannot be used; every case means "process the document again". */
export interface ArtefactError {
  readonly code: "artefact_missing" | "artefact_corrupt" | "artefact_stale";
  readonly key: string;
  readonly reason: string;
}

/** Where a saved artefact is and what its bytes hash to (recorded by the database for checks). */
export interface ArtefactInfo {
  readonly sha256: string;
  readonly bytes: number;
}

/** A loaded artefact with the hash and size of its bytes. */
export interface StoredArtefact {
  readonly artefact: DocArtefact;
  readonly info: ArtefactInfo;
}

/** Save/load of per-document artefacts; integrity checks can wrap `load`. */
export interface ArtefactStore {
  load(key: string): Result<StoredArtefact, ArtefactError>;
  save(artefact: DocArtefact): ArtefactInfo;
  /** Size on disk, or null when absent (a cheap check that the file was not cut short or removed). */
  size(key: string): number | null;
  /** sha256 of the file's bytes, or null when absent. */
  digest(key: string): string | null;
  /** Removes artefacts of other pipelines (older code); returns how many folders went. */
  prune(): number;
}

const ARTEFACTS = "artefacts";

function isOutcome(o: unknown): o is Outcome {
  if (o === null || typeof o !== "object") return false;
  const x = o as Record<string, unknown>;
  if (x.kind === "rejected") return typeof x.reason === "string";
  return (
    x.kind === "document" &&
    x.record !== null &&
    typeof x.record === "object" &&
    Array.isArray(x.facts) &&
    Array.isArray(x.findings) &&
    Array.isArray(x.chunks) &&
    Array.isArray(x.terms) &&
    x.chunks.length === x.terms.length
  );
}

/** The artefact store of an index directory for one pipeline fingerprint. */
export function fileArtefactStore(indexDir: string, pipeline: string): ArtefactStore {
  const root = join(indexDir, ARTEFACTS);
  const dir = join(root, pipeline);
  const path = (key: string): string => join(dir, `${key}.json`);
  return {
    load(key) {
      const p = path(key);
      if (!existsSync(p)) return err({ code: "artefact_missing", key, reason: `${p} not found` });
      let text: string;
      let header: Partial<DocArtefact> & { outcomeSha256?: string };
      let outcome: unknown;
      try {
        text = readFileSync(p, "utf8");
        const cut = text.indexOf("\n");
        header = JSON.parse(text.slice(0, cut)) as typeof header;
        const body = text.slice(cut + 1);
        if (header.formatVersion !== ARTEFACT_FORMAT) return err({ code: "artefact_stale", key, reason: `${p}: format ${String(header.formatVersion)}` });
        if (sha256(body) !== header.outcomeSha256) return err({ code: "artefact_corrupt", key, reason: `${p}: content differs from its recorded sha256` });
        outcome = JSON.parse(body);
      } catch (e) {
        return err({ code: "artefact_corrupt", key, reason: `${p}: ${e instanceof Error ? e.message : String(e)}` });
      }
      if (header.key !== key || header.pipeline !== pipeline) return err({ code: "artefact_corrupt", key, reason: `${p}: holds another document's result` });
      if (!header.source || !isOutcome(outcome)) return err({ code: "artefact_corrupt", key, reason: `${p}: incomplete` });
      const artefact: DocArtefact = { formatVersion: ARTEFACT_FORMAT, key, pipeline, source: header.source, outcome };
      return ok({ artefact, info: { sha256: sha256(text), bytes: Buffer.byteLength(text) } });
    },
    save(artefact) {
      const { outcome, ...rest } = artefact;
      const body = JSON.stringify(outcome);
      const text = `${JSON.stringify({ ...rest, outcomeSha256: sha256(body) })}\n${body}`;
      mkdirSync(dir, { recursive: true });
      writeFileAtomic(path(artefact.key), text);
      return { sha256: sha256(text), bytes: Buffer.byteLength(text) };
    },
    size(key) {
      try {
        return statSync(path(key)).size;
      } catch {
        return null;
      }
    },
    digest(key) {
      try {
        return sha256(readFileSync(path(key)));
      } catch {
        return null;
      }
    },
    prune() {
      if (!existsSync(root)) return 0;
      let n = 0;
      for (const name of readdirSync(root)) {
        if (name === pipeline) continue;
        rmSync(join(root, name), { recursive: true, force: true });
        n++;
      }
      return n;
    },
  };
}
