import { createBot, startBot } from "./bot/index.js";
import { runChat } from "./cli/commands/chat.js";
import { loadConfig } from "./config.js";
import { configureLogging, createLogger } from "./core/log.js";
import { createEngine } from "./engine/index.js";

/**
 * `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, else the console chat. Builds the
 * index first when it is missing or stale (progress on stderr). With src/cli/main.ts, the only
 * place that exits.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.ok) {
    process.stderr.write(`配置错误 invalid configuration:\n${config.error.issues.map((i) => `  ${i}`).join("\n")}\n`);
    return 2;
  }
  configureLogging(config.value.logLevel);
  const engine = await createEngine(config.value, { onProgress: (msg) => process.stderr.write(`${msg}\n`) });
  if (!engine.ok) {
    process.stderr.write(`无法启动问答引擎 engine unavailable [${engine.error.code}]: ${engine.error.message}\n`);
    return 1;
  }
  if (!config.value.telegram.token) {
    await runChat(engine.value, process.stdin, process.stdout);
    return 0;
  }

  const log = createLogger("main");
  const bot = createBot(engine.value, config.value);
  const started = await startBot(bot, config.value);
  if (!started.ok) {
    process.stderr.write(`机器人启动失败 bot failed to start: ${started.error.message}\n`);
    return 1;
  }
  const running = started.value;
  return new Promise<number>((resolve) => {
    let signalled = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (signalled) {
        // A second Ctrl-C means "now".
        resolve(130);
        return;
      }
      signalled = true;
      log.info("stopping: finishing in-flight replies", { signal });
      running.stop().then(
        () => resolve(0),
        () => resolve(1),
      );
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    running.done.then(
      () => {
        if (!signalled) resolve(0);
      },
      (e: unknown) => {
        log.error("bot stopped", { error: e instanceof Error ? e.message : String(e) });
        resolve(1);
      },
    );
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    process.stderr.write(`错误 error${err.code ? ` [${err.code}]` : ""}: ${err.message ?? String(e)}\n`);
    process.exit(1);
  },
);
