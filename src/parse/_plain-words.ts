/**
 * The words of a plain table line, with what OCR and single spacing did to them undone: a figure
 * printed with spaces inside, a code split in two, a two-character header word spread over two
 * words, a code printed against its name, a code alone on its line.
 */
import { CODE, FIGURE } from "./_plain-choice.js";
import { readCode } from "./_rows.js";
import { isCrumb } from "./_ocr.js";
import { stripMarkup } from "./_lines.js";

// "1, 115. 55" (OCR spaces inside a figure): a piece ending in a separator goes on with the digits after it.
function joinSpacedFigure(out: string[], w: string): string[] {
  const prev = out[out.length - 1];
  if (prev !== undefined && /^-?\d[\d,.]*[,.]$/.test(prev) && /^\d[\d,.]*$/.test(w)) out[out.length - 1] = `${prev}${w}`;
  else out.push(w);
  return out;
}

// Two-character words a header spreads over two cells' width ("收 入", "项 目", "栏 次").
const SPREAD_WORDS: ReadonlySet<string> = new Set(["收入", "支出", "项目", "栏次", "行次", "金额", "合计", "小计", "总计"]);

// One-character words in a row: pairs that are spread header words ("收 入 支 出"), else a cell OCR
// spread out character by character ("利 附 馬 半 位 补 助 支 出") when three or more.
function joinSpreadCells(line: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    const pairs = run.length % 2 === 0 && run.every((_, k) => k % 2 === 1 || SPREAD_WORDS.has(`${run[k]}${run[k + 1]}`));
    if (pairs) for (let k = 0; k < run.length; k += 2) out.push(`${run[k]}${run[k + 1]}`);
    else if (run.length >= 3) out.push(run.join(""));
    else out.push(...run);
    run = [];
  };
  for (const w of line) {
    if (/^\p{Script=Han}$/u.test(w)) run.push(w);
    else {
      flush();
      out.push(w);
    }
  }
  flush();
  return out;
}

// "类 款 项 合计 266,783.56 …" ("尖 款 坝 合计" as OCR reads it): one-character words before the
// 合计 that opens a line are the code columns' header printed on the 合计 row, not its name.
function dropCodeHeader(line: string[]): string[] {
  const at = line.findIndex((w) => !/^\p{Script=Han}$/u.test(w));
  return at >= 2 && /^(?:合计|总计)$/.test(line[at] ?? "") ? line.slice(at) : line;
}

// A code OCR split in two at the line's start ("206049 9", "20805 502", "20808 3"): read as the
// OCR form's cells are read (`readCode`), into one word.
function joinSplitCode(line: string[]): string[] {
  const [first, second, ...rest] = line;
  // "21110 ) 能源节约利用": a stray mark after a code is dropped, as `readCode` drops it.
  if (first !== undefined && second !== undefined && CODE.test(first) && isCrumb(second)) return [first, ...rest];
  if (first === undefined || second === undefined || !/^\d{4,6}$/.test(first) || !/^\d{1,3}$/.test(second)) return line;
  const { code, used } = readCode([first, second]);
  return code !== null && used === 2 ? [code, ...rest] : line;
}

// A coded row printed without its name has the name's pieces on the lines above and below; a
// figure on the piece below is the row's own ("208 15,171.49 15,077.81" / "支出 93.68"): it joins
// the coded line, after that line's figures.
function liftFigures(words: string[][]): void {
  const isFigure = (w: string): boolean => FIGURE.test(w);
  words.forEach((line, k) => {
    if (line.length < 2 || !CODE.test(line[0] ?? "") || !line.slice(1).every(isFigure)) return;
    let n = k + 1;
    while (n < words.length && (words[n] ?? []).length === 0) n++;
    const next = words[n] ?? [];
    const text = next.findIndex(isFigure);
    if (text <= 0 || CODE.test(next[0] ?? "") || next.slice(0, text).some((w) => /\d/.test(w)) || !next.slice(text).every(isFigure)) return;
    words[k] = [...line, ...next.slice(text)];
    words[n] = next.slice(0, text);
  });
}

/**
 * A line's words: a code printed against its name ("310资本性支出") is two words, and a code alone on
 * its line is placed with the name and figures of the next line ("30299" / "其他商品和服务支出 0.20"),
 * so both take the same group; `carried` maps such a code line to that next line.
 */
export function readWords(lines: readonly string[]): { words: string[][]; carried: Map<number, number> } {
  const words = lines.map((l) => {
    // Markup crumbs OCR leaves ("<del> </del>", "<b>F</b>") are no words.
    const raw = stripMarkup(l)
      .trim()
      .split(/\s+/)
      .filter((t) => t !== "")
      .flatMap((w) => (/^\d{3,7}\p{Script=Han}/u.test(w) ? [w.replace(/\p{Script=Han}.*$/u, ""), w.replace(/^\d+/, "")] : [w]))
      .reduce<string[]>(joinSpacedFigure, []);
    return joinSpreadCells(dropCodeHeader(joinSplitCode(raw)));
  });
  liftFigures(words);
  const carried = new Map<number, number>();
  words.forEach((line, k) => {
    if (line.length !== 1 || !CODE.test(line[0] ?? "")) return;
    let n = k + 1;
    while (n < words.length && (words[n] ?? []).length === 0) n++;
    const next = words[n] ?? [];
    if (next.length > 0 && !CODE.test(next[0] ?? "") && !FIGURE.test(next[0] ?? "") && next.some((w) => FIGURE.test(w))) {
      words[k] = [...line, ...next];
      words[n] = [];
      carried.set(k, n);
    }
  });
  return { words, carried };
}
