import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { Config } from "../config.js";
import { createLogger, redactText } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";
import type { BotContext } from "./_context.js";
import { commandMenu } from "./_commands.js";
import { IN_FLIGHT } from "./_create.js";

const log = createLogger("bot");

const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query"] as const;
const STOP_GRACE_MS = 30_000;

/** Why the bot could not start (bad token, unreachable API, port in use). */
export interface BotStartError {
  readonly code: "bot_start_failed";
  readonly message: string;
}

/** A started bot: how it receives updates, and how to stop it. */
export interface RunningBot {
  readonly mode: "polling" | "webhook";
  /** The webhook server's port (webhook mode), else null. */
  readonly port: number | null;
  /** Resolves when the bot stops; rejects when polling crashed (e.g. the token was revoked). */
  readonly done: Promise<void>;
  /** Stops receiving updates, waits for in-flight replies (at most 30 s), then resolves. */
  stop(): Promise<void>;
}

/** Options of `startBot`. */
export interface StartBotOptions {
  /** Long-poll timeout in seconds (default 30; tests use 1). */
  readonly pollTimeoutSeconds?: number;
  /** Overrides `config.telegram.webhookPort` (0 picks a free port). */
  readonly webhookPort?: number;
  /** Host the webhook server binds (default all interfaces). */
  readonly webhookHost?: string;
  /** Extra fields of the webhook server's `GET /health` answer (e.g. the engine's counts). */
  readonly health?: () => Record<string, unknown>;
}

/** Deadline of each start-up call (getMe, setMyCommands, deleteWebhook, setWebhook): a silent API must not hang the start. */
const START_CALL_MS = 15_000;

// grammY types signals with its AbortSignal shim; Node's own is what it uses at run time.
type ApiSignal = Parameters<Bot<BotContext>["init"]>[0];
const deadline = (): ApiSignal => AbortSignal.timeout(START_CALL_MS) as ApiSignal;

function describe(e: unknown): string {
  return redactText(e instanceof Error ? e.message : String(e));
}

async function drain(bot: Bot<BotContext>): Promise<void> {
  const pending = IN_FLIGHT.get(bot);
  if (!pending || pending.size === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      log.warn("stop: gave up waiting for in-flight replies", { pending: pending.size });
      resolve();
    }, STOP_GRACE_MS);
  });
  await Promise.race([Promise.allSettled([...pending]).then(() => undefined), timeout]);
  clearTimeout(timer);
}

/**
 * Starts the bot: checks the token (getMe), registers the command menu, then long-polls through
 * grammY's runner — or, when `config.telegram.webhookUrl` is set, serves a webhook with a secret token.
 */
export async function startBot(bot: Bot<BotContext>, config: Config, opts: StartBotOptions = {}): Promise<Result<RunningBot, BotStartError>> {
  try {
    await bot.init(deadline());
  } catch (e) {
    return err({ code: "bot_start_failed", message: `getMe failed: ${describe(e)}` });
  }
  try {
    await bot.api.setMyCommands(commandMenu("zh"), undefined, deadline());
    await bot.api.setMyCommands(commandMenu("en"), { language_code: "en" }, deadline());
  } catch (e) {
    log.warn("setMyCommands failed; continuing", { error: describe(e) });
  }
  return config.telegram.webhookUrl ? startWebhook(bot, config, config.telegram.webhookUrl, opts) : startPolling(bot, opts);
}

async function startPolling(bot: Bot<BotContext>, opts: StartBotOptions): Promise<Result<RunningBot, BotStartError>> {
  try {
    await bot.api.deleteWebhook(undefined, deadline());
  } catch (e) {
    log.warn("deleteWebhook failed; continuing", { error: describe(e) });
  }
  const runner: RunnerHandle = run(bot, {
    runner: { fetch: { timeout: opts.pollTimeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES }, silent: true },
  });
  log.info("polling", { username: bot.botInfo.username });
  // `done` is for callers who care; an unobserved crash must not become an unhandled rejection.
  let stopping: Promise<void> | undefined;
  const done = (runner.task() ?? Promise.resolve()).then(
    () => undefined,
    (e: unknown) => {
      throw new Error(`polling stopped: ${describe(e)}`);
    },
  );
  done.catch(() => undefined);
  return ok({
    mode: "polling",
    port: null,
    done,
    stop() {
      stopping ??= (async () => {
        if (runner.isRunning()) await runner.stop();
        await drain(bot);
        log.info("stopped");
      })();
      return stopping;
    },
  });
}

async function startWebhook(bot: Bot<BotContext>, config: Config, url: string, opts: StartBotOptions): Promise<Result<RunningBot, BotStartError>> {
  const secret = config.telegram.webhookSecret ?? randomBytes(24).toString("hex");
  const path = new URL(url).pathname;
  const handle = webhookCallback(bot, "http", { secretToken: secret, onTimeout: "return", timeoutMilliseconds: 25_000 });
  const started = Date.now();
  const server: Server = createServer((req, res) => {
    const reqPath = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && reqPath === "/health") {
      const body = { ok: true, mode: "webhook", bot: bot.botInfo.username, uptimeSeconds: Math.round((Date.now() - started) / 1000), inFlight: IN_FLIGHT.get(bot)?.size ?? 0, ...opts.health?.() };
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(body));
      return;
    }
    if (req.method !== "POST" || reqPath !== path) {
      res.writeHead(404).end();
      return;
    }
    handle(req, res).catch((e: unknown) => {
      log.error("webhook request failed", { error: describe(e) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const port = opts.webhookPort ?? config.telegram.webhookPort;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, opts.webhookHost, () => resolve());
    });
  } catch (e) {
    const inUse = (e as NodeJS.ErrnoException).code === "EADDRINUSE";
    return err({ code: "bot_start_failed", message: inUse ? `webhook 端口 port ${port} 已被占用 is already in use: set WEBHOOK_PORT or stop the process holding it` : `webhook server: ${describe(e)}` });
  }
  const address = server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  try {
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES }, deadline());
  } catch (e) {
    server.close();
    return err({ code: "bot_start_failed", message: `setWebhook failed: ${describe(e)}` });
  }
  log.info("webhook", { username: bot.botInfo.username, port: actualPort, path });
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  let stopping: Promise<void> | undefined;
  return ok({
    mode: "webhook",
    port: actualPort,
    done,
    stop() {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await drain(bot);
        log.info("stopped");
        resolveDone();
      })();
      return stopping;
    },
  });
}

/** Stops a running bot gracefully (same as `running.stop()`). */
export async function stopBot(running: RunningBot): Promise<void> {
  await running.stop();
}
