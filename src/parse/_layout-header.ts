/**
 * Header lines of a layout block placed over the column spans: group headers over the columns
 * they head, wrapped header text joined back into its cell.
 */
import { headerWordPrefix, knownHeaderWord } from "./_header.js";
import { compact } from "./_lines.js";
import { bestSpan, type Span } from "./_layout-spans.js";
import type { Token } from "./_layout-tokens.js";

// A group header is printed centred over the columns it heads ("预算数" over six columns).
function centred(tk: Token, covered: readonly Span[]): boolean {
  const from = Math.min(...covered.map((s) => s.start));
  const to = Math.max(...covered.map((s) => s.end));
  return Math.abs((tk.start + tk.end) / 2 - (from + to) / 2) <= Math.max(2, (to - from) / 20);
}

// Text wrapped inside one header cell ("因公出国" / "（境）费", "本年收入" / "合计", "政府性基" /
// "金预算财" / "政拨款"): the pieces join into a word of the template's header vocabulary or the
// beginning of one, or the upper piece leaves a bracket open.
function continues(above: string, below: string): boolean {
  const a = compact(above);
  const joined = a + compact(below);
  return knownHeaderWord(joined) || headerWordPrefix(joined) || (/[(（][^)）]*$/.test(a) && /^[^(（]*[)）]/.test(compact(below)));
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
      const own = bestSpan(spans, c.tk);
      // The rest of a wrapped cell ("一般公共预" / "算财政拨款") joins it before anything else.
      const above = owner[own];
      const aboveRow = above ? out[above.line] : null;
      if (above && !above.group && aboveRow && above.line < h && continues(aboveRow[own] ?? "", c.tk.text)) {
        aboveRow[own] = `${aboveRow[own] ?? ""}${c.tk.text}`;
        continue;
      }
      const below = c.spans.filter((k) => hasTextBelow(h, k));
      // Centred over its columns as a PDF prints it, or at the first of them as a text form aligns it.
      const heads = below.filter((k) => k >= own);
      // A word starting exactly where its column starts is aligned left, however centred it looks.
      const leftAligned = spans[own]?.start === c.tk.start && heads.length >= 2;
      const isCentred = !leftAligned && below.length >= 2 && centred(c.tk, below.map((k) => spans[k]).filter((s): s is Span => s !== undefined));
      // The beginning of a header word ("一般公共预") is a wrapped cell's upper piece, never a group.
      const piece = headerWordPrefix(compact(c.tk.text));
      if (!piece && c.spans.length > 1 && (isCentred || heads.length >= 2)) {
        const first = isCentred ? Math.min(...c.spans) : own;
        row[first] = c.tk.text;
        c.spans.forEach((k) => (owner[k] = { line: h, group: true }));
        continue;
      }
      row[own] = row[own] ? `${row[own]} ${c.tk.text}` : c.tk.text;
      owner[own] = { line: h, group: false };
    }
  });
}
