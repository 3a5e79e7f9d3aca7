/**
 * The vocabulary a plain table's header is read with: which words name label columns or sides,
 * which pieces a header cell may wrap into, how well a column's stacked pieces read as template
 * header words (group words over their members), and how group words spread over the columns
 * they head.
 */
import { CANONICAL_COLUMNS, GROUP_VARIANTS, HEADER_WORDS } from "./_kinds.js";
import { beginsHeaderWord, knownHeaderWord as isHeaderWord } from "./_header.js";
import { compact } from "./_lines.js";

/** Words naming the label columns, never a value column. */
export const LABEL_WORDS = /^(?:项|目|项目|功能分类|经济分类|科目名称|科目编码|科目代码|功能分类科目编码|经济分类科目编码|栏次|行次|行|次|栏|类|款)$/;
/** Words naming a side of a two-sided table. */
export const SIDE_WORDS = /^(?:收入|支出)$/;

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
export function fitLine(words: string[], sideOf: number[], n: number): void {
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

// The header search asks about the same few pieces many thousand times.
const KNOWN = new Map<string, boolean>();
const PREFIX = new Map<string, boolean>();
function knownHeaderWord(w: string): boolean {
  let k = KNOWN.get(w);
  if (k === undefined) KNOWN.set(w, (k = isHeaderWord(w)));
  return k;
}
function isPrefix(w: string): boolean {
  let k = PREFIX.get(w);
  if (k === undefined) PREFIX.set(w, (k = beginsHeaderWord(w)));
  return k;
}

/** Words of a column's pieces (top to bottom): pieces joined while they form a longer word. */
export function wordsOf(pieces: readonly string[]): { words: string[]; unknown: number; open: boolean; part: boolean } {
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
export function columnScore(pieces: readonly string[]): readonly [number, number] {
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

export function score(stacks: readonly (readonly string[])[], final: boolean): number {
  return stacks.reduce((s, pieces) => s + (columnScore(pieces)[final ? 1 : 0]), 0);
}

/**
 * Each column's path: its words top to bottom; a "其中" column goes under the group of the column
 * before it, and a group word stands also over the columns right of it that start with one of its
 * members (nested groups first). Paths are written top-aligned, a group word in every column it
 * heads, so the header reads the same however wide the group.
 */
export function spreadGroups(stacks: readonly (readonly string[])[]): string[][] {
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
export function orphans(paths: readonly (readonly string[])[]): number {
  const groups = new Set(paths.flatMap((p) => p.slice(0, -1)));
  return paths.filter((p) => p.length === 1 && [...groups].some((g) => CHILDREN.get(g)?.has(p[0] ?? ""))).length;
}

// Group words heading a single column (a group spans its members, two columns at least), and
// groups with two totals (小计 beside 合计).
export function loneGroups(paths: readonly (readonly string[])[]): number {
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

