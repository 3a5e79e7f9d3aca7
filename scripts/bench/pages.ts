/**
 * Build time per document page, for PDF and for text input: read (PDF text layer or UTF-8),
 * parse and extract facts for the development documents in both forms.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { readSourceFile } from "../../src/corpus/index.js";
import { extractFacts } from "../../src/facts/index.js";
import { parseDisclosure } from "../../src/parse/index.js";

/** Lines of the report: ms per page for each form, over every `X.pdf` with a `X.layout.txt` beside it. */
export function benchPages(dir: string): string[] {
  if (!existsSync(dir)) return [`(no documents at ${dir})`];
  const bases = readdirSync(dir).filter((n) => n.endsWith(".pdf") && existsSync(join(dir, n.replace(/\.pdf$/, ".layout.txt")))).map((n) => n.replace(/\.pdf$/, ""));
  const total = { pdf: 0, text: 0, pages: 0 };
  const out: string[] = [];
  for (const base of bases) {
    const time = (file: string): { ms: number; pages: number } => {
      const t0 = performance.now();
      const read = readSourceFile(join(dir, file));
      if (!read.ok) throw new Error(`${file}: ${read.error.code}`);
      const parsed = parseDisclosure(read.value);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error.code}`);
      extractFacts(parsed.value, { department: parsed.value.meta.department ?? base, year: parsed.value.meta.year ?? 0 });
      return { ms: performance.now() - t0, pages: Math.max(0, ...(parsed.value.pages ?? [])) };
    };
    const pdf = time(`${base}.pdf`);
    const text = time(`${base}.layout.txt`);
    total.pdf += pdf.ms;
    total.text += text.ms;
    total.pages += pdf.pages;
    out.push(`${base}: ${pdf.pages} pages · pdf ${(pdf.ms / pdf.pages).toFixed(1)} ms/page · text ${(text.ms / pdf.pages).toFixed(1)} ms/page`);
  }
  if (total.pages > 0) out.push(`all: ${total.pages} pages · pdf ${(total.pdf / total.pages).toFixed(1)} ms/page · text ${(total.text / total.pages).toFixed(1)} ms/page`);
  return out;
}
