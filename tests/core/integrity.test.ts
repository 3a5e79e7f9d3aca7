import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkSeal, SEAL_FILE, sealArtefacts, sealFingerprint } from "../../src/core/integrity.js";

let dir: string;
const FILES = ["facts.json", "search/chunks.json"];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-seal-"));
  mkdirSync(join(dir, "search"));
  writeFileSync(join(dir, "facts.json"), '{"facts":[{"value":"3.87"}]}');
  writeFileSync(join(dir, "search/chunks.json"), '[{"quote":"公务接待费3.87万元"}]');
  sealArtefacts(dir, FILES);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function overwrite(file: string, from: string, to: string): void {
  const p = join(dir, file);
  writeFileSync(p, readFileSync(p, "utf8").replace(from, to));
}

describe("checkSeal", () => {
  it("accepts artefacts exactly as sealed", () => {
    const r = checkSeal(dir, FILES);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.files).sort()).toEqual(FILES);
  });

  it.each([
    ["a figure changed in place, same size", () => overwrite("facts.json", "3.87", "9.99"), "facts.json sha256"],
    ["bytes of a quote overwritten, same size", () => overwrite("search/chunks.json", "接待", "招待"), "search/chunks.json sha256"],
    ["a truncated artefact", () => truncateSync(join(dir, "facts.json"), 10), "facts.json is 10 bytes"],
    ["a deleted artefact", () => rmSync(join(dir, "search/chunks.json")), "search/chunks.json missing"],
    ["the seal removed", () => rmSync(join(dir, SEAL_FILE)), "manifest.json missing"],
    ["the seal garbled", () => writeFileSync(join(dir, SEAL_FILE), "{"), "not a valid seal"],
  ])("reports %s as index_corrupt", (_what, damage, reason) => {
    damage();
    const r = checkSeal(dir, FILES);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("index_corrupt");
      expect(r.error.reason).toContain(reason);
    }
  });

  it("reports a required artefact the seal does not name", () => {
    writeFileSync(join(dir, "documents.json"), "{}");
    const r = checkSeal(dir, [...FILES, "documents.json"]);
    expect(r.ok ? null : r.error.reason).toBe("documents.json is not recorded in manifest.json");
  });

  it("reports an empty directory as index_missing", () => {
    const empty = mkdtempSync(join(tmpdir(), "juesuan-seal-empty-"));
    const r = checkSeal(empty, FILES);
    expect(r.ok ? null : r.error.code).toBe("index_missing");
    rmSync(empty, { recursive: true });
  });
});

describe("sealFingerprint", () => {
  it("is 12 hex digits and changes when the index is resealed", () => {
    const before = sealFingerprint(dir);
    overwrite("facts.json", "3.87", "3.88");
    sealArtefacts(dir, FILES);
    expect(sealFingerprint(dir)).not.toBe(before);
    expect(before).toMatch(/^[0-9a-f]{12}$/);
  });
});
