import { describe, expect, it } from "vitest";
import { layoutize } from "../../scripts/layoutize.js";
import { alignRegion, layoutCellRows, snapLanci } from "../../src/parse/_layout.js";
import { tokenize } from "../../src/parse/_layout-tokens.js";
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

describe("tokenize by display width", () => {
  it("counts CJK characters as two columns", () => {
    expect(tokenize("项目   7,049.81", "display")).toEqual([
      { text: "项目", start: 0, end: 4 },
      { text: "7,049.81", start: 7, end: 15 },
    ]);
  });
});

/** TAB cells → display-width layout (as scripts/layoutize.ts writes it) → cells again. */
function roundTrip(tab: readonly string[]): (string[] | null)[] {
  return alignRegion(layoutize(tab.join("\n")).split("\n"));
}

function cellsOf(tab: readonly string[]): string[][] {
  const width = Math.max(...tab.map((l) => l.split("\t").length));
  return tab.map((l) => Array.from({ length: width }, (_, k) => l.split("\t")[k] ?? ""));
}

describe("alignRegion on columns padded by display width", () => {
  it.each([
    [
      "lines the pieces up with wide characters counted as two columns",
      ["项目\t行次\t金额", "一、一般公共预算财政拨款收入\t1\t7,049.81", "四、上级补助收入\t4\t", "本年收入合计\t27\t7,049.81"],
    ],
    [
      "keeps a left-aligned group header in its own cell, apart from the header line below",
      ["收入\t\t\t支出\t\t", "项目\t行次\t金额\t项目\t行次\t金额", "栏次\t\t1\t栏次\t\t2", "一、财政拨款收入\t1\t7,049.81\t一、一般公共服务支出\t32\t5,721.65", "二、上级补助收入\t2\t\t二、外交支出\t33\t"],
    ],
    [
      "gives a column with a header and no figures a cell of its own (公开06's third 决算数)",
      [
        "人员经费\t\t\t公用经费\t\t\t\t\t",
        "经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数\t经济分类科目编码\t科目名称\t决算数",
        "301\t工资福利支出\t2,715.03\t302\t商品和服务支出\t298.42\t307\t债务利息及费用支出\t",
        "30101\t基本工资\t415.49\t30201\t办公费\t43.01\t30701\t国内债务付息\t",
      ],
    ],
    [
      "keeps the 栏次 line's 类 and the right-aligned codes in the column of their 科目编码 header",
      ["功能分类 科目编码\t科目名称\t本年支出合计\t", "类\t款\t栏次\t1", "201\t\t一般公共服务支出\t5,720.91", "2010350\t\t事业运行\t1,370.98"],
    ],
    [
      "reads a header word left-aligned over a right-aligned 栏次 number as its column (002 公开08)",
      ["项目\t本年支出\t\t", "科目代码\t科目名称\t合计\t基本支出", "栏次\t\t1\t2"],
    ],
  ])("%s", (_, tab) => {
    expect(roundTrip(tab)).toEqual(cellsOf(tab));
  });

  it("keeps a markup crumb beside the figure it follows, never as a column of its own", () => {
    expect(roundTrip(["221\t住房保障支出\t1,099.07\t<u> </u>", "22102\t住房改革支出\t1,099.07\t<del>            </del>", "2210201\t住房公积金\t598.33\t"])).toEqual([
      ["221", "住房保障支出", "1,099.07 <u> </u>"],
      ["22102", "住房改革支出", "1,099.07 <del> </del>"],
      ["2210201", "住房公积金", "598.33"],
    ]);
  });
});

describe("layoutCellRows", () => {
  it("finds a table no title announces (自评综合得分表 of 000) and leaves the text around it", () => {
    const doc = ["（二）部门整体绩效目标完成情况", "", "评价指标\t权重\t本项得分", "预算执行\t20%\t20", "产出指标\t40%\t38.08", "", "下一段文字。"];
    expect(layoutCellRows(layoutize(doc.join("\n")).split("\n"), () => false)).toEqual([
      null,
      null,
      ["评价指标", "权重", "本项得分"],
      ["预算执行", "20%", "20"],
      ["产出指标", "40%", "38.08"],
      null,
      null,
    ]);
  });

  it("takes a lone line with a wide gap for narrative, and a 第N部分 heading never for a table row", () => {
    const doc = ["第五部分    名词解释", "如期完成    ", "", "12296.00  12053.48 98.03% 19.61", "", "正文。"];
    expect(layoutCellRows(doc, () => false)).toEqual([null, null, null, null, null, null]);
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

describe("snapLanci", () => {
  it("puts 栏次 numbers slid one cell left back over the figure columns (Guangdong 2019 表5, second page)", () => {
    const rows = [
      ["功能分类", "", "", "本年支出合计", "基本支出", "项目支出"],
      ["栏次", "", "1", "2", "3", ""],
      ["", "合计", "", "1668.14", "746.39", "921.75"],
      ["2210201 住房公积金", "", "", "60.87", "60.87", "0.00"],
    ];
    expect(snapLanci(rows)[1]).toEqual(["栏次", "", "", "1", "2", "3"]);
  });

  it("reads k-th number over k-th figure column when neighbour moves would strand a number (Guangdong 2019 三公)", () => {
    // Numbers 2 and 3 both lie between figure columns 2 and 4; moving 2 onto column 2 strands 3.
    const rows = [
      ["合计", "因公出国", "", "小计", "", ""],
      ["1", "2", "", "3", "4", ""],
      ["0.00", "", "0.00", "", "0.00", "0.16"],
    ];
    const snapped = snapLanci(rows);
    const numbered = (snapped[1] ?? []).flatMap((n, c) => (n ? [[n, snapped[2]?.[c]]] : []));
    expect(numbered).toEqual([["1", "0.00"], ["2", "0.00"], ["3", "0.00"], ["4", "0.16"]]);
  });

  it("leaves 栏次 numbers over their figures alone", () => {
    const rows = [["栏次", "1", "2"], ["合计", "3.00", "3.00"]];
    expect(snapLanci(rows)).toEqual(rows);
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
