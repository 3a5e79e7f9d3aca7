import { formatFigure } from "../../core/money.js";
import { ITEMS, ITEM_KEYS, normLabel, type Fact } from "../../facts/index.js";
import { factsFromCorpus, type CorpusDocument } from "../../facts/from-corpus.js";
import type { Config } from "../../config.js";

/** Options of `facts`. */
export interface FactsOptions {
  readonly dept?: string;
  readonly year?: number;
  readonly item?: string;
  readonly json: boolean;
}

// --dept accepts the canonical name, a manifest alias or the document's own name, in part.
function matchesDept(d: CorpusDocument, q: string): boolean {
  const n = normLabel(q);
  const names = [d.department, d.doc.meta.department ?? "", ...(d.entry?.aliases ?? [])].map(normLabel).filter((s) => s !== "");
  return names.some((name) => name.includes(n) || n.includes(name));
}

// --item accepts an item key, its Chinese name, a document form or a synonym, else a subject substring.
function matchesItem(f: Fact, q: string): boolean {
  const n = normLabel(q).toLowerCase();
  const keys = ITEM_KEYS.filter((k) => {
    const it = ITEMS[k];
    return k === n || [it.zh, ...it.names, ...it.synonyms].some((s) => normLabel(s).toLowerCase() === n);
  });
  if (keys.length > 0) return f.item !== null && keys.includes(f.item);
  return normLabel(f.subject).toLowerCase().includes(n);
}

function cite(f: Fact): string {
  const s = f.source;
  return s.kind === "table"
    ? `${s.file}:${s.line} ${s.table} › ${s.row}${s.column.length > 0 ? ` › ${s.column.join(">")}` : ""}`
    : `${s.file}:${s.line} ${s.section.split(" > ").pop() ?? ""}`;
}

function renderFact(f: Fact): string {
  const q = f.qualifier.length > 0 ? ` [${f.qualifier.join(", ")}]` : "";
  const repaired = f.repairedFrom !== null ? ` (原文 “${f.repairedFrom}”)` : "";
  const conflict = f.conflicting.length > 0 ? ` (他处: ${f.conflicting.join(", ")})` : "";
  return `${formatFigure(f.value)} ${f.unit}\t${f.status}${repaired}${conflict}\t${f.department} ${f.year}\t${f.subject} · ${f.measure}${q}\t${cite(f)}\n`;
}

/** `facts [--dept NAME] [--year N] [--item TEXT] [--json]`: facts with value, unit, status and citation. */
export async function runFacts(parsed: FactsOptions, config: Config): Promise<number> {
  // The stored facts when fresh (no model load); else extracted in memory from the corpus.
  const { store, documents, skipped } = factsFromCorpus(config, { preferStored: true });
  for (const s of skipped) process.stderr.write(`注意 note: ${s.file}: ${s.reason}\n`);
  let docs = documents;
  if (parsed.dept !== undefined) {
    const q = parsed.dept;
    docs = docs.filter((d) => matchesDept(d, q));
    if (docs.length === 0) {
      process.stderr.write(`没有这个部门 no such department: ${q}\n可选 available: ${documents.map((d) => d.department).join("、")}\n`);
      return 1;
    }
  }
  const ids = new Set(docs.map((d) => d.doc.id));
  const facts = store.facts.filter(
    (f) => ids.has(f.doc) && (parsed.year === undefined || f.year === parsed.year) && (parsed.item === undefined || matchesItem(f, parsed.item)),
  );
  if (parsed.json) {
    process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
    return 0;
  }
  for (const f of facts) process.stdout.write(renderFact(f));
  process.stderr.write(`${facts.length} 条 facts\n`);
  return 0;
}
