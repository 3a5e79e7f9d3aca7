/** Debug aid: `npx tsx scripts/explain-spelling.ts FILE.jsonl` prints the typo repairs made to each question. */
import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
import { buildSpelling, correctSpelling } from "../src/link/index.js";
import { normalizeText } from "../src/query/index.js";

const cfg = loadConfig();
if (!cfg.ok) throw new Error("config");
configureLogging("error");
const idx = await ensureIndex(cfg.value, {});
if (!idx.ok) throw new Error(idx.error.message);
const sp = buildSpelling(idx.value.facts.vocabulary());
const keep = [...new Set(idx.value.documents.flatMap((d) => [d.department, ...d.aliases]))].map(normalizeText);
for (const line of readFileSync(process.argv[2] ?? "", "utf8").split("\n").filter(Boolean)) {
  const g = JSON.parse(line) as { question: string | string[] };
  for (const q of typeof g.question === "string" ? [g.question] : g.question) {
    const n = normalizeText(q);
    const c = correctSpelling(n, sp, keep);
    if (c !== n) console.log(`${n}\n  → ${c}`);
  }
}
