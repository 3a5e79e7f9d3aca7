import { formatFigure } from "../core/money.js";
import type { Citation, Lang } from "./types.js";
import { WORDS } from "./messages.js";

/** A figure with its unit for a reply: grouped digits, unit kept ("2,810.41 万元", "95.9%"). */
export function figureText(value: string, unit: string): string {
  const v = formatFigure(value);
  return unit === "%" ? `${v}%` : `${v} ${unit}`;
}

/** One citation as a plain-text line. */
export function citationLine(c: Citation, lang: Lang): string {
  const w = WORDS[lang];
  const lines = c.line === c.lineEnd ? `${c.line}` : `${c.line}–${c.lineEnd}`;
  const where = c.table ?? c.section ?? "";
  const at = lang === "zh" ? `${w.line}${lines}${w.lineSuffix}` : `${w.line}${lines}`;
  return `• ${c.file} ${at}${where ? ` · ${where}` : ""}\n  “${c.quote}”`;
}

/** The citations block of a reply. */
export function citationsBlock(cs: readonly Citation[], lang: Lang): string {
  if (cs.length === 0) return "";
  return `${WORDS[lang].source}${lang === "zh" ? "：" : ":"}\n${cs.map((c) => citationLine(c, lang)).join("\n")}`;
}
