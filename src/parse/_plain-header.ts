/**
 * Header lines of a plain reading-order table: the words over the value columns come in column
 * order, but a line holds only the words printed at its height (a wrapped cell's pieces stand on
 * the lines above and below, "本年收入合" … "计"). Each line's value words are put over the value
 * columns in order, choosing the placement under which every column's pieces read, top to bottom,
 * as words of the template's header vocabulary and group words stand over their members
 * ("本年支出" over 小计 | 基本支出 | 项目支出); label-column words go to the label slots.
 */
import type { TableKind } from "./types.js";
import { CANONICAL_COLUMNS, canonicalColumns, GROUP_VARIANTS, HEADER_WORDS } from "./_kinds.js";
import { beginsHeaderWord, knownHeaderWord } from "./_header.js";
import { compact } from "./_lines.js";

interface Slot {
  readonly type: "code" | "label" | "rowNo" | "value";
  readonly group: number;
}

// Words naming the label columns (or a side), never a value column.
const LABEL_WORDS = /^(?:项|目|项目|功能分类|经济分类|科目名称|科目编码|科目代码|功能分类科目编码|经济分类科目编码|栏次|行次|行|次|栏|类|款)$/;
const SIDE_WORDS = /^(?:收入|支出)$/;

// Every piece a header cell may wrap into: the substrings of the header vocabulary and of the words
// naming the label columns and groups.
const HEADER_PIECES: ReadonlySet<string> = new Set(
  [...HEADER_WORDS, "功能分类科目编码", "经济分类科目编码", "科目名称", "项目", "行次", "栏次", "人员经费", "公用经费", "收入", "支出"].flatMap((w) =>
    Array.from({ length: w.length }, (_, i) => Array.from({ length: w.length - i }, (_, j) => w.slice(i, i + j + 1))).flat(),
  ),
);

// Pieces of the value columns' header words only.
const VALUE_PIECES: ReadonlySet<string> = new Set(HEADER_WORDS.flatMap((w) => Array.from({ length: w.length }, (_, i) => Array.from({ length: w.length - i }, (_, j) => w.slice(i, i + j + 1))).flat()));

/**
 * A header line with more words than value columns (OCR text): leading words no value header is
 * made of are the label columns' ("功能科目 能分类 目编码"), and neighbours that make (the start of)
 * one header word together are one cell's lines ("上缴上 级支出", "一般公共 预算财政").
 */
function fitLine(words: string[], sideOf: number[], n: number): void {
  while (words.length > n && !VALUE_PIECES.has((words[0] ?? "").normalize("NFKC"))) {
    words.shift();
    sideOf.shift();
  }
  if (words.length <= n) return;
  for (let k = 0; k + 1 < words.length; ) {
    const joined = `${words[k] ?? ""}${words[k + 1] ?? ""}`.normalize("NFKC");
    if (sideOf[k] === sideOf[k + 1] && (knownHeaderWord(joined) || isPrefix(joined))) {
      words.splice(k, 2, joined);
      sideOf.splice(k + 1, 1);
    } else k++;
  }
}

/** True when every word of a line could be a piece of a header cell ("项目 决算数", "栏次"). */
export function isHeaderLine(tokens: readonly string[]): boolean {
  const words = tokens.filter((t) => t !== "");
  return words.length > 0 && words.every((t) => HEADER_PIECES.has(compact(t).normalize("NFKC")) || LABEL_WORDS.test(compact(t)));
}

/** True when no word of a line could be a piece of a header cell: a wrapped row label's piece ("一般公共服务"). */
export function isLabelPiece(tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.every((t) => !HEADER_PIECES.has(compact(t).normalize("NFKC")));
}

// Group words and the words they stand over, from the template's multi-level columns.
const CHILDREN: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const m = new Map<string, Set<string>>();
  for (const cols of Object.values(CANONICAL_COLUMNS))
    for (const path of cols)
      for (let k = 0; k + 1 < path.length; k++) {
        const parent = path[k] ?? "";
        if (!m.has(parent)) m.set(parent, new Set());
        m.get(parent)?.add(path[k + 1] ?? "");
      }
  for (const [group, members] of Object.entries(GROUP_VARIANTS)) for (const w of members) (m.get(group) ?? m.set(group, new Set()).get(group))?.add(w);
  // A group's total is printed 小计 or 合计.
  for (const members of m.values()) if (members.has("小计")) members.add("合计");
  return m;
})();

const isPrefix = beginsHeaderWord;

/** Words of a column's pieces (top to bottom): pieces joined while they form a longer word. */
function wordsOf(pieces: readonly string[]): { words: string[]; unknown: number; open: boolean; part: boolean } {
  const words: string[] = [];
  let current = "";
  let unknown = 0;
  for (const p of pieces) {
    const next = current + p;
    if (current !== "" && knownHeaderWord(current) && !knownHeaderWord(next) && !isPrefix(next)) {
      words.push(current);
      current = p;
    } else current = next;
  }
  const open = current !== "" && !knownHeaderWord(current) && isPrefix(current);
  // "其中：教育收费": a part column's name is the document's own; it reads, unscored, as a word.
  const part = current !== "" && !knownHeaderWord(current) && /^其中/.test(current);
  if (current !== "") {
    if (!knownHeaderWord(current) && !open && !part) unknown++;
    words.push(current);
  }
  return { words, unknown, open, part };
}

// How well one column's pieces read (memoised: the search meets the same stacks many times).
const COLUMN_SCORES = new Map<string, readonly [number, number]>();

/** [score while more lines may come, score of the finished column]. */
function columnScore(pieces: readonly string[]): readonly [number, number] {
  if (pieces.length === 0) return [-1, -1];
  const key = pieces.join("\u0001");
  const hit = COLUMN_SCORES.get(key);
  if (hit) return hit;
  const { words, unknown, open, part } = wordsOf(pieces.map((p) => p.normalize("NFKC")));
  let s = 3 * (words.length - unknown - (open ? 1 : 0) - (part ? 1 : 0)) - 5 * unknown;
  for (let w = 0; w + 1 < words.length; w++) {
    const children = CHILDREN.get(words[w] ?? "");
    // A group word stands over its members; a "其中" column is a member too, but the group word,
    // printed once over its span, stands in the span's first column (the group's own amount).
    if (children) s += children.has(words[w + 1] ?? "") ? 2 : /^其中/.test(words[w + 1] ?? "") ? 1 : -2;
  }
  // An amount column (金额, 小计) names no quantity of its own: it stands under a group word.
  if (words.length === 1 && /^(?:金额|小计)$/.test(words[0] ?? "")) s -= 2;
  const out = [s, s - (open ? 5 : 0)] as const;
  if (COLUMN_SCORES.size > 20000) COLUMN_SCORES.clear();
  COLUMN_SCORES.set(key, out);
  return out;
}

function score(stacks: readonly (readonly string[])[], final: boolean): number {
  return stacks.reduce((s, pieces) => s + (columnScore(pieces)[final ? 1 : 0]), 0);
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
const BEAM = 2000;

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

/**
 * Each column's path: its words top to bottom; a "其中" column goes under the group of the column
 * before it, and a group word stands also over the columns right of it that start with one of its
 * members (nested groups first). Paths are written top-aligned, a group word in every column it
 * heads, so the header reads the same however wide the group.
 */
function spreadGroups(stacks: readonly (readonly string[])[]): string[][] {
  const paths = stacks.map((pieces) => wordsOf(pieces.map((p) => p.normalize("NFKC"))).words);
  for (let k = 1; k < paths.length; k++) {
    const path = paths[k] ?? [];
    const before = paths[k - 1] ?? [];
    if (path.length === 1 && /^其中/.test(path[0] ?? "") && before.length > 1) paths[k] = [...before.slice(0, -1), ...path];
  }
  for (let k = paths.length - 1; k >= 0; k--) {
    const path = paths[k] ?? [];
    for (let d = path.length - 2; d >= 0; d--) {
      const children = CHILDREN.get(path[d] ?? "");
      if (!children) continue;
      for (let j = k + 1; j < paths.length; j++) {
        const other = paths[j] ?? [];
        if (other.slice(0, d + 1).join(">") === path.slice(0, d + 1).join(">")) continue;
        if (!children.has(other[0] ?? "")) break;
        paths[j] = [...path.slice(0, d + 1), ...other];
      }
    }
  }
  return paths;
}

// Columns whose first word is a member of a group word the header prints elsewhere, not over them.
function orphans(paths: readonly (readonly string[])[]): number {
  const groups = new Set(paths.flatMap((p) => p.slice(0, -1)));
  return paths.filter((p) => p.length === 1 && [...groups].some((g) => CHILDREN.get(g)?.has(p[0] ?? ""))).length;
}

// Group words heading a single column (a group spans its members, two columns at least), and
// groups with two totals (小计 beside 合计).
function loneGroups(paths: readonly (readonly string[])[]): number {
  let n = 0;
  const totals = new Map<string, number>();
  for (const p of paths) {
    if (!/^(?:合计|小计)$/.test(p[p.length - 1] ?? "")) continue;
    const parent = p.slice(0, -1).join(">");
    totals.set(parent, (totals.get(parent) ?? 0) + 1);
  }
  for (const t of totals.values()) if (t > 1) n += t - 1;
  paths.forEach((path, k) => {
    for (let d = 0; d + 1 < path.length; d++) {
      const head = path.slice(0, d + 1).join(">");
      const span = paths.filter((p) => p.length > d + 1 && p.slice(0, d + 1).join(">") === head).length;
      const first = paths.findIndex((p) => p.length > d + 1 && p.slice(0, d + 1).join(">") === head) === k;
      if (span === 1 && first) n++;
    }
  });
  return n;
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
    const next: { from: number; option: number[]; s: number }[] = [];
    beam.forEach((b, from) => {
      // gain[c][t]: what putting word t on column c adds.
      const gain = (b.stacks as readonly string[][]).map((before) => {
        const base = columnScore(before)[0];
        return words.map((w) => columnScore([...before, w])[0] - base);
      });
      for (const o of options) {
        let s = b.s;
        for (let t = 0; t < o.length; t++) s += gain[o[t] ?? 0]?.[t] ?? 0;
        next.push({ from, option: o, s });
      }
    });
    next.sort((a, b) => b.s - a.s);
    beam = next.slice(0, BEAM).map(({ from, option, s }) => {
      const stacks = (beam[from]?.stacks ?? []).map((st) => [...st]);
      option.forEach((c, t) => stacks[c]?.push(words[t] ?? ""));
      return { stacks, s };
    });
  });
  const final = (stacks: readonly (readonly string[])[]): number => score(stacks, true) + orderScore(stacks, order) - 3 * loneGroups(spreadGroups(stacks)) - 2 * orphans(spreadGroups(stacks));
  const best = [...beam].sort((a, b) => final(b.stacks) - final(a.stacks))[0];
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
  return { score: final(best.stacks), paths };
}
