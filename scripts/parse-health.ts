/**
 * Parse health of every seed and document in each form it comes in: the seeds as OCR text (tab),
 * as simulated `pdftotext -layout` text and as plain reading-order text; the documents as layout
 * text, PDF and plain text. `-v` lists the identities that fail.
 *
 *   npx tsx scripts/parse-health.ts [-v] [FILTER…]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSourceFile } from "../src/corpus/index.js";
import { parseDisclosure, parseHealth } from "../src/parse/index.js";
import { layoutize } from "./layoutize.js";
import { plainText } from "./plain-text.js";

const ROOT = join(import.meta.dirname, "..");
const DOCUMENTS = join(ROOT, "tests/fixtures/documents");
const args = process.argv.slice(2);
const verbose = args.includes("-v");
const filters = args.filter((a) => !a.startsWith("-"));

const share = (a: number, b: number): string => (b === 0 ? "—" : `${((100 * a) / b).toFixed(1)} %`);

function report(name: string, form: string, path: string, transform?: (text: string) => string): void {
  if (filters.length > 0 && !filters.some((f) => `${name} ${form}`.includes(f))) return;
  const read = readSourceFile(path);
  if (!read.ok) return void process.stdout.write(`${name} ${form}: cannot read (${read.error.code})\n`);
  const text = transform ? transform(readFileSync(path, "utf8").replace(/\r\n?/g, "\n")) : read.value.text;
  const parsed = parseDisclosure({ ...read.value, text });
  if (!parsed.ok) return void process.stdout.write(`${name} ${form}: not parsed (${parsed.error.code})\n`);
  const h = parseHealth(parsed.value);
  process.stdout.write(
    `${name.padEnd(38)} ${form.padEnd(6)} identities ${h.identities.holding}/${h.identities.total} (${share(h.identities.holding, h.identities.total)})  figures ${h.figures.placed}/${h.figures.printed} (${share(h.figures.placed, h.figures.printed)})\n`,
  );
  if (verbose) for (const f of h.failures) process.stdout.write(`    ${f}\n`);
}

for (const file of readdirSync(join(ROOT, "corpus")).filter((f) => f.endsWith(".txt")).sort()) {
  const path = join(ROOT, "corpus", file);
  const name = file.replace(/\.txt$/, "");
  report(name, "tab", path);
  report(name, "layout", path, (t) => layoutize(t));
  report(name, "plain", path, plainText);
}
for (const file of readdirSync(DOCUMENTS).filter((f) => f.endsWith(".layout.txt")).sort()) {
  const name = file.replace(/\.layout\.txt$/, "");
  report(name, "layout", join(DOCUMENTS, file));
  report(name, "pdf", join(DOCUMENTS, `${name}.pdf`));
  report(name, "plain", join(DOCUMENTS, file), plainText);
}
