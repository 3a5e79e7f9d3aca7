import { COMMANDS } from "./commands/index.js";

/** The CLI's help text. */
export function renderUsage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}\n  ${" ".repeat(12)} ${c.usage}`);
  return `juesuan 决算问答\n\nusage: npm run --silent cli -- <command> [options]\n\n${lines.join("\n")}\n`;
}
