import type { Finding } from "../../facts/index.js";
import { factsFromCorpus } from "../../facts/from-corpus.js";
import type { Config } from "../../config.js";

const KIND_ZH: Record<Finding["kind"], string> = {
  identity_failed: "勾稽不符 identity failed",
  conflict: "数值冲突 conflict",
  repair: "识别修复 repair",
  unrepaired_damage: "未能修复 unrepaired damage",
};

/**
 * `audit [FILE] [--json]`: failed identities, conflicts, repairs and unrepaired damage, by document;
 * exit 3 when a failed identity or a conflict is found.
 */
export async function runAudit(fileArg: string | undefined, opts: { json: boolean }, config: Config): Promise<number> {
  const json = opts.json;
  const file = fileArg ?? null;
  // The corpus itself, not index/: an audit reports what the files say now.
  const { store, documents, skipped } = factsFromCorpus(config);
  for (const s of skipped) process.stderr.write(`注意 note: ${s.file}: ${s.reason}\n`);
  const docs = file === null ? documents : documents.filter((d) => d.file.name === file || d.file.path === file || d.doc.id === file || d.file.name === `${file}.txt` || d.file.path.endsWith(file));
  if (docs.length === 0) {
    process.stderr.write(`找不到文件 file not found in the corpus: ${file ?? ""}\n`);
    return 1;
  }
  const ids = new Set(docs.map((d) => d.doc.id));
  const findings = store.findings.filter((f) => ids.has(f.doc));
  if (json) {
    process.stdout.write(`${JSON.stringify(findings, null, 2)}\n`);
    return 0;
  }
  for (const d of docs) {
    const mine = findings.filter((f) => f.doc === d.doc.id);
    const facts = store.facts.filter((f) => f.doc === d.doc.id);
    const counts = (["verified", "repaired", "single-source", "conflict"] as const).map((s) => `${s} ${facts.filter((f) => f.status === s).length}`);
    process.stdout.write(`\n== ${d.file.path} (${d.department} ${d.year ?? "?"}): ${facts.length} facts — ${counts.join(", ")}\n`);
    for (const kind of ["identity_failed", "conflict", "repair", "unrepaired_damage"] as const) {
      const list = mine.filter((f) => f.kind === kind);
      if (list.length === 0) continue;
      process.stdout.write(`  ${KIND_ZH[kind]} (${list.length})\n`);
      for (const f of list) process.stdout.write(`    L${f.lines.join(",")}: ${f.note}\n`);
    }
    if (mine.length === 0) process.stdout.write("  无发现 no findings\n");
  }
  return findings.some((f) => f.kind === "identity_failed" || f.kind === "conflict") ? 3 : 0;
}
