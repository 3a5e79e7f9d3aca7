import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CHAT_PROMPT, runChat } from "../../src/cli/commands/chat.js";
import { createFakeEngine, FAKE_QUESTIONS } from "../fixtures/bot/fake-engine.js";

async function chat(lines: string, interactive = false): Promise<{ out: string; engine: ReturnType<typeof createFakeEngine> }> {
  const engine = createFakeEngine();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  await runChat(engine, Readable.from([lines]), output, { interactive });
  return { out: chunks.join(""), engine };
}

describe("runChat", () => {
  it("answers piped questions line by line, with follow-ups and plain citations, without prompts", async () => {
    const { out, engine } = await chat(`${FAKE_QUESTIONS.reception}\n\n${FAKE_QUESTIONS.vehicleFollowUp}\n`);
    expect(out).not.toContain(CHAT_PROMPT);
    const answers = out.trimEnd().split("\n\n");
    expect(answers).toHaveLength(2);
    expect(answers[0]?.split("\n").slice(0, 6)).toEqual([
      "3.87 万元",
      "武汉市经济和信息化局2024年度公务接待费支出决算为3.87万元。",
      "口径：2024年度 财政拨款“三公”经费 决算数",
      "核验：✅ 已核验：与情况说明一致",
      "来源：",
      "[1] corpus/2024-wuhan-jingxinju.txt 第440行｜公开09表 财政拨款“三公”经费支出决算表",
    ]);
    expect(answers[1]?.startsWith("28.94 万元\n")).toBe(true);
    expect(engine.calls.map((c) => c.state.topic)).toEqual([null, "公务接待费"]);
  });

  it.each(["exit", "quit", "退出", "EXIT"])("stops at %s", async (word) => {
    const { engine } = await chat(`${FAKE_QUESTIONS.reception}\n${word}\n${FAKE_QUESTIONS.reception}\n`);
    expect(engine.calls).toHaveLength(1);
  });

  it("shows a banner and the 问> prompt when interactive, and says goodbye at end of input", async () => {
    const { out } = await chat(`${FAKE_QUESTIONS.reception}\n`, true);
    expect(out.startsWith("决算问答 — ")).toBe(true);
    expect(out).toContain("武汉市经济和信息化局（2024）");
    expect(out).toContain(`${CHAT_PROMPT}3.87 万元\n`);
    expect(out.endsWith(`${CHAT_PROMPT}\n再见。\n`)).toBe(true);
  });

  it("apologises for a failing question and goes on", async () => {
    const { out } = await chat(`${FAKE_QUESTIONS.boom}\n${FAKE_QUESTIONS.reception}\n`);
    expect(out.startsWith("抱歉，回答这个问题时出错了：engine exploded (token <token>)\n\n3.87 万元\n")).toBe(true);
  });

  it("answers the last line even without a trailing newline", async () => {
    const { engine } = await chat(FAKE_QUESTIONS.reception);
    expect(engine.calls).toHaveLength(1);
  });
});
