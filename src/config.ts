import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

const boolish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => v === "1" || v === "true" || v === "yes");

const EnvSchema = z.object({
  JUESUAN_CORPUS: z.string().min(1).default("corpus"),
  JUESUAN_INDEX: z.string().min(1).default("index"),
  JUESUAN_MODEL_DIR: z.string().min(1).optional(),
  JUESUAN_MODEL_SOURCE: z.enum(["local", "hub", "off"]).default("local"),
  JUESUAN_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  JUESUAN_LOG_USER_TEXT: boolish,
  JUESUAN_SESSION_DIR: z.string().min(1).optional(),
  TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
  TELEGRAM_API_ROOT: z.string().url().optional(),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: z.string().min(1).optional(),
  WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
  BOT_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  BOT_RATE_WINDOW_MS: z.coerce.number().int().min(100).default(10_000),
  BOT_START_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  BOT_START_WAIT: boolish,
});

/** The validated, frozen configuration; every default is documented in README. */
export interface Config {
  /** Directory of disclosures (`JUESUAN_CORPUS`, default `corpus`), absolute. */
  readonly corpusDir: string;
  /** Directory of built artefacts (`JUESUAN_INDEX`, default `index`), absolute. */
  readonly indexDir: string;
  /** Model cache outside the clone (`JUESUAN_MODEL_DIR`, default `~/.cache/juesuan/models`). */
  readonly modelDir: string;
  /** Where the embedding model comes from: local cache, Hugging Face hub, or off. */
  readonly modelSource: "local" | "hub" | "off";
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Log users' message text only when explicitly enabled. */
  readonly logUserText: boolean;
  /** Directory for persisted bot sessions; undefined keeps sessions in memory. */
  readonly sessionDir: string | undefined;
  readonly telegram: {
    readonly token: string | undefined;
    readonly apiRoot: string | undefined;
    readonly webhookUrl: string | undefined;
    readonly webhookSecret: string | undefined;
    readonly webhookPort: number;
    readonly rateLimit: number;
    readonly rateWindowMs: number;
    /** How long the start-up getMe may take before the bot gives up (`BOT_START_TIMEOUT_MS`, default 10 s). */
    readonly startTimeoutMs: number;
    /** Retry an unreachable Bot API at start (a line each time) instead of exiting (`BOT_START_WAIT`, default off). */
    readonly startWait: boolean;
  };
}

/** Why the environment was rejected, one line per variable. */
export interface ConfigError {
  readonly code: "config_invalid";
  readonly issues: readonly string[];
}

/** Reads and validates the environment once; the only reader of `process.env`. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): { ok: true; value: Config } | { ok: false; error: ConfigError } {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: "config_invalid",
        issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
      },
    };
  }
  const e = parsed.data;
  const config: Config = {
    corpusDir: resolve(e.JUESUAN_CORPUS),
    indexDir: resolve(e.JUESUAN_INDEX),
    modelDir: resolve(e.JUESUAN_MODEL_DIR ?? join(homedir(), ".cache", "juesuan", "models")),
    modelSource: e.JUESUAN_MODEL_SOURCE,
    logLevel: e.JUESUAN_LOG_LEVEL,
    logUserText: e.JUESUAN_LOG_USER_TEXT,
    sessionDir: e.JUESUAN_SESSION_DIR === undefined ? undefined : resolve(e.JUESUAN_SESSION_DIR),
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      webhookUrl: e.WEBHOOK_URL,
      webhookSecret: e.WEBHOOK_SECRET,
      webhookPort: e.WEBHOOK_PORT,
      rateLimit: e.BOT_RATE_LIMIT,
      rateWindowMs: e.BOT_RATE_WINDOW_MS,
      startTimeoutMs: e.BOT_START_TIMEOUT_MS,
      startWait: e.BOT_START_WAIT,
    },
  };
  return { ok: true, value: Object.freeze(config) };
}
