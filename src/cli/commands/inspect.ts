import type { Command } from "./index.js";

/** `inspect <file> [--json]`: the parsed structure of one disclosure (filled in by the parser work). */
export const inspectCommand: Command = {
  summary: "show what the parser understood of one disclosure",
  usage: "inspect <file> [--json]",
  async run() {
    process.stderr.write("inspect: not built yet\n");
    return 1;
  },
};
