import { createServer } from "node:net";
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Config } from "../config.js";
import { redactText } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";

/** Why the bot cannot start: the token was refused, the Bot API did not answer, or the webhook port is taken. */
export interface PreflightError {
  readonly code: "token_rejected" | "api_unreachable" | "port_in_use";
  /** One line for people, Chinese first; never the token. */
  readonly message: string;
}

/** Options of `preflightBot`. */
export interface PreflightOptions {
  /** How long one getMe may take (default `config.telegram.startTimeoutMs`). */
  readonly timeoutMs?: number;
  /** Keep retrying an unreachable Bot API (a refused token never is), saying so each time. */
  readonly wait?: boolean;
  /** Pause between retries (default 5 s). */
  readonly retryMs?: number;
  /** Called before each retry with the reason. */
  readonly onRetry?: (line: string) => void;
  /** Stops the retries (shutdown). */
  readonly signal?: AbortSignal;
  /** Host the webhook port is probed on (default all interfaces, as the server binds). */
  readonly webhookHost?: string;
}

const DEFAULT_API_ROOT = "https://api.telegram.org";

// Request URLs carry the token (/bot<token>/getMe): never let it reach a message.
function hideToken(s: string): string {
  return redactText(s).replace(/\/bot[^/\s]+\//g, "/bot<token>/");
}

function describe(e: unknown): string {
  if (e instanceof GrammyError) return `${e.error_code} ${e.description}`;
  if (e instanceof HttpError) {
    const cause = e.error instanceof Error ? (e.error.cause instanceof Error ? e.error.cause.message : e.error.message) : String(e.error);
    return hideToken(cause || e.message);
  }
  return hideToken(e instanceof Error ? e.message : String(e));
}

/** One getMe with a deadline: the bot's identity, or why not. */
async function getMe(config: Config, timeoutMs: number): Promise<Result<UserFromGetMe, PreflightError>> {
  const token = config.telegram.token ?? "";
  const root = config.telegram.apiRoot ?? DEFAULT_API_ROOT;
  const api = new Api(token, { apiRoot: root, timeoutSeconds: Math.ceil(timeoutMs / 1000) + 1 });
  try {
    // grammY types signals with its AbortSignal shim; Node's own is what it uses at run time.
    return ok(await api.getMe(AbortSignal.timeout(timeoutMs) as Parameters<Api["getMe"]>[0]));
  } catch (e) {
    if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 403)) {
      return err({ code: "token_rejected", message: `Bot API 拒绝了令牌 the Bot API at ${root} rejected TELEGRAM_BOT_TOKEN (${describe(e)})` });
    }
    if (e instanceof GrammyError) {
      // A 404 on getMe means the URL is not a Bot API (a wrong TELEGRAM_API_ROOT) or the token is malformed.
      const hint = e.error_code === 404 ? "; is TELEGRAM_API_ROOT a Bot API server, and the token complete?" : "";
      return err({ code: "api_unreachable", message: `Bot API 拒绝了请求 the Bot API at ${root} answered getMe with ${describe(e)}${hint}` });
    }
    const timedOut = e instanceof HttpError && /abort|timeout/i.test(describe(e));
    return err({
      code: "api_unreachable",
      message: timedOut
        ? `无法连接 Bot API the Bot API at ${root} did not answer getMe within ${(timeoutMs / 1000).toFixed(0)} s`
        : `无法连接 Bot API cannot reach the Bot API at ${root}: ${describe(e)}`,
    });
  }
}

/** Whether `port` can be listened on now (the webhook server binds it later). */
export async function probePort(port: number, host?: string): Promise<Result<void, PreflightError>> {
  if (port === 0) return ok(undefined);
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (e: NodeJS.ErrnoException) => {
      const why = e.code === "EADDRINUSE" ? "已被占用 is already in use" : e.code === "EACCES" ? "无权限 needs privileges" : (e.code ?? e.message);
      resolve(err({ code: "port_in_use", message: `webhook 端口 port ${port} ${why}: set WEBHOOK_PORT or stop the process holding it` }));
    });
    server.listen(port, host, () => server.close(() => resolve(ok(undefined))));
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/**
 * Checks, before anything slow, that the bot can start: the token is accepted (getMe with a
 * deadline) and, in webhook mode, the port is free. Fails fast with one line; with `wait`, an
 * unreachable API is retried (a line each time) until it answers or `signal` aborts.
 */
export async function preflightBot(config: Config, opts: PreflightOptions = {}): Promise<Result<UserFromGetMe, PreflightError>> {
  if (config.telegram.webhookUrl) {
    const port = await probePort(config.telegram.webhookPort, opts.webhookHost);
    if (!port.ok) return port;
  }
  const timeoutMs = opts.timeoutMs ?? config.telegram.startTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    const me = await getMe(config, timeoutMs);
    if (me.ok || me.error.code !== "api_unreachable" || !opts.wait || opts.signal?.aborted) return me;
    opts.onRetry?.(`${me.error.message}; 重试 retrying in ${((opts.retryMs ?? 5000) / 1000).toFixed(0)} s (attempt ${attempt})`);
    await sleep(opts.retryMs ?? 5000, opts.signal);
    if (opts.signal?.aborted) return me;
  }
}
