import { readFileSync } from "node:fs";
import { extractedTextPath, isPdf, type SourceFile } from "../corpus/index.js";

/** Corpus files whose lines stay in memory after a quote was read from them. */
const FILES_KEPT = 8;

/**
 * Reads cited lines from the corpus files themselves (a PDF's from its extracted text), on demand (the last few files read stay
 * split into lines): quotes come from the documents, not from a stored copy.
 */
export function lineReader(
  files: readonly Pick<SourceFile, "path" | "name">[],
  indexDir: string,
): { readLine: (file: string, line: number) => string | undefined; readText: (file: string) => string | undefined } {
  // A PDF's lines are those of the text read from it, kept under the index by the build.
  const known = new Map(files.map((f) => [f.path, isPdf(f.name) ? extractedTextPath(indexDir, f.name) : f.path] as const));
  const cache = new Map<string, readonly string[]>();
  const readText = (file: string): string | undefined => {
    const path = known.get(file);
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, "utf8").replace(/^\uFEFF/, "");
    } catch {
      return undefined;
    }
  };
  const readLine = (file: string, line: number): string | undefined => {
    let lines = cache.get(file);
    if (lines === undefined) {
      const text = readText(file);
      if (text === undefined) return undefined;
      lines = text.split(/\r?\n/);
      cache.set(file, lines);
      if (cache.size > FILES_KEPT) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
    }
    return lines[line - 1];
  };
  return { readLine, readText };
}
