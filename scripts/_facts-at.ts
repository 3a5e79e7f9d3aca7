import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
const cfg = loadConfig(); if (!cfg.ok) throw 1; configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw 2;
const [file, line] = [process.argv[2]!, Number(process.argv[3])];
for (const d of idx.value.documents) if (d.file.includes(file)) for (const f of idx.value.facts.factsOfFile(d.file)) if (f.source.line === line) console.log(JSON.stringify({v: f.value, u: f.unit, m: f.measure, s: f.subject, q: f.qualifier, p: f.predicate, item: f.item, st: f.status, col: f.source.kind === "table" ? f.source.column : null}));
