import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "grammy";
import { createBot, startBot, type BotContext, type RunningBot } from "../../src/bot/index.js";
import { loadConfig, type Config } from "../../src/config.js";
import { configureLogging } from "../../src/core/log.js";
import { createFakeEngine, FAKE_QUESTIONS, type FakeEngine } from "../fixtures/bot/fake-engine.js";
import {
  callbackUpdate,
  groupTextUpdate,
  inlineUpdate,
  startFakeBotApi,
  stickerUpdate,
  textUpdate,
  type ApiRequest,
  type FakeBotApi,
  type UploadedFile,
} from "../fixtures/bot/fake-bot-api.js";
import { checkTelegramHtml } from "../fixtures/bot/html-check.js";

const logs: string[] = [];
let api: FakeBotApi;
let engine: FakeEngine;
let bot: Bot<BotContext>;
let running: RunningBot;

function testConfig(api: FakeBotApi, extra: Record<string, string> = {}): Config {
  const c = loadConfig({ TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, BOT_RATE_LIMIT: "5", BOT_RATE_WINDOW_MS: "10000", ...extra });
  if (!c.ok) throw new Error(c.error.issues.join("; "));
  return c.value;
}

const FAST_THROTTLE = { out: { maxConcurrent: 1, minTime: 5 } };

function messagesTo(chatId: number): (r: ApiRequest) => boolean {
  return (r) => r.method === "sendMessage" && r.body.chat_id === chatId;
}

function textOf(r: ApiRequest | undefined): string {
  return String(r?.body.text ?? "");
}

interface Button {
  text: string;
  callback_data: string;
}
function buttons(r: ApiRequest | undefined): Button[] {
  const markup = r?.body.reply_markup as { inline_keyboard?: Button[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

beforeAll(async () => {
  configureLogging("info", (line) => logs.push(line));
  api = await startFakeBotApi();
  engine = createFakeEngine();
  const config = testConfig(api);
  bot = createBot(engine, config, { throttle: FAST_THROTTLE });
  const started = await startBot(bot, config, { pollTimeoutSeconds: 1 });
  if (!started.ok) throw new Error(started.error.message);
  running = started.value;
});

afterAll(async () => {
  await running?.stop();
  await api?.close();
});

describe("startBot (polling)", () => {
  it("checks the token, clears any webhook and registers the zh and en command menus", async () => {
    const methods = api.requests.map((r) => r.method);
    expect(methods.slice(0, 4)).toEqual(["getMe", "setMyCommands", "setMyCommands", "deleteWebhook"]);
    const [zh, en] = api.requests.filter((r) => r.method === "setMyCommands");
    expect(zh?.body.commands).toEqual([
      { command: "start", description: "开始：能回答什么" },
      { command: "help", description: "帮助与示例" },
      { command: "depts", description: "收录的部门和年度" },
      { command: "sources", description: "上一条回答的出处原文" },
      { command: "audit", description: "部门一致性检查，例如 /audit 经信局" },
      { command: "lang", description: "切换中文 / English" },
    ]);
    expect(en?.body.language_code).toBe("en");
    expect(running.mode).toBe("polling");
  });
});

describe("questions", () => {
  it("answers 经信局公务接待费多少 with 3.87 万元, its status and the 公开09表 citation, in HTML with a 来源 button", async () => {
    api.push(textUpdate(101, FAKE_QUESTIONS.reception));
    const [reply] = await api.waitFor(messagesTo(101));
    expect(reply?.body.parse_mode).toBe("HTML");
    const text = textOf(reply);
    expect(text.startsWith("<b>3.87 万元</b>\n")).toBe(true);
    expect(text).toContain("<b>核验</b>：✅ 已核验");
    expect(text).toContain("<code>corpus/2024-wuhan-jingxinju.txt</code> 第440行\n<i>公开09表 财政拨款“三公”经费支出决算表</i>");
    expect(text).toContain("第586行");
    expect(checkTelegramHtml(text)).toEqual([]);
    const [button] = buttons(reply);
    expect(button?.text).toBe("📑 来源");
    expect(button?.callback_data).toMatch(/^src:[A-Za-z0-9_-]{8}$/);
    expect(Buffer.byteLength(button?.callback_data ?? "", "utf8")).toBeLessThanOrEqual(64);
    expect(api.requests.some((r) => r.method === "sendChatAction" && r.body.chat_id === 101 && r.body.action === "typing")).toBe(true);
  });

  it("answers the follow-up 那公务用车呢？ from the chat's conversation state", async () => {
    api.push(textUpdate(101, FAKE_QUESTIONS.vehicleFollowUp));
    const replies = await api.waitFor(messagesTo(101), 2);
    expect(textOf(replies[1]).startsWith("<b>28.94 万元</b>\n武汉市经济和信息化局2024年度公务用车购置及运行维护费")).toBe(true);
    const call = engine.calls.find((c) => c.question === FAKE_QUESTIONS.vehicleFollowUp);
    expect(call?.state).toEqual({ department: "武汉市经济和信息化局", year: 2024, topic: "公务接待费", aspect: "决算", lang: "zh" });
  });

  it("retries a sendMessage answered with 429 retry_after=1", async () => {
    api.failNext("sendMessage", {
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
    });
    api.push(textUpdate(102, FAKE_QUESTIONS.reception));
    const [first, second] = await api.waitFor(messagesTo(102), 2, 8000);
    expect(textOf(second)).toBe(textOf(first));
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.requests.filter(messagesTo(102))).toHaveLength(2);
  });

  it("limits a flood from one user and says so once", async () => {
    for (let i = 0; i < 9; i++) api.push(textUpdate(103, FAKE_QUESTIONS.reception));
    await api.waitFor(messagesTo(103), 6);
    await new Promise((r) => setTimeout(r, 300));
    const sent = api.requests.filter(messagesTo(103)).map(textOf);
    expect(sent.filter((t) => t === "您发得有点快，请稍等几秒再问。")).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith("<b>3.87 万元</b>"))).toHaveLength(5);
    expect(sent).toHaveLength(6);
  });

  it("answers a sticker with a hint", async () => {
    api.push(stickerUpdate(104));
    const [reply] = await api.waitFor(messagesTo(104));
    expect(textOf(reply)).toBe("我只能读文字问题，例如“经信局公务接待费多少”。发送 /help 查看用法。");
  });

  it("splits a 10k-character answer into valid HTML messages of at most 4096 characters", async () => {
    api.push(textUpdate(105, FAKE_QUESTIONS.long));
    await api.waitFor((r) => messagesTo(105)(r) && textOf(r).includes("第586行"), 1, 8000);
    const parts = api.requests.filter(messagesTo(105));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) {
      expect(textOf(p).length).toBeLessThanOrEqual(4096);
      expect(checkTelegramHtml(textOf(p))).toEqual([]);
      expect(p.body.parse_mode).toBe("HTML");
    }
    expect(parts.slice(0, -1).every((p) => buttons(p).length === 0)).toBe(true);
    expect(buttons(parts[parts.length - 1])).toHaveLength(1);
    expect(parts.map(textOf).join("\n").match(/本部门严格执行预算/g)).toHaveLength(220);
  });

  it("apologises when the engine throws, logs without the token, and keeps answering", async () => {
    api.push(textUpdate(106, FAKE_QUESTIONS.boom));
    const [apology] = await api.waitFor(messagesTo(106));
    expect(textOf(apology)).toBe("抱歉，处理这条消息时出错了，请稍后再试。");
    api.push(textUpdate(106, FAKE_QUESTIONS.reception));
    const replies = await api.waitFor(messagesTo(106), 2);
    expect(textOf(replies[1]).startsWith("<b>3.87 万元</b>")).toBe(true);
    const failure = logs.find((l) => l.includes("handler failed"));
    expect(failure).toContain("engine exploded");
    expect(logs.join("\n")).not.toContain(api.token);
    expect(logs.join("\n")).not.toContain("123456789:AAAA");
  });

  it("answers an edited question", async () => {
    api.push(textUpdate(107, FAKE_QUESTIONS.reception, { edited: true }));
    const [reply] = await api.waitFor(messagesTo(107));
    expect(textOf(reply).startsWith("<b>3.87 万元</b>")).toBe(true);
  });

  it("escapes < and & from the answer and its quotes", async () => {
    api.push(textUpdate(110, FAKE_QUESTIONS.escape));
    const [reply] = await api.waitFor(messagesTo(110));
    expect(textOf(reply)).toContain("收入&lt;支出 &amp; 结余&gt;0 &lt;u&gt;crumb&lt;/u&gt; &amp;amp;");
    expect(checkTelegramHtml(textOf(reply))).toEqual([]);
  });
});

describe("来源 button and /sources", () => {
  it("answers the callback and sends the quoted sources", async () => {
    api.push(textUpdate(108, FAKE_QUESTIONS.reception));
    const [answer] = await api.waitFor(messagesTo(108));
    const data = buttons(answer)[0]?.callback_data ?? "";
    const cb = callbackUpdate(108, data);
    api.push(cb);
    const [ack] = await api.waitFor((r) => r.method === "answerCallbackQuery" && r.body.callback_query_id === (cb.callback_query as { id: string }).id);
    expect(ack?.body.text).toBeUndefined();
    const replies = await api.waitFor(messagesTo(108), 2);
    expect(textOf(replies[1])).toBe(
      [
        "<b>来源</b>：经信局公务接待费多少",
        "",
        "1. <code>corpus/2024-wuhan-jingxinju.txt</code> 第440行\n<i>公开09表 财政拨款“三公”经费支出决算表</i>\n<blockquote>70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87</blockquote>",
        "",
        "2. <code>corpus/2024-wuhan-jingxinju.txt</code> 第586行\n<i>第三部分 部门决算情况说明 &gt; 九、财政拨款“三公”经费支出决算情况说明</i>\n<blockquote>3.公务接待费全年预算为 4.37 万元,支出决算为 3.87 万元,完成全年预算的 88.6%,较上年增加 1.77 万元,增长 84.3%。</blockquote>",
      ].join("\n"),
    );
  });

  it("says the sources expired for an unknown id", async () => {
    const cb = callbackUpdate(108, "src:zzzzzzzz");
    api.push(cb);
    const [ack] = await api.waitFor((r) => r.method === "answerCallbackQuery" && r.body.callback_query_id === (cb.callback_query as { id: string }).id);
    expect(ack?.body.text).toBe("这条回答的出处已过期，请重新提问。");
  });

  it("/sources quotes the last answer's citations", async () => {
    api.push(textUpdate(108, "/sources"));
    const replies = await api.waitFor(messagesTo(108), 3);
    expect(textOf(replies[2])).toBe(textOf(replies[1]));
  });

  it("/sources before any answer says there is nothing to cite", async () => {
    api.push(textUpdate(111, "/sources"));
    const [reply] = await api.waitFor(messagesTo(111));
    expect(textOf(reply)).toBe("还没有可以引用的回答，先问一个问题吧。");
  });
});

describe("inline mode", () => {
  it("returns one article with a shareable fact card", async () => {
    api.push(inlineUpdate(109, "经信局公务接待费"));
    const [req] = await api.waitFor((r) => r.method === "answerInlineQuery");
    const results = req?.body.results as { type: string; title: string; input_message_content: { message_text: string; parse_mode: string } }[];
    expect(results).toHaveLength(1);
    expect(results[0]?.type).toBe("article");
    expect(results[0]?.title).toBe("3.87 万元 · 武汉市经济和信息化局");
    const card = results[0]?.input_message_content;
    expect(card?.parse_mode).toBe("HTML");
    expect(card?.message_text).toContain("<b>3.87 万元</b>");
    expect(card?.message_text).toContain("公开09表 财政拨款“三公”经费支出决算表");
    expect(checkTelegramHtml(card?.message_text ?? "")).toEqual([]);
    expect(req?.body.cache_time).toBe(10);
  });

  it("returns a 未找到 article for a refusal", async () => {
    api.push(inlineUpdate(109, FAKE_QUESTIONS.unknown));
    const reqs = await api.waitFor((r) => r.method === "answerInlineQuery", 2);
    const results = reqs[1]?.body.results as { title: string; description: string }[];
    expect(results[0]?.title).toBe(`未找到：${FAKE_QUESTIONS.unknown}`);
    expect(results[0]?.description).toContain("语料中没有“月球局”的决算公开");
  });
});

describe("commands", () => {
  it("/start lists departments with years, three example questions and the semantic status", async () => {
    api.push(textUpdate(120, "/start"));
    const [reply] = await api.waitFor(messagesTo(120));
    const text = textOf(reply);
    expect(text).toContain("• 武汉市经济和信息化局（经信局、市经信局） — 2024");
    expect(text).toContain("• 武汉市东西湖区商务局（东西湖商务局、东西湖区商务局） — 2022");
    expect(text).toContain("• 投促局公务接待费多少？");
    expect(text).toContain("• 经信局2024年机关运行经费是多少？");
    expect(text).toContain("语义检索：已开启");
    expect(checkTelegramHtml(text)).toEqual([]);
  });

  it("/depts lists names, aliases and years", async () => {
    api.push(textUpdate(121, "/depts"));
    const [reply] = await api.waitFor(messagesTo(121));
    expect(textOf(reply)).toContain("• <b>武汉市洪山区企业服务中心</b>（单位决算）\n  简称：企业服务中心、洪山区企业服务中心\n  年度：2024");
  });

  it("/audit 经信局 gives the summary and the first eight errors, then the Markdown report as a document", async () => {
    api.push(textUpdate(122, "/audit 经信局"));
    const [reply] = await api.waitFor(messagesTo(122));
    const text = textOf(reply);
    expect(text.split("\n").slice(0, 5)).toEqual([
      "<b>武汉市经济和信息化局</b> 一致性检查",
      "武汉市经济和信息化局 2024 年度：错误 12 项，警告 2 项，提示 0 项；未能核对 1 项",
      "",
      "错误：",
      "1. 科学技术支出 718.91 占 一般公共预算财政拨款支出 1,115.55 的比重应为 64.4%，说明写作 46.4%（第415行）",
    ]);
    expect(text).toContain("2. 第1处占比不符 &lt;已修复&gt;（第416行）");
    expect(text).toContain("\n8. ");
    expect(text).not.toContain("\n9. ");
    expect(text).toContain("……另有 4 条错误未列出。");
    expect(text).toContain("完整报告（含警告、提示和未能核对的项目）见附件。");
    expect(checkTelegramHtml(text)).toEqual([]);
    const [doc] = await api.waitFor((r) => r.method === "sendDocument" && Number(r.body.chat_id) === 122);
    const file = doc?.body.document as UploadedFile;
    expect(file.filename).toBe("audit-2024-wuhan-jingxinju.md");
    expect(doc?.body.caption).toBe("武汉市经济和信息化局 决算公开审核报告");
    expect(file.text).toContain("# 决算公开审核报告");
    expect(file.text).toContain("**武汉市经济和信息化局 2024 年度：错误 12 项，警告 2 项，提示 0 项；未能核对 1 项**");
    expect(file.text).toContain("### 错误（12）");
    expect(file.text).toContain("### 警告（2）");
    expect(file.text).toContain("### 未能核对（1）");
    expect(file.text).toContain("`rounding.figure`");
    expect(file.text).toContain("出处：corpus/2024-wuhan-jingxinju.txt 第458行：“收入合计 113,062.78 万元”");
  });

  it("/audit in English after /lang: the summary, the errors and an English report", async () => {
    api.push(textUpdate(161, "/lang"));
    api.push(textUpdate(161, "/audit 经信局"));
    const replies = await api.waitFor(messagesTo(161), 2);
    expect(textOf(replies[1]).split("\n").slice(0, 4)).toEqual([
      "<b>武汉市经济和信息化局</b> consistency check",
      "武汉市经济和信息化局 2024: 12 error(s), 2 warning(s), 0 hint(s); 1 check(s) not possible",
      "",
      "Errors:",
    ]);
    const [doc] = await api.waitFor((r) => r.method === "sendDocument" && Number(r.body.chat_id) === 161);
    expect((doc?.body.document as UploadedFile).text).toContain("# Disclosure audit report");
  });

  it.each([
    ["/audit 火星局", "未找到该部门：火星局。发送 /depts 查看收录的部门。"],
    ["/audit", "用法：/audit 部门名称或简称，例如 /audit 经信局"],
    ["/audit 东西湖商务局", "<b>武汉市东西湖区商务局</b> 一致性检查\n武汉市东西湖区商务局 2022 年度：错误 0 项，警告 0 项，提示 0 项；未能核对 0 项\n未发现问题：表内勾稽一致，各处数字没有冲突。"],
    ["/nonsense", "没有这个命令。发送 /help 查看可用命令。"],
  ])("%s", async (command, expected) => {
    const chat = 130 + command.length;
    api.push(textUpdate(chat, command));
    const [reply] = await api.waitFor(messagesTo(chat));
    expect(textOf(reply)).toBe(expected);
  });

  it("/lang switches the bot's own wording to English and back", async () => {
    api.push(textUpdate(123, "/lang"));
    api.push(textUpdate(123, "/help"));
    api.push(textUpdate(123, "/lang"));
    const replies = await api.waitFor(messagesTo(123), 3);
    expect(textOf(replies[0])).toBe("Switched to English.");
    expect(textOf(replies[1]).startsWith("<b>How to use</b>")).toBe(true);
    expect(textOf(replies[2])).toBe("已切换为中文。英文提问会自动用英文回答。");
  });

  it("replies in English to an English question, with an English 来源 button", async () => {
    api.push(textUpdate(124, FAKE_QUESTIONS.english));
    const [reply] = await api.waitFor(messagesTo(124));
    expect(textOf(reply)).toContain("<b>Status</b>: ✅ verified");
    expect(buttons(reply)[0]?.text).toBe("📑 Sources");
  });

  it("passes the /lang choice to the engine as the conversation's language", async () => {
    api.push(textUpdate(125, "/lang"));
    api.push(textUpdate(125, FAKE_QUESTIONS.reception));
    await api.waitFor(messagesTo(125), 2);
    const call = engine.calls.filter((c) => c.question === FAKE_QUESTIONS.reception).pop();
    expect(call?.state.lang).toBe("en");
  });

  it("ignores an edited command instead of calling it unknown", async () => {
    api.push(textUpdate(126, "/start", { edited: true }));
    api.push(textUpdate(126, "/help"));
    const [reply] = await api.waitFor(messagesTo(126));
    expect(textOf(reply).startsWith("<b>怎么用</b>")).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.requests.filter(messagesTo(126))).toHaveLength(1);
  });
});

describe("group chats", () => {
  it("answers only messages that mention the bot, replying to them", async () => {
    api.push(groupTextUpdate(-500, 501, "大家好"));
    api.push(groupTextUpdate(-500, 501, `@juesuan_test_bot ${FAKE_QUESTIONS.reception}`));
    const [reply] = await api.waitFor(messagesTo(-500));
    expect(textOf(reply).startsWith("<b>3.87 万元</b>")).toBe(true);
    expect((reply?.body.reply_parameters as { message_id: number }).message_id).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(api.requests.filter(messagesTo(-500))).toHaveLength(1);
    expect(engine.calls.some((c) => c.question === "大家好")).toBe(false);
  });
});
