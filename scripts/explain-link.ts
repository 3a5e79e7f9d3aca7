/** Debug aid: `npx tsx scripts/explain-link.ts "question"` prints how the question's subject links to facts. */
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
import { buildCatalog, understandQuestion, subjectOf } from "../src/query/index.js";
import { scoreAll } from "../src/link/index.js";

const cfg = loadConfig();
if (!cfg.ok) throw new Error("config");
configureLogging("error");
const idx = await ensureIndex(cfg.value, {});
if (!idx.ok) throw new Error(idx.error.message);
const catalog = buildCatalog(idx.value.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file })));
for (const q of process.argv.slice(2)) {
  const u = understandQuestion(q, undefined, catalog);
  const subject = subjectOf(u);
  console.log(`\n${q}\n  dept=${JSON.stringify(u.department)} year=${u.year.kind}:${"value" in u.year ? u.year.value : ""} intent=${u.intent} aspect=${u.aspect.value} code=${u.code}\n  subject=${JSON.stringify(subject)}`);
  // No department named: how the subject links in each department's latest disclosure.
  const deps = u.department.kind === "resolved" ? u.department.names.slice(0, 1) : catalog.departments.map((d) => d.name);
  for (const dep of deps) {
  const year = "value" in u.year && u.year.value ? u.year.value : catalog.departments.find((d) => d.name === dep)?.years.at(-1);
  const pool = dep !== undefined && year !== undefined ? idx.value.facts.factsFor(dep, year) : [];
  const scored = scoreAll(pool, subject, { code: u.code, accept: (f) => u.aspect.value === f.measure || (u.aspect.value === "决算" && f.measure === "数量") });
  if (deps.length > 1) console.log(`  [${dep}]`);
  for (const x of scored.slice(0, deps.length > 1 ? 2 : 8)) console.log(`  ${x.coverage.toFixed(2)}/${x.accounted.toFixed(2)} p=${x.preference.toFixed(3)} ex=${x.excess} ${x.d.fact.value}${x.d.fact.unit} ${x.d.fact.measure} L${x.d.fact.source.line} ${x.d.quantity.table ?? ""} | ${x.d.quantity.row} | ${x.d.quantity.column ?? ""} | left:${x.uncovered}`);
  }
}
