import type { Context, SessionFlavor } from "grammy";
import type { Citation, ConversationState, Lang } from "../answer/types.js";
import { EMPTY_CONVERSATION } from "../answer/types.js";

/** The citations of the last answer in a chat, for /sources and the "来源" button. */
export interface LastSources {
  readonly id: string;
  readonly question: string;
  readonly lang: Lang;
  readonly citations: readonly Citation[];
}

/** What the bot keeps per chat (JSON-serialisable; persisted by the file adapter when configured). */
export interface ChatSession {
  conversation: ConversationState;
  /** Interface language chosen with /lang; null follows the last question's language. */
  lang: Lang | null;
  last: LastSources | null;
}

/** The bot's context type. */
export type BotContext = Context & SessionFlavor<ChatSession>;

/** A fresh chat session. */
export function initialSession(): ChatSession {
  return { conversation: EMPTY_CONVERSATION, lang: null, last: null };
}

/** Session key: one conversation per chat; updates without a chat (inline queries) have none. */
export function sessionKey(ctx: Omit<Context, "session">): string | undefined {
  return ctx.chat?.id.toString();
}

/** The language the bot's own wording uses in this chat. */
export function uiLang(ctx: BotContext): Lang {
  const key = sessionKey(ctx);
  if (key === undefined) return ctx.from?.language_code?.startsWith("en") ? "en" : "zh";
  return ctx.session.lang ?? ctx.session.conversation.lang;
}
