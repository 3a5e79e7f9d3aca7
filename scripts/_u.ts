import { loadConfig } from "../src/config.js";
import { configureLogging } from "../src/core/log.js";
import { ensureIndex } from "../src/build/index.js";
import { buildCatalog, understandQuestion } from "../src/query/index.js";
import { planAnswer } from "../src/engine/_plan.js";
import { EMPTY_CONVERSATION } from "../src/answer/types.js";
const cfg = loadConfig(); if (!cfg.ok) throw 1; configureLogging("error");
const idx = await ensureIndex(cfg.value, {}); if (!idx.ok) throw 2;
const catalog = { ...buildCatalog(idx.value.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file }))), vocabulary: idx.value.facts.vocabulary() };
for (const q of process.argv.slice(2)) {
  const u = understandQuestion(q, undefined, catalog);
  console.log(q, JSON.stringify({ dept: u.department, intent: u.intent, items: u.items.map((i) => i.key), topic: u.topic, operands: u.operands, aspect: u.aspect.value, basis: u.changeBasis, q: u.aspectQualifier }));
  const p = planAnswer(q, u, EMPTY_CONVERSATION, catalog);
  const show = (r: any): any => r.kind === "figure" ? { kind: r.kind, subject: r.target.subject.replace(/\u0000/g, ""), aspect: r.target.aspect, qualifier: r.target.qualifier, fallback: r.fallback ? show(r.fallback) : undefined } : r.targets ? { kind: r.kind, targets: r.targets.map((t: any) => [t.subject.replace(/\u0000/g, ""), t.aspect, t.qualifier]) } : { kind: r.kind };
  console.log("   ", JSON.stringify(show(p)));
}
