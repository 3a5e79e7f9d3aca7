import { understandQuestion, buildCatalog } from "../src/query/index.js";
import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
const cfg = loadConfig(); if (!cfg.ok) throw new Error("config");
configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw new Error(idx.error.message);
const catalog = buildCatalog(idx.value.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file })));
for (const q of process.argv.slice(2)) {
  const u = understandQuestion(q, undefined, catalog);
  console.log(q, JSON.stringify({ dep: u.department, topic: u.topic }));
}
