/**
 * Audit reports for people: a Markdown report a journalist can attach (findings grouped by
 * severity, a summary line per document, both sides of every finding cited), a plain-text report
 * for the terminal, and the one-line summary.
 */
import type { Lang } from "../answer/types.js";
import { RULES, type Rule } from "./_rules.js";
import type { AuditCitation, AuditFinding, AuditReport, DocumentAudit, Severity } from "./types.js";

const SEVERITIES: readonly Severity[] = ["error", "warning", "hint"];

const WORDS = {
  zh: {
    title: "决算公开审核报告",
    rules: (n: number) => `共检查 ${n} 条规则。`,
    severity: { error: "错误", warning: "警告", hint: "提示" } as Record<Severity, string>,
    unchecked: "未能核对",
    summary: (d: DocumentAudit) => `${d.department}${d.year ? ` ${d.year} 年度` : ""}：错误 ${count(d, "error")} 项，警告 ${count(d, "warning")} 项，提示 ${count(d, "hint")} 项；未能核对 ${d.unchecked.length} 项`,
    clean: "未发现问题。",
    expected: "应为",
    found: "实为",
    at: (c: AuditCitation) => `${c.file} 第${c.line}${c.lineEnd !== c.line ? `–${c.lineEnd}` : ""}行${c.page !== undefined ? `（第${c.page}页）` : ""}`,
    source: "出处",
    none: "（无）",
  },
  en: {
    title: "Disclosure audit report",
    rules: (n: number) => `${n} rules checked.`,
    severity: { error: "Errors", warning: "Warnings", hint: "Hints" } as Record<Severity, string>,
    unchecked: "Could not check",
    summary: (d: DocumentAudit) => `${d.department}${d.year ? ` ${d.year}` : ""}: ${count(d, "error")} error(s), ${count(d, "warning")} warning(s), ${count(d, "hint")} hint(s); ${d.unchecked.length} check(s) not possible`,
    clean: "No problems found.",
    expected: "expected",
    found: "found",
    at: (c: AuditCitation) => `${c.file} line ${c.line}${c.lineEnd !== c.line ? `–${c.lineEnd}` : ""}${c.page !== undefined ? ` (page ${c.page})` : ""}`,
    source: "source",
    none: "(none)",
  },
} as const;

const paren = (lang: Lang, n: number): string => (lang === "zh" ? `（${n}）` : ` (${n})`);
const colon = (lang: Lang): string => (lang === "zh" ? "：" : ": ");

function count(d: DocumentAudit, s: Severity): number {
  return d.findings.filter((f) => f.severity === s).length;
}

function ruleOf(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** One line per document: its findings by severity and the checks it could not make. */
export function renderAuditSummary(d: DocumentAudit, lang: Lang = "zh"): string {
  return WORDS[lang].summary(d);
}

function md(s: string): string {
  return s.replace(/([\\`*_[\]|<>#])/g, "\\$1");
}

function values(f: AuditFinding, lang: Lang): string {
  const w = WORDS[lang];
  if (f.expected === null && f.found === null) return "";
  return `${w.expected} ${f.expected ?? w.none}${lang === "zh" ? "，" : ", "}${w.found} ${f.found ?? w.none}`;
}

/** The Markdown report of an audit. */
export function renderAuditMarkdown(report: AuditReport, lang: Lang = "zh"): string {
  const w = WORDS[lang];
  const out: string[] = [`# ${w.title}`, "", w.rules(RULES.length), ""];
  for (const d of report.documents) {
    out.push(`## ${md(d.department)}${d.year ? ` ${d.year}` : ""}`, "", `\`${d.file}\``, "", `**${md(w.summary(d))}**`, "");
    if (d.findings.length === 0) out.push(w.clean, "");
    for (const s of SEVERITIES) {
      const list = d.findings.filter((f) => f.severity === s);
      if (list.length === 0) continue;
      out.push(`### ${w.severity[s]}${paren(lang, list.length)}`, "");
      list.forEach((f, i) => {
        const rule = ruleOf(f.rule);
        out.push(`${i + 1}. **${md(rule ? rule[lang] : f.rule)}** \`${f.rule}\` — ${md(f.message)}`);
        const v = values(f, lang);
        if (v) out.push(`   - ${md(v)}`);
        for (const c of f.citations) out.push(`   - ${w.source}${colon(lang)}${md(w.at(c))}${colon(lang)}“${md(c.quote)}”`);
      });
      out.push("");
    }
    if (d.unchecked.length > 0) {
      out.push(`### ${w.unchecked}${paren(lang, d.unchecked.length)}`, "");
      for (const u of d.unchecked) out.push(`- \`${u.rule}\` ${md(u.reason)}${u.citations[0] ? ` — ${md(w.at(u.citations[0]))}` : ""}`);
      out.push("");
    }
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/** The plain-text report for a terminal. */
export function renderAuditText(report: AuditReport, lang: Lang = "zh"): string {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const d of report.documents) {
    out.push(`== ${d.file}`, w.summary(d));
    for (const s of SEVERITIES) {
      const list = d.findings.filter((f) => f.severity === s);
      if (list.length === 0) continue;
      out.push(`  ${w.severity[s]} (${list.length})`);
      for (const f of list) {
        const v = values(f, lang);
        out.push(`    [${f.rule}] L${f.citations.map((c) => c.line).join(",")}: ${f.message}${v ? ` (${v})` : ""}`);
      }
    }
    if (d.unchecked.length > 0) {
      out.push(`  ${w.unchecked} (${d.unchecked.length})`);
      for (const u of d.unchecked) out.push(`    [${u.rule}] L${u.citations.map((c) => c.line).join(",")}: ${u.reason}`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
