import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config.js";
import { checkSeal, readSeal, sealFingerprint } from "../core/integrity.js";
import { readCorpus } from "../corpus/index.js";
import { checkModelFiles, MODEL_ID, modelPath } from "../embed/index.js";
import { SEARCH_DIR } from "../search/index.js";
import { loadDocuments } from "./_documents.js";

/** What an operator needs to know without building or loading anything heavy (`status` command). */
export interface IndexStatus {
  readonly corpus: { readonly dir: string; readonly files: readonly { readonly file: string; readonly sha256: string }[]; readonly problem: string | null };
  readonly index: {
    readonly dir: string;
    /** "ready", or why answering would rebuild first. */
    readonly state: "ready" | "missing" | "stale" | "damaged";
    readonly reason: string | null;
    readonly builtAt: string | null;
    readonly ageSeconds: number | null;
    /** First 12 hex digits of the seal's sha256: changes whenever any artefact changes. */
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

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/** Reads the corpus hashes, the index seal and counts, and the model cache; writes nothing. */
export function indexStatus(config: Config, now: Date = new Date()): IndexStatus {
  const corpus = readCorpus(config.corpusDir);
  const files = corpus.ok ? corpus.value.files.map((f) => ({ file: f.path, sha256: f.sha256 })) : [];
  const dir = config.indexDir;
  const seal = readSeal(dir);
  const sealed = checkSeal(dir, ["documents.json", "facts.json", `${SEARCH_DIR}/manifest.json`]);
  const docs = loadDocuments(dir, files);
  let state: IndexStatus["index"]["state"] = "ready";
  let reason: string | null = null;
  if (!sealed.ok) {
    state = sealed.error.code === "index_missing" ? "missing" : "damaged";
    reason = sealed.error.reason;
  } else if (!docs.ok) {
    state = docs.error.code === "index_stale" ? "stale" : "damaged";
    reason = docs.error.reason;
  }
  const facts = readJson(join(dir, "facts.json")) as { facts?: unknown[]; findings?: unknown[] } | null;
  const search = readJson(join(dir, SEARCH_DIR, "manifest.json")) as { chunks?: number; model?: { id?: string } | null } | null;
  const docList = readJson(join(dir, "documents.json")) as { documents?: unknown[] } | null;
  const builtAt = seal?.sealedAt ?? null;

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
  // As ensureIndex would: a keyword-only index is rebuilt once the model is there.
  if (state === "ready" && model.state === "ok" && search !== null && (search.model ?? null) === null) {
    state = "stale";
    reason = `built without a model, ${MODEL_ID} now available`;
  }
  return {
    corpus: { dir: config.corpusDir, files, problem: corpus.ok ? null : `${corpus.error.code}: ${corpus.error.file}` },
    index: {
      dir,
      state,
      reason,
      builtAt,
      ageSeconds: builtAt === null ? null : Math.max(0, Math.round((now.getTime() - Date.parse(builtAt)) / 1000)),
      fingerprint: existsSync(dir) ? sealFingerprint(dir) : null,
      documents: Array.isArray(docList?.documents) ? docList.documents.length : null,
      facts: Array.isArray(facts?.facts) ? facts.facts.length : null,
      findings: Array.isArray(facts?.findings) ? facts.findings.length : null,
      chunks: typeof search?.chunks === "number" ? search.chunks : null,
      vectors: search === null ? null : (search.model?.id ?? "none (keyword only)"),
    },
    model,
  };
}
