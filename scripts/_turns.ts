import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
import { buildCatalog, understandQuestion, subjectOf, nextState } from "../src/query/index.js";
const cfg = loadConfig(); if (!cfg.ok) throw 1; configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw 2;
const catalog = { ...buildCatalog(idx.value.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file }))), vocabulary: idx.value.facts.vocabulary() };
let st: any = undefined;
for (const q of process.argv.slice(2)) {
  const u = understandQuestion(q, st, catalog);
  console.log(q, JSON.stringify({ year: u.year, basis: u.changeBasis, intent: u.intent, aspect: u.aspect, followUp: u.followUp, topicVia: u.topicVia, topic: u.topic, dept: u.department, subject: subjectOf(u).replace(/\u0000/g, "") }));
  st = nextState(u);
  console.log("  state", JSON.stringify(st));
}
