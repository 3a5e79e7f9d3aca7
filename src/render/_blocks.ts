import type { Answer, Citation, Lang } from "../answer/types.js";
import { formatFigure } from "../core/money.js";
import { LABELS, STATUS_ICON } from "./_labels.js";

/** One piece of a rendered reply, shared by the plain and the HTML renderer. */
export type Block =
  | { readonly kind: "figure"; readonly text: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "label"; readonly label: string; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "citation"; readonly n: number; readonly file: string; readonly lines: string; readonly title: string | null; readonly quote: string }
  | { readonly kind: "note"; readonly text: string };

/** Rendering options shared by the plain and HTML renderers. */
export interface RenderOptions {
  /** Label language; defaults to the answer's language. */
  readonly lang?: Lang;
  /** Citations shown in full before "… N more" (default: all). */
  readonly maxCitations?: number;
  /** Longest quote shown, in characters (default 240). */
  readonly maxQuote?: number;
}

// Lines the answer stage may already put in `text`; citations are re-rendered from the structured
// list, while its 口径 / 核验 / 计算 lines carry detail (measure, formula) the Answer lacks.
const LABEL_LINE = /^\s*(口径|核验|状态|来源|出处|计算|basis|status|sources?|computed)\s*[:：]\s*(.*)$/i;
const SOURCE_LABELS = new Set(["来源", "出处", "source", "sources"]);
const STATUS_LABELS = new Set(["核验", "状态", "status"]);
const BASIS_LABELS = new Set(["口径", "basis"]);

interface SplitText {
  readonly body: string;
  readonly labels: readonly { readonly label: string; readonly key: "basis" | "status" | "other"; readonly text: string }[];
  readonly hadSources: boolean;
}

function splitText(text: string): SplitText {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => LABEL_LINE.test(l));
  if (first < 0) return { body: text.trim(), labels: [], hadSources: false };
  const labels: { label: string; key: "basis" | "status" | "other"; text: string }[] = [];
  let inSources = false;
  let hadSources = false;
  for (const line of lines.slice(first)) {
    const m = LABEL_LINE.exec(line);
    if (m) {
      const label = m[1] ?? "";
      const low = label.toLowerCase();
      inSources = SOURCE_LABELS.has(low);
      hadSources ||= inSources;
      if (inSources) continue;
      const key = BASIS_LABELS.has(low) ? "basis" : STATUS_LABELS.has(low) ? "status" : "other";
      labels.push({ label, key, text: (m[2] ?? "").trim() });
    } else if (!inSources && line.trim() && labels.length > 0) {
      const last = labels[labels.length - 1];
      if (last) labels[labels.length - 1] = { ...last, text: `${last.text} ${line.trim()}` };
    }
  }
  return { body: lines.slice(0, first).join("\n").trim(), labels, hadSources };
}

/** The figure as people read it: "3.87 万元", "113,311.47 万元", "95.9%". */
export function figureText(value: string, unit: string | null): string {
  const v = formatFigure(value);
  if (!unit) return v;
  return unit === "%" ? `${v}%` : `${v} ${unit}`;
}

/** A quote on one line: tabs as " | ", runs of spaces collapsed, clipped with "…". */
export function tidyQuote(quote: string, max: number): string {
  const cells = quote.split("\t").map((c) => c.trim());
  while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
  const one = cells.join(" | ").replace(/\s*\n\s*/g, " ").replace(/[ \u3000]{2,}/g, " ").trim();
  const chars = Array.from(one);
  return chars.length > max ? `${chars.slice(0, Math.max(1, max - 1)).join("")}…` : one;
}

/** Citation blocks, numbered from 1. */
export function citationBlocks(citations: readonly Citation[], lang: Lang, maxQuote: number): Block[] {
  const L = LABELS[lang];
  return citations.map((c, i) => ({
    kind: "citation",
    n: i + 1,
    file: c.file,
    lines: c.page !== undefined ? `${L.page(c.page)} ${L.lines(c.line, c.lineEnd)}` : L.lines(c.line, c.lineEnd),
    title: c.table ?? c.section,
    quote: tidyQuote(c.quote, maxQuote),
  }));
}

/** The blocks of one answer: figure, body, 口径, status, citations. */
export function answerBlocks(answer: Answer, opts: RenderOptions = {}): Block[] {
  const lang = opts.lang ?? answer.lang;
  const L = LABELS[lang];
  const maxQuote = opts.maxQuote ?? 240;
  if (answer.kind === "refuse") return [{ kind: "text", text: answer.text.trim() }];
  const { body, labels, hadSources } = splitText(answer.text);
  const blocks: Block[] = [];
  if (answer.kind === "number" && answer.value !== null) {
    blocks.push({ kind: "figure", text: figureText(answer.value, answer.unit) });
  }
  if (body) blocks.push({ kind: "text", text: body });

  const basis = labels.find((l) => l.key === "basis");
  if (basis) blocks.push({ kind: "label", label: L.basis, text: basis.text });
  else if (answer.department !== null || answer.year !== null) {
    const parts = [answer.department, answer.year !== null ? L.year(answer.year) : null, answer.unit && answer.kind === "number" ? L.unit(answer.unit) : null];
    blocks.push({ kind: "label", label: L.basis, text: parts.filter((p): p is string => p !== null).join(lang === "zh" ? "｜" : " · ") });
  }
  const icon = answer.status !== null ? `${STATUS_ICON[answer.status]} ` : "";
  const status = labels.find((l) => l.key === "status");
  if (status) blocks.push({ kind: "label", label: L.status, text: `${icon}${status.text}` });
  else if (answer.status !== null) blocks.push({ kind: "label", label: L.status, text: `${icon}${L.statusWords[answer.status]}` });
  for (const other of labels.filter((l) => l.key === "other")) blocks.push({ kind: "label", label: other.label, text: other.text });

  if (answer.citations.length > 0) {
    const max = opts.maxCitations ?? answer.citations.length;
    blocks.push({ kind: "heading", text: L.sources });
    blocks.push(...citationBlocks(answer.citations.slice(0, max), lang, maxQuote));
    if (answer.citations.length > max) blocks.push({ kind: "note", text: L.moreSources(answer.citations.length - max) });
  } else if (hadSources) {
    // The text named sources but the structured list is empty: keep the text's own wording.
    return [...blocks.filter((b) => b.kind === "figure"), { kind: "text", text: answer.text.trim() }];
  }
  return blocks;
}
