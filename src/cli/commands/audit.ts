import { existsSync, writeFileSync } from "node:fs";
import { auditSource, renderAuditMarkdown, renderAuditText, type AuditReport, type DocumentAudit } from "../../audit/index.js";
import type { Lang } from "../../answer/types.js";
import type { Config } from "../../config.js";
import { readCorpus, readSourceFile, type SourceFile } from "../../corpus/index.js";

/** Options of `audit`. */
export interface AuditCliOptions {
  readonly json: boolean;
  /** Write the Markdown report to this file. */
  readonly md?: string;
  readonly lang: Lang;
}

// A path on disk is audited as it is; otherwise FILE names a corpus file (name, path or id).
function sources(fileArg: string | undefined, config: Config): { files: SourceFile[]; problems: string[] } {
  if (fileArg !== undefined && existsSync(fileArg) && !fileArg.endsWith("/")) {
    const r = readSourceFile(fileArg);
    return r.ok ? { files: [r.value], problems: [] } : { files: [], problems: [`${r.error.file}: ${r.error.code}`] };
  }
  const corpus = readCorpus(config.corpusDir);
  if (!corpus.ok) return { files: [], problems: [`${corpus.error.file}: ${corpus.error.code}`] };
  const problems = corpus.value.issues.map((i) => `${i.file}: ${i.code}`);
  const f = fileArg;
  const files = f === undefined ? [...corpus.value.files] : corpus.value.files.filter((s) => s.name === f || s.path === f || s.name === `${f}.txt` || s.name.replace(/\.[^.]+$/, "") === f || s.path.endsWith(f));
  return { files, problems };
}

/**
 * `audit [FILE] [--json] [--md FILE] [--lang en]`: the rule catalogue's findings per disclosure
 * (text, JSON, or a Markdown report written to a file); exit 3 when any finding is an error.
 */
export async function runAudit(fileArg: string | undefined, opts: AuditCliOptions, config: Config): Promise<number> {
  const { files, problems } = sources(fileArg, config);
  for (const p of problems) process.stderr.write(`注意 note: ${p}\n`);
  if (files.length === 0) {
    process.stderr.write(`找不到文件 file not found: ${fileArg ?? config.corpusDir}\n`);
    return 1;
  }
  const documents: DocumentAudit[] = [];
  for (const file of files) {
    const r = auditSource(file, { lang: opts.lang });
    if (r.ok) documents.push(r.value);
    else process.stderr.write(`跳过 skipped ${file.path}: ${r.error.code}\n`);
  }
  const report: AuditReport = { documents };
  if (opts.md) writeFileSync(opts.md, renderAuditMarkdown(report, opts.lang));
  process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : renderAuditText(report, opts.lang));
  return documents.some((d) => d.findings.some((f) => f.severity === "error")) ? 3 : 0;
}
