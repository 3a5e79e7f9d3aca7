/**
 * Header lines of a layout block placed over the column spans: group headers over the columns
 * they head, wrapped header text joined back into its cell.
 */
import { knownHeaderWord } from "./_header.js";
import { compact } from "./_lines.js";
import { bestSpan, type Span } from "./_layout-spans.js";
import type { Token } from "./_layout-tokens.js";

// A group header is printed centred over the columns it heads ("预算数" over six columns).
function centred(tk: Token, covered: readonly Span[]): boolean {
  const from = Math.min(...covered.map((s) => s.start));
  const to = Math.max(...covered.map((s) => s.end));
  return Math.abs((tk.start + tk.end) / 2 - (from + to) / 2) <= Math.max(2, (to - from) / 20);
}

// Text wrapped inside one header cell ("因公出国" / "（境）费", "本年收入" / "合计"): the pieces
// join into a word of the template's header vocabulary, or the upper piece leaves a bracket open.
function continues(above: string, below: string): boolean {
  const a = compact(above);
  return knownHeaderWord(a + compact(below)) || (/[(（][^)）]*$/.test(a) && /^[^(（]*[)）]/.test(compact(below)));
}

/**
 * Header lines: a token heading two or more spans that have header text below it is a group
 * header ("预算数", "公务用车购置及运行维护费") and goes to its first span; a token under a
 * one-span token of the line above that completes its wrapped text ("因公出国" / "（境）费")
 * joins that cell; any other token takes the span it overlaps most.
 */
export function placeHeader(header: readonly (readonly Token[])[], spans: readonly Span[], out: (string[] | null)[]): void {
  const centre = (s: Span): number => (s.start + s.end) / 2;
  // For each header line, the spans each token covers.
  const covers: { tk: Token; spans: number[] }[][] = header.map((line) =>
    line.map((tk, t) => {
      const prev = line[t - 1];
      const next = line[t + 1];
      const from = prev ? (prev.end + tk.start) / 2 : -Infinity;
      const to = next ? (tk.end + next.start) / 2 : Infinity;
      const owned = spans.flatMap((s, k) => (centre(s) >= from && centre(s) < to ? [k] : []));
      return { tk, spans: owned.length > 0 ? owned : [bestSpan(spans, tk)] };
    }),
  );
  const hasTextBelow = (h: number, k: number): boolean =>
    covers.slice(h + 1).some((line) => line.some((c) => bestSpan(spans, c.tk) === k));
  const owner: (null | { line: number; group: boolean })[] = spans.map(() => null);
  covers.forEach((line, h) => {
    const row = out[h];
    if (!row) return;
    for (const c of line) {
      const below = c.spans.filter((k) => hasTextBelow(h, k));
      const own = bestSpan(spans, c.tk);
      // Centred over its columns as a PDF prints it, or at the first of them as a text form aligns it.
      const heads = below.filter((k) => k >= own);
      // A word starting exactly where its column starts is aligned left, however centred it looks.
      const leftAligned = spans[own]?.start === c.tk.start && heads.length >= 2;
      const isCentred = !leftAligned && below.length >= 2 && centred(c.tk, below.map((k) => spans[k]).filter((s): s is Span => s !== undefined));
      if (c.spans.length > 1 && (isCentred || heads.length >= 2)) {
        const first = isCentred ? Math.min(...c.spans) : own;
        row[first] = c.tk.text;
        c.spans.forEach((k) => (owner[k] = { line: h, group: true }));
        continue;
      }
      const k = own;
      const above = owner[k];
      const aboveRow = above ? out[above.line] : null;
      if (above && !above.group && aboveRow && above.line < h && continues(aboveRow[k] ?? "", c.tk.text)) {
        aboveRow[k] = `${aboveRow[k] ?? ""}${c.tk.text}`;
      } else {
        row[k] = row[k] ? `${row[k]} ${c.tk.text}` : c.tk.text;
        owner[k] = { line: h, group: false };
      }
    }
  });
}
