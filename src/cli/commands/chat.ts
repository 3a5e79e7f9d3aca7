import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { EMPTY_CONVERSATION, type ConversationState, type Engine } from "../../answer/types.js";
import type { Config } from "../../config.js";
import { redactText } from "../../core/log.js";
import { renderAnswerPlain } from "../../render/index.js";

/** The console prompt. */
export const CHAT_PROMPT = "问> ";
const QUIT = new Set(["exit", "quit", "退出", ":q"]);

/** Options of `runChat`. */
export interface ChatOptions {
  /** Show the banner and prompts (default: when both streams are terminals). */
  readonly interactive?: boolean;
}

function isTty(s: Readable | Writable): boolean {
  return (s as { isTTY?: boolean }).isTTY === true;
}

function banner(engine: Engine): string {
  const depts = engine.departments();
  const names = depts.map((d) => `${d.name}（${d.years.join("、")}）`).join("\n  ");
  const semantic = engine.status().semantic ? "语义检索已开启" : "语义检索未开启，仅用关键词检索";
  const first = depts[0];
  const short = first ? ([...first.aliases].filter((a) => /[\u3400-\u9fff]/.test(a) && !/[a-z]/i.test(a)).sort((a, b) => a.length - b.length)[0] ?? first.name) : "某部门";
  return [
    "决算问答 — 数字取自决算公开原文，附核验状态和出处。",
    depts.length ? `收录：\n  ${names}` : "语料中还没有部门。",
    `${semantic}。可以追问，例如先问“${short}公务接待费多少”，再问“那公务用车呢？”。`,
    "输入 exit / quit / 退出 或按 Ctrl-D 结束。",
    "",
  ].join("\n");
}

/**
 * Console chat: reads questions line by line from `input`, answers each with `engine.ask` (keeping
 * the conversation for follow-ups) and writes plain-text replies with citations to `output`.
 * Interactive use shows a banner and the `问> ` prompt; piped input gets bare answers. Resolves at
 * end of input or on exit / quit / 退出.
 */
export async function runChat(engine: Engine, input: Readable, output: Writable, opts: ChatOptions = {}): Promise<void> {
  const interactive = opts.interactive ?? (isTty(input) && isTty(output));
  const rl = createInterface({ input, ...(interactive && isTty(input) ? { output, terminal: true } : { terminal: false }) });
  const write = (s: string): void => {
    output.write(s);
  };
  const prompt = (): void => {
    if (interactive) write(CHAT_PROMPT);
  };
  if (interactive) write(banner(engine));
  prompt();
  let state: ConversationState = EMPTY_CONVERSATION;
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) break;
      if (!line) {
        prompt();
        continue;
      }
      try {
        const { answer, state: next } = await engine.ask(line, state);
        state = next;
        write(`${renderAnswerPlain(answer)}\n\n`);
      } catch (e) {
        // One failed question must not end the session.
        write(`抱歉，回答这个问题时出错了：${redactText(e instanceof Error ? e.message : String(e))}\n\n`);
      }
      prompt();
    }
  } finally {
    rl.close();
  }
  if (interactive) write("\n再见。\n");
}

/** `chat`: the interactive console chat (builds the index first when missing or stale). */
export async function runChatCommand(config: Config): Promise<number> {
  // Loaded on use: only chat (and ask) need the whole pipeline.
  const { openEngine } = await import("../_engine.js");
  const engine = await openEngine(config);
  if (engine === null) return 1;
  await runChat(engine, process.stdin, process.stdout);
  return 0;
}
