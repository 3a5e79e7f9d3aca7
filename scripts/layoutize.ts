/**
 * Simulates `pdftotext -layout` output from the OCR corpus: every run of TAB-separated table lines
 * becomes space-aligned columns (one width per column over the run, CJK characters counted as
 * width 2, figures right-aligned, other cells left-aligned, three spaces between columns). Lines
 * without a tab are copied unchanged; manifest.json is copied without its sha256 fields (the texts
 * differ, so the corpus reader recomputes them).
 *
 *   npx tsx scripts/layoutize.ts [--char-width] <srcDir> <dstDir>
 *
 * `--char-width` counts every character as one column, as pdftotext's character grid does.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// East Asian Width W and F (Unicode 14): exact in the Basic Multilingual Plane, approximate beyond
// (emoji, rare scripts), which these documents do not use.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x2e99], [0x2e9b, 0x2ef3], [0x2f00, 0x2fd5], [0x2ff0, 0x2ffb], [0x3000, 0x303e], [0x3041, 0x3096],
  [0x3099, 0x30ff], [0x3105, 0x312f], [0x3131, 0x318e], [0x3190, 0x31e3], [0x31f0, 0x321e], [0x3220, 0x3247],
  [0x3250, 0x4dbf], [0x4e00, 0xa48c], [0xa490, 0xa4c6], [0xa960, 0xa97c], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe52], [0xfe54, 0xfe66], [0xfe68, 0xfe6b], [0xff01, 0xff60], [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4], [0x17000, 0x187f7], [0x18800, 0x18cd5], [0x1b000, 0x1b122], [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f202], [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248], [0x1f250, 0x1f251], [0x1f260, 0x1f265], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** Display width of a text: 2 per East Asian wide or fullwidth character, else 1. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    w += cp >= 0x1100 && WIDE.some(([a, b]) => cp >= a && cp <= b) ? 2 : 1;
  }
  return w;
}

// As pdftotext prints them: "16,179.00", "2.432.62", "75" right-aligned (digits with , and . only).
const FIGURE = /^\p{Nd}+$/u;

/**
 * Converts the TAB-separated table lines of one text into space-aligned columns, by display
 * width (default) or one column per character (`{ width: "char" }`, as pdftotext's grid counts).
 */
export function layoutize(text: string, options: { readonly width?: "display" | "char" } = {}): string {
  const widthOf = options.width === "char" ? (s: string): number => [...s].length : displayWidth;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!(lines[i] ?? "").includes("\t")) {
      out.push(lines[i] ?? "");
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && (lines[j] ?? "").includes("\t")) j++;
    const block = lines.slice(i, j).map((l) => l.split("\t").map((c) => c.trim()));
    const n = Math.max(...block.map((r) => r.length));
    const widths = Array.from({ length: n }, (_, k) => Math.max(...block.map((r) => widthOf(r[k] ?? ""))));
    for (const r of block) {
      const cells = widths.map((width, k) => {
        const c = r[k] ?? "";
        const pad = " ".repeat(width - widthOf(c));
        return FIGURE.test(c.replace(/[,.]/g, "")) ? pad + c : c + pad;
      });
      out.push(cells.join("   ").trimEnd());
    }
    i = j;
  }
  return out.join("\n");
}

/** Converts every `.txt` of `srcDir` into `dstDir` and copies manifest.json without sha256 fields. */
export function layoutizeCorpus(srcDir: string, dstDir: string, width: "display" | "char" = "display"): string[] {
  mkdirSync(dstDir, { recursive: true });
  const names = readdirSync(srcDir).filter((n) => n.endsWith(".txt")).sort();
  for (const name of names) writeFileSync(join(dstDir, name), layoutize(readFileSync(join(srcDir, name), "utf8"), { width }), "utf8");
  const manifest = JSON.parse(readFileSync(join(srcDir, "manifest.json"), "utf8")) as { documents?: Record<string, unknown>[] };
  for (const d of manifest.documents ?? []) delete d["sha256"];
  writeFileSync(join(dstDir, "manifest.json"), JSON.stringify(manifest, null, 1), "utf8");
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const char = args.includes("--char-width");
  const [src, dst] = args.filter((a) => a !== "--char-width");
  if (src === undefined || dst === undefined) {
    process.stderr.write("usage: npx tsx scripts/layoutize.ts [--char-width] <srcDir> <dstDir>\n");
    process.exit(2);
  }
  const names = layoutizeCorpus(src, dst, char ? "char" : "display");
  process.stdout.write(`${names.length} file(s) written to ${dst}\n`);
}
