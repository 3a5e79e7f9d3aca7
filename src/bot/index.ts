export { createBot, type CreateBotOptions } from "./_create.js";
export { startBot, stopBot, type BotStartError, type RunningBot, type StartBotOptions } from "./_run.js";
export { createFileStorage } from "./_storage.js";
export { preflightBot, probePort, type PreflightError, type PreflightOptions } from "./_preflight.js";
export { BOT_COMMANDS, BOT_MESSAGES } from "./_messages.js";
export type { BotContext, ChatSession, LastSources } from "./_context.js";
