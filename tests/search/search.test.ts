import { describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import { buildSearchIndex, search } from "../../src/search/index.js";
import { CHUNKS } from "../fixtures/search/chunks.js";
import { fakeEmbedder } from "../fixtures/search/fake-embedder.js";

const lines = (hits: { chunk: { line: number } }[]): number[] => hits.map((h) => h.chunk.line);

describe("search (keyword)", async () => {
  const index = await buildSearchIndex(CHUNKS, null);

  it("is keyword-only without a model and says so", () => {
    expect(index.semantic).toBe(false);
    expect(index.parts.dense).toBeNull();
  });

  it("ranks the chunks naming a budget term first", async () => {
    const hits = await search(index, "机关运行经费", { k: 2 });
    expect(lines(hits).sort()).toEqual([3, 8]);
    for (const h of hits) {
      expect(h.dense).toBeNull();
      expect(h.keyword).toBe(h.score);
      expect(h.score).toBeGreaterThan(0);
    }
  });

  it("restricts results with a filter", async () => {
    const hits = await search(index, "机关运行经费", { k: 3, filter: { departments: ["武汉市投资促进局"] } });
    expect(lines(hits)[0]).toBe(8);
    expect(hits.every((h) => h.chunk.department === "武汉市投资促进局")).toBe(true);
  });

  it("finds 公务接待费 from the typo 公物接待费 through bigrams", async () => {
    const hits = await search(index, "经信局公物接待费多少", { k: 3, filter: { departments: ["武汉市经济和信息化局"] } });
    expect(lines(hits).slice(0, 2).sort()).toEqual([1, 2]);
  });

  it("finds a table row by its row label", async () => {
    const hits = await search(index, "工会经费", { k: 1 });
    expect(hits[0]?.chunk.kind).toBe("table_row");
    expect(hits[0]?.chunk.line).toBe(6);
  });

  it("returns nothing for a query without indexed terms", async () => {
    expect(await search(index, "多少？")).toEqual([]);
  });

  it("runs hybrid and dense requests as keyword when there is no model", async () => {
    const a = await search(index, "政府采购", { mode: "hybrid" });
    const b = await search(index, "政府采购", { mode: "keyword" });
    const c = await search(index, "政府采购", { mode: "dense" });
    expect(a).toEqual(b);
    expect(c).toEqual(b);
    expect(lines(a)[0]).toBe(4);
  });
});

describe("search (hybrid)", async () => {
  const embedder = fakeEmbedder();
  const index = await buildSearchIndex(CHUNKS, embedder);

  it("is semantic with an embedder", () => {
    expect(index.semantic).toBe(true);
    expect((index.parts.dense as { dim: number } | null)?.dim).toBe(64);
  });

  it("ranks by cosine in dense mode", async () => {
    const hits = await search(index, "共有车辆28辆离退休干部服务用车", { mode: "dense", k: 1 });
    expect(lines(hits)).toEqual([5]);
    expect(hits[0]?.keyword).toBeNull();
    expect(hits[0]?.dense).toBeGreaterThan(0.3);
  });

  it("fuses both rankings and reports both scores", async () => {
    const hits = await search(index, "公务接待费", { k: 3 });
    expect(lines(hits)).toContain(2);
    const top = hits[0];
    expect(top?.dense).not.toBeNull();
    expect(top?.keyword).not.toBeNull();
  });

  it("scores a filtered dense query exactly over the passing chunks", async () => {
    const hits = await search(index, "机关运行经费", { mode: "dense", k: 10, filter: { departments: ["武汉市投资促进局"] } });
    expect(hits).toHaveLength(4);
    expect(hits.every((h) => h.chunk.department === "武汉市投资促进局")).toBe(true);
    expect(lines(hits)[0]).toBe(8);
  });

  it.each([
    ["stored beside the chunks", (_db: Database.Database) => {}],
    ["read out of the graph when none are stored", (db: Database.Database) => void db.prepare("DELETE FROM doc_vectors").run()],
    ["read out of the graph when the stored row is cut short", (db: Database.Database) => void db.prepare("UPDATE doc_vectors SET data = substr(data, 1, 100)").run()],
  ])("scores a filtered query with the graph's own vectors, %s", async (_how, change) => {
    const query = { mode: "dense" as const, k: 10, filter: { departments: ["武汉市投资促进局"] } };
    const expected = (await search(index, "机关运行经费", query)).map((h) => [h.chunk.line, h.dense]);
    const fresh = await buildSearchIndex(CHUNKS, fakeEmbedder());
    change(fresh.parts.db);
    expect((await search(fresh, "机关运行经费", query)).map((h) => [h.chunk.line, h.dense])).toEqual(expected);
    // Read once, then kept: the stored rows are not read again.
    fresh.parts.db.prepare("DELETE FROM doc_vectors").run();
    expect((await search(fresh, "机关运行经费", query)).map((h) => [h.chunk.line, h.dense])).toEqual(expected);
  });

  it("embeds a repeated query only once (cache)", async () => {
    const before = embedder.calls;
    await search(index, "党员人数");
    await search(index, "党员人数");
    expect(embedder.calls).toBe(before + 1);
  });

  it("reports embedding progress while building", async () => {
    const seen: [number, number][] = [];
    await buildSearchIndex(CHUNKS, fakeEmbedder(), (d, t) => seen.push([d, t]));
    expect(seen).toEqual([[10, 10]]);
  });
});

describe("search (query handling)", async () => {
  const title = {
    ...CHUNKS[9]!,
    id: "doc:11",
    line: 11,
    text: "武汉市投资促进局 2024年 第一部分 武汉市投资促进局概况 武汉市投资促进局内设机构",
    quote: "第一部分 武汉市投资促进局概况",
  };
  const index = await buildSearchIndex([...CHUNKS, title], null);

  it("matches the department a query names against the identity, not the content", async () => {
    const hits = await search(index, "武汉市投资促进局机关运行经费", { k: 2 });
    expect(lines(hits)[0]).toBe(8);
  });

  it("expands a citizen's word into the document term (招待费 → 公务接待费)", async () => {
    const hits = await search(index, "招待费", { k: 3, mode: "keyword" });
    expect(lines(hits).slice(0, 3).sort()).toEqual([1, 2, 7]);
    // Without expansion only the bigram 待费 connects them, far more weakly.
    const plain = await search(index, "招待费", { k: 3, mode: "keyword", expand: false });
    expect(plain[0]?.score ?? 0).toBeLessThan((hits[0]?.score ?? 0) / 2);
  });

  it("finds Chinese passages for an English question through the item vocabulary", async () => {
    const hits = await search(index, "How much did they spend on official receptions?", { k: 3 });
    expect(lines(hits).sort()).toEqual([1, 2, 7]);
  });
});
