import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotApi, textUpdate, TEST_TOKEN, type FakeBotApi, type UploadedFile } from "../fixtures/bot/fake-bot-api.js";
import { childEnv, killGroup, spawnGroup } from "../fixtures/process/spawn.js";

// The product as users meet it: `npm start`'s entry with a token, the real engine on the real
// corpus, and a Bot API server of our own on 127.0.0.1.
let api: FakeBotApi;
let child: ChildProcess;
const indexDir = mkdtempSync(join(tmpdir(), "juesuan-bot-"));
let stderr = "";

beforeAll(async () => {
  api = await startFakeBotApi();
  child = spawnGroup("node", ["dist/src/main.js"], {
    env: childEnv({
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      JUESUAN_INDEX: indexDir,
      // Figures need no embeddings; keyword retrieval keeps this test's index build short.
      JUESUAN_MODEL_SOURCE: "off",
      JUESUAN_LOG_LEVEL: "warn",
    }),
  });
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  await api.waitFor((r) => r.method === "getUpdates", 1, 150_000);
}, 180_000);

afterAll(async () => {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  // Whatever the process did with the signal, nothing of its group survives the test.
  killGroup(child);
  await api.close();
  rmSync(indexDir, { recursive: true, force: true });
});

const sent = (chatId: number) => (r: { method: string; body: Record<string, unknown> }) => r.method === "sendMessage" && r.body.chat_id === chatId;

describe("the bot with the real engine", () => {
  it("answers 经信局公务接待费多少 with 3.87 万元, its status and a 公开09表 citation, then the follow-up", async () => {
    api.push(textUpdate(501, "经信局公务接待费多少"));
    const [first] = await api.waitFor(sent(501), 1, 30_000);
    const text = String(first?.body.text);
    expect(first?.body.parse_mode).toBe("HTML");
    expect(text).toContain("3.87");
    expect(text).toContain("万元");
    expect(text).toContain("已核验");
    expect(text).toContain("公开09表");
    expect(text).not.toContain(TEST_TOKEN);

    api.push(textUpdate(501, "那公务用车呢？"));
    const replies = await api.waitFor(sent(501), 2, 30_000);
    expect(String(replies[1]?.body.text)).toContain("28.94");
    expect(stderr).not.toContain(TEST_TOKEN);
  }, 60_000);

  it("/audit 经信局 audits the real disclosure: summary, no errors, the Markdown report with both known findings", async () => {
    api.push(textUpdate(502, "/audit 经信局"));
    const [reply] = await api.waitFor(sent(502), 1, 30_000);
    const text = String(reply?.body.text);
    expect(text).toContain("武汉市经济和信息化局 2024 年度：错误 0 项，警告 2 项");
    expect(text).toContain("没有错误级别的问题。");
    const [doc] = await api.waitFor((r) => r.method === "sendDocument" && Number(r.body.chat_id) === 502, 1, 30_000);
    const report = (doc?.body.document as UploadedFile).text;
    // 本年收入合计: 公开01表 113,062.79, the narrative 113,062.78; 事业单位医疗's 基本支出 cell blank.
    expect(report).toContain("`rounding.figure`");
    expect(report).toContain("113,062.78");
    expect(report).toContain("corpus/2024-wuhan-jingxinju.txt 第458行");
    expect(report).toContain("`table.blank-cell`");
  }, 60_000);
});
