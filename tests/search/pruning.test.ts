import { describe, expect, it } from "vitest";
import { chunkDisclosure, type Chunk } from "../../src/chunk/index.js";
import { readCorpus } from "../../src/corpus/index.js";
import { parseDisclosure } from "../../src/parse/index.js";
import { buildSearchIndex, search } from "../../src/search/index.js";

// Three seed disclosures: enough chunks (~1,000) for common words to be everywhere.
const corpus = readCorpus("corpus");
if (!corpus.ok) throw new Error("corpus");
const chunks: Chunk[] = corpus.value.files
  .filter((f) => /hongshan|jingxinju|dongxihu/.test(f.name))
  .flatMap((f) => {
    const p = parseDisclosure(f);
    return p.ok ? chunkDisclosure(p.value, { department: f.entry?.department ?? f.name, year: f.entry?.year ?? 2024 }) : [];
  });

const QUERIES = [
  "公务接待费",
  "三公经费为什么增加",
  "名词解释中基本支出是什么意思",
  "政府采购支出 货物 服务",
  "一般公共预算财政拨款支出决算情况说明",
  "机关运行经费比上年减少的主要原因",
  "经信局 工会经费 支出",
  "部门整体绩效自评得分",
];

describe("keyword search with MaxScore pruning", async () => {
  const index = await buildSearchIndex(chunks, null);

  it("has a corpus where common terms are in most documents", () => {
    expect(chunks.length).toBeGreaterThan(800);
  });

  it.each(QUERIES)("ranks %s exactly as scoring every posting does", async (q) => {
    for (const k of [1, 5, 50]) {
      for (const filter of [undefined, { proseOnly: true }, { departments: ["武汉市经济和信息化局"], proseOnly: true }]) {
        const opts = { k, mode: "keyword" as const, ...(filter ? { filter } : {}) };
        const pruned = await search(index, q, opts);
        const full = await search(index, q, { ...opts, prune: false });
        expect(pruned.map((h) => h.chunk.id)).toEqual(full.map((h) => h.chunk.id));
        pruned.forEach((h, i) => expect(h.score).toBeCloseTo(full[i]?.score ?? Number.NaN, 9));
      }
    }
  });
});
