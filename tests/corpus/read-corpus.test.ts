import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus, readSourceFile } from "../../src/corpus/index.js";

const FIXTURES = join(import.meta.dirname, "../fixtures");
const DOCS = join(FIXTURES, "documents");
const SEED = join(import.meta.dirname, "../../corpus/2024-hongshan-qiyefuwu.txt");

function corpusOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "juesuan-corpus-"));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
  return dir;
}

describe("readSourceFile on a PDF", () => {
  it("reads the text layer line by line and keeps each line's page", () => {
    const read = readSourceFile(join(DOCS, "2024-xinan-daxue.pdf"));
    if (!read.ok) throw new Error(read.error.code);
    const { text, pages } = read.value;
    const lines = text.split("\n");
    expect(pages).toBeDefined();
    expect(pages?.length).toBe(lines.length - 1);
    const title = lines.findIndex((l) => l.includes("表 2：高等学校收入决算表") && !l.includes("..."));
    expect(title).toBeGreaterThan(0);
    expect(pages?.[title]).toBe(10);
    expect(lines.some((l) => /205\s+教育支出\s+444,291\.14\s+255,282\.10/.test(l))).toBe(true);
  });

  it.each([
    ["scanned.pdf", "pdf_no_text"],
    ["corrupt.pdf", "pdf_unreadable"],
  ])("names %s with a %s issue", (name, code) => {
    const read = readSourceFile(join(FIXTURES, "corpus", name));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatchObject({ code, file: expect.stringContaining(name) });
  });
});

describe("readCorpus", () => {
  it("loads the rest of the corpus around a scanned and a corrupt PDF", () => {
    const dir = corpusOf({ "seed.txt": SEED, "scan.pdf": join(FIXTURES, "corpus/scanned.pdf"), "broken.pdf": join(FIXTURES, "corpus/corrupt.pdf") });
    const c = readCorpus(dir);
    if (!c.ok) throw new Error(c.error.code);
    expect(c.value.files.map((f) => f.name)).toEqual(["seed.txt"]);
    expect(c.value.issues.map((i) => [i.code, i.file.split("/").pop()])).toEqual([
      ["pdf_unreadable", "broken.pdf"],
      ["pdf_no_text", "scan.pdf"],
    ]);
  });

  it("uses a byte-identical copy once and names both files", () => {
    const dir = corpusOf({ "a-seed.txt": SEED, "b-copy.txt": SEED });
    writeFileSync(join(dir, "c-other.txt"), "2024年度某某局部门决算\n单位：万元\n");
    const c = readCorpus(dir);
    if (!c.ok) throw new Error(c.error.code);
    expect(c.value.files.map((f) => f.name)).toEqual(["a-seed.txt", "c-other.txt"]);
    expect(c.value.issues).toEqual([{ code: "duplicate", file: expect.stringContaining("b-copy.txt"), original: expect.stringContaining("a-seed.txt"), reason: "same_hash" }]);
  });

  it("takes the recorded hash of a file whose stamp is unchanged, without reading it, and reads a file whose stamp changed", () => {
    const dir = corpusOf({ "a.txt": SEED, "b.txt": SEED.replace("hongshan-qiyefuwu", "wuhan-jingxinju") });
    const first = readCorpus(dir, { known: () => undefined });
    if (!first.ok) throw new Error(first.error.code);
    const stamps = first.value.stamps ?? new Map();
    const sha = (name: string): string => first.value.files.find((f) => f.name === name)?.sha256 ?? "";
    const known = new Map([
      ["a.txt", { stamp: stamps.get("a.txt")!, sha256: "recorded-a" }],
      ["b.txt", { stamp: { ...stamps.get("b.txt")!, mtimeNs: "1" }, sha256: "recorded-b" }],
    ]);
    const again = readCorpus(dir, { known: (n) => known.get(n) });
    if (!again.ok) throw new Error(again.error.code);
    const [a, b] = again.value.files;
    expect(a?.sha256).toBe("recorded-a");
    expect(b?.sha256).toBe(sha("b.txt"));
    // The text of an unread file is read when first used.
    expect(a?.text).toBe(first.value.files[0]?.text);
  });
});
