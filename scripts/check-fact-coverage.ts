/**
 * Fact coverage, two ways.
 *
 * Without gold (default): for each disclosure, the share of numeric tokens that belong to a fact
 * stated on their line, dates, page numbers, 科目编码, list/column numbers and identifiers
 * excluded; per zone (narrative paragraphs, tables, other lines) and with every uncovered token
 * listed with its line.
 *
 *   npx tsx scripts/check-fact-coverage.ts [FILE|DIR ...] [--quiet] [--excluded]
 *
 * With no FILE the configured corpus is measured. --quiet prints the summary only; --excluded also
 * lists the excluded tokens with their reasons.
 *
 * Against a question file (a .jsonl argument): for every `number` question whose answer is one
 * stated figure, is there a fact in the right document with the gold value, unit and line?
 *
 *   npx tsx scripts/check-fact-coverage.ts path/to/questions.jsonl [--all] [--strict]
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { sameValue } from "../src/core/money.js";
import { readSourceFile } from "../src/corpus/index.js";
import { identifyDocument } from "../src/corpus/identity.js";
import { coverageShare, measureCoverage, spacingRepaired, type Coverage } from "../src/facts/coverage.js";
import { factsFromCorpus } from "../src/facts/from-corpus.js";
import { extractFacts } from "../src/facts/index.js";
import { parseDisclosure } from "../src/parse/index.js";
import type { Disclosure } from "../src/parse/types.js";

const args = process.argv.slice(2);
const gold = args.find((a) => a.endsWith(".jsonl"));
if (gold) checkGold(gold);
else checkTokens(args.filter((a) => !a.startsWith("--")));

function checkTokens(paths: readonly string[]): void {
  const quiet = args.includes("--quiet");
  const listExcluded = args.includes("--excluded");
  const docs: { doc: Disclosure; department: string; year: number | null }[] = [];
  const files = paths.length > 0 ? paths.flatMap(expand) : null;
  if (files) {
    for (const path of files) {
      const file = readSourceFile(path);
      if (!file.ok) {
        process.stderr.write(`${path}: ${file.error.code}\n`);
        continue;
      }
      const parsed = parseDisclosure(file.value);
      if (!parsed.ok) {
        process.stderr.write(`${path}: ${parsed.error.code}\n`);
        continue;
      }
      const id = identifyDocument(parsed.value.meta, file.value.entry, file.value.name);
      docs.push({ doc: parsed.value, department: id.department, year: id.year });
    }
  } else {
    const config = loadConfig();
    if (!config.ok) {
      process.stderr.write(`config: ${config.error.issues.join("; ")}\n`);
      process.exit(2);
    }
    for (const d of factsFromCorpus(config.value).documents) docs.push({ doc: d.doc, department: d.department, year: d.year });
  }
  const rows: string[] = [];
  for (const { doc, department, year } of docs) {
    const facts = year === null ? [] : extractFacts(doc, { department, year });
    const c = measureCoverage(doc, facts);
    if (!quiet) printDetails(doc, c, listExcluded);
    rows.push(summaryRow(c));
  }
  process.stdout.write(`\ncoverage of numeric tokens by facts (all / narrative / table / other):\n${rows.join("\n")}\n`);
}

function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.txt$/.test(f))
    .sort()
    .map((f) => join(path, f));
}

function summaryRow(c: Coverage): string {
  const cell = (zone?: "narrative" | "table" | "other"): string => {
    const s = coverageShare(c, zone);
    return s.total === 0 ? "     -        " : `${(s.share * 100).toFixed(1).padStart(5)}% ${`${s.covered}/${s.total}`.padEnd(9)}`;
  };
  return `  ${c.doc.padEnd(40)} ${cell()} ${cell("narrative")} ${cell("table")} ${cell("other")}`;
}

function printDetails(doc: Disclosure, c: Coverage, listExcluded: boolean): void {
  const missed = c.figures.filter((f) => !f.covered);
  process.stdout.write(`\n== ${doc.id}: ${missed.length} uncovered of ${c.figures.length} figures (${c.excluded.length} tokens excluded)\n`);
  for (const t of missed) process.stdout.write(`  L${t.line} [${t.zone}] ${t.raw}\t${around(doc.lines[t.line - 1] ?? "", t.col, t.raw.length)}\n`);
  if (!listExcluded) return;
  const byReason = new Map<string, string[]>();
  for (const t of c.excluded) byReason.set(t.reason, [...(byReason.get(t.reason) ?? []), `L${t.line}:${t.raw}`]);
  for (const [reason, ts] of byReason) process.stdout.write(`  excluded ${reason} (${ts.length}): ${ts.slice(0, 40).join(" ")}${ts.length > 40 ? " …" : ""}\n`);
}

// The token in its line, cut to a window around it.
function around(line: string, col: number, len: number): string {
  const l = spacingRepaired(line);
  const from = Math.max(0, col - 30);
  return `${from > 0 ? "…" : ""}${l.slice(from, col)}【${l.slice(col, col + len)}】${l.slice(col + len, col + len + 30)}`.replace(/\s+/g, " ");
}

interface Question {
  id: string;
  question: string | string[];
  kind: string;
  answer: { value: string; unit: string } | null;
  source: { file: string; line: number };
  also_at?: { file: string; line: number }[];
  tags?: string[];
}

function checkGold(path: string): void {
  const COMPUTED = new Set(["derived", "sum", "difference", "rank"]);
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
    const answer = q.answer as { value: string; unit: string };
    const doc = documents.find((d) => d.entry?.source === q.source.file || d.file.name === q.source.file);
    const lines = new Set([q.source.line, ...(q.also_at ?? []).filter((a) => a.file === q.source.file).map((a) => a.line)]);
    const facts = store.facts.filter((f) => f.doc === doc?.doc.id);
    // 增减/增长率 facts are signed (减少 → negative); the text states the magnitude, kept in source.raw.
    const states = (f: (typeof facts)[number]): boolean =>
      sameValue(f.value, answer.value) || ((f.measure === "增减" || f.measure === "增长率") && sameValue(f.value.replace(/^-/, ""), answer.value));
    const hit = facts.find((f) => states(f) && f.unit === answer.unit && lines.has(f.source.line));
    const text = Array.isArray(q.question) ? q.question[q.question.length - 1] : q.question;
    if (strict) {
      const missing = [...lines].filter((l) => !facts.some((f) => states(f) && f.unit === answer.unit && f.source.line === l));
      if (missing.length > 0) process.stdout.write(`  gap ${q.id} ${answer.value}${answer.unit}: no fact at line(s) ${missing.join(", ")}\n`);
    }
    if (hit) {
      hits += 1;
      if (showAll) process.stdout.write(`ok   ${q.id} ${text} → ${hit.subject} ${hit.measure} ${hit.value}${hit.unit} L${hit.source.line} [${hit.status}]\n`);
      continue;
    }
    process.stdout.write(`MISS ${q.id} ${text} gold ${answer.value}${answer.unit} at ${[...lines].join("/")} (${doc?.doc.id ?? "no document"})\n`);
    const near = facts.filter((f) => lines.has(f.source.line) || sameValue(f.value, answer.value)).slice(0, 8);
    for (const f of near) process.stdout.write(`       near: L${f.source.line} ${f.subject} ${f.measure} ${f.value}${f.unit} [${f.status}]\n`);
  }
  process.stdout.write(
    `\n${hits}/${stated.length} number questions with a stated answer have a matching fact (${stated.length - hits} misses; ${questions.length - stated.length} computed questions skipped)\n`,
  );
}
