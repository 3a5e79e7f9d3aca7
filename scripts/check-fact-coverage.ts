/**
 * Fact coverage against a question file: for every `number` question whose answer is one stated
 * figure, is there a fact in the right document with the gold value (decimal-equal), unit, and a
 * line equal to the gold line or one of its also_at lines? Questions tagged derived / sum /
 * difference / rank are computed from several facts and are skipped. Prints the misses (with near
 * candidates) and a summary.
 *
 *   npx tsx scripts/check-fact-coverage.ts [path/to/questions.jsonl] [--all] [--strict]
 */
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { sameValue } from "../src/core/money.js";
import { factsFromCorpus } from "../src/facts/from-corpus.js";

interface Question {
  id: string;
  question: string | string[];
  kind: string;
  answer: { value: string; unit: string } | null;
  source: { file: string; line: number };
  also_at?: { file: string; line: number }[];
  tags?: string[];
}

const COMPUTED = new Set(["derived", "sum", "difference", "rank"]);

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith("--")) ?? "/work/shared/eval/dev.jsonl";
const showAll = args.includes("--all");
// --strict: also list every also_at line that has no matching fact (for finding extraction gaps).
const strict = args.includes("--strict");
const config = loadConfig();
if (!config.ok) {
  process.stderr.write(`config: ${config.error.issues.join("; ")}\n`);
  process.exit(2);
}
const { store, documents } = factsFromCorpus(config.value);
const questions = readFileSync(path, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Question)
  .filter((q) => q.kind === "number" && q.answer);
const stated = questions.filter((q) => !(q.tags ?? []).some((t) => COMPUTED.has(t)));

let hits = 0;
for (const q of stated) {
  const gold = q.answer as { value: string; unit: string };
  const doc = documents.find((d) => d.entry?.source === q.source.file || d.file.name === q.source.file);
  const lines = new Set([q.source.line, ...(q.also_at ?? []).filter((a) => a.file === q.source.file).map((a) => a.line)]);
  const facts = store.facts.filter((f) => f.doc === doc?.doc.id);
  // 增减/增长率 facts are signed (减少 → negative); the text states the magnitude, kept in source.raw.
  const states = (f: (typeof facts)[number]): boolean =>
    sameValue(f.value, gold.value) || ((f.measure === "增减" || f.measure === "增长率") && sameValue(f.value.replace(/^-/, ""), gold.value));
  const hit = facts.find((f) => states(f) && f.unit === gold.unit && lines.has(f.source.line));
  const text = Array.isArray(q.question) ? q.question[q.question.length - 1] : q.question;
  if (strict) {
    const missing = [...lines].filter((l) => !facts.some((f) => states(f) && f.unit === gold.unit && f.source.line === l));
    if (missing.length > 0) process.stdout.write(`  gap ${q.id} ${gold.value}${gold.unit}: no fact at line(s) ${missing.join(", ")}\n`);
  }
  if (hit) {
    hits += 1;
    if (showAll) process.stdout.write(`ok   ${q.id} ${text} → ${hit.subject} ${hit.measure} ${hit.value}${hit.unit} L${hit.source.line} [${hit.status}]\n`);
    continue;
  }
  process.stdout.write(`MISS ${q.id} ${text} gold ${gold.value}${gold.unit} at ${[...lines].join("/")} (${doc?.doc.id ?? "no document"})\n`);
  const near = facts.filter((f) => lines.has(f.source.line) || sameValue(f.value, gold.value)).slice(0, 8);
  for (const f of near) process.stdout.write(`       near: L${f.source.line} ${f.subject} ${f.measure} ${f.value}${f.unit} [${f.status}]\n`);
}
process.stdout.write(
  `\n${hits}/${stated.length} number questions with a stated answer have a matching fact (${stated.length - hits} misses; ${questions.length - stated.length} computed questions skipped)\n`,
);
