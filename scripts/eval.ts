/**
 * Scores a question file in the ../shared/eval format against the product, in one process:
 * `npm run eval -- FILE.jsonl [--json] [--floor-numeric R] [--floor-citation R] [--floor-refuse R] [--floor-text R]`.
 * Exits 1 when a floor is not met.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { Decimal } from "decimal.js";
import type { Answer } from "../src/answer/types.js";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { readCorpus } from "../src/corpus/index.js";
import { askTurns, createEngine } from "../src/engine/index.js";

interface Gold {
  id: string;
  question: string | string[];
  kind: "number" | "text" | "refuse";
  answer: { value: string; unit: string } | { contains: string[] } | null;
  source?: { file: string; line: number } | null;
  also_at?: { file: string; line: number }[];
  tags?: string[];
}

interface Scored {
  id: string;
  tags: string[];
  kind: Gold["kind"];
  correct: boolean;
  citationHit: boolean | null;
  wrongVerified: boolean;
  wrongFigure: boolean;
  got: Pick<Answer, "kind" | "value" | "unit" | "status">;
  expected: unknown;
}

/** One unit however its brackets are typed ("台(套)" is "台（套）"). */
function sameUnit(a: string | null, b: string): boolean {
  const plain = (u: string): string => u.replace(/（/g, "(").replace(/）/g, ")");
  return a !== null && plain(a) === plain(b);
}

function decEq(a: string, b: string): boolean {
  try {
    return new Decimal(a.replace(/,/g, "")).eq(new Decimal(b.replace(/,/g, "")));
  } catch {
    return false;
  }
}

const USAGE = "usage: npm run eval -- FILE.jsonl [--json] [-v|--verbose] [--floor-numeric R] [--floor-citation R] [--floor-refuse R] [--floor-text R]\n  scores a question file; exit 1 when a floor is not met, 2 on a usage error\n";

function args(): ReturnType<typeof parseEvalArgs> | null {
  try {
    return parseEvalArgs();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return null;
  }
}

function parseEvalArgs() {
  return parseArgs({
    allowPositionals: true,
    options: {
      help: { type: "boolean", short: "h", default: false },
      json: { type: "boolean", default: false },
      verbose: { type: "boolean", short: "v", default: false },
      "floor-numeric": { type: "string" },
      "floor-citation": { type: "string" },
      "floor-refuse": { type: "string" },
      "floor-text": { type: "string" },
      "max-wrong": { type: "string" },
    },
  });
}

async function main(): Promise<number> {
  const parsed = args();
  if (parsed === null) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write(USAGE);
    return 2;
  }
  const cfg = loadConfig();
  if (!cfg.ok) throw new Error(cfg.error.issues.join("; "));
  configureLogging("warn");
  const corpus = readCorpus(cfg.value.corpusDir);
  // Gold files name the original seed files; the manifest's `source` maps them to corpus paths.
  const fileMap = new Map<string, string>();
  if (corpus.ok) {
    for (const f of corpus.value.files) {
      fileMap.set(f.name, f.path);
      if (f.entry?.source) fileMap.set(f.entry.source, f.path);
    }
  }
  const engine = await createEngine(cfg.value, { onProgress: (m) => process.stderr.write(`${m}\n`) });
  if (!engine.ok) throw new Error(`${engine.error.code}: ${engine.error.message}`);
  const golds: Gold[] = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Gold);
  const results: Scored[] = [];
  const started = Date.now();
  for (const g of golds) {
    const turns = typeof g.question === "string" ? [g.question] : g.question;
    const last = (await askTurns(engine.value, turns)).at(-1);
    if (!last) continue;
    let correct = false;
    let citationHit: boolean | null = null;
    if (g.kind === "number" && g.answer && "value" in g.answer) {
      const want = g.answer;
      const forms = last.kind === "number" && last.value !== null ? [{ value: last.value, unit: last.unit }, ...(last.alternatives ?? [])] : [];
      correct = forms.some((f) => decEq(f.value, want.value) && sameUnit(f.unit, want.unit));
      const spots = [...(g.source ? [g.source] : []), ...(g.also_at ?? [])].map((s) => ({ file: fileMap.get(s.file) ?? s.file, line: s.line }));
      citationHit = last.citations.some((c) => spots.some((s) => (c.file === s.file || basename(c.file) === basename(s.file)) && c.line <= s.line && s.line <= c.lineEnd));
    } else if (g.kind === "text" && g.answer && "contains" in g.answer) {
      const phrases = g.answer.contains;
      correct = last.kind === "text" && phrases.every((p) => last!.text.includes(p));
    } else if (g.kind === "refuse") {
      // Saying which figures the documents hold instead ("clarify") states none as the answer.
      correct = last.kind === "refuse" || last.kind === "clarify";
    }
    // A number stated for a question whose answer is another number, a text or a refusal.
    const wrongFigure = last.kind === "number" && !correct;
    const wrongVerified = g.kind !== "number" ? last.kind === "number" && last.status === "verified" : last.kind === "number" && !correct && last.status === "verified";
    results.push({ id: g.id, tags: g.tags ?? [], kind: g.kind, correct, citationHit, wrongVerified, wrongFigure, got: { kind: last.kind, value: last.value, unit: last.unit, status: last.status }, expected: g.answer });
    if (values.verbose && !correct) process.stderr.write(`MISS ${g.id} ${JSON.stringify(g.question)} → ${last.kind} ${last.value ?? ""}${last.unit ?? ""} [${last.error?.code ?? ""}] expected ${JSON.stringify(g.answer)}\n    ${last.text.split("\n").slice(0, 3).join(" ⏎ ")}\n`);
  }
  const elapsed = Date.now() - started;
  const rate = (xs: Scored[], f: (s: Scored) => boolean) => (xs.length ? xs.filter(f).length / xs.length : 1);
  const numeric = results.filter((r) => r.kind === "number");
  const text = results.filter((r) => r.kind === "text");
  const refusals = results.filter((r) => r.kind === "refuse");
  const summary = {
    questions: results.length,
    numericExact: rate(numeric, (r) => r.correct),
    citationHit: rate(numeric, (r) => r.citationHit === true),
    textHit: rate(text, (r) => r.correct),
    refusalCorrect: rate(refusals, (r) => r.correct),
    wrongVerified: results.filter((r) => r.wrongVerified).length,
    wrongFigures: results.filter((r) => r.wrongFigure).length,
    clarified: results.filter((r) => r.got.kind === "clarify").length,
    msPerQuestion: results.length ? elapsed / results.length : 0,
  };
  const tags = new Map<string, { n: number; ok: number }>();
  for (const r of results) for (const t of r.tags) {
    const e = tags.get(t) ?? { n: 0, ok: 0 };
    e.n++;
    if (r.correct) e.ok++;
    tags.set(t, e);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ summary, byTag: Object.fromEntries(tags), results }, null, 1)}\n`);
  } else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    process.stdout.write(`by tag:\n${[...tags].sort().map(([t, e]) => `  ${t.padEnd(14)} ${e.ok}/${e.n}`).join("\n")}\n`);
    process.stdout.write(`misses: ${results.filter((r) => !r.correct).map((r) => r.id).join(" ") || "none"}\n`);
    process.stdout.write(
      `questions ${summary.questions} · numeric exact ${pct(summary.numericExact)} (${numeric.filter((r) => r.correct).length}/${numeric.length}) · citation hit ${pct(summary.citationHit)} · text ${pct(summary.textHit)} · refusals ${pct(summary.refusalCorrect)} · wrong figures ${summary.wrongFigures} · clarified ${summary.clarified} · wrong-but-verified ${summary.wrongVerified} · ${summary.msPerQuestion.toFixed(1)} ms/question\n`,
    );
  }
  const floors: [string, number][] = [
    ["floor-numeric", summary.numericExact],
    ["floor-citation", summary.citationHit],
    ["floor-refuse", summary.refusalCorrect],
    ["floor-text", summary.textHit],
  ];
  let failed = false;
  if (values["max-wrong"] !== undefined && summary.wrongFigures > Number(values["max-wrong"])) {
    process.stderr.write(`above ceiling: wrong figures ${summary.wrongFigures} > ${values["max-wrong"]}\n`);
    failed = true;
  }
  for (const [name, got] of floors) {
    const want = values[name as "floor-numeric"];
    if (want !== undefined && got < Number(want)) {
      process.stderr.write(`below floor: ${name} ${got.toFixed(3)} < ${want}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (c) => {
    process.exitCode = c;
  },
  (e: unknown) => {
    process.stderr.write(`eval failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
