import { loadConfig } from "../config.js";
import { configureLogging } from "../core/log.js";
import { COMMANDS, type CommandName } from "./commands/index.js";
import { renderUsage } from "./_usage.js";

/** CLI entry: `npm run --silent cli -- <command> …`; the only place (with src/main.ts) that exits. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(renderUsage());
    return name === undefined ? 2 : 0;
  }
  if (!(name in COMMANDS)) {
    process.stderr.write(`未知命令 unknown command: ${name}\n\n${renderUsage()}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.ok) {
    process.stderr.write(`配置错误 invalid configuration:\n${config.error.issues.map((i) => `  ${i}`).join("\n")}\n`);
    return 2;
  }
  configureLogging(config.value.logLevel);
  const command = await COMMANDS[name as CommandName].load();
  return command.run(rest, config.value);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    process.stderr.write(`错误 error${err.code ? ` [${err.code}]` : ""}: ${err.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
