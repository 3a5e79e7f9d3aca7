import { indexStatus } from "../../build/index.js";
import type { Config } from "../../config.js";

function age(s: number): string {
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

/**
 * `status [--json]`: corpus, index (state, age, fingerprint, counts) and model, without building or
 * loading the index; exit 0 when the index is ready, 3 when answering would rebuild it first.
 */
export async function runStatus(opts: { json: boolean }, config: Config): Promise<number> {
  const s = indexStatus(config);
  const code = s.index.state === "ready" ? 0 : 3;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    return code;
  }
  const i = s.index;
  const n = (x: number | null) => (x === null ? "?" : String(x));
  const lines = [
    `语料 corpus   ${s.corpus.dir}: ${s.corpus.files.length} files${s.corpus.problem ? ` (${s.corpus.problem})` : ""}`,
    ...s.corpus.files.map((f) => `               ${f.file}  ${f.sha256.slice(0, 12)}`),
    `索引 index    ${i.dir}: ${i.state}${i.reason ? ` — ${i.reason}` : ""}`,
    `               built ${i.builtAt ?? "never"}${i.ageSeconds === null ? "" : ` (${age(i.ageSeconds)} ago)`} · fingerprint ${i.fingerprint ?? "none"}`,
    `               ${n(i.documents)} documents · ${n(i.facts)} facts · ${n(i.findings)} findings · ${n(i.chunks)} chunks · vectors: ${i.vectors ?? "?"}`,
    `模型 model    ${s.model.id} (${s.model.source}) ${s.model.state}${s.model.detail ? ` — ${s.model.detail}` : ""} · ${s.model.dir}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return code;
}
