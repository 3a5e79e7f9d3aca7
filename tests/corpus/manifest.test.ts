import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { ManifestSchema, parseManifest } from "../../src/corpus/index.js";

const seeds = JSON.parse(readFileSync("corpus/manifest.json", "utf8")) as { formatVersion: 1; documents: Record<string, unknown>[] };
const entry = { file: "a.txt", department: "武汉市商务局", year: 2024, type: "部门决算" };
const SHA = "0".repeat(64);

describe("parseManifest", () => {
  it.each([
    ["the seeds' manifest", seeds],
    ["unknown keys dropped, aliases by default", { formatVersion: 1, extra: true, documents: [{ ...entry, note: "x" }] }],
    ["every optional field", { formatVersion: 1, documents: [{ ...entry, sha256: SHA, source: "s.pdf", aliases: ["商务局"], region: "武汉市" }] }],
    ["an empty list", { formatVersion: 1, documents: [] }],
    ["a year out of range", { formatVersion: 1, documents: [{ ...entry, year: 1989 }] }],
    ["a year not whole", { formatVersion: 1, documents: [{ ...entry, year: 2024.5 }] }],
    ["a malformed sha256", { formatVersion: 1, documents: [{ ...entry, sha256: "ABC" }] }],
    ["a null region", { formatVersion: 1, documents: [{ ...entry, region: null }] }],
    ["an empty alias", { formatVersion: 1, documents: [{ ...entry, aliases: [""] }] }],
    ["an unknown type", { formatVersion: 1, documents: [{ ...entry, type: "预算" }] }],
    ["an empty file name", { formatVersion: 1, documents: [{ ...entry, file: "" }] }],
    ["another format", { formatVersion: 2, documents: [] }],
    ["no list", { formatVersion: 1 }],
    ["an entry that is a list", { formatVersion: 1, documents: [[entry]] }],
  ])("reads %s as the schema does", (_, raw) => {
    const fast = parseManifest(raw);
    const schema = ManifestSchema.safeParse(raw);
    expect(fast.success).toBe(schema.success);
    if (fast.success && schema.success) expect(fast.data).toEqual(schema.data);
    if (!fast.success && !schema.success) expect(fast.error.issues).toEqual(schema.error.issues);
  });

  it("reads a large valid manifest without the schema", () => {
    const spy = vi.spyOn(ManifestSchema, "safeParse");
    const raw = { formatVersion: 1, documents: Array.from({ length: 1000 }, (_, i) => ({ ...entry, file: `${i}.txt`, sha256: SHA })) };
    const r = parseManifest(raw);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(r).toEqual(ManifestSchema.safeParse(raw));
  });
});
