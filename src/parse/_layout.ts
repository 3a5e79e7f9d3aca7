/**
 * Cell lines for both text forms: OCR lines are split at tabs; `pdftotext -layout` lines
 * (space-aligned columns, no tabs) are split at column spans found from the body and 栏次 lines
 * of each block of table lines, with multi-line headers placed over the spans they head.
 */
import { joinFragments } from "./_fragments.js";
import { isPlainForm, plainCellRows } from "./_plain.js";
import { findLanciLine, knownHeaderWord } from "./_header.js";
import { cleanLine, compact, splitCells, stripMarkup } from "./_lines.js";
import { kindOfTitle } from "./_kinds.js";
import { bareTitle, isTableTitle, normaliseMarker, PART_HEADING } from "./_titles.js";

/** How a character position is counted: one per character, or East Asian wide characters as two. */
export type Metric = "char" | "display";

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Span {
  start: number;
  end: number;
  /** Lines (block-relative) with a token in the span. */
  readonly lines: Set<number>;
}

// East Asian Wide and Fullwidth blocks (CJK ideographs and punctuation, kana, Hangul, fullwidth forms).
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** Per line: its cells when it is a table line, else null. */
export function layoutCellRows(lines: readonly string[], excluded: (i: number) => boolean): (string[] | null)[] {
  const rows = lines.map((l, i) => (!excluded(i) && l.includes("\t") && l.trim() !== "" ? splitCells(l) : null));
  // A document with tab-separated cells is OCR output; otherwise look for space-aligned tables.
  if (rows.filter((r) => r !== null).length >= 5) return rows;
  if (isPlainForm(lines)) return plainCellRows(lines, excluded);
  for (const block of findLayoutBlocks(lines, excluded)) {
    const aligned = alignRegion(block.map((i) => lines[i] ?? ""));
    const cells = joinFragments(snapLanci(aligned.map((c) => c ?? [])), block);
    block.forEach((lineIndex, k) => {
      const c = cells[k];
      if (c) rows[lineIndex] = c;
    });
    // Blank lines between the rows of a table stay inside it (as lines without cells).
    for (let i = block[0] ?? 0; i <= (block[block.length - 1] ?? -1); i++) rows[i] ??= [];
  }
  return rows;
}

/**
 * Splits a line at runs of two or more spaces, keeping each piece's position: by default one
 * column per character (as `pdftotext -layout` counts), or with wide characters as two columns
 * (as a terminal shows them, and as text aligned by display width is padded).
 */
export function tokenize(line: string, metric: Metric = "char"): Token[] {
  const tokens: Token[] = [];
  const re = /\S+(?: \S+)*/g;
  let m: RegExpExecArray | null;
  let at = 0;
  let pos = 0;
  const advance = (to: number): void => {
    for (const ch of line.slice(at, to)) pos += metric === "display" && WIDE.test(ch) ? 2 : 1;
    at = to;
  };
  while ((m = re.exec(line)) !== null) {
    advance(m.index);
    const start = pos;
    advance(m.index + m[0].length);
    tokens.push({ text: m[0], start, end: pos });
  }
  return tokens;
}

const PREAMBLE = /^(?:(?:部门|单位)(?:名称)?\s*[:：]|(?:金额)?单位\s*[:：]|公开\s*\d+\s*表)/;

// A line that is never a table row: a 第N部分 heading, a table title or 公开NN表 line, a note.
// A long sentence is not one: a cell spanning the table reads the same ("年度目标1（XX分）：…。").
function isBreaker(raw: string, tokens: readonly Token[]): boolean {
  const u = cleanLine(raw);
  const c = compact(u);
  if (/^(?:注|说明)\s*[:：]/.test(u) || PART_HEADING.test(c) || isTableTitle(u)) return true;
  return tokens.length < 2 && (normaliseMarker(u) !== null || (PREAMBLE.test(u) && c.length <= 40));
}

/**
 * Blocks of table lines: runs of non-blank lines without a breaker, holding at least two lines
 * of two or more space-separated pieces (a lone such line is narrative with a wide gap).
 */
function findLayoutBlocks(lines: readonly string[], excluded: (i: number) => boolean): number[][] {
  const blocks: number[][] = [];
  let run: number[] = [];
  let columnar = 0;
  let lastColumnar = -1;
  let template = false;
  let twoSided = false;
  let bodySeen = false;
  const close = (): void => {
    // Lines after the last columnar one, past a blank line, are the narrative that follows.
    const end = run.findIndex((i, k) => k > 0 && i > lastColumnar && (run[k - 1] ?? i) < i - 1);
    if (columnar >= 2) blocks.push(end > 0 ? run.slice(0, end) : run);
    run = [];
    columnar = 0;
  };
  lines.forEach((raw, i) => {
    if (excluded(i)) return close();
    if (raw.trim() === "") return;
    const tokens = tokenize(raw);
    if (isPageNumber(tokens) && (i === 0 || (lines[i - 1] ?? "").trim() === "")) {
      // A two-sided table going on over the page without a header keeps its columns' places.
      if (twoSided && bodySeen) return;
      return close();
    }
    if (isBreaker(raw, tokens)) {
      // Under the title of a template table, blank lines between rows (Shanghai prints one after
      // most rows) do not end the table; a blank line followed by anything but a row does.
      // 单位 and 公开NN表 lines between the title and the header keep the title's state.
      const u = cleanLine(raw);
      if (isTableTitle(u) || (!PREAMBLE.test(u) && normaliseMarker(u) === null)) {
        const kind = isTableTitle(u) ? kindOfTitle(bareTitle(u)) : null;
        template = kind !== null && kind !== "绩效自评表";
        twoSided = kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表";
      }
      return close();
    }
    const last = run[run.length - 1];
    // Header lines of a template table may stand between blank lines too (Guangdong 2019).
    if (last !== undefined && last < i - 1 && !(template && (!bodySeen || continuesTable(lines, i)))) close();
    if (run.length === 0) bodySeen = false;
    if (tokens.some((t) => FIGURE.test(t.text)) || /^\d{3,7}$/.test(tokens[0]?.text ?? "")) bodySeen = true;
    run.push(i);
    if (tokens.length >= 2) {
      columnar++;
      lastColumnar = i;
    }
  });
  close();
  return blocks;
}

const ROW_WORD = /收入|支出|拨款|结余|结转|合计|总计|经费/;

// A row of a table after a blank line: figures or a code, a label piece right above such a line,
// or a template row label ("年初结转和结余", "二、外交支出") short of a sentence.
function continuesTable(lines: readonly string[], i: number): boolean {
  const rowLike = (k: number): boolean => {
    const tokens = tokenize(lines[k] ?? "");
    return tokens.some((t) => FIGURE.test(t.text)) || /^\d{3,7}(?:\s|$)/.test(tokens[0]?.text ?? "");
  };
  if (rowLike(i) || (tokenize(lines[i + 1] ?? "").length > 0 && rowLike(i + 1))) return true;
  const t = compact(cleanLine(lines[i] ?? ""));
  return t.length <= 40 && ROW_WORD.test(t) && !/[。；;：:]/.test(t) && !/表$/.test(t);
}

/** A page number standing alone on its line ("8", "- 8 -", "第 8 页"): a page ends there. */
export function isPageNumber(tokens: readonly Token[]): boolean {
  const text = tokens.map((t) => t.text).join(" ");
  return tokens.length <= 3 && /^(?:[-—]\s*)?(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*[-—])?$/.test(text);
}

const FIGURE = /^-?[\d,]*\d[.,]\d+%?$|^-?\d{1,3}(?:,\d{3})+$/;

function isLanci(tokens: readonly Token[]): boolean {
  const nums = tokens.filter((t) => /^\d{1,2}$/.test(t.text)).map((t) => Number(t.text));
  const others = tokens.filter((t) => !/^\d{1,2}$/.test(t.text));
  return nums.length > 0 && nums.every((n, k) => n === k + 1) && others.every((t) => /栏\s*次|^[类款项\s]+$/.test(t.text));
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

// How well pieces line up across lines: for each piece, how many lines share its left or right
// edge (large shared edges, not chance pairs of labels of equal length).
function alignment(tokens: readonly (readonly Token[])[]): number {
  const starts = new Map<number, Set<number>>();
  const ends = new Map<number, Set<number>>();
  tokens.forEach((line, k) =>
    line.forEach((tk) => {
      (starts.get(tk.start) ?? starts.set(tk.start, new Set()).get(tk.start))?.add(k);
      (ends.get(tk.end) ?? ends.set(tk.end, new Set()).get(tk.end))?.add(k);
    }),
  );
  let score = 0;
  for (const line of tokens) for (const tk of line) score += Math.max(starts.get(tk.start)?.size ?? 0, ends.get(tk.end)?.size ?? 0) - 1;
  return score;
}

/** Converts the lines of one block into cells aligned on shared column spans. */
export function alignRegion(lines: readonly string[]): (string[] | null)[] {
  // Text padded by display width lines up only when wide characters count as two columns.
  const byChar = lines.map((l) => tokenize(l, "char"));
  const byDisplay = lines.map((l) => tokenize(l, "display"));
  const pieces = (alignment(byDisplay) > alignment(byChar) ? byDisplay : byChar).map(joinCrumbs);
  // Spread words are one cell ("栏   次"), but the spans come from the pieces as printed.
  const tokens = pieces.map(joinSpacedWords);
  let firstData = tokens.findIndex((t) => isLanci(t) || isBody(t));
  // A table of text only (绩效 targets, 序号/事项 lists): every line is a row.
  if (firstData < 0) firstData = 0;
  const header = pieces.slice(0, firstData);
  const spans = withHeaderSpans(bridged(buildSpans(pieces, firstData), header, pieces.slice(firstData)), header);
  const out: (string[] | null)[] = lines.map((l) => (l.trim() === "" ? null : spans.map(() => "")));
  // Body and 栏次 lines: each token in its span.
  for (let k = firstData; k < lines.length; k++) {
    const row = out[k];
    if (!row) continue;
    const placed = spreadFigures((tokens[k] ?? []).map((tk) => ({ tk, span: bestSpan(spans, tk) })), spans);
    for (const { tk, span } of placed) row[span] = row[span] ? `${row[span]} ${tk.text}` : tk.text;
  }
  placeHeader(tokens.slice(0, firstData), spans, out);
  return out;
}

/**
 * A 栏次 number centred in a wide column and the figures right-aligned under it may not overlap,
 * so they land in neighbouring spans (Guangdong 2019: "3" over nothing, "0.00" beside it). A
 * 栏次 column with no figures takes a neighbouring column holding figures and no 栏次 number,
 * when no line fills both.
 */
export function snapLanci(rows: readonly string[][]): string[][] {
  const lanci = findLanciLine(rows);
  if (!lanci || lanci.positions.length < 2) return rows.map((r) => [...r]);
  const body = rows.slice(lanci.index + 1);
  const filled = (r: readonly string[], c: number): boolean => (r[c] ?? "").trim() !== "";
  const hasFigure = (c: number): boolean => body.some((r) => FIGURE.test(compact(r[c] ?? "")));
  const into = new Map<number, number>();
  const moved = rows.map((r) => [...r]);
  const lanciRow = moved[lanci.index];
  const rowNumbers = (c: number): boolean => body.some((r) => filled(r, c)) && body.every((r) => !filled(r, c) || /^\d{1,3}$/.test(compact(r[c] ?? "")));
  for (const c of lanci.positions) {
    if (hasFigure(c)) continue;
    // "栏次  2" printed over the 行次 column ("40", "41" …): the number heads the figures beside it.
    const next = c + 1;
    if (lanciRow && rowNumbers(c) && hasFigure(next) && !lanci.positions.includes(next) && !filled(lanciRow, next)) {
      lanciRow[next] = lanciRow[c] ?? "";
      lanciRow[c] = "";
      continue;
    }
    for (const n of [c + 1, c - 1]) {
      if (n < 0 || lanci.positions.includes(n) || into.has(n) || !hasFigure(n)) continue;
      if (rows.some((r) => filled(r, c) && filled(r, n))) continue;
      into.set(n, c);
      break;
    }
  }
  // As many figure columns right of the 栏次 word as 栏次 numbers, all slid one way (Guangdong
  // 2019 表5's second page: "栏次 | | 1 | 2 | 3 | " over " | 合计 | | 1668.14 | 746.39 | 921.75"):
  // the k-th number heads the k-th figure column (when no neighbour above could take them).
  const from = Math.max(-1, ...lanci.lanciCells);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const figureColumns = Array.from({ length: width }, (_, c) => c).filter((c) => c > from && hasFigure(c));
  const numbersOnFigures = lanci.positions.filter((c) => hasFigure(c)).length;
  if (into.size === 0 && lanciRow && figureColumns.length === lanci.positions.length && numbersOnFigures < lanci.positions.length && figureColumns.every((c) => !lanci.positions.includes(c) || hasFigure(c))) {
    const numbers = lanci.positions.map((c) => lanciRow[c] ?? "");
    for (const c of lanci.positions) lanciRow[c] = "";
    figureColumns.forEach((c, k) => (lanciRow[c] = numbers[k] ?? ""));
    return moved;
  }
  if (into.size === 0) return moved;
  return moved.map((r) => {
    const out = [...r];
    for (const [from, to] of into) if (filled(r, from)) out[to] = r[from] ?? "";
    return out.filter((_, c) => !into.has(c));
  });
}

/**
 * Two figures never share a cell: where pdftotext crowded a row's figures into one column's span
 * ("2.22    2.22" left of the other rows' figures), the figure whose right edge is nearer the span's
 * keeps it and the others move, in their order, to the next spans this line leaves empty.
 */
function spreadFigures(placed: { tk: Token; span: number }[], spans: readonly Span[]): { tk: Token; span: number }[] {
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

// A piece of markup only ("<del>", "</del>", "<u> </u>") or a lone dash or dot: OCR debris or an
// empty cell's mark, no column of its own.
function isCrumb(tk: Token): boolean {
  return /^[-—–−~_·•.,，、:;|]{0,3}$/.test(stripMarkup(tk.text).trim());
}

// Two-character header words printed spread over a wide cell ("项     目", "栏   次").
const SPACED_WORDS: ReadonlySet<string> = new Set(["项目", "栏次", "行次", "合计", "总计", "金额", "科目"]);

function joinSpacedWords(line: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const tk of line) {
    const last = out[out.length - 1];
    if (last && /^\p{Script=Han}$/u.test(last.text) && /^\p{Script=Han}$/u.test(tk.text) && SPACED_WORDS.has(last.text + tk.text)) {
      out[out.length - 1] = { text: `${last.text}   ${tk.text}`, start: last.start, end: tk.end };
    } else out.push(tk);
  }
  return out;
}

// "<del>      </del>" keeps its spaces inside one cell: neighbouring crumbs join.
function joinCrumbs(line: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const tk of line) {
    const last = out[out.length - 1];
    if (last && isCrumb(last) && isCrumb(tk)) out[out.length - 1] = { text: `${last.text} ${tk.text}`, start: last.start, end: tk.end };
    else out.push(tk);
  }
  return out;
}

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
function bridged(spans: readonly Span[], header: readonly (readonly Token[])[], body: readonly (readonly Token[])[]): Span[] {
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
function withHeaderSpans(spans: readonly Span[], header: readonly (readonly Token[])[]): Span[] {
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
