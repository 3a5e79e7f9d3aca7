import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSearchIndex, FORMAT_VERSION, loadSearchIndex, saveSearchIndex, search, type IndexInputs, type SearchIndex } from "../../src/search/index.js";
import { CHUNKS } from "../fixtures/search/chunks.js";
import { fakeEmbedder } from "../fixtures/search/fake-embedder.js";

const INPUTS: IndexInputs = {
  corpus: [
    { file: "2024-jingxinju.txt", sha256: "a".repeat(64) },
    { file: "2024-touchuju.txt", sha256: "b".repeat(64) },
  ],
  model: { id: "fake/bigram-hash", files: [{ name: "model.onnx", sha256: "c".repeat(64) }] },
  chunkerVersion: "1",
};

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-search-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function saved(): Promise<SearchIndex> {
  const index = await buildSearchIndex(CHUNKS, fakeEmbedder());
  saveSearchIndex(dir, index, INPUTS);
  return index;
}

function code(r: ReturnType<typeof loadSearchIndex>): string {
  return r.ok ? "ok" : r.error.code;
}

describe("saveSearchIndex / loadSearchIndex", () => {
  it("writes the four files under <dir>/search and nothing else", async () => {
    await saved();
    expect(readdirSync(dir)).toEqual(["search"]);
    expect(readdirSync(join(dir, "search")).sort()).toEqual(["bm25.json", "chunks.json", "manifest.json", "vectors.hnsw"]);
    const m = JSON.parse(readFileSync(join(dir, "search", "manifest.json"), "utf8"));
    expect(m).toMatchObject({ formatVersion: FORMAT_VERSION, chunkerVersion: "1", dim: 64, chunks: 10, model: INPUTS.model, corpus: INPUTS.corpus });
  });

  it("loads back an index that answers like the original", async () => {
    const original = await saved();
    const r = loadSearchIndex(dir, INPUTS, fakeEmbedder());
    expect(code(r)).toBe("ok");
    if (!r.ok) return;
    expect(r.value.semantic).toBe(true);
    expect(r.value.chunks).toEqual(CHUNKS);
    for (const mode of ["keyword", "dense", "hybrid"] as const) {
      const a = await search(original, "公务接待费", { mode, k: 5 });
      const b = await search(r.value, "公务接待费", { mode, k: 5 });
      expect(b.map((h) => h.chunk.id)).toEqual(a.map((h) => h.chunk.id));
      expect(b.map((h) => h.score)).toEqual(a.map((h) => h.score));
    }
  });

  it("accepts corpus files listed in another order", async () => {
    await saved();
    expect(code(loadSearchIndex(dir, { ...INPUTS, corpus: [...INPUTS.corpus].reverse() }, fakeEmbedder()))).toBe("ok");
  });

  it("loads keyword-only when no model is available now", async () => {
    await saved();
    const r = loadSearchIndex(dir, { ...INPUTS, model: null }, null);
    expect(r.ok && r.value.semantic).toBe(false);
  });

  it("reports index_missing for an empty directory", () => {
    expect(code(loadSearchIndex(dir, INPUTS, null))).toBe("index_missing");
  });

  it.each<[string, IndexInputs]>([
    ["a corpus file changed", { ...INPUTS, corpus: [INPUTS.corpus[0]!, { file: "2024-touchuju.txt", sha256: "d".repeat(64) }] }],
    ["a corpus file was added", { ...INPUTS, corpus: [...INPUTS.corpus, { file: "x.txt", sha256: "e".repeat(64) }] }],
    ["the model files changed", { ...INPUTS, model: { id: "fake/bigram-hash", files: [{ name: "model.onnx", sha256: "f".repeat(64) }] } }],
    ["the model id changed", { ...INPUTS, model: { id: "other/model", files: INPUTS.model!.files } }],
    ["the chunker version changed", { ...INPUTS, chunkerVersion: "2" }],
  ])("reports index_stale when %s", async (_why, expected) => {
    await saved();
    expect(code(loadSearchIndex(dir, expected, fakeEmbedder()))).toBe("index_stale");
  });

  it("reports index_stale when built without a model and one is available now", async () => {
    saveSearchIndex(dir, await buildSearchIndex(CHUNKS, null), INPUTS);
    const m = JSON.parse(readFileSync(join(dir, "search", "manifest.json"), "utf8"));
    expect(m.model).toBeNull();
    expect(code(loadSearchIndex(dir, INPUTS, fakeEmbedder()))).toBe("index_stale");
  });

  it("reports index_stale for another format version", async () => {
    await saved();
    const p = join(dir, "search", "manifest.json");
    writeFileSync(p, readFileSync(p, "utf8").replace(`"formatVersion": ${FORMAT_VERSION}`, '"formatVersion": 0'));
    expect(code(loadSearchIndex(dir, INPUTS, fakeEmbedder()))).toBe("index_stale");
  });

  it.each([
    ["manifest.json", "{not json"],
    ["manifest.json", '{"formatVersion": 2}'],
    ["chunks.json", "[]"],
    ["vectors.hnsw", "garbage"],
  ])("reports index_corrupt when %s is damaged", async (name, content) => {
    await saved();
    writeFileSync(join(dir, "search", name), content);
    expect(code(loadSearchIndex(dir, INPUTS, fakeEmbedder()))).toBe("index_corrupt");
  });

  it("reports index_corrupt when vectors.hnsw is garbage of the right size", async () => {
    await saved();
    const p = join(dir, "search", "vectors.hnsw");
    writeFileSync(p, Buffer.alloc(readFileSync(p).length, 7));
    expect(code(loadSearchIndex(dir, INPUTS, fakeEmbedder()))).toBe("index_corrupt");
  });

  it("leaves the previous index loadable when a save fails midway", async () => {
    await saved();
    const next = await buildSearchIndex(CHUNKS.slice(0, 3), fakeEmbedder());
    const dense = next.parts.dense!;
    const broken: SearchIndex = {
      ...next,
      parts: {
        ...next.parts,
        dense: {
          ...dense,
          hnsw: {
            writeIndexSync: () => {
              throw new Error("disk full");
            },
          } as unknown as typeof dense.hnsw,
        },
      },
    };
    expect(() => saveSearchIndex(dir, broken, INPUTS)).toThrow("disk full");
    const r = loadSearchIndex(dir, INPUTS, fakeEmbedder());
    expect(r.ok && r.value.chunks.length).toBe(10);
    expect(readdirSync(dir)).toEqual(["search"]);
  });

  it("replaces an existing index on a successful save", async () => {
    await saved();
    saveSearchIndex(dir, await buildSearchIndex(CHUNKS.slice(0, 3), fakeEmbedder()), INPUTS);
    const r = loadSearchIndex(dir, INPUTS, fakeEmbedder());
    expect(r.ok && r.value.chunks.length).toBe(3);
    expect(readdirSync(dir)).toEqual(["search"]);
  });

  it("recovers the previous index left aside by a crash between the renames", async () => {
    await saved();
    const { renameSync } = await import("node:fs");
    renameSync(join(dir, "search"), join(dir, ".search.old-1-2"));
    expect(code(loadSearchIndex(dir, INPUTS, fakeEmbedder()))).toBe("ok");
    expect(existsSync(join(dir, "search"))).toBe(true);
  });
});
