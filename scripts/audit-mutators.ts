/**
 * The defects the mutation test plants, one kind per rule family. Each mutator finds candidate
 * places in the raw text by its own patterns (independent of the parser) and returns mutated
 * copies, with the rule(s) the audit must report and the lines a citation must cover.
 */

/** One planted defect. */
export interface Mutation {
  /** The mutated document's lines. */
  readonly lines_: string[];
  /** Citation ranges [from, to] (1-based, in the mutated document) of which one must be cited. */
  readonly lines: readonly (readonly [number, number])[];
  readonly rules: readonly string[];
  readonly what: string;
}

/** A kind of defect and how to plant it. */
export interface Mutator {
  readonly kind: string;
  plant(lines: readonly string[]): Mutation[];
}

const compact = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "").replace(/^[#*>•·-]+/, "").replace(/[.·…]{2,}\d*$/, "");
const FIGURE = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.(\d{1,2})(?![\d.%])/g;

/** Index (0-based) where the body starts: after the table of contents, when there is one. */
export function bodyStart(lines: readonly string[]): number {
  const toc = lines.slice(0, 80).findIndex((l) => /^\s*[#]*\s*目\s*录\s*$/.test(l));
  if (toc < 0) return 0;
  let first: string | null = null;
  for (let i = toc + 1; i < lines.length; i++) {
    const c = compact(lines[i] ?? "");
    if (c === "") continue;
    if (first === null) first = c;
    else if (c === first) return i;
  }
  return 0;
}

function tocLine(lines: readonly string[], test: (c: string) => boolean): number | null {
  const end = bodyStart(lines);
  for (let i = 0; i < end; i++) if (test(compact(lines[i] ?? ""))) return i + 1;
  return null;
}

function withLine(lines: readonly string[], i: number, text: string): string[] {
  const out = [...lines];
  out[i] = text;
  return out;
}

function shift(fig: string, delta: number): string {
  const plain = Number(fig.replace(/,/g, ""));
  const decimals = (fig.split(".")[1] ?? "").length;
  const [int = "", frac] = (plain + delta).toFixed(decimals).split(".");
  const grouped = fig.includes(",") ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/**
 * `line` with the figure `old` at `at` replaced by `next`, right edge kept: in a space-aligned
 * (pdftotext -layout) line a wider figure takes the spaces before it and a narrower one leaves
 * them, as a typeset table would print it, so the columns after it do not move (a shifted column
 * is a misplaced cell, a different defect from the one planted).
 */
function replaceFigure(line: string, at: number, old: string, next: string): string {
  const grow = next.length - old.length;
  const before = line.slice(0, at);
  const gap = /( +)$/.exec(before)?.[1]?.length ?? 0;
  const head = grow > 0 && gap > grow ? before.slice(0, before.length - grow) : grow < 0 && gap > 0 ? before + " ".repeat(-grow) : before;
  return head + next + line.slice(at + old.length);
}

function* bodyLines(lines: readonly string[]): Generator<[number, string]> {
  for (let i = bodyStart(lines); i < lines.length; i++) yield [i, lines[i] ?? ""];
}

const isTableLine = (l: string): boolean => l.includes("\t") || /\S\s{3,}\d/.test(l);

/** Each occurrence of `re` on a narrative (non-table) body line, replaced by `to(match)`. */
function replaceInNarrative(lines: readonly string[], re: RegExp, to: (m: RegExpExecArray) => string | null, rules: readonly string[], what: string): Mutation[] {
  const out: Mutation[] = [];
  for (const [i, l] of bodyLines(lines)) {
    if (isTableLine(l)) continue;
    const m = new RegExp(re.source, re.flags.replace("g", "")).exec(l);
    if (!m) continue;
    const next = to(m);
    if (next === null) continue;
    const text = l.slice(0, m.index) + next + l.slice(m.index + m[0].length);
    out.push({ lines_: withLine(lines, i, text), lines: [[i + 1, i + 1]], rules, what: `${what}: “${m[0]}” → “${next}”` });
  }
  return out;
}

// A table of the template, from its title line to the line before the next table's title.
function dropTable(lines: readonly string[], title: RegExp): Mutation[] {
  const start = bodyStart(lines);
  if (start === 0) return [];
  const isTitle = (c: string): boolean => c.length <= 50 && /决算(明细)?表$|决算(总|汇总)表$/.test(c) && !/说明|^第.部分|本表/.test(c);
  for (let i = start; i < lines.length; i++) {
    const c = compact(lines[i] ?? "");
    if (!isTitle(c) || !title.test(c)) continue;
    let j = i + 1;
    // Through its continuation pages (the same title repeated), up to the next table's title.
    while (j < lines.length && !/^第.部分/.test(compact(lines[j] ?? "")) && (!isTitle(compact(lines[j] ?? "")) || compact(lines[j] ?? "") === c)) j++;
    // The next table's number line ("公开 03 表") may stand just before its title.
    while (j - 1 > i && /^[（(]?公开\d+表|^表\d+$/.test(compact(lines[j - 1] ?? ""))) j--;
    // The contents' entry of this very table: its title less year and numbering.
    const core = c.replace(/^.*?20\d{2}年度?/, "").replace(/^[一二三四五六七八九十]+、/, "").replace(/^表\d+[:：]/, "");
    const toc = tocLine(lines, (x) => x.endsWith(core) && !/说明/.test(x));
    if (toc === null) return [];
    return [{ lines_: [...lines.slice(0, i), ...lines.slice(j)], lines: [[toc, toc]], rules: ["completeness.table-missing"], what: `dropped “${c}” (lines ${i + 1}-${j})` }];
  }
  return [];
}

// A 情况说明 section, from its heading to the next heading of its numbering level.
function dropSection(lines: readonly string[]): Mutation[] {
  const start = bodyStart(lines);
  if (start === 0) return [];
  const out: Mutation[] = [];
  for (let i = start; i < lines.length; i++) {
    const c = compact(lines[i] ?? "");
    const m = /^([一二三四五六七八九十]+)、(.{4,40}情况说明)$/.exec(c);
    if (!m?.[2] || /表$/.test(c)) continue;
    const key = m[2];
    const toc = tocLine(lines, (x) => x.endsWith(key));
    if (toc === null) continue;
    let j = i + 1;
    while (j < lines.length && !/^[一二三四五六七八九十]+、|^第.部分/.test(compact(lines[j] ?? ""))) j++;
    out.push({ lines_: [...lines.slice(0, i), ...lines.slice(j)], lines: [[toc, toc]], rules: ["completeness.section-missing"], what: `dropped section “${c}”` });
  }
  return out.slice(1);
}

// The body's name in a table header ("单位：…", "部门：…") or the title, replaced by "XX局".
function placeholder(lines: readonly string[]): Mutation[] {
  const out: Mutation[] = [];
  for (const [i, l] of bodyLines(lines)) {
    const m = /((?:部门|单位)(?:名称)?\s*[:：]\s*)([^\s：:]{3,30}?(?:局|委员会|中心|部|大学|院|所))/.exec(l);
    if (!m?.[2]) continue;
    out.push({ lines_: withLine(lines, i, l.replace(m[2], "XX局")), lines: [[i + 1, i + 1]], rules: ["identity.placeholder"], what: `header “${m[2]}” → “XX局”` });
  }
  if (out.length === 0) {
    const i = lines.findIndex((l) => /\S{4,}/.test(l));
    const l = lines[i] ?? "";
    const m = /[\u4e00-\u9fff]{2,}(?:局|部|大学|中心)/.exec(l);
    if (m) out.push({ lines_: withLine(lines, i, l.replace(m[0], "XX局")), lines: [[i + 1, i + 1]], rules: ["identity.placeholder"], what: `title “${m[0]}” → “XX局”` });
  }
  return out;
}

// A 类 row (three-digit code) of a table: its first two figures raised by 100, so that the row
// still adds up across but no longer down (类 ≠ Σ 款).
function classSum(lines: readonly string[]): Mutation[] {
  const out: Mutation[] = [];
  for (const [i, l] of bodyLines(lines)) {
    const m = /^\s*(2\d{2})(?:\t+|\s{2,})(?!\d)\S/.exec(l);
    if (!m) continue;
    const figures = [...l.matchAll(FIGURE)].filter((f) => Number(f[0].replace(/,/g, "")) > 0);
    if (figures.length === 0) continue;
    let text = l;
    for (const f of figures.slice(0, 2).reverse()) text = replaceFigure(text, f.index ?? 0, f[0], shift(f[0], 100));
    out.push({ lines_: withLine(lines, i, text), lines: [[i + 1, i + 1]], rules: ["table.hierarchy"], what: `类 ${m[1]} raised by 100` });
  }
  return out.filter((_, k) => k % 4 === 1);
}

// A 项 row (seven-digit code) with figures in two columns: its second figure (基本支出) changed.
function rowSum(lines: readonly string[]): Mutation[] {
  const out: Mutation[] = [];
  for (const [i, l] of bodyLines(lines)) {
    if (!/^\s*2\d{6}(?:\t+|\s{2,})/.test(l)) continue;
    const figures = [...l.matchAll(FIGURE)].filter((f) => Number(f[0].replace(/,/g, "")) > 0);
    if (figures.length < 2) continue;
    const f = figures[1] as RegExpMatchArray;
    out.push({ lines_: withLine(lines, i, replaceFigure(l, f.index ?? 0, f[0], shift(f[0], 37))), lines: [[i + 1, i + 1]], rules: ["table.row-sum"], what: `项 row second figure +37` });
  }
  return out.filter((_, k) => k % 5 === 2);
}

// The 三公 table's data row (six or twelve figures): its first 合计 raised by 10.
function sangong(lines: readonly string[]): Mutation[] {
  const start = bodyStart(lines);
  const title = lines.findIndex((l, i) => i >= start && /三公.{0,4}经费.{0,8}决算表\s*$/.test(compact(l)));
  if (title < 0) return [];
  for (let i = title + 1; i < Math.min(lines.length, title + 30); i++) {
    const l = lines[i] ?? "";
    const figures = [...l.matchAll(FIGURE)];
    if (figures.length < 6 || !figures.some((f) => Number(f[0].replace(/,/g, "")) > 0)) continue;
    const f = figures[0] as RegExpMatchArray;
    return [{ lines_: withLine(lines, i, replaceFigure(l, f.index ?? 0, f[0], shift(f[0], 10))), lines: [[i + 1, i + 1]], rules: ["table.sangong"], what: "三公 合计 +10" }];
  }
  return [];
}

// 公开01's expenditure side: a 类 row ("六、科学技术支出 … 718.91") raised, so 公开01 and 公开03 differ.
function acrossClass(lines: readonly string[]): Mutation[] {
  const out: Mutation[] = [];
  for (const [i, l] of bodyLines(lines)) {
    const m = /[一二三四五六七八九十]+、([\u4e00-\u9fff]{2,12}支出)(?:\t+|\s+)(?:\d{1,2}(?:\t+|\s+))?(\d{1,3}(?:,\d{3})*\.\d{2})\s*$/.exec(l);
    if (!m?.[2] || Number(m[2].replace(/,/g, "")) === 0 || /财政拨款/.test(l)) continue;
    const at = l.lastIndexOf(m[2]);
    out.push({ lines_: withLine(lines, i, replaceFigure(l, at, m[2], shift(m[2], 55))), lines: [[i + 1, i + 1]], rules: ["across.class-rows"], what: `公开01 ${m[1]} +55` });
    break;
  }
  return out;
}

const rate = (m: RegExpExecArray, delta: number): string | null => {
  const v = m.groups?.v ?? "";
  const n = Number(v);
  if (!Number.isFinite(n) || n === 0) return null;
  const decimals = (v.split(".")[1] ?? "").length;
  return m[0].replace(v, (n + delta).toFixed(decimals));
};

/** Every kind of planted defect. */
export const MUTATORS: readonly Mutator[] = [
  {
    kind: "narrative-total",
    // A total the narrative states against the table stating it: only where the body has the table.
    plant: (lines) =>
      !lines.slice(bodyStart(lines)).some((l) => /(?<!财政拨款)(收入支出|收支)决算(总|汇总)表\s*$/.test(compact(l))) ? [] :
      replaceInNarrative(lines, /(?:总计|合计)(?:均为|各为|为)?\s*(?<v>\d{1,3}(?:,\d{3})*\.\d{2}|\d+\.\d{2})\s*万元/, (m) => m[0].replace(m.groups?.v ?? "", shift(m.groups?.v ?? "0", 111.11)), ["narrative.figure"], "narrative total +111.11"),
  },
  { kind: "drop-table", plant: (lines) => [/收入决算表$/, /三公.*决算表$/, /基本支出决算(明细)?表$/, /支出决算表$/].flatMap((re) => dropTable(lines, re)) },
  { kind: "drop-section", plant: dropSection },
  {
    kind: "heading-year",
    plant: (lines) => {
      const out: Mutation[] = [];
      for (const [i, l] of bodyLines(lines)) {
        const c = compact(l);
        if (!(c.length <= 60 && /(20\d{2})年度?/.test(c) && (/^第.部分/.test(c) || /决算(明细|总|汇总)?表$/.test(c)))) continue;
        const m = /(20\d{2})(\s*年)/.exec(l);
        if (!m?.[1]) continue;
        out.push({ lines_: withLine(lines, i, l.replace(m[0], `${Number(m[1]) - 1}${m[2]}`)), lines: [[i + 1, i + 1]], rules: ["identity.year-heading"], what: `heading year ${m[1]} → ${Number(m[1]) - 1}` });
      }
      return out.filter((_, k) => k % 3 === 0);
    },
  },
  {
    kind: "narrative-year",
    plant: (lines) => replaceInNarrative(lines, /^\s*(?<y>20\d{2})\s*年度(?=\s*(?:收入合计|支出合计|收、支总计|财政拨款|一般公共预算)[^。]*?\d\s*万元)/, (m) => m[0].replace(m.groups?.y ?? "", String(Number(m.groups?.y) - 2)), ["identity.year-narrative"], "narrative year −2"),
  },
  {
    kind: "swap-compare",
    plant: (lines) => replaceInNarrative(lines, /决算数?\s*(?<w>大于|小于)\s*(?:年初|全年)?\s*预算/, (m) => m[0].replace(m.groups?.w ?? "", m.groups?.w === "大于" ? "小于" : "大于"), ["arithmetic.compare-budget"], "大于 ↔ 小于"),
  },
  {
    kind: "swap-direction",
    plant: (lines) =>
      replaceInNarrative(lines, /(?<w>增加|减少)\s*\d[\d,]*(?:\.\d+)?\s*万元\s*[,，]\s*(?:增长|下降)\s*\d/, (m) => m[0].replace(m.groups?.w ?? "", m.groups?.w === "增加" ? "减少" : "增加"), ["arithmetic.compare-prior"], "增加 ↔ 减少"),
  },
  { kind: "class-sum", plant: classSum },
  { kind: "row-sum", plant: rowSum },
  { kind: "sangong", plant: sangong },
  { kind: "across-tables", plant: acrossClass },
  {
    kind: "share",
    plant: (lines) => replaceInNarrative(lines, /占[^，。；%\d]{0,20}?(?<v>\d+(?:\.\d+)?)\s*%/, (m) => (Number(m.groups?.v) >= 100 ? rate(m, -13.7) : rate(m, 7.3)), ["arithmetic.share", "arithmetic.share-base"], "share altered"),
  },
  {
    kind: "completion",
    plant: (lines) => replaceInNarrative(lines, /完成(?:年初|全年)?预算(?:数)?的\s*(?<v>\d+(?:\.\d+)?)\s*%/, (m) => rate(m, 9.7), ["arithmetic.completion", "arithmetic.zero-budget"], "completion rate altered"),
  },
  {
    kind: "growth",
    plant: (lines) => replaceInNarrative(lines, /万元\s*[,，]\s*(?:增长|下降)\s*(?<v>\d+(?:\.\d+)?)\s*%/, (m) => rate(m, Number(m.groups?.v) > 50 ? -23.4 : 11.3), ["arithmetic.growth"], "growth rate altered"),
  },
  {
    kind: "zero-claim",
    // A figure written 0; when it is a budget ("预算的基本支出为 0 万元") the rate against it is the finding.
    plant: (lines) => replaceInNarrative(lines, /(?:基本支出|项目支出|人员经费|公用经费)(?:为)?\s*(?<v>\d[\d,]*\.\d{2})\s*万元/, (m) => (Number((m.groups?.v ?? "0").replace(/,/g, "")) > 0 ? m[0].replace(m.groups?.v ?? "", "0") : null), ["narrative.zero-claim", "arithmetic.zero-budget"], "figure → 0"),
  },
  {
    kind: "double-punctuation",
    plant: (lines) => replaceInNarrative(lines, /[\u4e00-\u9fff]，[\u4e00-\u9fff]/, (m) => m[0].replace("，", "，，"), ["identity.repeated-punctuation"], "，→，，").filter((_, k) => k % 7 === 3),
  },
  { kind: "placeholder", plant: placeholder },
  {
    kind: "empty-table-note",
    plant: (lines) => {
      const out: Mutation[] = [];
      for (const [i, l] of bodyLines(lines)) {
        if (!/(无|没有)(政府性基金|国有资本经营|财政拨款“?三公”?)/.test(l) || !/(本表无数据|收入支出。?$|支出。?$|收入和支出|故本表)/.test(l.trim())) continue;
        // Only a note standing right under its table (within 6 lines of a 注/合计 line).
        const above = lines.slice(Math.max(0, i - 6), i).join("");
        if (!/注[:：]|合计|栏次/.test(above)) continue;
        const title = [...lines.slice(Math.max(0, i - 40), i).entries()].reverse().find(([, x]) => /决算表\s*$/.test(compact(x)));
        const t = title ? Math.max(0, i - 40) + title[0] + 1 : i;
        out.push({ lines_: [...lines.slice(0, i), ...lines.slice(i + 1)], lines: [[t - 3, t + 3]], rules: ["completeness.empty-table-note"], what: `removed note “${l.trim().slice(0, 30)}…”` });
      }
      return out;
    },
  },
];
