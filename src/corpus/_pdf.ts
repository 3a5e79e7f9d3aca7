/**
 * PDF disclosures: the text layer read with pdfjs-dist (in a child Node process, see
 * pdf-worker.mjs) and laid out again as space-aligned lines from the glyphs' own positions, one
 * text column per half an em, so wide characters take two columns and a table's columns line up
 * as in `pdftotext -layout` (without its crowding). Every line keeps its page number.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { err, ok, type Result } from "../core/result.js";

/** One text item of a page: text, left x and baseline y (points, from the top left), width, font size. */
export type PdfItem = readonly [text: string, x: number, y: number, width: number, size: number];

/** The text a PDF's glyphs spell, line by line, with the 1-based page of every line. */
export interface PdfText {
  readonly text: string;
  /** `pages[i]` is the page of line i + 1. */
  readonly pages: readonly number[];
  readonly pageCount: number;
}

/** Why a PDF gave no text. */
export type PdfProblem = { readonly code: "pdf_no_text" } | { readonly code: "pdf_unreadable"; readonly reason: string };

// The worker is plain JavaScript kept in src/corpus; compiled code under dist/src/corpus finds it there.
const WORKER = [new URL("./pdf-worker.mjs", import.meta.url), new URL("../../../src/corpus/pdf-worker.mjs", import.meta.url)]
  .map((u) => fileURLToPath(u))
  .find((p) => existsSync(p)) ?? fileURLToPath(new URL("./pdf-worker.mjs", import.meta.url));
// East Asian wide and fullwidth characters take two columns.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Reads the text layer of a PDF file; a PDF without one (a scan) or a broken file is a problem value. */
export function readPdfText(path: string): Result<PdfText, PdfProblem> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [WORKER, path], { maxBuffer: 256 * 1024 * 1024, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    return err({ code: "pdf_unreadable", reason: e instanceof Error ? e.message.split("\n")[0] ?? "" : String(e) });
  }
  let parsed: { pages?: PdfItem[][]; error?: string };
  try {
    parsed = JSON.parse(out) as typeof parsed;
  } catch {
    return err({ code: "pdf_unreadable", reason: "the PDF reader gave no result" });
  }
  if (parsed.error !== undefined || !parsed.pages) return err({ code: "pdf_unreadable", reason: parsed.error ?? "no pages" });
  const chars = parsed.pages.flat().reduce((n, it) => n + it[0].trim().length, 0);
  if (chars < 20) return err({ code: "pdf_no_text" });
  return ok(layoutPdf(parsed.pages));
}

/** Lays out the items of every page as lines (pages one after the other, as `pdftotext -nopgbrk`). */
export function layoutPdf(pages: readonly (readonly PdfItem[])[]): PdfText {
  const lines: string[] = [];
  const pageOf: number[] = [];
  pages.forEach((items, p) => {
    for (const line of layoutPage(items)) {
      lines.push(line);
      pageOf.push(p + 1);
    }
    // A blank line between pages keeps the last line of one page from running into the next.
    lines.push("");
    pageOf.push(p + 1);
  });
  return { text: `${lines.join("\n")}\n`, pages: pageOf, pageCount: pages.length };
}

/** The lines of one page: items grouped by baseline, placed at the column their x gives. */
export function layoutPage(items: readonly PdfItem[]): string[] {
  if (items.length === 0) return [];
  const sizes = items.map((it) => it[4]).sort((a, b) => a - b);
  const em = sizes[Math.floor(sizes.length / 2)] ?? 12;
  const unit = em / 2;
  const sorted = [...items].sort((a, b) => a[2] - b[2] || a[1] - b[1]);
  const rows: PdfItem[][] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    const base = row?.[0];
    // Glyphs on one baseline (within a third of their size) form one line.
    if (row && base && Math.abs(it[2] - base[2]) <= Math.min(it[4], base[4]) * 0.35) row.push(it);
    else rows.push([it]);
  }
  const out: string[] = [];
  let lastY: number | null = null;
  for (const row of rows) {
    row.sort((a, b) => a[1] - b[1]);
    const y = row[0]?.[2] ?? 0;
    // A gap of more than two lines' height reads as a blank line, as in the printed page.
    if (lastY !== null && y - lastY > em * 2.6) out.push("");
    lastY = y;
    let text = "";
    let width = 0;
    let prevEnd: number | null = null;
    for (const [s, x, , w, size] of row) {
      const gap = prevEnd === null ? Infinity : x - prevEnd;
      const col = Math.max(0, Math.round(x / unit));
      if (prevEnd !== null && gap < size * 0.2) {
        // Glyph runs of one word.
      } else if (prevEnd !== null && gap < size * 0.8) {
        text += " ";
        width += 1;
      } else {
        const target = Math.max(col, prevEnd === null ? col : width + 2);
        text += " ".repeat(target - width);
        width = target;
      }
      text += s;
      width += displayWidth(s);
      prevEnd = x + w;
    }
    out.push(text.replace(/\s+$/, ""));
  }
  return out;
}

function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += WIDE.test(ch) ? 2 : 1;
  return n;
}
