import { createInterface } from "node:readline";
import { z } from "zod";
import type { Answer, Engine } from "../../answer/types.js";
import type { Config } from "../../config.js";
import { askTurns } from "../../engine/index.js";
import { openEngine } from "../_engine.js";

/** The CLI JSON contract of one answer (README "CLI contract"); field order kept stable. */
export function answerJson(a: Answer, id?: string): Record<string, unknown> {
  return {
    ...(id !== undefined ? { id } : {}),
    question: a.question,
    kind: a.kind,
    text: a.text,
    value: a.value,
    unit: a.unit,
    department: a.department,
    year: a.year,
    status: a.status,
    citations: a.citations.map((c) => ({ file: c.file, line: c.line, lineEnd: c.lineEnd, table: c.table, section: c.section, quote: c.quote })),
    error: a.error,
    ...(a.kind === "number" ? { quantity: a.quantity ?? null } : {}),
    ...(a.kind === "clarify" ? { candidates: (a.candidates ?? []).map((c) => ({ label: c.label, value: c.value, unit: c.unit, citation: c.citation })) } : {}),
    ...(a.alternatives && a.alternatives.length > 0 ? { alternatives: a.alternatives } : {}),
  };
}

const LineSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  question: z.union([z.string(), z.array(z.string()).min(1)]),
});

async function runJsonl(engine: Engine): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let bad = 0;
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    let parsed: z.infer<typeof LineSchema>;
    try {
      const r = LineSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      parsed = r.data;
    } catch (e) {
      bad++;
      process.stdout.write(`${JSON.stringify({ question: null, kind: "refuse", text: "无法解析的输入行 (unreadable input line)", value: null, unit: null, department: null, year: null, status: null, citations: [], error: { code: "bad_input", reason: e instanceof Error ? e.message : String(e) } })}\n`);
      continue;
    }
    const turns = typeof parsed.question === "string" ? [parsed.question] : parsed.question;
    const answers = await askTurns(engine, turns);
    const last = answers[answers.length - 1];
    if (last) process.stdout.write(`${JSON.stringify(answerJson(last, parsed.id === undefined ? undefined : String(parsed.id)))}\n`);
  }
  return bad > 0 ? 1 : 0;
}

/** Options of `ask`. */
export interface AskOptions {
  readonly json: boolean;
  readonly jsonl: boolean;
}

/** `ask [--json] "问题" ["追问" …]` and `ask --jsonl` (questions as JSON lines on stdin); builds the index first when needed. */
export async function runAsk(turns: readonly string[], opts: AskOptions, config: Config): Promise<number> {
  const engine = await openEngine(config);
  if (engine === null) return 1;
  if (opts.jsonl) return runJsonl(engine);
  const answers = await askTurns(engine, turns);
  for (const a of answers) {
    process.stdout.write(opts.json ? `${JSON.stringify(answerJson(a))}\n` : `${a.text}\n\n`);
  }
  return 0;
}
