import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { CHILD_MARK, pidsWithEnv } from "../fixtures/process/spawn.js";

/**
 * Once per `vitest run`: compiles dist/ (tests run the product as users do, `node` on compiled
 * JavaScript), marks the run, and at the end fails the run if any process a test spawned is
 * still alive (killing it first).
 */
export function setup(): void {
  execFileSync(process.execPath, ["scripts/compile.mjs", "--quiet"], { stdio: "inherit" });
  process.env.JUESUAN_TEST_RUN = randomUUID();
}

export function teardown(): void {
  const run = process.env.JUESUAN_TEST_RUN;
  if (!run || process.platform !== "linux") return;
  const left = pidsWithEnv(CHILD_MARK, run);
  if (left.length === 0) return;
  for (const pid of left) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
  }
  throw new Error(`tests left ${left.length} process(es) behind (now killed): ${left.join(", ")}`);
}
