import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Config } from "../config.js";
import { sha256 } from "../core/hash.js";
import { readCorpus } from "../corpus/index.js";
import { checkModelFiles, MODEL_ID, modelPath } from "../embed/index.js";
import { assemblyFormat, DB_FILE } from "./_db.js";
import { artefactKey, pipelineFingerprint } from "./_fingerprint.js";
import { vectorsModel } from "./_vectors.js";

/** What an operator needs to know without building or loading anything heavy (`status` command). */
export interface IndexStatus {
  readonly corpus: { readonly dir: string; readonly files: readonly { readonly file: string; readonly sha256: string }[]; readonly problem: string | null };
  readonly index: {
    readonly dir: string;
    /** "ready", or why answering would build first. */
    readonly state: "ready" | "missing" | "stale" | "damaged";
    readonly reason: string | null;
    readonly builtAt: string | null;
    readonly ageSeconds: number | null;
    /** 12 hex digits naming the indexed document set and its chunk generation: changes whenever the index does. */
    readonly fingerprint: string | null;
    readonly documents: number | null;
    readonly facts: number | null;
    readonly findings: number | null;
    readonly chunks: number | null;
    /** Whether the saved index holds vectors (semantic search), and of which model. */
    readonly vectors: string | null;
  };
  readonly model: { readonly id: string; readonly source: Config["modelSource"]; readonly dir: string; readonly state: "ok" | "missing" | "damaged" | "off"; readonly detail: string | null };
}

interface Counts {
  readonly builtAt: string | null;
  readonly keys: readonly string[];
  readonly documents: number;
  readonly generation: number;
  readonly facts: number;
  readonly findings: number;
  readonly chunks: number;
}

function readCounts(dir: string): Counts | string {
  const path = join(dir, DB_FILE);
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const meta = new Map((db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    if (meta.get("format") !== assemblyFormat()) return `${path}: format ${meta.get("format") ?? "none"}, expected ${assemblyFormat()}`;
    const one = (sql: string): number => (db?.prepare(sql).get() as { n: number | null } | undefined)?.n ?? 0;
    const keys = (db.prepare("SELECT key FROM documents UNION ALL SELECT key FROM rejected").all() as { key: string }[]).map((r) => r.key);
    return {
      builtAt: meta.get("built_at") ?? null,
      keys,
      documents: one("SELECT COUNT(*) AS n FROM documents"),
      generation: one("SELECT value AS n FROM search_meta WHERE key = 'generation'"),
      facts: one("SELECT SUM(count) AS n FROM facts"),
      findings: one("SELECT SUM(json_array_length(data)) AS n FROM findings"),
      chunks: one("SELECT COUNT(*) AS n FROM chunks"),
    };
  } catch (e) {
    return `${path}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    db?.close();
  }
}

/** Reads the corpus hashes, the index database's counts and the model cache; writes nothing. */
export function indexStatus(config: Config, now: Date = new Date()): IndexStatus {
  const corpus = readCorpus(config.corpusDir);
  const files = corpus.ok ? corpus.value.files : [];
  const dir = config.indexDir;
  let model: IndexStatus["model"];
  const mdir = modelPath(config.modelDir);
  if (config.modelSource === "off") model = { id: MODEL_ID, source: "off", dir: mdir, state: "off", detail: "JUESUAN_MODEL_SOURCE=off" };
  else {
    const { problems } = checkModelFiles(mdir);
    const missing = problems.length > 0 && problems.every((p) => p.problem === "missing");
    model = {
      id: MODEL_ID,
      source: config.modelSource,
      dir: mdir,
      state: problems.length === 0 ? "ok" : missing ? "missing" : "damaged",
      detail: problems.length === 0 ? null : problems.map((p) => `${p.name}: ${p.problem}`).join(", "),
    };
  }
  const counts = existsSync(join(dir, DB_FILE)) ? readCounts(dir) : null;
  let state: IndexStatus["index"]["state"] = "ready";
  let reason: string | null = null;
  if (counts === null) {
    state = "missing";
    reason = `no index at ${dir}`;
  } else if (typeof counts === "string") {
    state = "damaged";
    reason = counts;
  } else {
    // As ensureIndex would: the corpus's artefact keys against the database's, then the vectors.
    const pipeline = pipelineFingerprint();
    const want = new Set(files.map((f) => artefactKey(f, pipeline)));
    const have = new Set(counts.keys);
    const added = [...want].filter((k) => !have.has(k)).length;
    const removed = [...have].filter((k) => !want.has(k)).length;
    if (added + removed > 0) {
      state = "stale";
      reason = `${added} documents new or changed, ${removed} gone since the last build`;
    } else if (model.state === "ok" && vectorsModel(dir, counts.generation) === null) {
      state = "stale";
      reason = `no vectors for the current documents, ${MODEL_ID} available`;
    }
  }
  const ok = counts !== null && typeof counts !== "string" ? counts : null;
  const builtAt = ok?.builtAt ?? null;
  return {
    corpus: { dir: config.corpusDir, files: files.map((f) => ({ file: f.path, sha256: f.sha256 })), problem: corpus.ok ? null : `${corpus.error.code}: ${corpus.error.file}` },
    index: {
      dir,
      state,
      reason,
      builtAt,
      ageSeconds: builtAt === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(builtAt)) / 1000)),
      fingerprint: ok ? sha256(`${[...ok.keys].sort().join("\n")}\n${ok.generation}`).slice(0, 12) : null,
      documents: ok?.documents ?? null,
      facts: ok?.facts ?? null,
      findings: ok?.findings ?? null,
      chunks: ok?.chunks ?? null,
      vectors: ok ? ((m) => (m === null ? "none (keyword only)" : `${MODEL_ID} (${m})`))(vectorsModel(dir, ok.generation)) : null,
    },
    model,
  };
}
