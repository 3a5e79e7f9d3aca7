/**
 * Views of a disclosure the rules share: which tables the template defines, and its text line by
 * line (all lines, or only the narrative paragraphs with each match mapped back to its line).
 */
import type { Disclosure, TableKind } from "../parse/types.js";

/** The template's tables (the 公开01–09 family), in template order. */
export const TEMPLATE_ORDER: readonly TableKind[] = [
  "收入支出决算总表",
  "收入决算表",
  "支出决算表",
  "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算明细表",
  "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款支出决算表",
  "三公经费支出决算表",
];

/** Template table kinds as a set. */
export const TEMPLATE_KINDS: ReadonlySet<TableKind> = new Set(TEMPLATE_ORDER);

/** A stretch of text to scan, with the line each offset in it stands on. */
export interface TextSpan {
  readonly text: string;
  lineAt(offset: number): number;
}

/** Every raw line of the document (form feeds dropped). */
export function rawLines(doc: Disclosure): TextSpan[] {
  return doc.lines.map((text, i) => ({ text: text.replace(/\f/g, ""), lineAt: () => i + 1 }));
}

/** The narrative sentences (paragraph text split after 。；！？), soft line breaks repaired. */
export function narrativeSentences(doc: Disclosure): TextSpan[] {
  const out: TextSpan[] = [];
  for (const p of doc.paragraphs) {
    const at = (offset: number): number => {
      let line = p.line;
      for (const e of p.lineMap) if (e.offset <= offset) line = e.line;
      return line;
    };
    for (const m of p.text.matchAll(/[^。；;！？!?]+[。；;！？!?]?/g)) {
      const start = m.index ?? 0;
      out.push({ text: m[0], lineAt: (offset) => at(start + offset) });
    }
  }
  return out;
}
