import type { Answer, Citation, Lang } from "../answer/types.js";
import { assertNever } from "../core/result.js";
import { answerBlocks, citationBlocks, figureText, type Block, type RenderOptions } from "./_blocks.js";
import { escapeHtml, splitHtml, TELEGRAM_MESSAGE_LIMIT } from "./_html.js";
import { LABELS, STATUS_ICON } from "./_labels.js";

export { escapeHtml, splitHtml, TELEGRAM_MESSAGE_LIMIT } from "./_html.js";
export { STATUS_ICON } from "./_labels.js";
export type { RenderOptions } from "./_blocks.js";

function plainBlock(b: Block, lang: Lang): string {
  const L = LABELS[lang];
  switch (b.kind) {
    case "figure":
    case "text":
    case "note":
      return b.text;
    case "label":
      return `${b.label}${L.colon}${b.text}`;
    case "heading":
      return `${b.text}${L.colon.trim()}`;
    case "citation": {
      const head = `[${b.n}] ${b.file} ${b.lines}${b.title ? `｜${b.title}` : ""}`;
      return b.quote ? `${head}\n    “${b.quote}”` : head;
    }
    default:
      return assertNever(b, "block");
  }
}

function htmlBlock(b: Block, lang: Lang): string {
  const L = LABELS[lang];
  switch (b.kind) {
    case "figure":
      return `<b>${escapeHtml(b.text)}</b>`;
    case "text":
      return escapeHtml(b.text);
    case "note":
      return `<i>${escapeHtml(b.text)}</i>`;
    case "label":
      return `<b>${escapeHtml(b.label)}</b>${L.colon}${escapeHtml(b.text)}`;
    case "heading":
      return `\n<b>${escapeHtml(b.text)}</b>`;
    case "citation": {
      const lines = [`${b.n}. <code>${escapeHtml(b.file)}</code> ${escapeHtml(b.lines)}`];
      if (b.title) lines.push(`<i>${escapeHtml(b.title)}</i>`);
      if (b.quote) lines.push(`<blockquote>${escapeHtml(b.quote)}</blockquote>`);
      return lines.join("\n");
    }
    default:
      return assertNever(b, "block");
  }
}

/** The answer as plain text for the console and CLI: figure, text, 口径, status, then every citation with its quote. */
export function renderAnswerPlain(answer: Answer, opts: RenderOptions = {}): string {
  const lang = opts.lang ?? answer.lang;
  return answerBlocks(answer, opts)
    .map((b) => plainBlock(b, lang))
    .join("\n");
}

/**
 * The answer as Telegram HTML, split into messages of at most 4,096 characters: figure first, then
 * 口径 and status in words, then citations (document, 公开NN表 or section, lines, quoted source).
 * A figure shows three citations (all for a text answer) unless `maxCitations` says otherwise;
 * every dynamic string is escaped.
 */
export function renderAnswerHtml(answer: Answer, opts: RenderOptions = {}): string[] {
  const lang = opts.lang ?? answer.lang;
  // A figure needs few sources on screen; a text answer's passages are its content, so all stay.
  const maxCitations = answer.kind === "text" ? answer.citations.length : 3;
  const html = answerBlocks(answer, { maxCitations, ...opts })
    .map((b) => htmlBlock(b, lang))
    .join("\n");
  return splitHtml(html, TELEGRAM_MESSAGE_LIMIT);
}

/** Every citation in full, as plain text (the console's `来源` listing). */
export function renderSourcesPlain(citations: readonly Citation[], lang: Lang, maxQuote = 1000): string {
  const L = LABELS[lang];
  if (citations.length === 0) return L.noSources;
  return [`${L.sources}${L.colon.trim()}`, ...citationBlocks(citations, lang, maxQuote).map((b) => plainBlock(b, lang))].join("\n");
}

/** Every citation in full, as Telegram HTML messages (the bot's /sources and "来源" button). */
export function renderSourcesHtml(citations: readonly Citation[], lang: Lang, opts: { question?: string; maxQuote?: number } = {}): string[] {
  const L = LABELS[lang];
  if (citations.length === 0) return [escapeHtml(L.noSources)];
  const head = `<b>${escapeHtml(L.sources)}</b>${opts.question ? `${L.colon}${escapeHtml(opts.question)}` : ""}`;
  const body = citationBlocks(citations, lang, opts.maxQuote ?? 1000).map((b) => htmlBlock(b, lang));
  return splitHtml([head, ...body].join("\n\n"), TELEGRAM_MESSAGE_LIMIT);
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}

/**
 * A shareable fact card for inline mode, one message: the figure (or a short text), department and
 * year, status, and the first citation with its quote.
 */
export function renderFactCardHtml(answer: Answer, opts: { lang?: Lang } = {}): string {
  const lang = opts.lang ?? answer.lang;
  const L = LABELS[lang];
  const lines: string[] = [`❓ ${escapeHtml(answer.question.trim())}`];
  if (answer.kind === "number" && answer.value !== null) lines.push(`<b>${escapeHtml(figureText(answer.value, answer.unit))}</b>`);
  const body = answerBlocks(answer, { lang, maxCitations: 1, maxQuote: 200 }).filter((b) => b.kind !== "note");
  for (const b of body) {
    if (b.kind === "figure") continue;
    lines.push(htmlBlock(b.kind === "text" ? { kind: "text", text: clip(b.text, 600) } : b, lang));
  }
  if (answer.kind !== "refuse" && answer.status !== null && !body.some((b) => b.kind === "label" && b.label === L.status)) {
    lines.push(`${STATUS_ICON[answer.status]} ${escapeHtml(L.statusWords[answer.status])}`);
  }
  lines.push(`<i>— ${lang === "zh" ? "决算问答" : "juesuan"}</i>`);
  return splitHtml(lines.join("\n"), TELEGRAM_MESSAGE_LIMIT)[0] ?? "";
}
