/**
 * Time of the audit of one document, warm: the index's way (verified facts at hand, the text
 * parsed again, every rule run) and from the bare file (parse, extract, verify, audit).
 *
 *   npx tsx scripts/bench-audit.ts [FILE…] [--runs N]
 *
 * Without files: the seeds in corpus/ and the documents' .layout.txt beside them.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { auditSource } from "../src/audit/index.js";
import { readSourceFile } from "../src/corpus/index.js";
import { identifyDocument } from "../src/corpus/identity.js";
import { extractFacts } from "../src/facts/index.js";
import { parseDisclosure } from "../src/parse/index.js";
import { verifyFacts } from "../src/verify/index.js";

const USAGE = "usage: npx tsx scripts/bench-audit.ts [FILE…] [--runs N]\n";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const at = args.indexOf("--runs");
  const runs = at >= 0 ? Number(args[at + 1]) : 5;
  const unknown = args.filter((a, i) => a.startsWith("-") && a !== "--runs" && i !== at + 1);
  if (unknown.length > 0 || !(runs >= 1)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let files = args.filter((a, i) => !a.startsWith("-") && !(at >= 0 && i === at + 1));
  if (files.length === 0) {
    const dir = [join("..", "shared", "documents"), join("..", "..", "shared", "documents")].find((d) => existsSync(d));
    files = [...readdirSync("corpus").filter((f) => f.endsWith(".txt")).map((f) => join("corpus", f)), ...(dir ? readdirSync(dir).filter((f) => f.endsWith(".layout.txt") && !f.includes("template")).map((f) => join(dir, f)) : [])];
  }
  process.stdout.write("file                                              lines   audit (facts at hand)   full pipeline\n");
  for (const file of files) {
    const read = readSourceFile(file);
    if (!read.ok) continue;
    const source = read.value;
    const parsed = parseDisclosure(source);
    if (!parsed.ok) continue;
    const id = identifyDocument(parsed.value.meta, source.entry, source.name);
    const facts = verifyFacts(extractFacts(parsed.value, { department: id.department, year: id.year ?? 0 }), [parsed.value]).facts;
    const time = (f: () => void): number => {
      f();
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        f();
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const indexed = time(() => auditSource(source, { facts }));
    const full = time(() => auditSource(source));
    process.stdout.write(`${file.padEnd(50)}${String(parsed.value.lines.length).padStart(6)}${`${indexed.toFixed(0)} ms`.padStart(20)}${`${full.toFixed(0)} ms`.padStart(16)}\n`);
  }
  return 0;
}

process.exitCode = main();
