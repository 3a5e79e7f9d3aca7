import { describe, expect, it } from "vitest";
import { findLanciLine, readHeaderPaths } from "../../src/parse/_header.js";
import { parsed, table } from "./_load.js";

const SANGONG = (["预算数", "决算数"] as const).flatMap((m) => [
  `${m}>合计`,
  `${m}>因公出国(境)费`,
  `${m}>公务用车购置及运行维护费>小计`,
  `${m}>公务用车购置及运行维护费>公务用车购置费`,
  `${m}>公务用车购置及运行维护费>公务用车运行维护费`,
  `${m}>公务接待费`,
]);

describe("findLanciLine", () => {
  it("ignores numbers before 栏次 (001 公开05: \"类。款,项 | | 75 | 栏次 | 1 | 2 | 3\")", () => {
    const l = findLanciLine([["类。款,项", "", "75", "栏次", "1", "2", "3", "", ""]]);
    expect(l).toEqual({ index: 0, positions: [4, 5, 6], numbers: ["1", "2", "3"], lanciCells: [3] });
  });

  it("finds both 栏次 cells of a two-sided table", () => {
    expect(findLanciLine([["栏次", "", "1", "栏次", "", "2", "3", "4", "5"]])?.lanciCells).toEqual([0, 3]);
  });
});

describe("readHeaderPaths", () => {
  it("spans a group header over the columns below it (touchuju 公开09)", () => {
    const rows = [
      ["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""],
      ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"],
      ["", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", "", "小计", "公务用车购置费", "公务用车运行维护费", ""],
    ];
    expect(readHeaderPaths(rows, [...Array(12).keys()]).map((p) => p.join(">"))).toEqual(SANGONG);
  });
});

describe("resolveColumns", () => {
  it("reads a clean 三公 header into column paths with 栏次 numbers", () => {
    const t = table(parsed("corpus/2024-wuhan-touchuju.txt"), "公开09表");
    expect(t.parts[0]?.columns.map((c) => c.path.join(">"))).toEqual(SANGONG);
    expect(t.parts[0]?.columns.map((c) => c.lineNo)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(t.flags).toEqual([]);
  });

  it("falls back to the template's columns for a garbled header and flags it (001 公开09: \"合订\", \"公务月\")", () => {
    const t = table(parsed("corpus/2024-wuhan-jingxinju.txt"), "公开09表");
    expect(t.parts[0]?.columns.map((c) => c.path.join(">"))).toEqual(SANGONG);
    expect(t.flags.map((f) => f.kind)).toEqual(["garbled"]);
    expect(t.parts[0]?.rows[0]?.cells.map((c) => c.value)).toEqual(["70.07", "36.74", "28.96", null, "28.96", "4.37", "69.55", "36.74", "28.94", null, "28.94", "3.87"]);
  });

  it("reads a header printed one cell left of its figures (donghu 公开02)", () => {
    const t = table(parsed("corpus/2023-donghu-guanweihui.txt"), "公开02表");
    expect(t.parts[0]?.columns.map((c) => c.path.join(">"))).toEqual(["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]);
    expect(t.flags).toEqual([]);
  });

  it("uses the template for a truncated header (donghu 公开04 \"一般公共 预算财政\")", () => {
    const t = table(parsed("corpus/2023-donghu-guanweihui.txt"), "公开04表");
    expect(t.parts[1]?.columns.map((c) => c.path.at(-1))).toEqual(["小计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]);
    expect(t.flags.map((f) => f.kind)).toEqual(["garbled"]);
  });

  it("reads 公开07 columns with 本年支出 subcolumns (hongshan)", () => {
    const t = table(parsed("corpus/2024-hongshan-qiyefuwu.txt"), "公开07表");
    expect(t.parts[0]?.columns.map((c) => c.path.join(">"))).toEqual(["年初结转和结余", "本年收入", "本年支出>小计", "本年支出>基本支出", "本年支出>项目支出", "年末结转和结余"]);
    expect(t.parts[0]?.rows.map((r) => [r.label, r.cells.every((c) => c.value === null)])).toEqual([["合计", true]]);
  });
});
