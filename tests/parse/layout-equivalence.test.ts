import { describe, expect, it } from "vitest";
import { displayWidth, layoutize } from "../../scripts/layoutize.js";
import { parseDisclosure } from "../../src/parse/index.js";
import { compareTables } from "./_compare.js";
import { parsed, source } from "./_load.js";

const SEEDS = [
  "corpus/2024-wuhan-touchuju.txt",
  "corpus/2024-wuhan-jingxinju.txt",
  "corpus/2024-hongshan-qiyefuwu.txt",
  "corpus/2022-dongxihu-shangwuju.txt",
  "corpus/2023-donghu-guanweihui.txt",
] as const;

describe("layoutize", () => {
  it("counts CJK and fullwidth characters as two columns, curly quotes as one", () => {
    expect([displayWidth("公开01表"), displayWidth("（境）"), displayWidth("“三公”"), displayWidth("7,049.81")]).toEqual([8, 6, 6, 8]);
  });

  it("right-aligns figures, left-aligns text and puts three spaces between columns", () => {
    expect(layoutize("标题\n\n项目\t金额\n办公费\t1,043.01\n合计\t5.2\n").split("\n")).toEqual([
      "标题",
      "",
      "项目     金额",
      "办公费   1,043.01",
      "合计          5.2",
      "",
    ]);
  });
});

/**
 * The same seed read from its OCR form (TAB-separated cells) and from its `pdftotext -layout`
 * simulation (scripts/layoutize.ts, padded by display width as the lead's corpus is, and by
 * characters as pdftotext's grid counts) gives the same tables: numbers, titles, lines, parts, column
 * paths, and per row the code, label, 行次 and cell values. Documented exceptions (in
 * tests/parse/_compare.ts): tables outside the template compare their filled cells only (a column
 * empty in every line of a layout block leaves no trace), and a punctuation crumb in an empty
 * cell ("-", "ĺ") may land in a neighbouring empty cell.
 */
describe("layout form of the seeds", () => {
  const cases = (["display", "char"] as const).flatMap((width) => SEEDS.map((path) => [path, width] as const));
  it.each(cases)("reads the tables of %s padded by %s width as its TAB form does", (path, width) => {
    const tab = parsed(path);
    const text = source(path);
    const layout = parseDisclosure({ ...text, text: layoutize(text.text, { width }) });
    if (!layout.ok) throw new Error(`cannot parse the layout form of ${path}`);
    expect(layout.value.lines.some((l) => l.includes("\t"))).toBe(false);
    expect(compareTables(tab, layout.value)).toEqual([]);
    expect(layout.value.tables.length).toBe(tab.tables.length);
  });

  it("notices a changed figure, label or column (the comparison is not blind)", () => {
    const path = "corpus/2024-wuhan-touchuju.txt";
    const text = source(path);
    const changed = text.text.replace("工资福利支出\t2,715.03", "工资福利\t2,715.04").replace("基本支出\t项目支出\t上缴上", "项目支出\t基本支出\t上缴上");
    const other = parseDisclosure({ ...text, text: changed });
    if (!other.ok) throw new Error("cannot parse");
    expect(compareTables(parsed(path), other.value).map((d) => d.what)).toEqual([
      "table columns: 本年支出合计(1) | 基本支出(2) | 项目支出(3) | 上缴上级支出(4) | 经营支出(5) | 对附属单位补助支出(6) vs 本年支出合计(1) | 项目支出(2) | 基本支出(3) | 上缴上级支出(4) | 经营支出(5) | 对附属单位补助支出(6)",
      "人员经费 row only in TAB form: L338 301 工资福利支出 [2715.03]",
      "人员经费 row only in layout form: L338 301 工资福利 [2715.04]",
    ]);
  });
});
