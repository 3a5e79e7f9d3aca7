import { CommanderError } from "commander";
import { watchParent } from "../core/lifecycle.js";
import { createProgram, exitCodeOf, EXIT } from "./_program.js";

/** CLI entry: `npm run --silent cli -- <command> …`; the only place (with src/main.ts) that exits. */
async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram((c) => {
    code = c;
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT.usage;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return exitCodeOf(e);
    throw e;
  }
  return code;
}

// No process of ours outlives its parent (an npm killed with SIGKILL, a closed terminal).
watchParent(() => process.exit(EXIT.failure));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e as { code?: string; message?: string };
    process.stderr.write(`错误 error${err.code ? ` [${err.code}]` : ""}: ${err.message ?? String(e)}\n`);
    process.exitCode = EXIT.failure;
  },
);
