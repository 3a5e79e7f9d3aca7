/**
 * Mutation test of the audit: plants one defect of each rule kind into copies of disclosures
 * (a changed narrative total, a dropped table, another year in a heading, 大于 and 小于 swapped,
 * a broken 类 sum, an altered share, XX局 in a header, doubled punctuation …) and checks that the
 * audit reports it with the right rule at the right line, and that the unmutated copy does not.
 * "errors elsewhere" counts plants after which a new error cites none of the planted lines
 * (often a true consequence, e.g. a total above the changed row; -v lists them to inspect).
 *
 *   npx tsx scripts/audit-mutations.ts [FILE…] [--per-kind N] [--json] [-v]
 *
 * Without files: the seeds in corpus/ and the documents' .layout.txt in ../shared/documents/.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { auditSource, type DocumentAudit } from "../src/audit/index.js";
import { readSourceFile, type SourceFile } from "../src/corpus/index.js";
import { MUTATORS, type Mutation } from "./audit-mutators.js";

interface Outcome {
  readonly file: string;
  readonly kind: string;
  readonly rule: string;
  readonly line: number;
  readonly what: string;
  readonly detected: boolean;
  /** The unmutated document already reports this rule here: not a valid plant. */
  readonly preexisting: boolean;
  /** New error findings of the mutated copy citing none of the planted lines (to inspect). */
  readonly collateral: readonly string[];
}

function defaultFiles(): string[] {
  const seeds = readdirSync("corpus").filter((f) => f.endsWith(".txt")).map((f) => join("corpus", f));
  // ../shared/documents from the main checkout, ../../shared/documents from a worktree under wt/.
  const dir = [join("..", "shared", "documents"), join("..", "..", "shared", "documents")].find((d) => existsSync(d));
  const docs = dir ? readdirSync(dir).filter((f) => f.endsWith(".layout.txt") && !f.includes("template")).map((f) => join(dir, f)) : [];
  return [...seeds, ...docs];
}

function reports(audit: DocumentAudit, m: Mutation): boolean {
  return audit.findings.some((f) => m.rules.includes(f.rule) && f.citations.some((c) => m.lines.some(([a, b]) => c.line <= b && c.lineEnd >= a)));
}

function audit(source: SourceFile, text: string): DocumentAudit | null {
  const r = auditSource({ ...source, text, sha256: "" });
  return r.ok ? r.value : null;
}

const USAGE = "usage: npx tsx scripts/audit-mutations.ts [FILE…] [--per-kind N] [--json] [-v]\n";

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return;
  }
  const known = new Set(["--json", "-v", "--per-kind"]);
  const bad = args.filter((a, i) => a.startsWith("-") && !known.has(a) && args[i - 1] !== "--per-kind");
  if (bad.length > 0) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const json = args.includes("--json");
  const verbose = args.includes("-v");
  const perKindAt = args.indexOf("--per-kind");
  const perKind = perKindAt >= 0 ? Number(args[perKindAt + 1]) : 3;
  if (!(perKind >= 1)) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const files = args.filter((a, i) => !a.startsWith("-") && !(perKindAt >= 0 && i === perKindAt + 1));
  const outcomes: Outcome[] = [];
  const baseline: { file: string; findings: number; rules: Record<string, number> }[] = [];
  for (const file of files.length > 0 ? files : defaultFiles()) {
    const read = readSourceFile(file);
    if (!read.ok) continue;
    const source = read.value;
    const clean = audit(source, source.text);
    if (!clean) continue;
    const rules: Record<string, number> = {};
    for (const f of clean.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
    baseline.push({ file, findings: clean.findings.length, rules });
    const lines = source.text.split("\n");
    for (const mutator of MUTATORS) {
      for (const m of mutator.plant(lines).slice(0, perKind)) {
        const preexisting = reports(clean, m);
        const mutated = audit(source, m.lines_.join("\n"));
        const detected = mutated !== null && reports(mutated, m);
        // Findings compared by rule and quoted text: dropped lines shift every line number after them.
        const sig = (f: DocumentAudit["findings"][number]): string => `${f.rule}|${f.citations.map((c) => c.quote).join("|")}`;
        const before = new Set(clean.findings.map(sig));
        const collateral = (mutated?.findings ?? [])
          .filter((f) => f.severity === "error" && !before.has(sig(f)))
          .filter((f) => !f.citations.some((c) => m.lines.some(([a, b]) => c.line <= b + 1 && c.lineEnd >= a - 1)))
          .map((f) => `${f.rule} L${f.citations.map((c) => c.line).join(",")}: ${f.message.slice(0, 120)}`);
        outcomes.push({ file, kind: mutator.kind, rule: m.rules.join("|"), line: m.lines[0]?.[0] ?? 0, what: m.what, detected, preexisting, collateral });
        if (verbose) for (const c of collateral) process.stderr.write(`COLLATERAL ${mutator.kind} ${file}:${m.lines[0]?.[0]} ${c}\n`);
        if (verbose && !detected) {
          process.stderr.write(`MISS ${mutator.kind} ${file}:${m.lines[0]?.[0]} ${m.what}\n`);
          for (const f of mutated?.findings ?? []) if (f.citations.some((c) => Math.abs(c.line - (m.lines[0]?.[0] ?? 0)) <= 3)) process.stderr.write(`     got ${f.rule} L${f.citations.map((c) => c.line).join(",")}: ${f.message.slice(0, 140)}\n`);
        }
      }
    }
  }
  const kinds = [...new Set(MUTATORS.map((m) => m.kind))];
  const table = kinds.map((kind) => {
    const valid = outcomes.filter((o) => o.kind === kind && !o.preexisting);
    const hit = valid.filter((o) => o.detected).length;
    const elsewhere = valid.filter((o) => o.collateral.length > 0).length;
    return { kind, planted: valid.length, detected: hit, recall: valid.length ? hit / valid.length : null, elsewhere };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify({ recall: table, baseline, outcomes }, null, 2)}\n`);
    return;
  }
  process.stdout.write("kind                      planted  detected  recall   errors elsewhere\n");
  for (const r of table) process.stdout.write(`${r.kind.padEnd(26)}${String(r.planted).padStart(7)}${String(r.detected).padStart(10)}  ${(r.recall === null ? "—" : `${(r.recall * 100).toFixed(1)}%`).padEnd(8)}${String(r.elsewhere).padStart(6)}\n`);
  const all = outcomes.filter((o) => !o.preexisting);
  process.stdout.write(`all                       ${String(all.length).padStart(7)}${String(all.filter((o) => o.detected).length).padStart(10)}  ${((all.filter((o) => o.detected).length / Math.max(1, all.length)) * 100).toFixed(1)}%\n`);
  process.stdout.write("\nunmutated documents (findings by rule):\n");
  for (const b of baseline) process.stdout.write(`  ${b.file}: ${b.findings} ${JSON.stringify(b.rules)}\n`);
  const skipped = outcomes.filter((o) => o.preexisting);
  if (skipped.length > 0) process.stdout.write(`\n${skipped.length} plant(s) skipped: the unmutated document already reports that rule there\n`);
}

main();
