import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { checkModelFiles, loadEmbedder, modelFingerprint, modelPath } from "../../src/embed/index.js";
import { openExtractor } from "../../src/embed/_load.js";
import { buildSearchIndex, search } from "../../src/search/index.js";
import { CHUNKS } from "../fixtures/search/chunks.js";

const cfg = loadConfig();
if (!cfg.ok) throw new Error("invalid test configuration");
const config = { ...cfg.value, modelSource: "local" as const };
const missing = checkModelFiles(modelPath(config.modelDir)).problems.length > 0;
if (missing) {
  console.warn(`[real-model test skipped] no verified model in ${modelPath(config.modelDir)}; run \`npm run model:fetch\``);
}

describe.skipIf(missing)("bge-small-zh-v1.5 with a real hnswlib index", () => {
  it("embeds and retrieves by meaning", async () => {
    const loaded = await loadEmbedder(config);
    if (!loaded.ok) throw new Error(loaded.error.reason);
    const embedder = loaded.value;
    expect(embedder).toMatchObject({ id: "Xenova/bge-small-zh-v1.5", dim: 512, source: "local" });

    const [a, b, c] = await embedder.embed(["公务接待费", "招待费用", "党员人数"]);
    const dot = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, i) => s + v * (y[i] ?? 0), 0);
    expect(a?.length).toBe(512);
    expect(dot(a!, a!)).toBeCloseTo(1, 4);
    expect(dot(a!, b!)).toBeGreaterThan(dot(a!, c!));

    const fp = modelFingerprint(config);
    expect(fp?.files.map((f) => f.name).sort()).toEqual(
      ["config.json", "onnx/model_quantized.onnx", "special_tokens_map.json", "tokenizer.json", "tokenizer_config.json", "vocab.txt"],
    );
    const index = await buildSearchIndex(CHUNKS, embedder);
    expect(index.semantic).toBe(true);
    // No shared word with the chunk text: only the meaning connects them.
    const dense = await search(index, "单位有多少辆公车", { mode: "dense", k: 1 });
    expect(dense[0]?.chunk.line).toBe(5);
    const hybrid = await search(index, "经信局招待费花了多少", { k: 2, filter: { departments: ["武汉市经济和信息化局"] } });
    expect(hybrid.map((h) => h.chunk.line).sort()).toEqual([1, 2]);
  });
});

describe.skipIf(missing)("the single-threaded session for short texts", () => {
  it("gives the vectors a session with a thread per core gives, bit for bit", async () => {
    const texts = ["公务接待费", "经信局三公经费为什么比上年增加 增加的主要原因", "一般公共预算财政拨款支出决算情况说明：2024年度支出合计比上年增加，主要原因是项目支出增加。".repeat(3)];
    const run = async (threads?: number): Promise<number[][]> => {
      const extract = await openExtractor(config.modelDir, false, threads);
      const out: number[][] = [];
      for (const t of texts) out.push([...(await extract([t], { pooling: "cls", normalize: true })).data]);
      return out;
    };
    expect(await run(1)).toEqual(await run());
  });
});

describe("loadEmbedder without model files", () => {
  it("returns model_unavailable telling the user to run model:fetch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-nomodel-"));
    try {
      const r = await loadEmbedder({ ...config, modelDir: dir });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe("model_unavailable");
      expect(r.error.reason).toContain("npm run model:fetch");
      expect(modelFingerprint({ ...config, modelDir: dir })).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("returns model_unavailable when the model is switched off", async () => {
    const r = await loadEmbedder({ ...config, modelSource: "off" });
    expect(!r.ok && r.error.code).toBe("model_unavailable");
  });
});
