import { InlineKeyboard } from "grammy";
import type { Answer, Citation, DepartmentInfo, Engine, Lang } from "../answer/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../core/log.js";
import { escapeHtml, renderAnswerHtml } from "../render/index.js";
import { sessionKey, type BotContext, type ChatSession } from "./_context.js";
import { BOT_MESSAGES } from "./_messages.js";
import { SOURCES_CALLBACK_PREFIX, type SourcesCache } from "./_sources.js";

/** What the handlers share. */
export interface BotDeps {
  readonly engine: Engine;
  readonly config: Config;
  readonly sources: SourcesCache;
  readonly log: Logger;
}

/** The chat's session, or undefined for updates without a chat (inline queries). */
export function chatSession(ctx: BotContext): ChatSession | undefined {
  return sessionKey(ctx) === undefined ? undefined : ctx.session;
}

/** Sends HTML parts in order; the keyboard goes on the last part, the reply reference on the first (groups only). */
export async function replyHtml(ctx: BotContext, parts: readonly string[], markup?: InlineKeyboard): Promise<void> {
  const replyTo = ctx.chat?.type !== "private" ? ctx.msg?.message_id : undefined;
  for (const [i, text] of parts.entries()) {
    await ctx.reply(text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === parts.length - 1 && markup ? { reply_markup: markup } : {}),
      ...(i === 0 && replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
}

/** Sends one fixed message (already HTML, or escaped here when `plain`). */
export async function replyText(ctx: BotContext, text: string, plain = true): Promise<void> {
  await replyHtml(ctx, [plain ? escapeHtml(text) : text]);
}

// "@juesuan_bot 经信局…" in a group: the mention is addressing, not part of the question.
function stripMention(text: string, username: string): string {
  return text.replace(new RegExp(`@${username}\\b`, "gi"), " ").trim();
}

/** Whether a group message is meant for the bot (private chats always are). */
export function addressedToBot(ctx: BotContext, text: string): boolean {
  if (ctx.chat?.type === "private") return true;
  if (new RegExp(`@${ctx.me.username}\\b`, "i").test(text)) return true;
  return ctx.msg?.reply_to_message?.from?.id === ctx.me.id;
}

/** Answers one question in a chat: engine.ask with the chat's conversation, HTML reply with a "来源" button. */
export async function answerInChat(ctx: BotContext, deps: BotDeps, text: string): Promise<void> {
  const session = ctx.session;
  const question = stripMention(text, ctx.me.username);
  if (!question) {
    await replyText(ctx, BOT_MESSAGES[session.lang ?? session.conversation.lang].emptyQuestion);
    return;
  }
  // The typing hint is cosmetic: never let it fail or delay the answer. Groups skip it, since
  // the throttler spaces group messages by a second and it would hold the answer back.
  if (ctx.chat?.type === "private") ctx.replyWithChatAction("typing").catch(() => undefined);
  const started = Date.now();
  const state = session.lang !== null ? { ...session.conversation, lang: session.lang } : session.conversation;
  const { answer, state: next } = await deps.engine.ask(question, state);
  session.conversation = next;
  deps.log.info("answered", {
    chat: ctx.chat?.id,
    kind: answer.kind,
    status: answer.status,
    error: answer.error?.code ?? null,
    ms: Date.now() - started,
    ...(deps.config.logUserText ? { question } : {}),
  });
  await replyHtml(ctx, renderAnswerHtml(answer), rememberSources(ctx, deps, answer));
}

function rememberSources(ctx: BotContext, deps: BotDeps, answer: Answer): InlineKeyboard | undefined {
  if (answer.kind === "refuse" || answer.citations.length === 0) {
    ctx.session.last = null;
    return undefined;
  }
  const entry = { id: deps.sources.newId(), question: answer.question, lang: answer.lang, citations: answer.citations };
  deps.sources.put(entry);
  ctx.session.last = entry;
  return new InlineKeyboard().text(BOT_MESSAGES[answer.lang].sourcesButton, `${SOURCES_CALLBACK_PREFIX}${entry.id}`);
}

/** Citations behind a "来源" button: the chat's last answer, else the LRU. */
export function findSources(ctx: BotContext, deps: BotDeps, id: string): { citations: readonly Citation[]; lang: Lang; question: string } | undefined {
  const last = chatSession(ctx)?.last;
  if (last && last.id === id) return last;
  return deps.sources.get(id);
}

/** Short, human names for a department: its shortest Chinese aliases. */
export function shortNames(d: DepartmentInfo, n: number): string[] {
  return d.aliases
    .filter((a) => /[\u3400-\u9fff]/.test(a) && !/[a-z]/i.test(a) && a !== d.name)
    .slice()
    .sort((a, b) => a.length - b.length)
    .slice(0, n);
}
