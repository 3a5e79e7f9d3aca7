import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ensureIndex, type LoadedIndex } from "../../src/build/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { search } from "../../src/search/index.js";
import { fakeEmbedder } from "../fixtures/search/fake-embedder.js";

const SEEDS = ["2024-hongshan-qiyefuwu.txt", "2022-dongxihu-shangwuju.txt", "2024-wuhan-jingxinju.txt"] as const;
const EXTRA = "2024-wuhan-touchuju.txt";
const root = mkdtempSync(join(tmpdir(), "juesuan-incr-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A corpus directory holding some seed documents and their manifest entries. */
function corpusWith(dir: string, files: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  for (const n of readdirSync(dir)) rmSync(join(dir, n));
  for (const f of files) copyFileSync(join("corpus", f), join(dir, f));
  const manifest = JSON.parse(readFileSync("corpus/manifest.json", "utf8")) as { formatVersion: 1; documents: { file: string }[] };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ ...manifest, documents: manifest.documents.filter((d) => files.includes(d.file)) }));
  return dir;
}

function configFor(corpusDir: string, indexDir: string): Config {
  const c = loadConfig({ JUESUAN_CORPUS: corpusDir, JUESUAN_INDEX: indexDir, JUESUAN_MODEL_SOURCE: "off" });
  if (!c.ok) throw new Error(c.error.issues.join("; "));
  return c.value;
}

const embedder = fakeEmbedder();
const model = { key: "fake", load: async () => embedder };

async function build(corpusDir: string, indexDir: string, opts: { force?: boolean; recentTier?: { minDocs: number; share: number } } = {}): Promise<LoadedIndex> {
  const r = await ensureIndex(configFor(corpusDir, indexDir), { onProgress: () => {}, model, embeddingCache: join(root, "embeddings.db"), ...opts });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function hits(idx: LoadedIndex, q: string, mode: "keyword" | "dense"): Promise<string[]> {
  return (await search(idx.search, q, { k: 8, mode })).map((h) => `${h.chunk.id} ${h.score.toFixed(6)}`);
}

/** Search results and facts must equal those of an index built from scratch over the same corpus. */
async function expectSameAsFresh(idx: LoadedIndex, corpusDir: string): Promise<void> {
  const fresh = await build(corpusDir, join(root, `fresh-${Date.now()}`));
  for (const q of ["公务接待费", "三公经费为什么增加", "政府采购 货物"]) {
    expect(await hits(idx, q, "keyword")).toEqual(await hits(fresh, q, "keyword"));
    expect(await hits(idx, q, "dense")).toEqual(await hits(fresh, q, "dense"));
  }
  expect(idx.documents.map((d) => d.file)).toEqual(fresh.documents.map((d) => d.file));
  expect([...idx.facts.vocabulary()].sort()).toEqual([...fresh.facts.vocabulary()].sort());
  fresh.close();
}

describe("ensureIndex: per-document incremental builds", () => {
  const corpus = join(root, "corpus");
  const index = join(root, "index");
  corpusWith(corpus, SEEDS);

  it("parses every document once, then reuses them all without parsing or embedding", async () => {
    const first = await build(corpus, index);
    expect(first.report).toMatchObject({ parsed: 3, reused: 0, removed: 0 });
    expect(first.report?.embedded).toBeGreaterThan(0);
    first.close();
    const calls = embedder.calls;
    const again = await build(corpus, index);
    expect(again.rebuilt).toBe(false);
    expect(again.search.semantic).toBe(true);
    expect(embedder.calls).toBe(calls);
    again.close();
  });

  it("adds a new document by processing only that one", async () => {
    corpusWith(corpus, [...SEEDS, EXTRA]);
    const idx = await build(corpus, index);
    expect(idx.report).toMatchObject({ parsed: 1, reused: 3, removed: 0, fromArtefacts: 0 });
    expect(idx.facts.factsFor("武汉市投资促进局（武汉市政务服务局）", 2024).length).toBeGreaterThan(0);
    await expectSameAsFresh(idx, corpus);
    idx.close();
  });

  it("drops a removed document without parsing anything", async () => {
    corpusWith(corpus, [SEEDS[0], SEEDS[2], EXTRA]);
    const idx = await build(corpus, index);
    expect(idx.report).toMatchObject({ parsed: 0, reused: 3, removed: 1, embedded: 0 });
    expect(idx.documents.some((d) => d.file.endsWith(SEEDS[1]))).toBe(false);
    await expectSameAsFresh(idx, corpus);
    idx.close();
  });

  it("re-processes only a changed document (and embeds only its new texts)", async () => {
    const file = join(corpus, SEEDS[0]);
    writeFileSync(file, readFileSync(file, "utf8").replace("企业服务中心", "企业服务中心 "));
    const idx = await build(corpus, index);
    // The old version counts as removed; its artefact stays in the cache should it come back.
    expect(idx.report).toMatchObject({ parsed: 1, reused: 2, removed: 1 });
    expect(idx.report?.cachedVectors).toBeGreaterThan(idx.report?.embedded ?? 0);
    await expectSameAsFresh(idx, corpus);
    idx.close();
  });

  it("costs nothing when the corpus directory moves: paths follow, nothing is parsed", async () => {
    const moved = join(root, "moved");
    cpSync(corpus, moved, { recursive: true });
    const idx = await build(moved, index);
    expect(idx.report).toMatchObject({ parsed: 0, fromArtefacts: 0, moved: 3, embedded: 0 });
    const facts = idx.facts.factsFor("武汉市经济和信息化局", 2024);
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.every((f) => f.source.file.startsWith(moved))).toBe(true);
    const f = facts[0];
    expect(f && idx.readLine(f.source.file, f.source.line)).toContain(f?.source.raw ?? "?");
    const [hit] = await search(idx.search, "公务接待费", { k: 1 });
    expect(hit?.chunk.file.startsWith(moved)).toBe(true);
    idx.close();
    const back = await build(corpus, index);
    expect(back.report).toMatchObject({ parsed: 0, moved: 3 });
    back.close();
  });

  it("rebuilds only the document whose artefact is damaged", async () => {
    const dir = join(index, "artefacts");
    const [pipeline] = readdirSync(dir);
    const files = readdirSync(join(dir, pipeline ?? "")).map((n) => join(dir, pipeline ?? "", n));
    const victim = files.find((f) => readFileSync(f, "utf8").includes(`"name":"${SEEDS[2]}"`)) ?? "";
    writeFileSync(victim, readFileSync(victim, "utf8").slice(0, 100));
    const idx = await build(corpus, index);
    expect(idx.report).toMatchObject({ parsed: 1, reused: 2, removed: 0, embedded: 0 });
    await expectSameAsFresh(idx, corpus);
    idx.close();
  });

  it("re-assembles a lost database from the artefacts without parsing", async () => {
    for (const n of readdirSync(index)) if (n.startsWith("index.db")) rmSync(join(index, n));
    const idx = await build(corpus, index);
    expect(idx.report).toMatchObject({ parsed: 0, fromArtefacts: 3, embedded: 0 });
    await expectSameAsFresh(idx, corpus);
    idx.close();
  });

  it("re-assembles a corrupt database (and on --force) from the artefacts", async () => {
    writeFileSync(join(index, "index.db"), "not a database");
    const idx = await build(corpus, index);
    expect(idx.report).toMatchObject({ parsed: 0, fromArtefacts: 3 });
    idx.close();
    const forced = await build(corpus, index, { force: true });
    expect(forced.report).toMatchObject({ parsed: 0, fromArtefacts: 3 });
    forced.close();
  });
});

describe("ensureIndex: the recent tier and the corpus stamps", () => {
  const corpus = join(root, "corpus-tiers");
  const index = join(root, "index-tiers");

  it("keeps a few added documents' terms in the recent tier and merges them past its limit, with the same results", async () => {
    const rows = (table: string): number => {
      const db = new Database(join(index, "index.db"), { readonly: true });
      try {
        return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const base = [...SEEDS];
    const more = [...base, EXTRA];
    corpusWith(corpus, base);
    (await build(corpus, index)).close();
    corpusWith(corpus, more);
    const added = await build(corpus, index);
    expect(added.report).toMatchObject({ parsed: 1, reused: 3 });
    expect(rows("postings_recent")).toBeGreaterThan(0);
    await expectSameAsFresh(added, corpus);
    added.close();
    corpusWith(corpus, base);
    (await build(corpus, index)).close();
    corpusWith(corpus, more);
    const merged = await build(corpus, index, { recentTier: { minDocs: 0, share: 0 } });
    expect(rows("postings_recent")).toBe(0);
    expect(rows("doc_terms_recent")).toBe(0);
    expect(rows("postings")).toBeGreaterThan(0);
    await expectSameAsFresh(merged, corpus);
    expect(merged.facts.departmentsWith({ items: [], code: null, topic: "公务接待费" }).size).toBe(4);
    merged.close();
    corpusWith(corpus, base);
    (await build(corpus, index)).close();
  });

  it("reads only the corpus files whose stamp changed, and sees a same-size edit in place", async () => {
    // Stamps are kept only for files settled for 2 s (a timestamp's granularity).
    await new Promise((r) => setTimeout(r, 2100));
    (await build(corpus, index)).close();
    const file = join(corpus, SEEDS[2]);
    const text = readFileSync(file, "utf8");
    const unread = await build(corpus, index);
    expect(unread.rebuilt).toBe(false);
    unread.close();
    // Same length, one figure changed: the stamp (times) differs, so the file is read and re-processed.
    writeFileSync(file, text.replace("3.87", "3.78"));
    const edited = await build(corpus, index);
    expect(edited.report).toMatchObject({ parsed: 1, reused: 2, removed: 1 });
    expect(edited.facts.factsFor("武汉市经济和信息化局", 2024).some((f) => f.value.toString() === "3.78")).toBe(true);
    edited.close();
    writeFileSync(file, text);
    (await build(corpus, index)).close();
  });
});
