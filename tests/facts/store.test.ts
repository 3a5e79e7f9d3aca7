import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FACT_STORE_FORMAT, factStorePath, loadFactStore, saveFactStore, type Fact, type FactStore } from "../../src/facts/index.js";

const corpus = [{ file: "corpus/a.txt", sha256: "a".repeat(64) }];

const fact: Fact = {
  id: "a:L440:1",
  doc: "a",
  department: "测试局",
  year: 2024,
  item: "reception",
  subject: "公务接待费",
  code: null,
  measure: "决算",
  qualifier: ["决算数", "公务接待费"],
  value: "3.87",
  unit: "万元",
  key: "a|item:reception|决算|",
  source: { kind: "table", file: "corpus/a.txt", line: 440, table: "公开09表 财政拨款“三公”经费支出决算表", tableNumber: "公开09表", tableKind: "三公经费支出决算表", row: "公务接待费", code: null, column: ["决算数", "公务接待费"], raw: "3.87" },
  status: "verified",
  evidence: [{ kind: "agreement", note: "与 … 一致", facts: ["a:L379:1"] }],
  repairedFrom: null,
  conflicting: [],
  scope: "财政拨款",
};

const store: FactStore = { formatVersion: FACT_STORE_FORMAT, builtAt: "2025-01-01T00:00:00.000Z", corpus, facts: [fact], findings: [{ doc: "a", kind: "repair", note: "修复", lines: [183], facts: ["a:L183:2"] }] };

function dir(): string {
  return mkdtempSync(join(tmpdir(), "juesuan-facts-"));
}

describe("saveFactStore / loadFactStore", () => {
  it("round-trips a store", () => {
    const d = dir();
    saveFactStore(d, store);
    const loaded = loadFactStore(d, corpus);
    expect(loaded).toEqual({ ok: true, value: store });
  });

  it("reports a missing store as index_missing", () => {
    const r = loadFactStore(dir(), corpus);
    expect(r.ok ? null : r.error.code).toBe("index_missing");
  });

  it("reports a changed corpus as index_stale", () => {
    const d = dir();
    saveFactStore(d, store);
    const changed = loadFactStore(d, [{ file: "corpus/a.txt", sha256: "b".repeat(64) }]);
    expect(changed.ok ? null : changed.error.code).toBe("index_stale");
    const added = loadFactStore(d, [...corpus, { file: "corpus/b.txt", sha256: "c".repeat(64) }]);
    expect(added.ok ? null : added.error.code).toBe("index_stale");
  });

  it.each([
    ["broken JSON", "{ not json"],
    ["an old format version", JSON.stringify({ ...store, formatVersion: 0 })],
    ["a schema mismatch", JSON.stringify({ ...store, facts: [{ ...fact, unit: "斤" }] })],
    ["a non-decimal value", JSON.stringify({ ...store, facts: [{ ...fact, value: "3,87" }] })],
  ])("reports %s as index_corrupt without throwing", (_what, text) => {
    const d = dir();
    saveFactStore(d, store);
    writeFileSync(factStorePath(d), text);
    const r = loadFactStore(d, corpus);
    expect(r.ok ? null : r.error.code).toBe("index_corrupt");
  });

  it("writes facts.json atomically (no temporary file left)", () => {
    const d = dir();
    saveFactStore(d, store);
    expect(JSON.parse(readFileSync(join(d, "facts.json"), "utf8")).formatVersion).toBe(FACT_STORE_FORMAT);
  });
});
