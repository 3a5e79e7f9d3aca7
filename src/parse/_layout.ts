/**
 * Cell lines for every text form: OCR lines are split at tabs; plain reading-order text is laid
 * into cells by `_plain.ts`; `pdftotext -layout` lines (space-aligned columns, no tabs) are split
 * at column spans found from the body and 栏次 lines of each block of table lines, with
 * multi-line headers placed over the spans they head.
 */
import { joinFragments } from "./_fragments.js";
import { isPlainForm, plainCellRows } from "./_plain.js";
import { findLanciLine } from "./_header.js";
import { compact, splitCells } from "./_lines.js";
import { findLayoutBlocks } from "./_layout-blocks.js";
import { placeHeader } from "./_layout-header.js";
import { bestSpan, bridged, buildSpans, spreadFigures, withHeaderSpans } from "./_layout-spans.js";
import { alignment, FIGURE, isBody, isLanci, joinCrumbs, joinSpacedWords, tokenize } from "./_layout-tokens.js";

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
  // Numbers the neighbour moves leave over no figures (both neighbours already taken).
  let stranded = 0;
  let rowNumbered = false;
  for (const c of lanci.positions) {
    if (hasFigure(c)) continue;
    // "栏次  2" printed over the 行次 column ("40", "41" …): the number heads the figures beside it.
    const next = c + 1;
    if (lanciRow && rowNumbers(c) && hasFigure(next) && !lanci.positions.includes(next) && !filled(lanciRow, next)) {
      lanciRow[next] = lanciRow[c] ?? "";
      lanciRow[c] = "";
      rowNumbered = true;
      continue;
    }
    const before = into.size;
    for (const n of [c + 1, c - 1]) {
      if (n < 0 || lanci.positions.includes(n) || into.has(n) || !hasFigure(n)) continue;
      if (rows.some((r) => filled(r, c) && filled(r, n))) continue;
      into.set(n, c);
      break;
    }
    if (into.size === before) stranded += 1;
  }
  // As many figure columns right of the 栏次 word as 栏次 numbers, all slid one way (Guangdong
  // 2019 表5's second page: "栏次 | | 1 | 2 | 3 | " over " | 合计 | | 1668.14 | 746.39 | 921.75"):
  // the k-th number heads the k-th figure column (when no neighbour above could take them, or the
  // neighbour moves strand a number between two columns already taken: Guangdong 2019 三公, twelve
  // numbers over twelve figure columns, the only order-keeping reading).
  const from = Math.max(-1, ...lanci.lanciCells);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const figureColumns = Array.from({ length: width }, (_, c) => c).filter((c) => c > from && hasFigure(c));
  const numbersOnFigures = lanci.positions.filter((c) => hasFigure(c)).length;
  if ((into.size === 0 || (stranded > 0 && !rowNumbered)) && lanciRow && figureColumns.length === lanci.positions.length && numbersOnFigures < lanci.positions.length && figureColumns.every((c) => !lanci.positions.includes(c) || hasFigure(c))) {
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
