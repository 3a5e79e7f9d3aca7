import type { Config } from "../../config.js";
import { chatCommand } from "./chat.js";
import { inspectCommand } from "./inspect.js";

/** A CLI command: parses its own arguments, prints, and returns the exit code. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], config: Config): Promise<number>;
}

/** Every CLI command by name. */
export const COMMANDS = {
  inspect: inspectCommand,
  chat: chatCommand,
} as const satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
