import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ensureIndex } from "../../src/build/index.js";
import { loadConfig } from "../../src/config.js";
import { engineFrom } from "../../src/engine/index.js";
import { fakeEmbedder } from "../fixtures/search/fake-embedder.js";

const SEED = "2024-wuhan-jingxinju.txt";
const root = mkdtempSync(join(tmpdir(), "juesuan-loaded-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const corpus = join(root, "corpus");
mkdirSync(corpus);
copyFileSync(join("corpus", SEED), join(corpus, SEED));
const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8")) as { formatVersion: 1; documents: { file: string }[] };
writeFileSync(join(corpus, "manifest.json"), JSON.stringify({ ...manifest, documents: manifest.documents.filter((d) => d.file === SEED) }));
const index = join(root, "index");
const cfg = loadConfig({ JUESUAN_CORPUS: corpus, JUESUAN_INDEX: index, JUESUAN_MODEL_SOURCE: "off" });
if (!cfg.ok) throw new Error("config");
const config = cfg.value;

describe("a loaded index", () => {
  it("answers a fact question without loading the model or reading vectors", async () => {
    const embedder = fakeEmbedder();
    let loads = 0;
    const model = { key: "fake", load: async () => (loads++, embedder) };
    const built = await ensureIndex(config, { onProgress: () => {}, model, embeddingCache: join(root, "embeddings.db") });
    if (!built.ok) throw new Error(built.error.message);
    built.value.close();
    loads = 0;
    const r = await ensureIndex(config, { onProgress: () => {}, model, embeddingCache: join(root, "embeddings.db") });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.rebuilt).toBe(false);
    expect(r.value.search.semantic).toBe(true);
    expect(typeof r.value.search.parts.dense).toBe("function");
    const engine = engineFrom(r.value);
    // Warming (a serving process reads every department's facts at start) needs no model either.
    await engine.warm();
    expect(loads).toBe(0);
    const { answer } = await engine.ask("经信局公务接待费多少");
    expect(answer).toMatchObject({ kind: "number", value: "3.87" });
    expect(loads).toBe(0);
    expect(typeof r.value.search.parts.dense).toBe("function");
    // A passage question does need them, once.
    await engine.ask("经信局三公经费为什么增加");
    await engine.ask("经信局机关运行经费为什么减少");
    expect(loads).toBe(1);
    r.value.close();
  });

  it("withholds the facts of a document whose stored facts were edited", async () => {
    const db = new Database(join(index, "index.db"));
    const row = db.prepare("SELECT doc, data FROM facts").get() as { doc: number; data: string };
    expect(row.data).toContain('"value":"3.87"');
    db.prepare("UPDATE facts SET data = ? WHERE doc = ?").run(row.data.replace('"value":"3.87"', '"value":"9.99"'), row.doc);
    db.close();
    const r = await ensureIndex(config, { onProgress: () => {} });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.facts.factsFor("武汉市经济和信息化局", 2024)).toEqual([]);
    const { answer } = await engineFrom(r.value).ask("经信局公务接待费多少");
    expect(answer.value).not.toBe("9.99");
    r.value.close();
  });
});
