/**
 * Derives the plain reading-order form of a disclosure's text: every line's cells joined by single
 * spaces, empty cells vanished, as text copied from a PDF viewer reads. Cells are TAB-separated
 * (the OCR form) or separated by two or more spaces (`pdftotext -layout`); narrative lines keep
 * their single spaces. Line count and order are unchanged.
 *
 *   npx tsx scripts/plain-text.ts <in.txt> [out.txt]     (stdout without out.txt)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** One line's cells joined by single spaces (empty cells dropped, indentation removed). */
export function plainLine(line: string): string {
  return line
    .split(/\t| {2,}/)
    .map((c) => c.trim())
    .filter((c) => c !== "")
    .join(" ");
}

/** The plain reading-order form of a whole text. */
export function plainText(text: string): string {
  return text.split("\n").map(plainLine).join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [from, to] = process.argv.slice(2);
  if (!from) {
    process.stderr.write("usage: npx tsx scripts/plain-text.ts <in.txt> [out.txt]\n");
    process.exit(2);
  }
  const out = plainText(readFileSync(from, "utf8").replace(/\r\n?/g, "\n"));
  if (to) writeFileSync(to, out);
  else process.stdout.write(out);
}
