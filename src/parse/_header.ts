/**
 * Table headers: the 栏次 line, where value columns sit, and multi-line headers resolved into
 * column paths ("决算数 > 公务用车购置及运行维护费 > 公务用车运行维护费").
 */
import type { Column, OcrFlag, TableKind } from "./types.js";
import { canonicalColumns, HEADER_WORDS } from "./_kinds.js";
import { compact } from "./_lines.js";

/** The 栏次 line: numbered columns "1 2 3 …" and where "栏次" is written. */
export interface LanciLine {
  /** Index of the line inside the block. */
  readonly index: number;
  /** Cell positions of the numbers 1…n, in order. */
  readonly positions: readonly number[];
  /** The numbers as written, parallel to `positions`. */
  readonly numbers: readonly string[];
  /** Cell positions of the word 栏次. */
  readonly lanciCells: readonly number[];
}

/** Finds the 栏次 line among the first lines of a block (cells "栏次 │ │ 1 │ 2 │ 3"). */
export function findLanciLine(rows: readonly (readonly string[])[], limit = 9): LanciLine | null {
  for (let i = 0; i < Math.min(rows.length, limit); i++) {
    const cells = (rows[i] ?? []).map(compact);
    const positions: number[] = [];
    const numbers: string[] = [];
    const lanciCells: number[] = [];
    let bad = false;
    // Numbers before the first 栏次 cell are OCR noise ("类。款,项 | | 75 | 栏次 | 1 | 2 | 3", 001 公开05).
    const firstLanci = cells.findIndex((c) => /栏次/.test(c));
    cells.forEach((c, idx) => {
      if (c === "" || (firstLanci >= 0 && idx < firstLanci && /^\d{1,2}$/.test(c))) return;
      if (/^\d{1,2}$/.test(c)) {
        positions.push(idx);
        numbers.push(c);
      } else if (/栏次/.test(c)) lanciCells.push(idx);
      else if (/[\d.,]{3,}/.test(c)) bad = true;
    });
    if (bad) continue;
    // 1, 2, 3 … consecutive from 1 (two-sided tables restart nothing: "栏次 1 栏次 2 3 4 5").
    const consecutive = numbers.every((n, k) => Number(n) === k + 1);
    if (consecutive && (numbers.length >= 2 || lanciCells.length > 0)) return { index: i, positions, numbers, lanciCells };
    // "类 | 款 | 项 | 栏次 | | | |" (an empty template table): 栏次 without numbers.
    if (numbers.length === 0 && lanciCells.length > 0 && !bad) return { index: i, positions: [], numbers: [], lanciCells };
  }
  return null;
}

// Words that name the label/code columns or a side, never a value column.
const NON_VALUE = /^(?:项目|项目\(?按功能分类\)?|行次|行|栏次|科目名称|科目编码|科目代码|功能分类科目编码|经济分类科目编码|类|款|项|类款项|收入|支出|•|·)$/;

const SYNONYMS: Readonly<Record<string, string>> = {
  金额: "决算数",
  合计: "小计",
  本年支出合计: "小计",
  本年收入合计: "小计",
  "因公出国(境)费用": "因公出国(境)费",
};

/** Column paths for value positions, read from header lines (top to bottom). */
export function readHeaderPaths(headerRows: readonly (readonly string[])[], positions: readonly number[]): string[][] {
  const first = positions[0] ?? 0;
  const last = positions[positions.length - 1] ?? first;
  const paths: string[][] = positions.map(() => []);
  headerRows.forEach((row, h) => {
    const cells = row.map((c) => compact(c));
    const below = headerRows.slice(h + 1).map((r) => r.map(compact));
    positions.forEach((p, k) => {
      let text = cells[p] ?? "";
      if (text === "") {
        // A group header spans right over empty cells when lower lines have text under it.
        let q = p - 1;
        while (q >= first && (cells[q] ?? "") === "") q--;
        if (q >= first && q <= last && below.some((r) => (r[p] ?? "") !== "")) text = cells[q] ?? "";
      }
      if (text === "" || NON_VALUE.test(text)) return;
      const path = paths[k];
      if (path && path[path.length - 1] !== text) path.push(text);
    });
  });
  return paths;
}

function isReadable(read: readonly (readonly string[])[]): boolean {
  const joined = read.map((p) => p.join(">"));
  // A path that is the prefix of another ("本年支出" beside "本年支出>小计") means the header is shifted.
  const consistent = joined.every((a, i) => joined.every((b, j) => i === j || (a !== b && !b.startsWith(`${a}>`))));
  return consistent && read.every((p) => p.length > 0 && p.every(known));
}

const VOCABULARY: ReadonlySet<string> = new Set(HEADER_WORDS);

function known(word: string): boolean {
  return VOCABULARY.has(word) || VOCABULARY.has(SYNONYMS[word] ?? "");
}

// Every proper beginning of a header word ("本年收入合" of 本年收入合计, "政府性基" of 政府性基金…).
const PREFIXES: ReadonlySet<string> = new Set(HEADER_WORDS.flatMap((w) => Array.from({ length: w.length - 1 }, (_, k) => w.slice(0, k + 1))));

/** True when a compacted header text is the beginning of a longer header word ("本年收入" of 本年收入合计). */
export function beginsHeaderWord(word: string): boolean {
  return PREFIXES.has(word.normalize("NFKC"));
}

/** True when a compacted header text is the beginning of a header word, not a whole one ("一般公共预"). */
export function headerWordPrefix(word: string): boolean {
  return beginsHeaderWord(word) && !known(word.normalize("NFKC"));
}

/** True when a compacted header text is a word of the template's header vocabulary ("因公出国(境)费"). */
export function knownHeaderWord(word: string): boolean {
  return known(word.normalize("NFKC"));
}

/**
 * Column paths read word by word, for headers whose words `pdftotext -layout` crowded together:
 * a cell holding two words over an empty neighbour ("本年收入合 财政拨款收" / "计 入") gives the
 * second word to the neighbour; fragments of a wrapped word are joined until they make a word of
 * the header vocabulary ("附属单" + "位上缴" + "收入"); a "其中：…" column belongs to the group of
 * the column before it.
 */
export function stackedHeaderPaths(headerRows: readonly (readonly string[])[], positions: readonly number[]): string[][] {
  const grid = positions.map((p) => headerRows.map((r) => (r[p] ?? "").trim().split(/\s+/).map(compact).filter((x) => x !== "")));
  grid.forEach((rows, k) => {
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (width < 2) return;
    const free = grid.slice(k + 1, k + width).every((o) => o.every((r) => r.length === 0));
    if (!free || k + width > grid.length) return;
    rows.forEach((pieces, h) => {
      if (pieces.length !== width) return;
      for (let j = 1; j < width; j++) {
        const target = grid[k + j];
        if (target) target[h] = [pieces[j] ?? ""];
      }
      rows[h] = [pieces[0] ?? ""];
    });
  });
  const paths = grid.map((rows) => joinWords(rows.flat().filter((w) => !NON_VALUE.test(w))));
  return paths.map((path, k) => {
    const prev = paths[k - 1];
    const leaf = path[path.length - 1] ?? "";
    return /^其中/.test(leaf) && path.length === 1 && prev && prev.length > 1 ? [...prev.slice(0, -1), leaf] : path;
  });
}

function joinWords(fragments: readonly string[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const f of fragments) {
    if (current !== "" && known(current) && !known(`${current}${f}`)) {
      out.push(current);
      current = f;
    } else current += f;
  }
  if (current !== "") out.push(current);
  return out.filter((w, i) => out.indexOf(w) === i);
}

/**
 * Resolves the columns of a part: header text when readable and consistent with the number of
 * value cells, else the template's canonical paths for the kind (flagged `garbled`).
 */
export function resolveColumns(
  kind: TableKind,
  part: string | null,
  headerRows: readonly (readonly string[])[],
  positions: readonly number[],
  lineNos: readonly (string | null)[],
): { columns: Column[]; flags: OcrFlag[] } {
  const canonical = canonicalColumns(kind, part);
  // OCR sometimes prints the header one cell left or right of the figures (003 of donghu:
  // "项 目 | | | 本年收入合计 | …" over "类 | 款 | 项 | 栏次 | 1 | …"); a shifted reading that is
  // fully readable is used.
  let read = readHeaderPaths(headerRows, positions);
  let readable = isReadable(read);
  for (const offset of [-1, 1]) {
    if (readable) break;
    const shifted = readHeaderPaths(headerRows, positions.map((p) => p + offset));
    if (isReadable(shifted)) [read, readable] = [shifted, true];
  }
  if (!readable) {
    const stacked = stackedHeaderPaths(headerRows, positions);
    // The template's own columns win when their number fits; the words read serve other templates.
    if (!(canonical && canonical.length === positions.length) && stacked.every((p) => p.length > 0)) [read, readable] = [stacked, true];
  }
  const flags: OcrFlag[] = [];
  let paths: readonly (readonly string[])[];
  if (readable) paths = read;
  else if (canonical && canonical.length === positions.length) {
    paths = canonical;
    const sample = read.map((p) => p.join(">")).filter((s) => s !== "" && !s.split(">").every(known)).slice(0, 3);
    flags.push({
      kind: "garbled",
      note: `${part ? `${part}: ` : ""}header unreadable or incomplete${sample.length ? ` (${sample.map((s) => JSON.stringify(s)).join(", ")})` : ""}; template columns used`,
    });
  } else {
    paths = read.map((p, k) => (p.length > 0 ? p : [`第${lineNos[k] ?? k + 1}栏`]));
    if (read.some((p) => p.length === 0)) flags.push({ kind: "garbled", note: `${part ? `${part}: ` : ""}some column headers missing` });
  }
  return {
    columns: paths.map((path, index) => ({ index, path: [...path], lineNo: lineNos[index] ?? null })),
    flags,
  };
}
