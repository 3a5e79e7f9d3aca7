/**
 * Column spans of a layout block: the body's pieces overlapped into spans, spans a header cell
 * bridges joined, header words over no span given their own, and each piece's best span.
 */
import { FIGURE, isCrumb, type Token } from "./_layout-tokens.js";

/** A column's extent and the block lines with a piece in it. */
export interface Span {
  start: number;
  end: number;
  /** Lines (block-relative) with a token in the span. */
  readonly lines: Set<number>;
}

/**
 * Two figures never share a cell: where pdftotext crowded a row's figures into one column's span
 * ("2.22    2.22" left of the other rows' figures), the figure whose right edge is nearer the span's
 * keeps it and the others move, in their order, to the next spans this line leaves empty.
 */
export function spreadFigures(placed: { tk: Token; span: number }[], spans: readonly Span[]): { tk: Token; span: number }[] {
  const used = new Set(placed.map((p) => p.span));
  const bySpan = new Map<number, { tk: Token; span: number }[]>();
  for (const p of placed) if (FIGURE.test(p.tk.text)) bySpan.set(p.span, [...(bySpan.get(p.span) ?? []), p]);
  for (const [span, group] of bySpan) {
    if (group.length < 2) continue;
    const end = spans[span]?.end ?? 0;
    const nearest = group.reduce((a, b) => (Math.abs(b.tk.end - end) < Math.abs(a.tk.end - end) ? b : a));
    // Figures keep their order: without room on the left, the first keeps the span.
    const roomLeft = (n: number): boolean => {
      let free = 0;
      for (let q = span - 1; q >= 0 && free < n; q--) if (!used.has(q)) free++;
      return free >= n;
    };
    const at = roomLeft(group.indexOf(nearest)) ? group.indexOf(nearest) : 0;
    group.slice(0, at).reverse().forEach((p, k) => {
      const target = freeSpan(used, span, -1, k);
      if (target !== null) p.span = target;
    });
    group.slice(at + 1).forEach((p, k) => {
      const target = freeSpan(used, span, 1, k);
      if (target !== null && target < spans.length) p.span = target;
    });
  }
  return placed;
}

function freeSpan(used: Set<number>, from: number, step: 1 | -1, skip: number): number | null {
  let seen = 0;
  for (let s = from + step; s >= 0 && s < from + 20; s += step) {
    if (used.has(s)) continue;
    if (seen++ === skip) {
      used.add(s);
      return s;
    }
  }
  return null;
}

/** Spans of the body pieces: overlapping pieces share a span; close spans never on one line join. */
export function buildSpans(tokens: readonly (readonly Token[])[], firstData: number): Span[] {
  const all: { tk: Token; line: number }[] = [];
  for (let k = firstData; k < tokens.length; k++) for (const tk of tokens[k] ?? []) if (!isCrumb(tk)) all.push({ tk, line: k });
  all.sort((a, b) => a.tk.start - b.tk.start);
  const spans: Span[] = [];
  for (const { tk, line } of all) {
    const last = spans[spans.length - 1];
    if (last && tk.start < last.end) {
      last.end = Math.max(last.end, tk.end);
      last.lines.add(line);
    } else spans.push({ start: tk.start, end: tk.end, lines: new Set([line]) });
  }
  // A centred 栏次 number and right-aligned figures of one column may not overlap; a span that
  // never shares a line with a close neighbour joins the nearer such neighbour. Columns are
  // printed at least three spaces apart, so only spans two or fewer columns apart are joined.
  const merged = spans.map((s) => ({ start: s.start, end: s.end, lines: new Set(s.lines) }));
  const apart = (a: Span, b: Span): boolean => ![...a.lines].some((l) => b.lines.has(l));
  // Closest pairs first: "行次 … 2 … 5,721.65" joins the "2" to the figures, not to 行次.
  for (;;) {
    let bestK = -1;
    let bestGap = 3;
    for (let k = 0; k + 1 < merged.length; k++) {
      const a = merged[k];
      const b = merged[k + 1];
      if (a && b && apart(a, b) && b.start - a.end < bestGap) {
        bestGap = b.start - a.end;
        bestK = k;
      }
    }
    const a = merged[bestK];
    const b = merged[bestK + 1];
    if (!a || !b) break;
    a.end = Math.max(a.end, b.end);
    b.lines.forEach((l) => a.lines.add(l));
    merged.splice(bestK + 1, 1);
  }
  return merged;
}

/**
 * Neighbouring spans are one column when a header cell covers both and they never share a line,
 * or one of them holds words of two lines at most: the 栏次 line's "类" left-aligned and the
 * codes right-aligned under "功能分类 科目编码"; OCR's "尖   款   坝" beside the codes.
 */
export function bridged(spans: readonly Span[], header: readonly (readonly Token[])[], body: readonly (readonly Token[])[]): Span[] {
  const out = spans.map((s) => ({ start: s.start, end: s.end, lines: new Set(s.lines) }));
  const overlaps = (s: Span, tk: Token): boolean => Math.min(s.end, tk.end) > Math.max(s.start, tk.start);
  const rare = (x: Span): boolean => x.lines.size <= 2 && !body.some((line) => line.some((tk) => overlaps(x, tk) && /\d/.test(tk.text)));
  for (let k = 0; k + 1 < out.length; ) {
    const a = out[k];
    const b = out[k + 1];
    if (a && b && (rare(a) || rare(b) || ![...a.lines].some((l) => b.lines.has(l))) && header.some((line) => line.some((tk) => overlaps(a, tk) && overlaps(b, tk)))) {
      a.end = Math.max(a.end, b.end);
      b.lines.forEach((l) => a.lines.add(l));
      out.splice(k + 1, 1);
    } else k++;
  }
  return out;
}

/**
 * Header text over no body span heads a column the body leaves empty ("决算数" of a group with
 * no figures, "款" of a table without rows): it gets a span of its own, so its header cells do
 * not join a neighbour's. In a line of column headers, a word left-aligned in a wide column
 * whose figures are right-aligned ("合计" over "1") widens the next span no other word claims.
 * Lines nearest the body go first: upper lines hold group headers.
 */
export function withHeaderSpans(spans: readonly Span[], header: readonly (readonly Token[])[]): Span[] {
  const out = spans.map((s) => ({ start: s.start, end: s.end, lines: new Set(s.lines) }));
  const overlaps = (s: Span, tk: Token, margin = 0): boolean => Math.min(s.end, tk.end) > Math.max(s.start, tk.start) - margin;
  for (let h = header.length - 1; h >= 0; h--) {
    const line = header[h] ?? [];
    const added: Span[] = [];
    for (const tk of line) {
      // A header sharing an edge with the one column it overlaps is as wide as the column:
      // "经济分类科目编码" over codes right-aligned to its end.
      const over = out.filter((s) => overlaps(s, tk));
      const own = over[0];
      if (over.length === 1 && own && (own.start === tk.start || own.end === tk.end)) {
        own.start = Math.min(own.start, tk.start);
        own.end = Math.max(own.end, tk.end);
        continue;
      }
      // Columns stand at least two spaces apart; a piece closer to a column is a centred
      // group header over it ("收入" over 项目 | 行次 | 金额), not a column of its own.
      if (out.some((s) => overlaps(s, tk, 2))) continue;
      const next = out.find((s) => s.start >= tk.end);
      if (line.length >= 3 && next && !line.some((o) => overlaps(next, o) || (o.start >= tk.end && o.end <= next.start))) {
        next.start = tk.start;
        next.lines.add(h);
        continue;
      }
      added.push({ start: tk.start, end: tk.end, lines: new Set([h]) });
    }
    out.push(...added);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The span a piece overlaps most, else the nearest. */
export function bestSpan(spans: readonly Span[], tk: Token): number {
  let best = 0;
  let bestScore = -Infinity;
  spans.forEach((s, k) => {
    const overlap = Math.min(s.end, tk.end) - Math.max(s.start, tk.start);
    const distance = Math.abs((s.start + s.end) / 2 - (tk.start + tk.end) / 2);
    const score = overlap > 0 ? overlap * 1000 - distance : -distance;
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  });
  return best;
}
