import type { Composer } from "grammy";
import type { Lang } from "../answer/types.js";
import { InputFile } from "grammy";
import { renderAuditMarkdown, renderAuditSummary } from "../audit/index.js";
import { escapeHtml, renderSourcesHtml, splitHtml } from "../render/index.js";
import { uiLang, type BotContext } from "./_context.js";
import { BOT_MESSAGES } from "./_messages.js";
import { replyHtml, replyText, shortNames, type BotDeps } from "./_reply.js";

const START_LIST_MAX = 20;
const AUDIT_ITEMS_MAX = 8;

function renderStart(deps: BotDeps, lang: Lang): string {
  const M = BOT_MESSAGES[lang];
  const depts = deps.engine.departments();
  const lines: string[] = [M.intro, ""];
  if (depts.length === 0) lines.push(escapeHtml(M.noDepartments));
  else {
    lines.push(escapeHtml(M.knows));
    for (const d of depts.slice(0, START_LIST_MAX)) {
      const names = shortNames(d, 2);
      const years = d.years.join("、");
      lines.push(`• ${escapeHtml(d.name)}${names.length ? `（${escapeHtml(names.join("、"))}）` : ""}${years ? ` — ${escapeHtml(years)}` : ""}`);
    }
    if (depts.length > START_LIST_MAX) lines.push(`… /depts (${depts.length})`);
    const picks = depts.map((d) => shortNames(d, 1)[0] ?? d.name).slice(0, 3);
    const year = depts[0]?.years[depts[0].years.length - 1] ?? null;
    lines.push("", escapeHtml(M.examples), ...M.exampleQuestions(picks, year).map((q) => `• ${escapeHtml(q)}`));
  }
  lines.push("", escapeHtml(deps.engine.status().semantic ? M.semanticOn : M.semanticOff), "", escapeHtml(M.commandsHint));
  return lines.join("\n");
}

function renderDepts(deps: BotDeps, lang: Lang): string {
  const M = BOT_MESSAGES[lang];
  const depts = deps.engine.departments();
  if (depts.length === 0) return escapeHtml(M.noDepartments);
  const blocks = depts.map((d) => {
    const names = shortNames(d, 5);
    const rows = [`• <b>${escapeHtml(d.name)}</b>${d.type ? `（${escapeHtml(d.type)}）` : ""}`];
    if (names.length) rows.push(`  ${escapeHtml(M.aliases)}：${escapeHtml(names.join("、"))}`);
    rows.push(`  ${escapeHtml(M.years)}：${escapeHtml(d.years.join("、"))}`);
    return rows.join("\n");
  });
  return [M.deptsTitle, ...blocks].join("\n");
}

/** The /audit reply: a summary line per document and the errors, with the Markdown report attached when there is more. */
export function renderAudit(deps: BotDeps, lang: Lang, asked: string): { html: string; report: { markdown: string; filename: string; caption: string } | null } {
  const M = BOT_MESSAGES[lang];
  if (!asked) return { html: escapeHtml(M.auditUsage), report: null };
  const audit = deps.engine.audit(asked, { lang });
  if (audit === null) return { html: escapeHtml(M.auditUnknown(asked)), report: null };
  const lines = [M.auditTitle(escapeHtml(audit.department))];
  for (const d of audit.documents) lines.push(escapeHtml(renderAuditSummary(d, lang)));
  const findings = audit.documents.flatMap((d) => d.findings);
  if (findings.length === 0) {
    lines.push(escapeHtml(M.auditClean));
    return { html: lines.join("\n"), report: null };
  }
  const errors = findings.filter((f) => f.severity === "error");
  lines.push("", escapeHtml(errors.length > 0 ? M.auditErrors : M.auditNoErrors));
  errors.slice(0, AUDIT_ITEMS_MAX).forEach((f, i) => {
    lines.push(`${i + 1}. ${escapeHtml(f.message)}${escapeHtml(M.lines([...new Set(f.citations.map((c) => c.line))]))}`);
  });
  if (errors.length > AUDIT_ITEMS_MAX) lines.push(escapeHtml(M.auditMore(errors.length - AUDIT_ITEMS_MAX)));
  const unchecked = audit.documents.reduce((n, d) => n + d.unchecked.length, 0);
  const attach = findings.length > Math.min(errors.length, AUDIT_ITEMS_MAX) || unchecked > 0;
  if (!attach) return { html: lines.join("\n"), report: null };
  lines.push("", escapeHtml(M.auditAttached));
  const markdown = renderAuditMarkdown({ documents: audit.documents }, lang);
  const slug = audit.documents.map((d) => d.file.split("/").pop()?.replace(/\.[^.]+$/, "") ?? "audit").join("_") || "audit";
  return { html: lines.join("\n"), report: { markdown, filename: `audit-${slug}.md`, caption: M.auditCaption(audit.department) } };
}

/** Registers /start, /help, /depts, /sources, /audit, /lang. */
export function installCommands(bot: Composer<BotContext>, deps: BotDeps): void {
  bot.command("start", async (ctx) => replyHtml(ctx, splitHtml(renderStart(deps, uiLang(ctx)))));
  bot.command("help", async (ctx) => replyHtml(ctx, [BOT_MESSAGES[uiLang(ctx)].help]));
  bot.command("depts", async (ctx) => replyHtml(ctx, splitHtml(renderDepts(deps, uiLang(ctx)))));
  bot.command("audit", async (ctx) => {
    const { html, report } = renderAudit(deps, uiLang(ctx), ctx.match.trim());
    await replyHtml(ctx, splitHtml(html));
    if (report) await ctx.replyWithDocument(new InputFile(Buffer.from(report.markdown, "utf8"), report.filename), { caption: report.caption });
  });
  bot.command("sources", async (ctx) => {
    const last = ctx.session.last;
    const lang = uiLang(ctx);
    if (last === null) {
      const M = BOT_MESSAGES[lang];
      await replyText(ctx, ctx.session.conversation.topic !== null ? M.lastHadNoSources : M.noSources);
      return;
    }
    await replyHtml(ctx, renderSourcesHtml(last.citations, last.lang, { question: last.question }));
  });
  bot.command("lang", async (ctx) => {
    const next: Lang = uiLang(ctx) === "zh" ? "en" : "zh";
    ctx.session.lang = next;
    await replyText(ctx, BOT_MESSAGES[next].langSwitched);
  });
}

/** The command menu for setMyCommands, by language. */
export function commandMenu(lang: Lang): { command: string; description: string }[] {
  return Object.entries(BOT_MESSAGES[lang].commands).map(([command, description]) => ({ command, description }));
}
