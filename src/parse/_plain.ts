/**
 * Plain reading-order text (a PDF viewer's copy, or `pdftotext` without `-layout`): every line's
 * cells joined by single spaces, empty cells gone. A template table's lines are laid back into
 * cells: the table's shape (its kind) gives the slots of a row (code, label, 行次, figures, one
 * group per side), each line's words fill the slots in order by their type, the header words go
 * over the value columns in order (wrapped pieces joined into words of the template's header
 * vocabulary), and where a row has fewer figures than value columns the placement under which
 * most of the table's identities hold (类 = Σ 款 = Σ 项, 合计 = Σ 类, the row total = Σ its parts)
 * wins, ties going to the pattern of the row's parent.
 */
import type { TableKind } from "./types.js";
import { joinFragments } from "./_fragments.js";
import { isHeaderLine, isLabelPiece, layHeader } from "./_plain-header.js";
import { CODE, FIGURE, placements, rank, ROW_NO, type Slot } from "./_plain-choice.js";
import { chooseByIdentities } from "./_plain-search.js";
import { columnRules } from "./_column-rules.js";
import { findRegions } from "./_plain-regions.js";
import { readWords } from "./_plain-words.js";
import { templateHeader } from "./_plain-template.js";
import { anchorsOf, boundsOf, codedFigures, economicFigures, floorsOf, namedFigures, type CodedFigures, type NamedFigures } from "./_plain-anchors.js";
import type { Decimal } from "../core/money.js";

/** True when a text has no tabs and its lines of figures are single-spaced (no aligned columns). */
export function isPlainForm(lines: readonly string[]): boolean {
  const figureLines = lines.filter((l) => l.trim().split(/\s+/).filter((t) => FIGURE.test(t)).length >= 2);
  if (figureLines.length < 5) return false;
  const aligned = figureLines.filter((l) => /\S {2,}\S/.test(l) || l.includes("\t")).length;
  return aligned <= figureLines.length / 20;
}

/** Per line: its cells when it is a line of a template table, else null. */
export function plainCellRows(lines: readonly string[], excluded: (i: number) => boolean): (string[] | null)[] {
  const rows: (string[] | null)[] = lines.map(() => null);
  let named: NamedFigures = [];
  let coded: CodedFigures = new Map();
  let economic = new Map<string, Decimal>();
  for (const region of findRegions(lines, excluded)) {
    const laid = layRegion(region.kind, region.lines.map((i) => lines[i] ?? ""), { named, coded, economic });
    const cells = laid.cells;
    if (region.kind === "收入支出决算总表") named = namedFigures(cells, laid.slots);
    if (region.kind === "支出决算表") coded = codedFigures(cells, laid.slots, laid.paths);
    if (region.kind === "一般公共预算财政拨款基本支出决算明细表") economic = economicFigures(cells, laid.slots);
    const nonBlank = region.lines.filter((i) => (lines[i] ?? "").trim() !== "");
    const joined = joinFragments(
      nonBlank.map((i) => cells[region.lines.indexOf(i)] ?? []),
      nonBlank,
    );
    nonBlank.forEach((i, k) => (rows[i] = joined[k] ?? []));
    // Lines of a page break inside the region (page number, 单位 line) are lines without cells.
    for (let i = region.lines[0] ?? 0; i <= (region.lines[region.lines.length - 1] ?? -1); i++) rows[i] ??= [];
  }
  return rows;
}

/** The slots of one row for a kind, given the header's value column counts. */
function slotsOf(kind: TableKind, counts: readonly number[], rowNos: readonly boolean[]): Slot[] {
  const slots: Slot[] = [];
  if (kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表") {
    counts.forEach((n, g) => {
      slots.push({ type: "label", group: g });
      if (rowNos[g]) slots.push({ type: "rowNo", group: g });
      for (let k = 0; k < n; k++) slots.push({ type: "value", group: g });
    });
    return slots;
  }
  if (kind === "一般公共预算财政拨款基本支出决算明细表") {
    counts.forEach((_, g) => slots.push({ type: "code", group: g }, { type: "label", group: g }, { type: "value", group: g }));
    return slots;
  }
  slots.push({ type: "code", group: 0 }, { type: "label", group: 0 });
  for (let k = 0; k < (counts[0] ?? 0); k++) slots.push({ type: "value", group: 0 });
  return slots;
}

/** Lays the lines of one table region into cells. */
function layRegion(kind: TableKind, lines: readonly string[], known: { named: NamedFigures; coded: CodedFigures; economic: ReadonlyMap<string, Decimal> }): { cells: (string[] | null)[]; slots: Slot[]; paths: string[][] } {
  const { words: tokens, carried } = readWords(lines);
  // A line of OCR noise with a figure in it above the header ("HI-1 J. 2404.14 …") is no body line:
  // a line of header words follows it.
  const next = (k: number): readonly string[] => tokens.slice(k + 1).find((x) => x.length > 0) ?? [];
  const isRow = (t: readonly string[]): boolean => CODE.test(t[0] ?? "") || /^(?:合计|总计)$/.test(t[0] ?? "");
  const firstBody = tokens.findIndex((t, k) => isLanci(t) || (isBodyLine(t) && (isRow(t) || !isHeaderLine(next(k)) || isLanci(next(k)))));
  let bodyFrom = firstBody < 0 ? tokens.length : firstBody;
  // The upper piece of the first row's wrapped label ("一般公共服务" over "201 264.87 …") is body.
  for (let k = bodyFrom - 1; firstBody > 0 && k >= 0; k--) {
    const line = tokens[k] ?? [];
    if (line.length === 0) continue;
    if (!isLabelPiece(line) || line.some((w) => FIGURE.test(w) || ROW_NO.test(w))) break;
    bodyFrom = k;
  }
  const header = tokens.slice(0, bodyFrom);
  const lanciAt = tokens.findIndex(isLanci);
  const twoSided = kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表";
  const groups = kind === "一般公共预算财政拨款基本支出决算明细表" ? Math.max(2, ...header.map((t) => t.filter((w) => w === "科目名称").length)) : twoSided ? 2 : 1;
  const counts = valueCounts(kind, tokens.slice(bodyFrom), lanciAt >= 0 ? lanciWords(tokens[lanciAt] ?? []) : null, groups);
  const rowNos = [0, 1].map((g) => twoSided && header.some((t) => t.filter((w) => /^行次?$/.test(w)).length > g));
  // Columns the body leaves empty still have their header: without a 栏次 line to count them,
  // the count the header words read best under (a column per word at most).
  const headerWords = header.reduce((n, t) => n + t.filter((w) => !/^(?:项|目|项目|功能分类|经济分类|科目名称|科目编码|栏次|行次|收入|支出)$/.test(w)).length, 0);
  const fewest = counts.reduce((a, c) => a + c, 0);
  if (kind !== "一般公共预算财政拨款基本支出决算明细表" && lanciAt < 0 && headerWords > fewest) {
    const last = counts.length - 1;
    let bestScore = -Infinity;
    let bestCount = counts[last] ?? 1;
    for (let n = counts[last] ?? 1; n <= (counts[last] ?? 1) + Math.min(headerWords - fewest, 8); n++) {
      const trial = slotsOf(kind, counts.map((c, g) => (g === last ? n : c)), rowNos);
      const s = layHeader(header, trial, header.map((t) => (t.length === 0 ? null : trial.map(() => ""))), twoSided, kind).score;
      if (s > bestScore) [bestScore, bestCount] = [s, n];
    }
    counts[last] = bestCount;
  }
  const slots = slotsOf(kind, counts, rowNos);
  const out: (string[] | null)[] = lines.map((l) => (l.trim() === "" ? null : slots.map(() => "")));
  const read = layHeader(header, slots, out, twoSided, kind).paths;
  const paths = (twoSided ? null : templateHeader(header, slots, out, kind, read)) ?? read;
  const valueGroups = slots.flatMap((s) => (s.type === "value" ? [s.group] : []));
  const rules = counts.map((_, g) => columnRules(paths.filter((_p, k) => valueGroups[k] === g)));
  const choices: { line: number; options: number[][] }[] = [];
  for (let k = bodyFrom; k < tokens.length; k++) {
    const line = tokens[k] ?? [];
    if (line.length === 0) continue;
    if (isLanci(line)) {
      out[k] = lanciCells(lanciWords(line), slots);
      continue;
    }
    const options = placements(line, slots);
    if (options.length === 0) {
      // Words no slot takes (a wrapped label piece, a stray word): the first label slot keeps them.
      const row = out[k];
      if (row) row[slots.findIndex((s) => s.type === "label")] = line.join(" ");
      continue;
    }
    choices.push({ line: k, options: rank(options, line, slots, kind) });
  }
  const anchors = twoSided ? [] : [...anchorsOf(kind, paths, known.named), ...boundsOf(kind, paths, known.coded), ...floorsOf(kind, paths, known.economic)];
  const chosen = chooseByIdentities(choices, { tokens, slots, rules, anchors });
  for (const { line, option } of chosen) {
    const row = out[line];
    if (!row) continue;
    option.forEach((s, t) => (row[s] = row[s] ? `${row[s]} ${tokens[line]?.[t] ?? ""}` : (tokens[line]?.[t] ?? "")));
  }
  uncarry(out, carried, slots);
  followNamelessRows(out, tokens, slots, bodyFrom, new Set(carried.keys()));
  return { cells: out, slots, paths };
}

// A 栏次 line: column numbers 1…n with 栏次 or the 类/款/项 words of the code columns ("类 款 项 1 2 3",
// "类。款,项 75 栏次 1 2 3": numbers before the first 1 are OCR noise and left out), or the numbers
// 1 2 3 … alone (the 三公 table's).
function isLanci(t: readonly string[]): boolean {
  const w = lanciWords(t);
  const nums = w.filter((x) => ROW_NO.test(x));
  const others = w.filter((x) => !ROW_NO.test(x));
  const ascending = nums.length >= 2 && nums.every((x, k) => Number(x) === k + 1);
  if (others.length === 0) return nums.length >= 3 && ascending;
  return nums.length > 0 && others.every((x) => /^(?:栏次?|次|栏次)$/.test(x) || /^[类款项。，,.、]+$/.test(x)) && (others.some((x) => /栏/.test(x)) || ascending);
}

function lanciWords(t: readonly string[]): readonly string[] {
  const one = t.indexOf("1");
  return one < 0 ? t : t.filter((x, k) => k >= one || !ROW_NO.test(x));
}

function isBodyLine(t: readonly string[]): boolean {
  // "合计" alone is the total row of an empty table.
  return t.some((w) => FIGURE.test(w)) || CODE.test(t[0] ?? "") || (t.length === 1 && /^(?:合计|总计)$/.test(t[0] ?? ""));
}

function valueCounts(kind: TableKind, body: readonly (readonly string[])[], lanci: readonly string[] | null, groups: number): number[] {
  const figures = (t: readonly string[]): number => t.filter((w) => FIGURE.test(w)).length;
  const most = Math.max(0, ...body.map(figures));
  if (kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表") {
    // "栏次 1 栏次 2 3 4": the numbers after each 栏次 word are that side's columns.
    if (lanci) {
      const sides: number[] = [];
      for (const w of lanci) {
        if (/栏/.test(w)) sides.push(0);
        else if (ROW_NO.test(w) && sides.length > 0) sides[sides.length - 1] = (sides[sides.length - 1] ?? 0) + 1;
      }
      if (sides.length === 2) return sides;
    }
    return [1, Math.max(1, most - 1)];
  }
  if (kind === "一般公共预算财政拨款基本支出决算明细表") return Array.from({ length: groups }, () => 1);
  const numbered = lanci ? lanci.filter((w) => ROW_NO.test(w)).length : 0;
  return [Math.max(numbered, most)];
}

function lanciCells(line: readonly string[], slots: readonly Slot[]): string[] {
  const row = slots.map(() => "");
  const values = slots.flatMap((s, k) => (s.type === "value" ? [k] : []));
  const labels = slots.flatMap((s, k) => (s.type === "label" ? [k] : []));
  let side = -1;
  let v = 0;
  for (const w of line) {
    if (/栏/.test(w)) {
      side++;
      const at = labels[Math.min(side, labels.length - 1)] ?? 0;
      row[at] = row[at] ? `${row[at]}${w}` : w === "栏" ? "栏次" : w;
    } else if (ROW_NO.test(w)) {
      const at = values[v++];
      if (at !== undefined) row[at] = w;
    }
  }
  return row.map((c) => (c === "栏次次" ? "栏次" : c));
}

// Back on their own lines: the code stays where it is printed, the rest goes to its line (as the
// layout form reads "20598" / "安排的支出 6,304.68", with a wrapped name's piece above the code).
function uncarry(out: (string[] | null)[], carried: ReadonlyMap<number, number>, slots: readonly Slot[]): void {
  for (const [k, n] of carried) {
    const from = out[k];
    const to = out[n];
    if (!from || !to) continue;
    slots.forEach((slot, s) => {
      if (slot.type === "code") return;
      to[s] = from[s] ?? "";
      from[s] = "";
    });
  }
}

// The pieces of a wrapped label ("信息 网络 及软件 购置" / "31007 0.00" / "更新") stand on the lines
// above and below a coded row without a name (a code whose name stands on the next line has one):
// they go to that row's group.
function followNamelessRows(out: (string[] | null)[], tokens: readonly (readonly string[])[], slots: readonly Slot[], bodyFrom: number, named: ReadonlySet<number>): void {
  const groups = [...new Set(slots.map((s) => s.group))].map((g) => ({
    code: slots.findIndex((s) => s.type === "code" && s.group === g),
    label: slots.findIndex((s) => s.type === "label" && s.group === g),
  }));
  const nearest = (k: number, step: 1 | -1): number => {
    let n = k + step;
    while (n >= bodyFrom && n < out.length && (tokens[n] ?? []).length === 0) n += step;
    return n;
  };
  for (let k = bodyFrom; k < out.length; k++) {
    const row = out[k];
    const line = tokens[k] ?? [];
    if (!row || line.length === 0 || line.some((w) => FIGURE.test(w) || CODE.test(w) || ROW_NO.test(w))) continue;
    for (const n of [nearest(k, 1), nearest(k, -1)]) {
      const other = named.has(n) ? null : out[n];
      const g = other ? groups.find((x) => x.code >= 0 && (other[x.code] ?? "") !== "" && (other[x.label] ?? "") === "") : undefined;
      if (!g) continue;
      const text = row.filter((c) => c !== "").join(" ");
      row.fill("");
      row[g.label] = text;
      break;
    }
  }
}
