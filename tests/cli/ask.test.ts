import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, killGroup, spawnGroup } from "../fixtures/process/spawn.js";

// End to end on the real corpus and a real index built into a temporary directory. Keyword-only
// (no model): the CLI contract is what is tested here; embedding 2,500 passages would take minutes
// (tests/embed/real-model.test.ts covers the real model and hnswlib).
const indexDir = mkdtempSync(join(tmpdir(), "juesuan-ask-"));

// Asynchronous on purpose: a blocked test worker cannot report progress to vitest.
async function run(args: string[], input: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup("node", ["dist/src/cli/main.js", ...args], { env: childEnv({ JUESUAN_INDEX: indexDir, JUESUAN_MODEL_SOURCE: "off", JUESUAN_LOG_LEVEL: "warn", ...env }) });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      killGroup(child);
      resolve({ status, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

async function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = await run(args, opts.input ?? "", opts.env ?? {});
  const lines = r.stdout.split("\n").filter((l) => l.trim());
  return {
    code: r.status,
    stderr: r.stderr,
    get json() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

beforeAll(async () => {
  const r = await cli(["build-index"]);
  expect(r.code, r.stderr).toBe(0);
}, 180_000);

afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

describe("ask --jsonl", () => {
  it("answers every line in one process, keeping ids, with figures, citations and refusals", async () => {
    const input = [
      { id: "a", question: "经信局公务接待费多少" },
      { id: "b", question: ["经信局公务接待费多少", "那公务用车呢？"] },
      { id: "c", question: "经信局2023年的公务接待费是多少？" },
      { id: "d", question: "武汉经开区2023年三公经费多少" },
      { id: "e", question: "经信局三公经费为啥比上年多这么多" },
    ]
      .map((x) => JSON.stringify(x))
      .join("\n");
    const r = await cli(["ask", "--jsonl"], { input });
    expect(r.code, r.stderr).toBe(0);
    const byId = Object.fromEntries(r.json.map((j) => [j.id, j]));
    expect(Object.keys(byId).sort()).toEqual(["a", "b", "c", "d", "e"]);
    expect(byId.a).toMatchObject({ kind: "number", value: "3.87", unit: "万元", department: "武汉市经济和信息化局", year: 2024, status: "verified", error: null });
    const cites = byId.a?.citations as { file: string; line: number; lineEnd: number; table: string | null }[];
    expect(cites.some((c) => c.line === 440 && c.table?.startsWith("公开09表"))).toBe(true);
    expect(cites.every((c) => c.file === "corpus/2024-wuhan-jingxinju.txt")).toBe(true);
    expect(byId.b).toMatchObject({ kind: "number", value: "28.94", question: "那公务用车呢？" });
    expect(byId.c).toMatchObject({ kind: "refuse", value: null, error: { code: "year_not_covered", year: 2023 } });
    expect(byId.d).toMatchObject({ kind: "refuse", error: { code: "no_such_department" } });
    expect(byId.e).toMatchObject({ kind: "text" });
    expect(String(byId.e?.text)).toContain("因公出国");
  }, 180_000);

  it("answers a malformed line with a bad_input record and keeps going", async () => {
    const r = await cli(["ask", "--jsonl"], { input: `not json\n${JSON.stringify({ id: 7, question: "投促局三公经费总共多少" })}\n` });
    expect(r.code).toBe(1);
    expect(r.json[0]).toMatchObject({ kind: "refuse", error: { code: "bad_input" } });
    expect(r.json[1]).toMatchObject({ id: "7", kind: "number", value: "157.03" });
  }, 180_000);
});

describe("ask --json", () => {
  it("prints one JSON object per turn of a conversation", async () => {
    const r = await cli(["ask", "--json", "东西湖商务局2022年政府采购里货物支出多少？", "那服务呢？"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.map((j) => j.value)).toEqual(["1.34", "164.43"]);
  }, 180_000);
});

describe("a stale or corrupt index", () => {
  it("is rebuilt before answering, not a crash", async () => {
    writeFileSync(join(indexDir, "index.db"), "{ not a database");
    const r = await cli(["ask", "--json", "经信局工会经费有多少"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("index_corrupt");
    expect(r.json[0]).toMatchObject({ kind: "number", value: "105.73" });
  }, 180_000);
});
