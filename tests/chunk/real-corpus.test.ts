import { describe, expect, it } from "vitest";
import { chunkDisclosure, type Chunk } from "../../src/chunk/index.js";
import { readCorpus } from "../../src/corpus/index.js";
import { parseDisclosure } from "../../src/parse/index.js";

const corpus = readCorpus("corpus");
if (!corpus.ok) throw new Error("corpus unreadable");

const docs = corpus.value.files.map((f) => {
  const p = parseDisclosure(f);
  if (!p.ok) throw new Error(`${f.name}: ${p.error.code}`);
  const entry = f.entry;
  if (!entry) throw new Error(`${f.name}: no manifest entry`);
  return { doc: p.value, chunks: chunkDisclosure(p.value, { department: entry.department, year: entry.year }) };
});

function chunksOf(name: string): Chunk[] {
  return docs.find((d) => d.doc.file.endsWith(name))?.chunks ?? [];
}

/** What the parser removes when it repairs text: whitespace, markdown emphasis and HTML crumbs. */
function squeeze(s: string): string {
  return s.replace(/<\/?[a-z]+[^>]*>/g, "").replace(/\*+/g, "").replace(/\s+/g, "");
}

describe("chunkDisclosure on the seed corpus", () => {
  it.each(docs.map((d) => [d.doc.file, d] as const))("cites every chunk of %s with lines containing its quote", (_file, d) => {
    expect(d.chunks.length).toBeGreaterThan(100);
    const bad = d.chunks.filter((c) => {
      const span = squeeze(d.doc.lines.slice(c.line - 1, c.lineEnd).join(""));
      return c.quote.split("\n").some((part) => !span.includes(squeeze(part)));
    });
    expect(bad.map((c) => c.id)).toEqual([]);
    expect(new Set(d.chunks.map((c) => c.id)).size).toBe(d.chunks.length);
  });

  it("renders the 三公 table row of 经信局 with its 决算数 columns", () => {
    const row = chunksOf("2024-wuhan-jingxinju.txt").find((c) => c.kind === "table_row" && c.line === 440);
    expect(row?.table).toBe('公开09表 财政拨款"三公"经费支出决算表');
    expect(row?.text).toContain("决算数 公务接待费 3.87万元");
    expect(row?.text.startsWith("武汉市经济和信息化局 2024年 公开09表")).toBe(true);
  });

  it("keeps a 情况说明 paragraph with its section", () => {
    const p = chunksOf("2024-wuhan-jingxinju.txt").find((c) => c.kind === "paragraph" && c.line <= 586 && 586 <= c.lineEnd);
    expect(p?.quote.startsWith("3.公务接待费全年预算为4.37万元")).toBe(true);
    expect(p?.section?.endsWith('九、财政拨款"三公"经费支出决算情况说明')).toBe(true);
  });

  it("makes the 名词解释 entries definitions, one each", () => {
    const defs = chunksOf("2024-wuhan-touchuju.txt").filter((c) => c.kind === "definition");
    expect(defs.length).toBeGreaterThan(10);
    const projects = defs.find((c) => c.line <= 741 && 741 <= c.lineEnd);
    expect(projects?.quote).toContain("项目支出");
  });

  it("has narrative chunks for the disclosure whose tables were images", () => {
    const kinds = new Set(chunksOf("2022-dongxihu-shangwuju.txt").map((c) => c.kind));
    expect(kinds.has("paragraph")).toBe(true);
    expect(kinds.has("definition")).toBe(true);
  });
});
