import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ensureIndex, type LoadedIndex } from "../../src/build/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { sealArtefacts, SEAL_FILE } from "../../src/core/integrity.js";
import { configureLogging } from "../../src/core/log.js";
import { engineFrom } from "../../src/engine/index.js";

// The real corpus, a keyword-only index (no model: the point is the artefacts, not the vectors).
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

async function load(): Promise<{ index: LoadedIndex; notes: string[] }> {
  const notes: string[] = [];
  const r = await ensureIndex(config, { onProgress: (m) => notes.push(m) });
  if (!r.ok) throw new Error(r.error.message);
  return { index: r.value, notes };
}

function edit(file: string, change: (text: string) => string): void {
  const p = join(indexDir, file);
  const before = readFileSync(p, "utf8");
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(p, after);
}

// facts.json is compact JSON: the stored figure of 经信局's 公务接待费 appears as "value":"3.87".
const nineNine = (t: string) => t.replaceAll('"value":"3.87"', '"value":"9.99"');

beforeEach(async () => {
  await load();
});

describe("a tampered index", () => {
  it("a figure changed in place (same size) in facts.json is caught on load and rebuilt, with a message", async () => {
    edit("facts.json", nineNine);
    const { index, notes } = await load();
    expect(index.rebuilt).toBe(true);
    expect(notes.join("\n")).toMatch(/integrity check.*facts\.json sha256/);
    const { answer } = await engineFrom(index).ask(RECEPTION);
    expect(answer).toMatchObject({ kind: "number", value: "3.87" });
  });

  it("bytes overwritten inside chunks.json (same size) are caught on load and rebuilt", async () => {
    edit("search/chunks.json", (t) => t.replace("因公出国", "因私出游"));
    const { index, notes } = await load();
    expect(index.rebuilt).toBe(true);
    expect(notes.join("\n")).toMatch(/integrity check.*search\/chunks\.json sha256/);
    const { answer } = await engineFrom(index).ask(WHY);
    expect(answer.text).not.toContain("因私出游");
  });

  it("an intact index loads without a rebuild", async () => {
    const { index } = await load();
    expect(index.rebuilt).toBe(false);
  });
});

describe("the final guard over a tampered index that passes its seal", () => {
  it("withholds a stored figure its cited corpus line does not state", async () => {
    edit("facts.json", nineNine);
    sealArtefacts(indexDir, Object.keys(JSON.parse(readFileSync(join(indexDir, SEAL_FILE), "utf8")).files as object));
    const { index } = await load();
    expect(index.rebuilt).toBe(false);
    const { answer } = await engineFrom(index).ask(RECEPTION);
    expect(answer).toMatchObject({ kind: "refuse", value: null, error: { code: "guard_rejected" } });
    expect(answer.text).not.toContain("9.99");
  });

  it("withholds a passage whose stored quote is not in the corpus file", async () => {
    const honest = await engineFrom((await load()).index).ask(WHY);
    expect(honest.answer.kind).toBe("text");
    const quoted = honest.answer.citations[0];
    expect(quoted).toBeDefined();
    edit("search/chunks.json", (t) => {
      const chunks = JSON.parse(t) as { file: string; line: number; quote: string }[];
      for (const c of chunks) if (c.file === quoted?.file && c.line === quoted.line) c.quote = c.quote.replace(/增加|减少|主要/g, "没有");
      return JSON.stringify(chunks);
    });
    sealArtefacts(indexDir, Object.keys(JSON.parse(readFileSync(join(indexDir, SEAL_FILE), "utf8")).files as object));
    const { index } = await load();
    expect(index.rebuilt).toBe(false);
    const { answer } = await engineFrom(index).ask(WHY);
    expect(answer).toMatchObject({ kind: "refuse", error: { code: "guard_rejected" } });
  });
});
