import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditReport } from "../../src/audit/index.js";
import { childEnv, runNode, type RunResult } from "../fixtures/process/spawn.js";

// The audit command as users run it: compiled CLI, the real corpus, no index needed.
const root = mkdtempSync(join(tmpdir(), "juesuan-audit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(args: string[]): Promise<RunResult> {
  return runNode(["dist/src/cli/main.js", "audit", ...args], childEnv({ JUESUAN_INDEX: join(root, "index") }));
}

describe("audit", () => {
  it("--json prints one object in the issue's shape, both known findings of 经信局 with citations of both sides", async () => {
    const r = await run(["2024-wuhan-jingxinju.txt", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(report.documents).toHaveLength(1);
    const doc = report.documents[0];
    expect(Object.keys(doc ?? {}).sort()).toEqual(["department", "file", "findings", "unchecked", "year"]);
    expect(doc?.department).toBe("武汉市经济和信息化局");
    expect(doc?.year).toBe(2024);
    const cent = doc?.findings.find((f) => f.rule === "rounding.figure");
    expect(cent).toMatchObject({ severity: "warning", expected: "113,062.79", found: "113,062.78" });
    expect(cent?.citations.map((c) => c.line)).toEqual([135, 458]);
    expect(Object.keys(cent?.citations[0] ?? {}).sort()).toEqual(["file", "line", "lineEnd", "quote"]);
    expect(cent?.citations[1]?.quote).toContain("113,062.78");
    expect(doc?.findings.every((f) => ["error", "warning", "hint"].includes(f.severity))).toBe(true);
  }, 60_000);

  it("--md FILE writes the Markdown report; --lang en writes it in English; a planted error exits 3", async () => {
    const text = readFileSync("corpus/2024-hongshan-qiyefuwu.txt", "utf8").replace("占 64.4%", "占 46.4%");
    const file = join(root, "2024-hongshan-qiyefuwu.txt");
    writeFileSync(file, text);
    const md = join(root, "report.md");
    const r = await run([file, "--md", md, "--lang", "en"]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toContain("[arithmetic.share] L415");
    const report = readFileSync(md, "utf8");
    expect(report.startsWith("# Disclosure audit report\n")).toBe(true);
    expect(report).toContain("### Errors (");
    expect(report).toContain("`arithmetic.share`");
    expect(report).toContain("expected 64.4%, found 46.4%");
  }, 60_000);

  it.each([[["nope.txt"], 1], [["--lang", "fr"], 2]] as const)("audit %j exits %i", async (args, code) => {
    const r = await run([...args]);
    expect(r.code).toBe(code);
  }, 60_000);
});
