import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headlineAsks, selectFigure } from "../../src/answer/index.js";
import { ensureIndex, type LoadedIndex } from "../../src/build/index.js";
import { loadConfig } from "../../src/config.js";
import { engineFrom } from "../../src/engine/index.js";

const root = mkdtempSync(join(tmpdir(), "juesuan-headlines-"));
const cfg = loadConfig({ JUESUAN_CORPUS: "corpus", JUESUAN_INDEX: join(root, "index"), JUESUAN_MODEL_SOURCE: "off" });
if (!cfg.ok) throw new Error("config");
const config = cfg.value;
let idx: LoadedIndex;

beforeAll(async () => {
  const r = await ensureIndex(config, { onProgress: () => {} });
  if (!r.ok) throw new Error(r.error.message);
  idx = r.value;
}, 120_000);
afterAll(() => {
  idx.close();
  rmSync(root, { recursive: true, force: true });
});

/** The index with its facts reader counting the department-years read whole. */
function counting(loaded: LoadedIndex): { index: LoadedIndex; reads: string[] } {
  const reads: string[] = [];
  const facts = { ...loaded.facts, factsFor: (d: string, y: number) => (reads.push(`${d}|${y}`), loaded.facts.factsFor(d, y)) };
  return { index: { ...loaded, facts }, reads };
}

const sameSelection = (s: { sources: readonly { id: string; value: string }[] } | null) => s?.sources.map((f) => `${f.id}:${f.value}`) ?? null;

describe("headline figures stored by the build", () => {
  it("are each document's answer to every headline ask, as linking its whole facts gives it", () => {
    let figures = 0;
    for (const [key, ask] of headlineAsks()) {
      const stored = idx.facts.headlineFigures(key);
      expect(stored.size).toBe(idx.documents.length);
      for (const d of idx.documents) {
        const live = selectFigure(idx.facts.factsFor(d.department, d.year), { ...ask, department: d.department, year: d.year });
        const kept = stored.get(`${d.department}|${d.year}`) ?? null;
        expect(sameSelection(kept)).toEqual(sameSelection(live));
        if (kept) {
          figures++;
          expect(kept.best.source.file).toBe(d.file);
        }
      }
    }
    expect(figures).toBeGreaterThan(100);
  });

  it("answer a ranking across departments without reading any department's facts, as reading them would", async () => {
    const { index, reads } = counting(idx);
    const stored = await engineFrom(index).ask("哪个部门的三公经费最多？");
    expect(reads).toEqual([]);
    expect(stored.answer).toMatchObject({ kind: "number", value: "330.13" });
    const live = await engineFrom({ ...idx, facts: { ...idx.facts, headlineFigures: () => new Map() } }).ask("哪个部门的三公经费最多？");
    expect(live.answer.text).toBe(stored.answer.text);
  });

  it("are not served when a stored row was edited: that department's facts are read instead", async () => {
    const db = new Database(join(config.indexDir, "index.db"));
    const row = db.prepare("SELECT h.doc AS doc, d.department AS department, d.year AS year, h.data AS data FROM headlines h JOIN documents d ON d.id = h.doc WHERE h.ask LIKE 'sangong_total|决算|default|%' AND h.data LIKE '%330.13%'").get() as { doc: number; department: string; year: number; data: string };
    db.prepare("UPDATE headlines SET data = ? WHERE doc = ? AND ask LIKE 'sangong_total|决算|default|%'").run(row.data.replaceAll("330.13", "990.13"), row.doc);
    db.close();
    const reopened = await ensureIndex(config, { onProgress: () => {} });
    if (!reopened.ok) throw new Error(reopened.error.message);
    const { index, reads } = counting(reopened.value);
    const { answer } = await engineFrom(index).ask("哪个部门的三公经费最多？");
    expect(reads).toEqual([`${row.department}|${row.year}`]);
    expect(answer).toMatchObject({ kind: "number", value: "330.13" });
    expect(answer.text).not.toContain("990.13");
    reopened.value.close();
  });

  it("warm prepares no more department-years than stay prepared", async () => {
    const { index, reads } = counting(idx);
    await engineFrom({ ...index, facts: { ...index.facts, keptOnce: 1 } }).warm();
    expect(new Set(reads).size).toBe(1);
    const all = counting(idx);
    await engineFrom(all.index).warm();
    expect(new Set(all.reads).size).toBe(idx.documents.length);
  });
});
