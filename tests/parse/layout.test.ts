import { describe, expect, it } from "vitest";
import { alignRegion, tokenize } from "../../src/parse/_layout.js";
import { parsed, rowAt, table } from "./_load.js";

const LAYOUT = "tests/fixtures/parse/layout-touchuju.txt";

/** A line with each text centred in, or right-aligned to, its character range. */
function line(pieces: readonly (readonly [string, number, number, "centre" | "right"])[]): string {
  let out = "";
  for (const [text, from, to, align] of pieces) {
    const start = align === "centre" ? from + Math.floor((to - from - text.length) / 2) : to - 1 - text.length;
    out = out.padEnd(start) + text;
  }
  return out;
}

describe("tokenize", () => {
  it("splits at runs of two or more spaces and keeps single spaces inside a piece", () => {
    expect(tokenize("单位：某局      公开 01 表   7,049.81")).toEqual([
      { text: "单位：某局", start: 0, end: 5 },
      { text: "公开 01 表", start: 11, end: 18 },
      { text: "7,049.81", start: 21, end: 29 },
    ]);
  });
});

describe("alignRegion", () => {
  it("places centred group headers over their columns and joins wrapped header cells", () => {
    // Columns 10 characters wide: headers centred, figures right-aligned (as pdftotext prints them).
    const lines = [
      line([["预算数", 0, 20, "centre"], ["决算数", 20, 40, "centre"]]),
      line([["合计", 0, 10, "centre"], ["因公出国", 10, 20, "centre"], ["合计", 20, 30, "centre"], ["因公出国", 30, 40, "centre"]]),
      line([["（境）费", 10, 20, "centre"], ["（境）费", 30, 40, "centre"]]),
      line([["1", 0, 10, "centre"], ["2", 10, 20, "centre"], ["3", 20, 30, "centre"], ["4", 30, 40, "centre"]]),
      line([["36.74", 0, 10, "right"], ["36.74", 10, 20, "right"], ["36.74", 20, 30, "right"], ["36.74", 30, 40, "right"]]),
    ];
    expect(alignRegion(lines)).toEqual([
      ["预算数", "", "决算数", ""],
      ["合计", "因公出国（境）费", "合计", "因公出国（境）费"],
      ["", "", "", ""],
      ["1", "2", "3", "4"],
      ["36.74", "36.74", "36.74", "36.74"],
    ]);
  });
});

describe("pdftotext -layout tables", () => {
  const d = parsed(LAYOUT);

  it("finds the tables with numbers, titles and units", () => {
    expect(d.tables.map((t) => [t.number, t.kind, t.title, t.unit, t.line, t.lineEnd])).toEqual([
      ["公开01表", "收入支出决算总表", "2024 年度收入支出决算总表", "万元", 6, 42],
      ["公开02表", "收入决算表", "2024 年度收入决算表", "万元", 46, 89],
      ["公开09表", "三公经费支出决算表", "2024 年度财政拨款“三公”经费支出决算表", "万元", 93, 101],
    ]);
    expect(d.tables[0]?.departmentLine).toBe("单位：武汉市投资促进局（武汉市政务服务局） 单位：万元");
  });

  it("splits the two-sided 公开01 like the OCR form", () => {
    const t = table(d, "公开01表");
    expect(t.parts.map((p) => [p.name, p.rows.length, p.columns.map((c) => [c.path.join(">"), c.lineNo])])).toEqual([
      ["收入", 12, [["金额", "1"]]],
      ["支出", 30, [["金额", "2"]]],
    ]);
    const r = rowAt(t, 12, "支出");
    expect([r.label, r.rowNo, r.cells[0]?.value]).toEqual(["一般公共服务支出", "32", "5721.65"]);
    expect(rowAt(t, 42, "收入").cells[0]?.value).toBe("7054.06");
  });

  it("reads wrapped header cells of 公开02 (\"本年收入\" / \"合计\") and keeps empty columns", () => {
    const t = table(d, "公开02表");
    expect(t.parts[0]?.columns.map((c) => c.path.join(">"))).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
    expect(t.parts[0]?.rows.length).toBe(37);
    const r = rowAt(t, 56);
    expect([r.code, r.codeLevel, r.label, r.cells.map((c) => c.value)]).toEqual(["2010350", "项", "事业运行", ["1370.98", "1370.98", null, null, null, null, null]]);
    expect(t.flags).toEqual([]);
  });

  it("resolves the three-level 三公 header without falling back to the template", () => {
    const t = table(d, "公开09表");
    expect(t.flags).toEqual([]);
    expect(t.parts[0]?.columns.map((c) => c.path.join(">")).slice(0, 6)).toEqual([
      "预算数>合计",
      "预算数>因公出国(境)费",
      "预算数>公务用车购置及运行维护费>小计",
      "预算数>公务用车购置及运行维护费>公务用车购置费",
      "预算数>公务用车购置及运行维护费>公务用车运行维护费",
      "预算数>公务接待费",
    ]);
    expect(t.parts[0]?.rows[0]?.cells.map((c) => c.value)).toEqual(["157.03", "120.65", "35.98", "35.98", null, "0.41", "157.03", "120.65", "35.98", "35.98", null, "0.41"]);
  });

  it("keeps the narrative around the tables as sections and paragraphs", () => {
    expect(d.sections.map((s) => s.marker)).toEqual(["第二部分", "第三部分", "九、"]);
    expect(d.paragraphs.at(-1)?.text).toBe("2024年度“三公”经费财政拨款支出决算为157.03万元，完成预算的100%。");
  });
});

describe("template variants", () => {
  const d = parsed("tests/fixtures/parse/variant-numbered-titles.txt");

  it("numbers tables titled \"一、收入支出决算汇总表\" or titled only from the template", () => {
    expect(d.tables.map((t) => [t.number, t.kind, t.title])).toEqual([
      ["公开01表", "收入支出决算总表", "收入支出决算汇总表"],
      ["公开03表", "支出决算表", "2024年度支出决算表"],
      ["公开06表", "一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算明细表"],
      ["公开09表", "三公经费支出决算表", "财政拨款“三公”经费支出决算表"],
    ]);
    expect(d.meta).toMatchObject({ department: "武汉市某区示例中心", year: 2024, kind: "单位决算" });
  });

  it("does not take numbered table titles inside 第二部分 for sections", () => {
    expect(d.sections.map((s) => `${s.marker}${s.title}`)).toEqual([
      "第一部分武汉市某区示例中心概况",
      "一、主要职能",
      "第二部分2024年度单位决算表",
      "第三部分2024年度单位决算情况说明",
      "一、收入支出决算总体情况说明",
    ]);
  });
});
