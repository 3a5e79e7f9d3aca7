import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotApi, TEST_TOKEN, textUpdate, type FakeBotApi } from "../fixtures/bot/fake-bot-api.js";
import { alive, childEnv, descendants, killGroup, spawnGroup } from "../fixtures/process/spawn.js";

// `npm start` as an operator runs it: npm → node on compiled JavaScript, against a Bot API of our own.
const indexDir = mkdtempSync(join(tmpdir(), "juesuan-start-"));
const spawned: ChildProcess[] = [];
let api: FakeBotApi;

beforeAll(async () => {
  api = await startFakeBotApi();
});

afterEach(() => {
  for (const c of spawned.splice(0)) killGroup(c);
});

afterAll(async () => {
  await api.close();
  rmSync(indexDir, { recursive: true, force: true });
});

interface Run {
  readonly child: ChildProcess;
  stderr(): string;
  exited(): Promise<number | null>;
}

function start(cmd: string, args: string[], env: Record<string, string>): Run {
  const child = spawnGroup(cmd, args, {
    // Figures need no embeddings; keyword retrieval keeps the index build short.
    env: childEnv({ JUESUAN_INDEX: indexDir, JUESUAN_MODEL_SOURCE: "off", JUESUAN_LOG_LEVEL: "warn", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  spawned.push(child);
  let err = "";
  child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
  child.stdout?.resume();
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, stderr: () => err, exited: () => exit };
}

async function within<T>(ms: number, p: Promise<T>): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), ms)));
  const out = await Promise.race([p, t]);
  clearTimeout(timer);
  return out;
}

const sent = (chatId: number) => (r: { method: string; body: Record<string, unknown> }) => r.method === "sendMessage" && r.body.chat_id === chatId;

describe("npm start with the bot", () => {
  it("answers, then on SIGTERM to npm leaves no process of its tree alive within 3 s", async () => {
    const run = start("npm", ["start", "--silent"], { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    await api.waitFor((r) => r.method === "getUpdates", 1, 150_000);
    api.push(textUpdate(701, "经信局公务接待费多少"));
    const [reply] = await api.waitFor(sent(701), 1, 30_000);
    expect(String(reply?.body.text)).toContain("3.87");

    const npm = run.child.pid as number;
    const tree = [npm, ...descendants(npm)];
    // npm, and node itself (exec'd by the script's shell): no tsx or shell in between.
    expect(tree.length).toBeGreaterThanOrEqual(2);
    process.kill(npm, "SIGTERM");
    const deadline = Date.now() + 3000;
    while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(tree.filter(alive)).toEqual([]);
    expect(run.stderr()).not.toContain(TEST_TOKEN);
  }, 180_000);
});

describe("npm start fails loudly", () => {
  it("exits 1 with one line when the Bot API rejects the token, before building anything", async () => {
    const run = start("node", ["dist/src/main.js"], { TELEGRAM_BOT_TOKEN: "999999:WRONGtokenABCDEFGHIJKLMNOPQRSTUV", TELEGRAM_API_ROOT: api.apiRoot, JUESUAN_INDEX: join(indexDir, "never") });
    expect(await within(30_000, run.exited())).toBe(1);
    expect(run.stderr()).toContain("rejected TELEGRAM_BOT_TOKEN");
    expect(run.stderr()).not.toContain("WRONGtoken");
    expect(run.stderr()).not.toContain("index");
  });

  it("exits 1 within 30 s when nothing listens at TELEGRAM_API_ROOT", async () => {
    const free = await freePort();
    const run = start("node", ["dist/src/main.js"], { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${free}` });
    expect(await within(30_000, run.exited())).toBe(1);
    expect(run.stderr()).toMatch(/cannot reach the Bot API at http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(run.stderr()).not.toContain(TEST_TOKEN);
  });

  it("exits 1 after BOT_START_TIMEOUT_MS when the Bot API accepts connections but never answers", async () => {
    const silent = await silentServer();
    try {
      const run = start("node", ["dist/src/main.js"], { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${silent.port}`, BOT_START_TIMEOUT_MS: "1000" });
      expect(await within(30_000, run.exited())).toBe(1);
      expect(run.stderr()).toContain("did not answer getMe within 1 s");
    } finally {
      silent.server.close();
    }
  });

  it("retries with a line each time when BOT_START_WAIT is set, and stops on SIGTERM", async () => {
    const free = await freePort();
    const run = start("node", ["dist/src/main.js"], { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${free}`, BOT_START_WAIT: "1" });
    const t0 = Date.now();
    while (!run.stderr().includes("attempt 1") && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 50));
    expect(run.stderr()).toContain("retrying in 5 s (attempt 1)");
    run.child.kill("SIGTERM");
    expect(await within(5000, run.exited())).toBe(143);
  });

  it("exits 1 with one line when the webhook port is in use", async () => {
    const taken = await silentServer();
    try {
      const run = start("node", ["dist/src/main.js"], {
        TELEGRAM_BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        WEBHOOK_URL: "https://bot.example.org/hook",
        WEBHOOK_PORT: String(taken.port),
      });
      expect(await within(30_000, run.exited())).toBe(1);
      expect(run.stderr()).toContain(`port ${taken.port} 已被占用 is already in use`);
    } finally {
      taken.server.close();
    }
  });
});

describe("npm start --help", () => {
  it("prints usage and exits 0 without starting anything", async () => {
    const run = start("node", ["dist/src/main.js", "--help"], { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot });
    expect(await within(10_000, run.exited())).toBe(0);
    expect(api.requests.some((r) => r.method === "getMe" && r.at > Date.now() - 5000)).toBe(false);
  });
});

async function freePort(): Promise<number> {
  const s = await silentServer();
  await new Promise((r) => s.server.close(r));
  return s.port;
}

// Accepts TCP connections and never answers (a black-holed API, or a port someone holds).
async function silentServer(): Promise<{ server: Server; port: number }> {
  const server = createServer(() => undefined);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  return { server, port: typeof addr === "object" && addr ? addr.port : 0 };
}
