import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { loadConfig, type Config } from "../config.js";
import { configureLogging } from "../core/log.js";

/** Exit codes of every command and of `npm start` (README "Exit codes"). */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** Could not do it: engine or index unavailable, file or department not found, unreadable input lines, bot start failed. */
  failure: 1,
  /** Usage: unknown command or option, missing or excess argument, invalid value or configuration. */
  usage: 2,
  /** Done, and found problems: `audit` found an error-severity finding; `status`: the index is not ready. */
  findings: 3,
} as const;

/** Lines appended to the top-level help: how to run, and the exit codes. */
export const EXIT_CODES_HELP = `
Exit codes: 0 done · 1 failed (engine/index unavailable, not found, bad input) · 2 usage error
(unknown command/option, missing argument, invalid configuration) · 3 done with findings (audit:
failed identities or conflicts; status: index not ready) · 130/143 interrupted (SIGINT/SIGTERM).`;

function positiveInt(v: string): number {
  if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError("需要正整数 expects a positive integer");
  return Number(v);
}

function year(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError("需要四位年份 expects a year such as 2024");
  return Number(v);
}

// Configuration is read only when a command runs, so `--help` works whatever the environment holds.
function withConfig(run: (config: Config) => Promise<number>): () => Promise<number> {
  return async () => {
    const config = loadConfig();
    if (!config.ok) {
      process.stderr.write(`配置错误 invalid configuration:\n${config.error.issues.map((i) => `  ${i}`).join("\n")}\n`);
      return EXIT.usage;
    }
    configureLogging(config.value.logLevel);
    return run(config.value);
  };
}

/**
 * The CLI: every command with its arguments, options and help. Actions import their module only
 * when they run (fast start-up, no side effects for `--help`) and report their exit code through
 * `setCode`; parse errors throw a CommanderError (see `exitCodeOf`).
 */
export function createProgram(setCode: (code: number) => void): Command {
  const program = new Command("juesuan")
    .description("决算问答 — exact, cited answers about 部门决算公开 (run as: npm run --silent cli -- <command>)")
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", EXIT_CODES_HELP);
  const act = (run: () => Promise<number>) => run().then(setCode);

  program
    .command("inspect")
    .description("show what the parser understood of one disclosure")
    .argument("<file>", "path, or a file name in the corpus directory")
    .option("--json", "machine-readable output")
    .option("--text", "print the text read, line by line (a PDF's with page numbers)")
    .action((file: string, o: { json?: boolean; text?: boolean }) => act(withConfig(async (c) => (await import("./commands/inspect.js")).runInspect(file, { json: o.json === true, text: o.text === true }, c))));

  program
    .command("facts")
    .description("list facts with value, unit, status and citation")
    .option("--dept <name>", "department: name, alias or part of it")
    .option("--year <year>", "year of the disclosure", year)
    .option("--item <text>", "item key, Chinese name or part of a subject")
    .option("--json", "machine-readable output")
    .action((o: { dept?: string; year?: number; item?: string; json?: boolean }) => act(withConfig(async (c) => (await import("./commands/facts.js")).runFacts({ ...o, json: o.json === true }, c))));

  program
    .command("audit")
    .description("audit disclosures against the rule catalogue: cited findings by severity (exit 3 when any finding is an error)")
    .argument("[file]", "a file path, or a corpus file (name, path or id); default all")
    .option("--json", "machine-readable output")
    .option("--md <file>", "also write the Markdown report to this file")
    .addOption(new Option("--lang <lang>", "language of messages").choices(["zh", "en"]).default("zh"))
    .action((file: string | undefined, o: { json?: boolean; md?: string; lang: "zh" | "en" }) =>
      act(withConfig(async (c) => (await import("./commands/audit.js")).runAudit(file, { json: o.json === true, lang: o.lang, ...(o.md ? { md: o.md } : {}) }, c))),
    );

  program
    .command("build-index")
    .description("bring facts, chunks and vectors under the index directory up to date (new or changed documents only), with progress")
    .option("--stale-only", "skip the integrity check of every stored document")
    .option("--force", "re-assemble the index database from the per-document artefacts")
    .action((o: { staleOnly?: boolean; force?: boolean }) =>
      act(withConfig(async (c) => (await import("./commands/build-index.js")).runBuildIndex({ staleOnly: o.staleOnly === true, force: o.force === true }, c))),
    );

  program
    .command("search")
    .description("ranked passages with scores and citations")
    .argument("<query...>", "what to look for")
    .option("--k <n>", "number of passages", positiveInt, 5)
    .addOption(new Option("--mode <mode>", "retrieval mode").choices(["hybrid", "dense", "keyword"]).default("hybrid"))
    .option("--dept <name>", "only this department's passages")
    .option("--json", "machine-readable output")
    .action((words: string[], o: { k: number; mode: "hybrid" | "dense" | "keyword"; dept?: string; json?: boolean }) =>
      act(withConfig(async (c) => (await import("./commands/search.js")).runSearch(words, { ...o, json: o.json === true }, c))),
    );

  program
    .command("ask")
    .description("answer questions, the turns of one conversation (builds the index first when needed)")
    .argument("[turns...]", "问题 then 追问 (a question, then follow-ups)")
    .option("--json", "one JSON object per turn (README: the CLI contract)")
    .option("--jsonl", "read {id, question} JSON lines from stdin, answer each (one process)")
    .action((turns: string[], opts: { json?: boolean; jsonl?: boolean }, cmd: Command) => {
      const o = { json: opts.json === true, jsonl: opts.jsonl === true };
      if (o.jsonl && turns.length > 0) cmd.error("error: --jsonl reads the questions from stdin; give no question arguments", { exitCode: EXIT.usage });
      if (!o.jsonl && turns.length === 0) cmd.error("error: missing question (or --jsonl to read them from stdin)", { exitCode: EXIT.usage });
      return act(withConfig(async (c) => (await import("./commands/ask.js")).runAsk(turns, o, c)));
    });

  program
    .command("chat")
    .description("console chat: ask, follow up, see citations (Ctrl-D, exit or 退出 quits; piped stdin is answered line by line)")
    .action(() => act(withConfig(async (c) => (await import("./commands/chat.js")).runChatCommand(c))));

  program
    .command("status")
    .description("corpus, index (state, age, fingerprint, counts) and model, without building (exit 3 when not ready)")
    .option("--json", "machine-readable output")
    .action((o: { json?: boolean }) => act(withConfig(async (c) => (await import("./commands/status.js")).runStatus({ json: o.json === true }, c))));

  return program;
}

/** The exit code for a commander parse outcome: 0 after help asked for (or the version), else a usage error. */
export function exitCodeOf(e: CommanderError): number {
  const help = e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help";
  return help && e.exitCode === 0 ? EXIT.ok : EXIT.usage;
}
