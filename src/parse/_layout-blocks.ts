/**
 * Blocks of `pdftotext -layout` table lines: runs of lines between breakers (headings, titles,
 * notes), kept together over blank lines and page breaks while a template table goes on.
 */
import { cleanLine, compact } from "./_lines.js";
import { kindOfTitle } from "./_kinds.js";
import { bareTitle, isTableTitle, normaliseMarker, PART_HEADING } from "./_titles.js";
import { FIGURE, isPageNumber, tokenize, type Token } from "./_layout-tokens.js";

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
export function findLayoutBlocks(lines: readonly string[], excluded: (i: number) => boolean): number[][] {
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
