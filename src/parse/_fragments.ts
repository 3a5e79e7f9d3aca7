/**
 * Rows of a wide table as `pdftotext -layout` (or a PDF's glyph lines) prints them: a label too
 * long for its cell wraps onto the lines above and below the figures ("超长期特别国债" /
 * "20598   21,778.00" / "安排的支出"), a code may stand alone with its figures a line lower
 * ("208" / "支出  15,171.49"), and one figure may sit a line below its siblings
 * ("支出 … 93.68"). Those pieces are joined into the row they belong to, before columns are read.
 */
import { compact, hasCjk } from "./_lines.js";
import { knownHeaderWord } from "./_header.js";

const CODE = /^\d{3,7}$/;
// "302 商品和服务支出", "310资本性支出": a code and its name in one cell.
const CODE_AND_NAME = /^(\d{3,7})\s*(\p{Script=Han}.*)$/u;
const FIGURE = /^-?[\d,]*\d[.,]\d+%?$|^-?\d{1,3}(?:,\d{3})+$/;
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/;
const TOTAL = /(?:合计|总计)$/;
const LABEL_HEADER = /^(?:项目|科目名称|科目编码|功能分类|经济分类|功能分类科目编码|经济分类科目编码|栏次|行次|类款项|类|款|项)$/;

const isCode = (c: string | undefined): boolean => CODE.test(compact(c ?? ""));
const isFigure = (c: string | undefined): boolean => FIGURE.test(compact(c ?? ""));
const isText = (c: string | undefined): boolean => hasCjk(c ?? "") && !isFigure(c);

/**
 * Splits cells holding a code and its name ("30201 办公费") into a code column and a name column,
 * when a column holds such pairs on two or more lines; header words go to the side they name.
 */
export function splitCodeCells(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out = rows.map((r) => [...r]);
  for (let c = width - 1; c >= 0; c--) {
    const codes = rows.map((r) => CODE_AND_NAME.exec(compact(r[c] ?? ""))?.[1] ?? (isCode(r[c]) ? compact(r[c] ?? "") : "")).filter((x) => x !== "");
    const levels = codes.some((a) => codes.some((b) => b.length === a.length + 2 && b.startsWith(a)));
    const pairs = rows.filter((r) => CODE_AND_NAME.test(compact(r[c] ?? ""))).length;
    if (pairs < 2 || !levels || rows.some((r) => isCode(r[c - 1]))) continue;
    out.forEach((r) => {
      const cell = compact(r[c] ?? "");
      const m = CODE_AND_NAME.exec(cell);
      const codeSide = m ? (m[1] ?? "") : isCode(cell) || /编码|分类$/.test(cell) ? (r[c] ?? "") : "";
      const nameSide = m ? (m[2] ?? "") : codeSide === "" ? (r[c] ?? "") : "";
      r.splice(c, 1, codeSide, nameSide);
    });
  }
  return out;
}

interface Slice {
  readonly row: number;
  readonly line: number;
  readonly code: boolean;
  /** Text of the label cells (the code column excluded). */
  readonly text: string;
  /** Text anywhere in the slice ("合计" may stand in the code column). */
  readonly anyText: string;
  /** Cell offsets (from the group start) holding figures. */
  readonly figureAt: readonly number[];
  readonly figures: boolean;
  /** A 行次 number ("21"). */
  readonly rowNo: boolean;
  readonly textCells: number;
}

/**
 * Joins label pieces and stray figures into their rows. `rows` are the cells of a block's
 * non-blank lines, `lines` their 0-based line numbers. Returns the rows with each piece moved
 * into its row's cells and the piece's own line emptied.
 */
export function joinFragments(rows: readonly (readonly string[])[], lines: readonly number[]): string[][] {
  const out = splitCodeCells(rows);
  const width = Math.max(0, ...out.map((r) => r.length));
  for (const r of out) while (r.length < width) r.push("");
  // A code column holds classification codes of two levels ("201" and "20101"), not counts.
  const codeCols = range(width).filter((c) => {
    const codes = out.map((r) => compact(r[c] ?? "")).filter((x) => CODE.test(x));
    return codes.some((a) => codes.some((b) => b.length === a.length + 2 && b.startsWith(a)));
  });
  const body = out.findIndex((r) => codeCols.some((c) => isCode(r[c])) || r.some(isFigure));
  if (body < 0) return out;
  const groups = groupStarts(out.slice(body), codeCols, width);
  groups.forEach((start, g) => {
    const end = groups[g + 1] ?? width;
    const coded = codeCols.includes(start);
    const slices: Slice[] = [];
    for (let k = Math.max(0, body - 1); k < out.length; k++) {
      const cells = (out[k] ?? []).slice(start, end);
      const text = cells.filter((c, j) => isText(c) && !(coded && j === 0)).map((c) => compact(c)).join("");
      const figureAt = range(cells.length).filter((j) => isFigure(cells[j]));
      slices.push({
        row: k,
        line: lines[k] ?? k,
        code: coded && isCode(cells[0]),
        text,
        anyText: cells.filter(isText).map((c) => compact(c)).join(""),
        figureAt,
        figures: figureAt.length > 0,
        rowNo: cells.some((c) => /^\d{1,3}$/.test(compact(c))),
        textCells: cells.filter(isText).length,
      });
    }
    // The line just above the body is a piece only when it is no header word ("科目名称").
    const first = slices[0];
    const valueCols = range(width).filter((c) => out.slice(body).some((r) => isFigure(r[c])));
    const inValues = (k: number): boolean => valueCols.some((c) => (out[k]?.[c] ?? "").trim() !== "");
    if (first && first.row < body && (first.text === "" || knownHeaderWord(first.text) || LABEL_HEADER.test(first.text) || first.figures || inValues(first.row))) slices.shift();
    if (coded) joinCoded(out, slices, start, end);
    else joinUncoded(out, slices, start, end);
  });
  return out;
}

function groupStarts(body: readonly (readonly string[])[], codeCols: readonly number[], width: number): number[] {
  if (codeCols.length > 0) return [0, ...codeCols.slice(1)];
  // Sides of a two-sided table start at the columns holding numbered labels ("一、…").
  const numbered = range(width).filter((c) => body.filter((r) => NUMBERED.test(compact(r[c] ?? ""))).length >= 2);
  return numbered.length > 1 ? [0, ...numbered.slice(1)] : [0];
}

// In a coded group every line without a code is a piece of the nearest coded (or 合计) line.
function joinCoded(out: string[][], slices: readonly Slice[], start: number, end: number): void {
  // A total line ("公用经费 | 合计", "人员经费合计") is a row of its own in every group.
  const totalRow = (k: number): boolean => (out[k] ?? []).some((c) => TOTAL.test(compact(c)) || /^(?:合计|总计)$/.test(compact(c)));
  const anchors = slices.filter((s) => s.code || TOTAL.test(s.anyText) || totalRow(s.row));
  const pieces = slices.filter((s) => !anchors.includes(s) && (s.text !== "" || s.figures));
  // A piece's figures must land in cells its row leaves empty.
  const fits = (p: Slice, a: Slice): boolean => !p.figureAt.some((j) => a.figureAt.includes(j));
  const joined = new Map<Slice, { above: Slice[]; below: Slice[] }>();
  for (const p of pieces) {
    const near = anchors
      .map((a) => ({ a, d: Math.abs(a.line - p.line) }))
      .filter((x) => x.d <= 2 && fits(p, x.a))
      .sort((x, y) => x.d - y.d);
    const best = near[0];
    if (!best) continue;
    let target = best.a;
    const tie = near[1];
    if (tie && tie.d === best.d) {
      const [above, below] = best.a.line < tie.a.line ? [best.a, tie.a] : [tie.a, best.a];
      // A figure goes to the row that has none; a label piece to the row lacking a label.
      if (p.figures) target = !above.figures ? above : !below.figures ? below : above;
      else target = above.text === "" || below.text !== "" ? above : below;
    }
    const entry = joined.get(target) ?? { above: [], below: [] };
    (p.line < target.line ? entry.above : entry.below).push(p);
    joined.set(target, entry);
  }
  for (const [anchor, { above, below }] of joined) {
    // "20598" / "安排的支出  6,304.68": the row is cited where its figures stand.
    const carrier = anchor.figures ? null : [...above, ...below].filter((p) => p.figures).sort((a, b) => Math.abs(a.line - anchor.line) - Math.abs(b.line - anchor.line))[0];
    if (!carrier) {
      merge(out, anchor, above, below, start, end, 1);
      continue;
    }
    const from = out[anchor.row];
    const to = out[carrier.row];
    if (!from || !to) continue;
    const moved: Slice = { ...carrier, code: anchor.code, text: anchor.text };
    // The code and the anchor's own label move to the figures' line; the rest joins as pieces.
    to[start] = from[start] ?? "";
    from[start] = "";
    const ownLabel = anchor.text;
    for (let c = start + 1; c < end; c++) if (isText(from[c])) from[c] = "";
    const pieces = (xs: readonly Slice[]): Slice[] => xs.filter((p) => p !== carrier);
    const up = [...pieces(above).filter((p) => p.line < carrier.line), ...(anchor.line < carrier.line && ownLabel ? [{ ...anchor, figures: false, figureAt: [] }] : [])];
    const down = [...(anchor.line > carrier.line && ownLabel ? [{ ...anchor, figures: false, figureAt: [] }] : []), ...pieces([...above, ...below]).filter((p) => p.line > carrier.line)];
    merge(out, moved, up, down, start, end, 1);
  }
}

// Without codes, a line holding figures but no label takes the text-only lines touching it.
function joinUncoded(out: string[][], slices: readonly Slice[], start: number, end: number): void {
  slices.forEach((s, k) => {
    // "七、文化旅游体育与传媒支" / "7   34   0.00" / "出": the row keeps its 行次 and figures.
    if (s.text !== "" || !s.figures || !s.rowNo) return;
    const prev = slices[k - 1];
    const next = slices[k + 1];
    const piece = (x: Slice | undefined): x is Slice => x !== undefined && x.textCells === 1 && !x.figures && !x.rowNo;
    const above = piece(prev) && prev.line === s.line - 1 ? [prev] : [];
    const below = piece(next) && next.line === s.line + 1 && !NUMBERED.test(next.text) ? [next] : [];
    if (above.length + below.length > 0) merge(out, s, above, below, start, end, 0);
  });
}

function merge(out: string[][], anchor: Slice, above: readonly Slice[], below: readonly Slice[], start: number, end: number, labelFrom: number): void {
  const row = out[anchor.row];
  if (!row) return;
  const byLine = (a: Slice, b: Slice): number => a.line - b.line;
  const labelAt = (r: readonly string[]): number => {
    for (let c = start + labelFrom; c < end; c++) if (isText(r[c])) return c;
    return -1;
  };
  let at = labelAt(row);
  const texts = (xs: readonly Slice[]): string => [...xs].sort(byLine).map((x) => x.text).join("");
  const own = at >= 0 ? compact(row[at] ?? "") : "";
  if (at < 0) at = [...above, ...below].map((p) => labelAt(out[p.row] ?? [])).find((c) => c >= 0) ?? start + labelFrom;
  const label = `${texts(above)}${own}${texts(below)}`;
  if (label !== "") row[at] = label;
  for (const p of [...above, ...below]) {
    const cells = out[p.row];
    if (!cells) continue;
    for (let c = start; c < end; c++) {
      const v = cells[c] ?? "";
      if (isFigure(v) && (row[c] ?? "").trim() === "") {
        row[c] = v;
        cells[c] = "";
      } else if (isText(v)) cells[c] = "";
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}
