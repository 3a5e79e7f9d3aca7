/**
 * Cell lines for both text forms: OCR lines are split at tabs; `pdftotext -layout` lines
 * (space-aligned columns, no tabs) are split at column spans found from the body and 栏次 lines
 * of each table region, with multi-line headers placed over the spans they head.
 */
import { cleanLine, compact, splitCells } from "./_lines.js";
import { isTableTitle, normaliseMarker } from "./_titles.js";

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Span {
  start: number;
  end: number;
  /** Lines (region-relative) with a token in the span. */
  readonly lines: Set<number>;
}

/** Per line: its cells when it is a table line, else null. */
export function layoutCellRows(lines: readonly string[], excluded: (i: number) => boolean): (string[] | null)[] {
  const rows = lines.map((l, i) => (!excluded(i) && l.includes("\t") && l.trim() !== "" ? splitCells(l) : null));
  // A document with tab-separated cells is OCR output; otherwise look for space-aligned tables.
  if (rows.filter((r) => r !== null).length >= 5) return rows;
  for (const region of findRegions(lines, excluded)) {
    const cells = alignRegion(region.map((i) => lines[i] ?? ""));
    region.forEach((lineIndex, k) => {
      const c = cells[k];
      if (c) rows[lineIndex] = c;
    });
  }
  return rows;
}

/** Splits a line at runs of two or more spaces, keeping each piece's character positions. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

const PREAMBLE = /^(?:(?:部门|单位)(?:名称)?\s*[:：]|(?:金额)?单位\s*[:：]|公开\s*\d+\s*表)/;

/** Table line indexes after each title / 公开NN表 anchor, up to the note, a heading or narrative. */
function findRegions(lines: readonly string[], excluded: (i: number) => boolean): number[][] {
  const regions: number[][] = [];
  let i = 0;
  while (i < lines.length) {
    const t = cleanLine(lines[i] ?? "");
    if (excluded(i) || !(isTableTitle(t) || normaliseMarker(t) !== null)) {
      i++;
      continue;
    }
    let j = i + 1;
    // Preamble: title, 公开NN表, 部门/单位 lines (possibly "部门：…      单位：万元").
    while (j < lines.length) {
      const u = cleanLine(lines[j] ?? "");
      if (u === "" || isTableTitle(u) || normaliseMarker(u) !== null || PREAMBLE.test(u) || tokenize(u).every((tk) => PREAMBLE.test(tk.text))) j++;
      else break;
    }
    const region: number[] = [];
    let blanks = 0;
    for (; j < lines.length; j++) {
      const raw = lines[j] ?? "";
      const u = cleanLine(raw);
      if (u === "") {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      const tokens = tokenize(raw);
      if (/^注\s*[:：]|^第[一二三四五六七八九十]+部分/.test(u) || isTableTitle(u) || normaliseMarker(u) !== null) break;
      if (tokens.length === 1 && compact(u).length > 30) break;
      region.push(j);
    }
    // Space-aligned columns: most lines split into two or more pieces at wide gaps.
    const columnar = region.filter((k) => tokenize(lines[k] ?? "").length >= 2).length;
    if (columnar >= 3 && columnar >= region.length / 2) regions.push(region);
    i = Math.max(j, i + 1);
  }
  return regions;
}

const FIGURE = /^-?[\d,]*\d[.,]\d+$|^-?\d{1,3}(?:,\d{3})+$/;

function isLanci(tokens: readonly Token[]): boolean {
  const nums = tokens.filter((t) => /^\d{1,2}$/.test(t.text)).map((t) => Number(t.text));
  const others = tokens.filter((t) => !/^\d{1,2}$/.test(t.text));
  return nums.length > 0 && nums.every((n, k) => n === k + 1) && others.every((t) => /栏\s*次|^[类款项]$/.test(t.text));
}

function isBody(tokens: readonly Token[]): boolean {
  // "合计" alone is the total row of an empty table; beside other words it is a header cell.
  const words = tokens.filter((t) => /\p{Script=Han}/u.test(t.text));
  return (
    tokens.some((t) => FIGURE.test(t.text)) ||
    /^\d{3,7}$/.test(tokens[0]?.text ?? "") ||
    (words.length <= 2 && words.some((t) => /^(?:合\s*计|总\s*计)$/.test(t.text)))
  );
}

/** Converts the lines of one region into cells aligned on shared column spans. */
export function alignRegion(lines: readonly string[]): (string[] | null)[] {
  const tokens = lines.map(tokenize);
  const firstData = tokens.findIndex((t) => isLanci(t) || isBody(t));
  if (firstData < 0) return lines.map(() => null);
  const spans = buildSpans(tokens, firstData);
  const spanOf = (tk: Token): number => bestSpan(spans, tk);
  const out: (string[] | null)[] = lines.map((l) => (l.trim() === "" ? null : spans.map(() => "")));
  // Body and 栏次 lines: each token in its span.
  for (let k = firstData; k < lines.length; k++) {
    const row = out[k];
    if (!row) continue;
    for (const tk of tokens[k] ?? []) {
      const s = spanOf(tk);
      row[s] = row[s] ? `${row[s]} ${tk.text}` : tk.text;
    }
  }
  placeHeader(tokens.slice(0, firstData), spans, out);
  return out;
}

export function buildSpans(tokens: readonly (readonly Token[])[], firstData: number): Span[] {
  const all: { tk: Token; line: number }[] = [];
  for (let k = firstData; k < tokens.length; k++) for (const tk of tokens[k] ?? []) all.push({ tk, line: k });
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
  // never shares a line with a neighbour joins the nearer such neighbour.
  const merged = spans.map((s) => ({ start: s.start, end: s.end, lines: new Set(s.lines) }));
  const apart = (a: Span, b: Span): boolean => ![...a.lines].some((l) => b.lines.has(l));
  // Closest pairs first: "行次 … 2 … 5,721.65" joins the "2" to the figures, not to 行次.
  for (;;) {
    let bestK = -1;
    let bestGap = Infinity;
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

function bestSpan(spans: readonly Span[], tk: Token): number {
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

/**
 * Header lines: a token heading two or more spans that have header text below it is a group
 * header ("预算数", "公务用车购置及运行维护费") and goes to its first span; a token under a
 * one-span token of the line above continues that cell's wrapped text ("因公出国" / "（境）费").
 */
// A group header is printed centred over the columns it heads ("预算数" over six columns).
function centred(tk: Token, covered: readonly Span[]): boolean {
  const from = Math.min(...covered.map((s) => s.start));
  const to = Math.max(...covered.map((s) => s.end));
  return Math.abs((tk.start + tk.end) / 2 - (from + to) / 2) <= Math.max(2, (to - from) / 4);
}

function placeHeader(header: readonly (readonly Token[])[], spans: readonly Span[], out: (string[] | null)[]): void {
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
      if (c.spans.length > 1 && below.length >= 2 && centred(c.tk, below.map((k) => spans[k]).filter((s): s is Span => s !== undefined))) {
        const first = Math.min(...c.spans);
        row[first] = c.tk.text;
        c.spans.forEach((k) => (owner[k] = { line: h, group: true }));
        continue;
      }
      const k = bestSpan(spans, c.tk);
      const above = owner[k];
      const aboveRow = above ? out[above.line] : null;
      if (above && !above.group && aboveRow) aboveRow[k] = `${aboveRow[k] ?? ""}${c.tk.text}`;
      else {
        row[k] = row[k] ? `${row[k]} ${c.tk.text}` : c.tk.text;
        owner[k] = { line: h, group: false };
      }
    }
  });
}
