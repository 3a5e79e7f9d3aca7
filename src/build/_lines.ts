import { readFileSync } from "node:fs";
import type { SourceFile } from "../corpus/index.js";

/** Corpus files whose lines stay in memory after a quote was read from them. */
const FILES_KEPT = 8;

/**
 * Reads cited lines from the corpus files themselves, on demand (the last few files read stay
 * split into lines): quotes come from the documents, not from a stored copy.
 */
export function lineReader(files: readonly Pick<SourceFile, "path">[]): (file: string, line: number) => string | undefined {
  const known = new Set(files.map((f) => f.path));
  const cache = new Map<string, readonly string[]>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      if (!known.has(file)) return undefined;
      try {
        lines = readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
      } catch {
        return undefined;
      }
      cache.set(file, lines);
      if (cache.size > FILES_KEPT) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    return lines[line - 1];
  };
}
