/**
 * What a per-document artefact is keyed by: the document's bytes (sha256), its file name and
 * manifest entry (they decide its identity), and a fingerprint of the code that turns it into
 * facts, chunks and terms. A change to any of them gives another key; nothing else does (the
 * directory it sits in is not part of it, so a moved corpus keeps every artefact).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../core/hash.js";
import type { SourceFile } from "../corpus/index.js";

/** Bump when the artefact's stored shape changes. */
export const ARTEFACT_FORMAT = 2;

/**
 * Source folders (relative to the running code's root, `src/` or the compiled output) whose code
 * decides an artefact's content: parsing, identity, facts, verification, chunking, tokenising.
 */
const PIPELINE_PARTS = ["parse", "corpus", "facts", "verify", "chunk", "core", "search/_tokenize"] as const;

function codeFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory()) return [];
  return readdirSync(path)
    .sort()
    .flatMap((n) => codeFiles(join(path, n)))
    .filter((p) => !p.endsWith(".map") && !p.endsWith(".d.ts"));
}

const cached = new Map<string, string>();

/** A hash of the code under some source folders or files (relative to the code's root), once per process. */
export function codeFingerprint(parts: readonly string[]): string {
  const key = parts.join(",");
  const hit = cached.get(key);
  if (hit !== undefined) return hit;
  const root = fileURLToPath(new URL("../", import.meta.url));
  const lines: string[] = [`format ${ARTEFACT_FORMAT}`];
  for (const part of parts) {
    const base = join(root, part);
    const files = part.includes("/") ? [`${base}.ts`, `${base}.js`].flatMap(codeFiles) : codeFiles(base);
    for (const f of files) lines.push(`${f.slice(root.length)} ${sha256(readFileSync(f))}`);
  }
  const fp = sha256(lines.join("\n")).slice(0, 16);
  cached.set(key, fp);
  return fp;
}

/**
 * A hash of the pipeline's code: editing the parser, the fact extraction, verification, the
 * chunker or the tokeniser re-derives every document's artefact.
 */
export function pipelineFingerprint(): string {
  return codeFingerprint(PIPELINE_PARTS);
}

/** JSON with object keys sorted, so equal values give equal text whatever their key order. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The content address of one document's artefact. */
export function artefactKey(file: Pick<SourceFile, "sha256" | "name" | "entry">, pipeline: string): string {
  return sha256(stableJson({ format: ARTEFACT_FORMAT, pipeline, sha256: file.sha256, name: file.name, entry: file.entry ?? null }));
}
