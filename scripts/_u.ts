import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
import { buildCatalog, understandQuestion } from "../src/query/index.js";
const cfg = loadConfig(); if (!cfg.ok) throw 1; configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw 2;
const catalog = { ...buildCatalog(idx.value.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file }))), vocabulary: idx.value.facts.vocabulary() };
console.log(catalog.vocabulary.has("先进制造业发展专项"), catalog.vocabulary.has("数字经济发展专项"));
for (const q of process.argv.slice(2)) { const u = understandQuestion(q, undefined, catalog); console.log(JSON.stringify({ intent: u.intent, items: u.items.map((i) => i.key), topic: u.topic, operands: u.operands, aspect: u.aspect })); }
