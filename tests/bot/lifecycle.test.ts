import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createBot, startBot, type RunningBot } from "../../src/bot/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { configureLogging } from "../../src/core/log.js";
import { createFakeEngine, FAKE_QUESTIONS } from "../fixtures/bot/fake-engine.js";
import { BOT_USER, startFakeBotApi, textUpdate, type ApiRequest, type FakeBotApi } from "../fixtures/bot/fake-bot-api.js";

const FAST_THROTTLE = { out: { maxConcurrent: 1, minTime: 5 } };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function testConfig(api: FakeBotApi, extra: Record<string, string> = {}): Config {
  const c = loadConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ...extra });
  if (!c.ok) throw new Error(c.error.issues.join("; "));
  return c.value;
}

function messagesTo(chatId: number): (r: ApiRequest) => boolean {
  return (r) => r.method === "sendMessage" && r.body.chat_id === chatId;
}

async function start(config: Config, engine = createFakeEngine(), opts: { webhookPort?: number } = {}): Promise<RunningBot> {
  const bot = createBot(engine, config, { throttle: FAST_THROTTLE });
  const started = await startBot(bot, config, { pollTimeoutSeconds: 1, webhookHost: "127.0.0.1", ...opts });
  if (!started.ok) throw new Error(started.error.message);
  cleanups.push(() => started.value.stop());
  return started.value;
}

async function fakeApi(): Promise<FakeBotApi> {
  const api = await startFakeBotApi();
  cleanups.push(() => api.close());
  return api;
}

configureLogging("error", () => undefined);

describe("stop", () => {
  it("finishes an in-flight reply before resolving, then stops polling", async () => {
    const api = await fakeApi();
    const running = await start(testConfig(api), createFakeEngine({ slowMs: 400 }));
    api.push(textUpdate(201, FAKE_QUESTIONS.slow));
    await api.waitFor((r) => r.method === "sendChatAction" && r.body.chat_id === 201);
    expect(api.requests.filter(messagesTo(201))).toHaveLength(0);
    await running.stop();
    const replies = api.requests.filter(messagesTo(201));
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body.text).startsWith("<b>3.87 万元</b>")).toBe(true);
    const polls = api.requests.filter((r) => r.method === "getUpdates").length;
    await new Promise((r) => setTimeout(r, 200));
    expect(api.requests.filter((r) => r.method === "getUpdates")).toHaveLength(polls);
    await running.done;
  });

  it("reports a rejected token as a start failure, not a crash", async () => {
    const api = await fakeApi();
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: "999999:WRONGtokenABCDEFGHIJKLMNOPQRSTUV", TELEGRAM_API_ROOT: api.apiRoot });
    if (!config.ok) throw new Error("config");
    const bot = createBot(createFakeEngine(), config.value, { throttle: FAST_THROTTLE });
    const started = await startBot(bot, config.value);
    expect(started.ok).toBe(false);
    if (!started.ok) {
      expect(started.error.code).toBe("bot_start_failed");
      expect(started.error.message).toContain("getMe failed");
      expect(started.error.message).not.toContain("WRONGtoken");
    }
  });
});

describe("webhook mode", () => {
  it("sets the webhook with its secret and answers only requests that carry it", async () => {
    const api = await fakeApi();
    const config = testConfig(api, { WEBHOOK_URL: "https://bot.example.org/tg/hook", WEBHOOK_SECRET: "s3cret-token" });
    const running = await start(config, createFakeEngine(), { webhookPort: 0 });
    expect(running.mode).toBe("webhook");
    const [set] = await api.waitFor((r) => r.method === "setWebhook");
    expect(set?.body.url).toBe("https://bot.example.org/tg/hook");
    expect(set?.body.secret_token).toBe("s3cret-token");
    expect(api.requests.some((r) => r.method === "getUpdates" || r.method === "deleteWebhook")).toBe(false);

    const url = `http://127.0.0.1:${running.port}/tg/hook`;
    const update = { update_id: 1, ...textUpdate(202, FAKE_QUESTIONS.reception) };
    const wrong = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "nope" }, body: JSON.stringify(update) });
    expect(wrong.status).toBe(401);
    const missing = await fetch(`http://127.0.0.1:${running.port}/elsewhere`, { method: "POST", body: "{}" });
    expect(missing.status).toBe(404);
    const right = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "s3cret-token" }, body: JSON.stringify(update) });
    expect(right.status).toBe(200);
    const [reply] = await api.waitFor(messagesTo(202));
    expect(String(reply?.body.text).startsWith("<b>3.87 万元</b>")).toBe(true);
    expect(api.requests.filter(messagesTo(202))).toHaveLength(1);

    const health = await fetch(`http://127.0.0.1:${running.port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, mode: "webhook", bot: "juesuan_test_bot", inFlight: 0 });
  });
});

describe("file sessions", () => {
  it("keep a conversation across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "juesuan-sessions-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const api = await fakeApi();
    const config = testConfig(api, { JUESUAN_SESSION_DIR: dir });
    const first = await start(config);
    api.push(textUpdate(203, FAKE_QUESTIONS.reception));
    await api.waitFor(messagesTo(203));
    await first.stop();
    const saved = JSON.parse(readFileSync(join(dir, "203.json"), "utf8")) as { conversation: { topic: string }; last: { citations: unknown[] } };
    expect(saved.conversation.topic).toBe("公务接待费");
    expect(saved.last.citations).toHaveLength(2);

    const engine = createFakeEngine();
    await start(config, engine);
    api.push(textUpdate(203, FAKE_QUESTIONS.vehicleFollowUp));
    const replies = await api.waitFor(messagesTo(203), 2);
    expect(String(replies[1]?.body.text).startsWith("<b>28.94 万元</b>")).toBe(true);
    expect(engine.calls[0]?.state.topic).toBe("公务接待费");
  });
});

describe("createBot", () => {
  it("uses the given botInfo without calling getMe", async () => {
    const api = await fakeApi();
    const bot = createBot(createFakeEngine(), testConfig(api), { botInfo: BOT_USER, throttle: FAST_THROTTLE });
    await bot.init();
    expect(bot.botInfo.username).toBe("juesuan_test_bot");
    expect(api.requests.some((r) => r.method === "getMe")).toBe(false);
  });
});
