import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
const cfg = loadConfig(); if (!cfg.ok) throw new Error("config");
configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw new Error(idx.error.message);
const [dep, year, from, to] = process.argv.slice(2);
for (const f of idx.value.facts.factsFor(dep!, Number(year))) {
  if (f.source.line < Number(from) || f.source.line > Number(to)) continue;
  const s = f.source;
  console.log(s.line, f.value, f.unit, f.measure, f.key, s.kind === "table" ? `${s.tableKind} | ${s.row} | ${s.column.join(">")}` : `${f.subject} | ${f.qualifier.join(">")} | lead=${s.lead ?? ""}`);
}
