/**
 * Header lines of a plain reading-order table: the words over the value columns come in column
 * order, but a line holds only the words printed at its height (a wrapped cell's pieces stand on
 * the lines above and below, "本年收入合" … "计"). Each line's value words are put over the value
 * columns in order, choosing the placement under which every column's pieces read, top to bottom,
 * as words of the template's header vocabulary and group words stand over their members
 * ("本年支出" over 小计 | 基本支出 | 项目支出); label-column words go to the label slots.
 */
import type { TableKind } from "./types.js";
import { canonicalColumns } from "./_kinds.js";
import { compact } from "./_lines.js";
import { columnScore, fitLine, LABEL_WORDS, loneGroups, orphans, score, SIDE_WORDS, spreadGroups, wordsOf } from "./_plain-header-words.js";

export { isHeaderLine, isLabelPiece } from "./_plain-header-words.js";

interface Slot {
  readonly type: "code" | "label" | "rowNo" | "value";
  readonly group: number;
}

// Words the template prints under other names ("合计" for 小计, "金额" for 决算数).
const SAME_AS: Readonly<Record<string, string>> = { 合计: "小计", 本年支出合计: "小计", 本年收入合计: "小计", 金额: "决算数" };

/** The template's value words of a kind in column order (both sides of a 总表). */
function templateOrder(kind: TableKind): string[] {
  const parts = kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表" ? ["收入", "支出"] : [null];
  return parts.flatMap((p) => (canonicalColumns(kind, p) ?? []).flatMap((path) => [...path]));
}

/** Ties between readings go to the one whose words stand in the template's order. */
function orderScore(stacks: readonly (readonly string[])[], order: readonly string[]): number {
  const at = stacks.map((pieces) => {
    // The leaf's place, or (a "其中" or 金额 column) its group's.
    const words = wordsOf(pieces.map((p) => p.normalize("NFKC"))).words;
    for (let w = words.length - 1; w >= 0; w--) {
      const at = order.indexOf(SAME_AS[words[w] ?? ""] ?? words[w] ?? "");
      if (at >= 0) return at;
    }
    return -1;
  });
  let s = 0;
  for (let i = 0; i < at.length; i++)
    for (let j = i + 1; j < at.length; j++) {
      const a = at[i] ?? -1;
      const b = at[j] ?? -1;
      if (a >= 0 && b >= 0 && a !== b) s += a < b ? 0.01 : -0.01;
    }
  return s;
}

// Readings kept from one header line to the next: wide enough that placements of the first lines
// that score alike (every piece still open) survive until the lines that complete them.
const BEAM = 1000;

/** Indexes of the `k` highest scores, best first (ties in index order). */
function topIndexes(scores: Float64Array, k: number): number[] {
  if (scores.length <= k) return [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const sorted = scores.slice().sort();
  const threshold = sorted[sorted.length - k] ?? -Infinity;
  const out: number[] = [];
  for (let i = 0; i < scores.length && out.length < k; i++) if ((scores[i] ?? -Infinity) > threshold) out.push(i);
  for (let i = 0; i < scores.length && out.length < k; i++) if (scores[i] === threshold) out.push(i);
  return out.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
}

/** Monotone placements of `n` words into the allowed columns. */
function injections(n: number, allowed: readonly number[], limit = 1500): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]): void => {
    if (out.length >= limit) return;
    if (acc.length === n) {
      out.push([...acc]);
      return;
    }
    for (let a = from; a <= allowed.length - (n - acc.length); a++) walk(a + 1, [...acc, allowed[a] ?? 0]);
  };
  walk(0, []);
  return out;
}

/** Writes the header lines' words into `out` (rows parallel to the header lines); the score of the reading and each value column's path. */
export function layHeader(header: readonly (readonly string[])[], slots: readonly Slot[], out: (string[] | null)[], twoSided: boolean, kind: TableKind): { score: number; paths: string[][] } {
  const order = templateOrder(kind);
  const valueSlots = slots.flatMap((s, k) => (s.type === "value" ? [k] : []));
  const labelSlots = slots.flatMap((s, k) => (s.type === "label" ? [k] : []));
  const rowNoSlots = slots.flatMap((s, k) => (s.type === "rowNo" ? [k] : []));
  const groupOf = (col: number): number => slots[valueSlots[col] ?? 0]?.group ?? 0;
  // Per header line: its value words and the value columns each may take.
  const lines = header.map((tokens, h) => {
    const row = out[h];
    // A line of OCR noise with figures in it among the header lines holds no header word.
    if (tokens.some((t) => /\d[.,]\d/.test(t))) return { words: [], sideOf: [] };
    const words: string[] = [];
    const sideOf: number[] = [];
    let side = 0;
    let labels = 0;
    let rowNos = 0;
    let sides = 0;
    for (const t of tokens) {
      const w = compact(t);
      if (twoSided && SIDE_WORDS.test(w)) {
        const at = labelSlots[Math.min(sides++, labelSlots.length - 1)];
        if (row && at !== undefined) row[at] = w;
        continue;
      }
      if (LABEL_WORDS.test(w)) {
        if (/^行次?$/.test(w)) {
          const at = rowNoSlots[Math.min(rowNos++, rowNoSlots.length - 1)];
          if (row && at !== undefined) row[at] = "行次";
        } else if (/^(?:项目|项|科目名称)$/.test(w)) {
          const at = labelSlots[Math.min(labels++, labelSlots.length - 1)];
          if (row && at !== undefined && row[at] === "") row[at] = w === "项" ? "项目" : w;
          if (twoSided && labels >= 2) side = 1;
        } else if (row && labelSlots[0] !== undefined && row[0] === "") row[0] = w;
        continue;
      }
      // A number in a header line is a column number or OCR noise ("项目 1"), never a header word.
      if (/^\d+$/.test(w)) continue;
      words.push(w);
      sideOf.push(twoSided ? side : -1);
    }
    fitLine(words, sideOf, valueSlots.length);
    return { words, sideOf };
  });
  const n = valueSlots.length;
  // A beam over the header lines; an extension is scored by the columns it changes only, and
  // its stacks are built only when it stays in the beam.
  let beam: { stacks: string[][]; s: number }[] = [{ stacks: valueSlots.map(() => []), s: score(valueSlots.map(() => []), false) }];
  lines.forEach(({ words, sideOf }) => {
    if (words.length === 0 || words.length > n) return;
    // Words after the second 项目 of a two-sided header belong to the 支出 side.
    const bySide = sideOf.some((s) => s === 1);
    const allowed = Array.from({ length: n }, (_, c) => c);
    const options = injections(words.length, allowed).filter((o) => !bySide || o.every((c, t) => (sideOf[t] === 1) === (groupOf(c) === 1)));
    // Scores of every (reading, option) in one flat array: thousands of readings times hundreds of
    // options, kept out of the garbage collector's way.
    const count = options.length;
    const scores = new Float64Array(beam.length * count);
    beam.forEach((b, from) => {
      // gain[c][t]: what putting word t on column c adds.
      const gain = (b.stacks as readonly string[][]).map((before) => {
        const base = columnScore(before)[0];
        return words.map((w) => columnScore([...before, w])[0] - base);
      });
      options.forEach((o, k) => {
        let s = b.s;
        for (let t = 0; t < o.length; t++) s += gain[o[t] ?? 0]?.[t] ?? 0;
        scores[from * count + k] = s;
      });
    });
    const kept = topIndexes(scores, BEAM);
    beam = kept.map((idx) => {
      const from = Math.floor(idx / count);
      const option = options[idx % count] ?? [];
      const stacks = (beam[from]?.stacks ?? []).map((st) => [...st]);
      option.forEach((c, t) => stacks[c]?.push(words[t] ?? ""));
      return { stacks, s: scores[idx] ?? 0 };
    });
  });
  const final = (stacks: readonly (readonly string[])[]): number => score(stacks, true) + orderScore(stacks, order) - structure(spreadGroups(stacks));
  const structure = (paths: readonly (readonly string[])[]): number => 3 * loneGroups(paths) + 2 * orphans(paths);
  let best: (typeof beam)[number] | undefined;
  let bestFinal = -Infinity;
  for (const b of beam) {
    const f = final(b.stacks);
    if (f > bestFinal) [best, bestFinal] = [b, f];
  }
  if (!best) return { score: -Infinity, paths: valueSlots.map(() => []) };
  const paths = spreadGroups(best.stacks);
  const rows = out.slice(0, header.length);
  paths.forEach((path, k) => {
    const slot = valueSlots[k] ?? 0;
    path.forEach((w, d) => {
      const row = rows.filter((r): r is string[] => r !== null)[d];
      if (row) row[slot] = w;
    });
  });
  return { score: bestFinal, paths };
}
