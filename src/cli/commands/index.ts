import type { Config } from "../../config.js";

/** A CLI command: parses its own arguments, prints, and returns the exit code. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], config: Config): Promise<number>;
}

/** A registered command: its help line, and its module loaded only when it runs (fast start-up). */
export interface CommandEntry {
  readonly summary: string;
  readonly usage: string;
  load(): Promise<Command>;
}

/** Every CLI command by name. */
export const COMMANDS = {
  inspect: {
    summary: "show what the parser understood of one disclosure",
    usage: "inspect <file> [--json]",
    load: async () => (await import("./inspect.js")).inspectCommand,
  },
  facts: {
    summary: "list facts with value, unit, status and citation",
    usage: "facts [--dept NAME] [--year N] [--item TEXT] [--json]",
    load: async () => (await import("./facts.js")).factsCommand,
  },
  audit: {
    summary: "consistency report: failed identities, conflicts, repairs",
    usage: "audit [FILE] [--json]",
    load: async () => (await import("./audit.js")).auditCommand,
  },
  "build-index": {
    summary: "(re)build facts, chunks and vectors under the index directory",
    usage: "build-index [--stale-only]",
    load: async () => (await import("./build-index.js")).buildIndexCommand,
  },
  search: {
    summary: "ranked passages with scores and citations",
    usage: 'search "<query>" [--k N] [--mode hybrid|dense|keyword] [--dept NAME] [--json]',
    load: async () => (await import("./search.js")).searchCommand,
  },
  ask: {
    summary: "answer questions (turns of one conversation); builds the index first when needed",
    usage: 'ask [--json] "问题" ["追问" …]  |  ask --jsonl < questions.jsonl',
    load: async () => (await import("./ask.js")).askCommand,
  },
  chat: {
    summary: "interactive console chat (plain-text citations)",
    usage: "chat",
    load: async () => (await import("./chat.js")).chatCommand,
  },
} as const satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof COMMANDS;
