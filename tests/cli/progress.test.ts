import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressReporter } from "../../src/cli/_progress.js";

function stream(tty: boolean): { s: NodeJS.WriteStream; text: () => string } {
  const p = new PassThrough();
  const chunks: string[] = [];
  p.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  Object.assign(p, { isTTY: tty, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { s: p as unknown as NodeJS.WriteStream, text: () => chunks.join("") };
}

describe("createProgressReporter", () => {
  it("writes plain lines off a terminal: the start, every 10 %, the end, with count, rate and ETA", () => {
    const { s, text } = stream(false);
    const r = createProgressReporter(s);
    r.note("正在建立索引 building the index");
    for (let done = 0; done <= 200; done += 8) r.step("embed", Math.min(done, 200), 200);
    r.step("embed", 200, 200);
    r.finish();
    const lines = text().trimEnd().split("\n");
    expect(lines[0]).toBe("正在建立索引 building the index");
    const steps = lines.slice(1);
    expect(steps.length).toBeGreaterThanOrEqual(10);
    expect(steps.length).toBeLessThanOrEqual(12);
    expect(steps[0]).toMatch(/^ {2}嵌入 embed 0\/200 \(0%\) · \d+\.\d\/s · ETA \?$/);
    expect(steps[1]).toMatch(/^ {2}嵌入 embed \d+\/200 \(1\d%\) · \d+\.\d\/s · ETA \d+ s$/);
    expect(steps[steps.length - 1]).toMatch(/^ {2}嵌入 embed 200\/200 \(100%\) · \d+\.\d\/s$/);
  });

  it("draws a bar with the stage, count, rate and ETA on a terminal, and keeps notes above it", async () => {
    const { s, text } = stream(true);
    const r = createProgressReporter(s);
    r.step("parse", 0, 5);
    r.note("  解析 parsed a.txt");
    r.step("parse", 5, 5);
    r.finish();
    const out = text();
    expect(out).toContain("解析 parse [");
    expect(out).toMatch(/5\/5 · \d+\.\d\/s · ETA/);
    expect(out).toContain("  解析 parsed a.txt\n");
  });
});
