import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv, runNode, type RunResult } from "../fixtures/process/spawn.js";

// An index directory that must never come into existence: --help and usage errors touch nothing.
const root = mkdtempSync(join(tmpdir(), "juesuan-help-"));
const indexDir = join(root, "index");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function run(entry: string, args: string[]): Promise<RunResult> {
  // A command that wrongly started would wait for questions on stdin: give it a question.
  return runNode([entry, ...args], childEnv({ JUESUAN_INDEX: indexDir, JUESUAN_MODEL_DIR: join(root, "models") }), "经信局公务接待费多少\n");
}

const CLI = "dist/src/cli/main.js";
const COMMANDS = ["inspect", "facts", "audit", "build-index", "search", "ask", "chat", "status"];

describe("--help", () => {
  it.each(COMMANDS)("%s --help prints its usage and exits 0 without side effects", async (cmd) => {
    const r = await run(CLI, [cmd, "--help"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith(`Usage: juesuan ${cmd} `)).toBe(true);
    expect(r.stderr).toBe("");
    expect(existsSync(indexDir)).toBe(false);
  });

  it.each([[CLI, ["--help"], "Usage: juesuan [options] [command]"], [CLI, ["help", "ask"], "Usage: juesuan ask"], ["dist/src/main.js", ["--help"], "Usage: npm start"], ["dist/scripts/fetch-model.js", ["--help"], "usage: npm run model:fetch"], ["dist/scripts/eval.js", ["--help"], "usage: npm run eval"], ["dist/scripts/bench.js", ["--help"], "usage: npm run bench"]] as const)(
    "%s %j prints usage and exits 0",
    async (entry, args, head) => {
      const r = await run(entry, [...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.startsWith(head)).toBe(true);
      expect(existsSync(indexDir)).toBe(false);
      expect(existsSync(join(root, "models"))).toBe(false);
    },
  );
});

describe("usage errors", () => {
  it.each(COMMANDS)("%s --no-such-flag is an error (exit 2), not an argument", async (cmd) => {
    const r = await run(CLI, [cmd, "x", "--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'|too many arguments/);
    expect(existsSync(indexDir)).toBe(false);
  });

  it.each([
    [["no-such-command"], "unknown command 'no-such-command'"],
    [["ask"], "missing question"],
    [["ask", "--jsonl", "问题"], "--jsonl reads the questions from stdin"],
    [["search"], "missing required argument 'query'"],
    [["search", "x", "--k", "0"], "expects a positive integer"],
    [["search", "x", "--mode", "fuzzy"], "Allowed choices are hybrid, dense, keyword"],
    [["facts", "--year", "24"], "expects a year"],
    [["inspect", "a", "b"], "too many arguments"],
    [[], "Usage: juesuan"],
  ])("%j exits 2 saying %s", async (args, message) => {
    const r = await run(CLI, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(indexDir)).toBe(false);
  });

  it.each([["dist/src/main.js"], ["dist/scripts/eval.js"], ["dist/scripts/bench.js"], ["dist/scripts/fetch-model.js"]])("%s --no-such-flag exits 2", async (entry) => {
    const r = await run(entry, ["--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(existsSync(indexDir)).toBe(false);
  });
});
