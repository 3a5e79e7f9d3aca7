import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ensureIndex, type EnsureIndexOptions, type LoadedIndex } from "../../src/build/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { sha256 } from "../../src/core/hash.js";
import { configureLogging } from "../../src/core/log.js";
import { engineFrom } from "../../src/engine/index.js";

// The real corpus, a keyword-only index (no model: the point is the stored rows, not the vectors).
const indexDir = mkdtempSync(join(tmpdir(), "juesuan-tamper-"));
const config = ((): Config => {
  const c = loadConfig({ JUESUAN_INDEX: indexDir, JUESUAN_MODEL_SOURCE: "off" });
  if (!c.ok) throw new Error(c.error.issues.join("; "));
  return c.value;
})();
const RECEPTION = "经信局公务接待费多少";
const WHY = "经信局三公经费为啥比上年多这么多";

configureLogging("error", () => undefined);
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

async function load(opts: EnsureIndexOptions = {}): Promise<{ index: LoadedIndex; notes: string[] }> {
  const notes: string[] = [];
  const r = await ensureIndex(config, { ...opts, onProgress: (m) => notes.push(m) });
  if (!r.ok) throw new Error(r.error.message);
  return { index: r.value, notes };
}

/** Edits stored rows in place (same length), optionally recording the new hashes as the build would. */
function edit(table: "facts" | "chunks", from: string, to: string, opts: { rehash?: boolean } = {}): void {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const db = new Database(join(indexDir, "index.db"));
  const key = table === "facts" ? "doc" : "label";
  const rows = db.prepare(`SELECT ${key} AS k, data FROM ${table} WHERE instr(data, ?) > 0`).all(from) as { k: number; data: string }[];
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const data = r.data.replaceAll(from, to);
    if (opts.rehash) db.prepare(`UPDATE ${table} SET data = ?, sha = ? WHERE ${key} = ?`).run(data, sha256(data), r.k);
    else db.prepare(`UPDATE ${table} SET data = ? WHERE ${key} = ?`).run(data, r.k);
  }
  db.close();
}

beforeEach(async () => {
  // A clean database each time, re-assembled from the (intact) per-document artefacts.
  (await load({ force: true })).index.close();
});

describe("a tampered index", () => {
  it("a figure changed in place in the stored facts is never served; the next build-index re-assembles that document", async () => {
    edit("facts", '"value":"3.87"', '"value":"9.99"');
    const { index } = await load();
    expect(index.rebuilt).toBe(false);
    const { answer } = await engineFrom(index).ask(RECEPTION);
    expect(answer.value).not.toBe("9.99");
    expect(answer.text).not.toContain("9.99");
    // Said to be the index's fault, not the document's: never "not disclosed".
    expect(answer.error?.code).toBe("index_stale");
    expect(answer.text).toContain("build-index");
    index.close();
    const checked = await load({ verify: true });
    expect(checked.index.rebuilt).toBe(true);
    expect(checked.notes.join("\n")).toMatch(/integrity check.*2024-wuhan-jingxinju\.txt: facts/);
    expect(checked.index.report).toMatchObject({ parsed: 0, fromArtefacts: 1 });
    expect((await engineFrom(checked.index).ask(RECEPTION)).answer).toMatchObject({ kind: "number", value: "3.87" });
    checked.index.close();
  });

  it("bytes overwritten inside a stored chunk are never shown; the next build-index re-assembles that document", async () => {
    edit("chunks", "因公出国", "因私出游");
    const { index } = await load();
    const { answer } = await engineFrom(index).ask(WHY);
    expect(answer.text).not.toContain("因私出游");
    index.close();
    const checked = await load({ verify: true });
    expect(checked.notes.join("\n")).toMatch(/integrity check.*: chunks/);
    checked.index.close();
  });

  it("an artefact changed in place is caught by build-index and its document processed again", async () => {
    const dir = join(indexDir, "artefacts", readdirSync(join(indexDir, "artefacts"))[0] ?? "");
    const file = readdirSync(dir).map((n) => join(dir, n)).find((p) => readFileSync(p, "utf8").includes('"value":"3.87"')) ?? "";
    writeFileSync(file, readFileSync(file, "utf8").replaceAll('"value":"3.87"', '"value":"9.99"'));
    const checked = await load({ verify: true });
    expect(checked.notes.join("\n")).toMatch(/integrity check.*: artefact/);
    expect(checked.index.report).toMatchObject({ parsed: 1 });
    expect((await engineFrom(checked.index).ask(RECEPTION)).answer).toMatchObject({ kind: "number", value: "3.87" });
    checked.index.close();
  });

  it("an intact index loads without a rebuild, and build-index finds nothing to redo", async () => {
    const { index } = await load();
    expect(index.rebuilt).toBe(false);
    index.close();
    const checked = await load({ verify: true });
    expect(checked.index.rebuilt).toBe(false);
    checked.index.close();
  });
});

describe("the final guard over a tampered index whose hashes were rewritten too", () => {
  it("withholds a stored figure its cited corpus line does not state", async () => {
    edit("facts", '"value":"3.87"', '"value":"9.99"', { rehash: true });
    const { index } = await load({ verify: true });
    expect(index.rebuilt).toBe(false);
    const { answer } = await engineFrom(index).ask(RECEPTION);
    expect(answer).toMatchObject({ kind: "refuse", value: null, error: { code: "guard_rejected" } });
    expect(answer.text).not.toContain("9.99");
    index.close();
  });

  it("withholds a passage whose stored quote is not in the corpus file", async () => {
    const honest = await load();
    const before = await engineFrom(honest.index).ask(WHY);
    honest.index.close();
    expect(before.answer.kind).toBe("text");
    const quoted = before.answer.citations[0];
    expect(quoted).toBeDefined();
    const db = new Database(join(indexDir, "index.db"));
    const rows = db.prepare("SELECT label, data FROM chunks WHERE line = ?").all(quoted?.line ?? 0) as { label: number; data: string }[];
    for (const r of rows) {
      const c = JSON.parse(r.data) as { quote: string };
      c.quote = c.quote.replace(/增加|减少|主要/g, "没有");
      const data = JSON.stringify(c);
      db.prepare("UPDATE chunks SET data = ?, sha = ? WHERE label = ?").run(data, sha256(data), r.label);
    }
    db.close();
    const { index } = await load();
    const { answer } = await engineFrom(index).ask(WHY);
    expect(answer).toMatchObject({ kind: "refuse", error: { code: "guard_rejected" } });
    index.close();
  });
});
