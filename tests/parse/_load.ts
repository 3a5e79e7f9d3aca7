import { join } from "node:path";
import { readSourceFile, type SourceFile } from "../../src/corpus/index.js";
import { parseDisclosure, type Disclosure, type Table, type TableRow } from "../../src/parse/index.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Reads a corpus seed or a parse fixture. */
export function source(path: string): SourceFile {
  const read = readSourceFile(join(ROOT, path));
  if (!read.ok) throw new Error(`cannot read ${path}: ${read.error.code}`);
  return read.value;
}

const cache = new Map<string, Disclosure>();

/** Parses a file (cached per path); throws when parsing fails. */
export function parsed(path: string): Disclosure {
  const hit = cache.get(path);
  if (hit) return hit;
  const result = parseDisclosure(source(path));
  if (!result.ok) throw new Error(`cannot parse ${path}: ${JSON.stringify(result.error)}`);
  cache.set(path, result.value);
  return result.value;
}

/** The table with a 公开NN表 number. */
export function table(d: Disclosure, number: string): Table {
  const t = d.tables.find((x) => x.number === number);
  if (!t) throw new Error(`${d.id}: no ${number}`);
  return t;
}

/** The row of a table part on a 1-based line (optionally by label). */
export function rowAt(t: Table, line: number, part: string | null = null, label?: string): TableRow {
  const p = t.parts.find((x) => x.name === part);
  const r = p?.rows.find((x) => x.line === line && (label === undefined || x.label === label));
  if (!r) throw new Error(`${t.number}: no row on line ${line} in part ${part}`);
  return r;
}
