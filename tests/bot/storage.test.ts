import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createFileStorage } from "../../src/bot/index.js";
import { configureLogging } from "../../src/core/log.js";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "juesuan-storage-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
configureLogging("error", () => undefined);

describe("createFileStorage", () => {
  it("writes, reads back and deletes one JSON file per chat, leaving no temp files", async () => {
    const dir = tempDir();
    const s = createFileStorage<{ n: number }>(dir);
    await s.write("-100123", { n: 1 });
    await s.write("-100123", { n: 2 });
    expect(await s.read("-100123")).toEqual({ n: 2 });
    expect(readdirSync(dir)).toEqual(["-100123.json"]);
    await s.delete("-100123");
    expect(await s.read("-100123")).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("starts afresh on a damaged file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "7.json"), "{not json");
    expect(await createFileStorage(dir).read("7")).toBeUndefined();
  });

  it("keeps odd keys inside the directory", async () => {
    const dir = tempDir();
    const s = createFileStorage<number>(dir);
    await s.write("../../escape", 1);
    expect(readdirSync(dir)).toEqual(["%2E%2E%2F%2E%2E%2Fescape.json"]);
    expect(existsSync(join(dir, "..", "..", "escape.json"))).toBe(false);
    expect(await s.read("../../escape")).toBe(1);
  });

  it("creates the directory on first write", async () => {
    const dir = join(tempDir(), "nested", "sessions");
    await createFileStorage<number>(dir).write("1", 5);
    expect(readdirSync(dir)).toEqual(["1.json"]);
  });
});
