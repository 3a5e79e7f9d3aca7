import { createHash } from "node:crypto";
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler, type APIThrottlerOptions } from "@grammyjs/transformer-throttler";
import { Bot, GrammyError, HttpError, MemorySessionStorage, session, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { EMPTY_CONVERSATION, type Engine } from "../answer/types.js";
import type { Config } from "../config.js";
import { AppError } from "../core/errors.js";
import { createLogger, redactText } from "../core/log.js";
import { escapeHtml, renderFactCardHtml, renderSourcesHtml } from "../render/index.js";
import { initialSession, sessionKey, uiLang, type BotContext, type ChatSession } from "./_context.js";
import { installCommands } from "./_commands.js";
import { BOT_MESSAGES } from "./_messages.js";
import { addressedToBot, answerInChat, findSources, replyHtml, replyText, type BotDeps } from "./_reply.js";
import { SOURCES_CALLBACK_PREFIX, SourcesCache } from "./_sources.js";
import { createFileStorage } from "./_storage.js";

/** Options of `createBot`; tests pass `botInfo`, `client.apiRoot` and a faster throttle. */
export interface CreateBotOptions {
  readonly botInfo?: UserFromGetMe;
  readonly client?: NonNullable<BotConfig<BotContext>["client"]>;
  /** Outgoing throttle (default: ≤ 30 msg/s overall, 20/min per group, one message per 350 ms per private chat). */
  readonly throttle?: APIThrottlerOptions;
}

/** Handlers still running per bot, so a stop can wait for in-flight replies. */
export const IN_FLIGHT = new WeakMap<Bot<BotContext>, Set<Promise<unknown>>>();

const DEFAULT_THROTTLE: APIThrottlerOptions = { out: { maxConcurrent: 1, minTime: 350 } };
const INLINE_CACHE_SECONDS = 10;

function clip(s: string, max: number): string {
  const chars = Array.from(s.replace(/\s+/g, " ").trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : chars.join("");
}

/** Builds the Telegram bot around an engine: commands, questions with follow-ups, "来源" buttons, inline cards. */
export function createBot(engine: Engine, config: Config, opts: CreateBotOptions = {}): Bot<BotContext> {
  const token = config.telegram.token;
  if (!token) throw new AppError("internal", "createBot needs config.telegram.token (TELEGRAM_BOT_TOKEN)");
  const log = createLogger("bot");
  const client = { ...(config.telegram.apiRoot ? { apiRoot: config.telegram.apiRoot } : {}), ...opts.client };
  const bot = new Bot<BotContext>(token, { ...(opts.botInfo ? { botInfo: opts.botInfo } : {}), client });
  const deps: BotDeps = { engine, config, sources: new SourcesCache(), log };

  // Outgoing: the throttler spaces calls per chat; auto-retry (outermost) repeats 429s and 5xx.
  bot.api.config.use(apiThrottler(opts.throttle ?? DEFAULT_THROTTLE));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  const inFlight = new Set<Promise<unknown>>();
  IN_FLIGHT.set(bot, inFlight);
  bot.use(async (_ctx, next) => {
    const p = next();
    inFlight.add(p);
    try {
      await p;
    } finally {
      inFlight.delete(p);
    }
  });

  // Incoming: a per-user limit; the notice is sent once per window, further messages are dropped quietly.
  bot.use(
    limit<BotContext, never>({
      timeFrame: config.telegram.rateWindowMs,
      limit: config.telegram.rateLimit,
      keyGenerator: (ctx) => (ctx.message || ctx.editedMessage || ctx.callbackQuery ? ctx.from?.id.toString() : undefined),
      onLimitExceeded: async (ctx) => {
        log.info("rate limited", { user: ctx.from?.id });
        const lang = ctx.from?.language_code?.startsWith("en") ? "en" : "zh";
        try {
          if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: BOT_MESSAGES[lang].rateLimited });
          else if (ctx.chat) await ctx.reply(BOT_MESSAGES[lang].rateLimited);
        } catch (e) {
          log.warn("could not send the rate-limit notice", { error: redactText(String(e)) });
        }
      },
    }),
  );
  bot.use(sequentialize((ctx: BotContext) => sessionKey(ctx)));
  bot.use(
    session<ChatSession, BotContext>({
      initial: initialSession,
      getSessionKey: sessionKey,
      storage: config.sessionDir ? createFileStorage<ChatSession>(config.sessionDir) : new MemorySessionStorage<ChatSession>(),
    }),
  );

  installCommands(bot, deps);

  bot.callbackQuery(new RegExp(`^${SOURCES_CALLBACK_PREFIX}(.+)$`), async (ctx) => {
    const found = findSources(ctx, deps, ctx.match[1] ?? "");
    if (!found) {
      await ctx.answerCallbackQuery({ text: BOT_MESSAGES[uiLang(ctx)].sourcesExpired });
      return;
    }
    await ctx.answerCallbackQuery();
    await replyHtml(ctx, renderSourcesHtml(found.citations, found.lang, { question: found.question }));
  });
  bot.on("callback_query", (ctx) => ctx.answerCallbackQuery());

  bot.on("inline_query", async (ctx) => {
    const q = ctx.inlineQuery.query.trim();
    const lang = uiLang(ctx);
    if (!q) {
      await ctx.answerInlineQuery([], { cache_time: INLINE_CACHE_SECONDS, button: { text: BOT_MESSAGES[lang].inlineHint, start_parameter: "inline" } });
      return;
    }
    const { answer } = await engine.ask(q, { ...EMPTY_CONVERSATION, lang });
    const M = BOT_MESSAGES[answer.lang];
    const refused = answer.kind === "refuse";
    const first = answer.citations[0];
    const title = refused
      ? `${M.inlineNotFound}：${clip(q, 40)}`
      : answer.kind === "number" && answer.value !== null
        ? clip(`${answer.value} ${answer.unit ?? ""} · ${answer.department ?? q}`, 60)
        : clip(answer.text, 60);
    const description = refused ? clip(answer.text, 120) : first ? clip(`${first.file} ${first.table ?? first.section ?? ""}`, 120) : clip(answer.text, 120);
    await ctx.answerInlineQuery(
      [
        {
          type: "article",
          id: createHash("sha256").update(q).digest("hex").slice(0, 32),
          title,
          description,
          input_message_content: { message_text: renderFactCardHtml(answer), parse_mode: "HTML", link_preview_options: { is_disabled: true } },
        },
      ],
      { cache_time: INLINE_CACHE_SECONDS, is_personal: false },
    );
  });

  bot.on(["message:text", "edited_message:text"], async (ctx) => {
    const text = ctx.msg.text;
    if (!addressedToBot(ctx, text)) return;
    if (ctx.msg.entities?.some((e) => e.type === "bot_command" && e.offset === 0)) {
      // An edited command was already answered when it was sent.
      if (!ctx.editedMessage) await replyText(ctx, BOT_MESSAGES[uiLang(ctx)].unknownCommand);
      return;
    }
    await answerInChat(ctx, deps, text);
  });
  // Stickers, photos, voice, documents …: a hint instead of silence (private chats only; groups stay quiet).
  bot.on(["message", "edited_message"], async (ctx) => {
    if (ctx.chat.type === "private") await replyText(ctx, BOT_MESSAGES[uiLang(ctx)].nonText);
  });

  bot.catch(async (e) => {
    const ctx = e.ctx;
    const error = e.error;
    const what = error instanceof GrammyError ? `${error.method}: ${error.description}` : error instanceof HttpError ? error.message : String(error);
    log.error("handler failed", { update: ctx.update.update_id, error: redactText(what) });
    try {
      if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: 0 });
      else {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
        if (ctx.chat) await ctx.reply(escapeHtml(BOT_MESSAGES[sessionLangSafe(ctx)].apology), { parse_mode: "HTML" });
      }
    } catch (e2) {
      log.warn("could not send the apology", { error: redactText(String(e2)) });
    }
  });
  return bot;
}

// The session may be what failed: fall back to Chinese rather than throw inside the error handler.
function sessionLangSafe(ctx: BotContext): "zh" | "en" {
  try {
    return uiLang(ctx);
  } catch {
    return "zh";
  }
}
