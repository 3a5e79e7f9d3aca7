// Reads the text items of a PDF with pdfjs-dist and prints them as JSON on stdout:
// {"pages": [[[text, x, y, width, size], …], …]} with x/y in points from the top-left of the
// page as displayed (rotation applied), or {"error": "…"}. Run as a child process so that
// reading the corpus stays synchronous; the CMaps and fonts come from the installed package.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const root = dirname(require.resolve("pdfjs-dist/package.json"));
const { getDocument, Util } = await import("pdfjs-dist/legacy/build/pdf.mjs");

async function main(path) {
  const data = new Uint8Array(readFileSync(path));
  const doc = await getDocument({
    data,
    cMapUrl: `${join(root, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${join(root, "standard_fonts")}/`,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
  }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str.trim() === "") continue;
      const t = Util.transform(viewport.transform, item.transform);
      const size = Math.hypot(t[2], t[3]) || Math.hypot(t[0], t[1]);
      items.push([item.str, round(t[4]), round(t[5]), round(item.width), round(size)]);
    }
    pages.push(items);
    page.cleanup();
  }
  await doc.destroy();
  return { pages };
}

function round(x) {
  return Math.round(x * 100) / 100;
}

main(process.argv[2])
  .then((out) => process.stdout.write(JSON.stringify(out)))
  .catch((e) => process.stdout.write(JSON.stringify({ error: String(e?.message ?? e) })));
