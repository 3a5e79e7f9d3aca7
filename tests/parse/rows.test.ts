import { describe, expect, it } from "vitest";
import { labelOf, readCode } from "../../src/parse/_rows.js";
import { parsed, rowAt, table } from "./_load.js";

describe("readCode", () => {
  it.each([
    [["2080505", ""], "2080505", []],
    [["206049", "9"], "2060499", ["split_code"]], // 001 公开05 line 316
    [["20805", "502"], "2080502", ["split_code"]], // 001 公开02 line 159
    [["20808", "301"], "2080801", ["split_code"]], // 001 公开02 line 164: "3" misread for "8"
    [["20808", "3"], "20808", ["split_code"]], // line 163: stray digit after a 款 code
    [["21110", ")"], "21110", ["split_code"]], // line 174
    [["215089", ""], "215089", ["split_code"]], // 001 公开05 line 346: a digit lost
    [["201", "03", "01"], "2010301", []], // 类 | 款 | 项 in their own cells
    [["201", "03", ""], "20103", []],
    [["合计", ""], null, []],
  ])("reads the code in %j as %s", (cells, code, flags) => {
    const r = readCode(cells);
    expect([r.code, r.flags.map((f) => f.kind)]).toEqual([code, flags]);
  });

  it("says why a tail was joined when it does not repeat the 款 code's last digit", () => {
    expect(readCode(["20808", "301"]).flags[0]?.note).toBe('code split across cells "20808\\t301" joined as 2080801 (tail 301 does not repeat 8; read as 2080801)');
  });

  it("splits a code merged with its label (001 公开07 line 407)", () => {
    expect(readCode(["2159802 制造业", ""])).toMatchObject({ code: "2159802", rest: "制造业" });
  });
});

describe("labelOf", () => {
  it.each([
    ["一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入"],
    ["（一）一般公共服务支出", "一般公共服务支出"],
    ["栏次 合计", "合计"],
    ["总 计", "总计"],
    ["政府办公厅（室）及相关机构事务", "政府办公厅(室)及相关机构事务"],
  ])("turns %j into %j", (raw, label) => {
    expect(labelOf(raw)).toBe(label);
  });
});

describe("table rows", () => {
  const d = parsed("corpus/2024-wuhan-jingxinju.txt");

  it("joins split codes and levels them (001 公开05 line 316)", () => {
    const r = rowAt(table(d, "公开05表"), 316);
    expect([r.code, r.codeLevel, r.label, r.cells.map((c) => c.value)]).toEqual(["2060499", "项", "其他技术研究与开发支出", ["10460.20", null, "10460.20"]]);
    expect(r.flags.map((f) => f.kind)).toEqual(["split_code"]);
  });

  it("keeps the 合计 row as a body row and flags the garbled 类款项 crumbs before it", () => {
    const r = rowAt(table(d, "公开05表"), 313);
    expect([r.code, r.label, r.cells.map((c) => c.value)]).toEqual([null, "合计", ["97001.61", "10242.18", "86759.43"]]);
  });

  it("continues a label cut into a value cell (001 公开07 line 405)", () => {
    const r = rowAt(table(d, "公开07表"), 405);
    expect([r.code, r.label, r.cells.map((c) => c.value)]).toEqual(["215", "资源勘探工业信息等支出", [null, "16179.00", "16179.00", null, "16179.00", null]]);
  });

  it("moves a row whose figures slid into the label columns back under its 栏次 (001 公开07 line 407)", () => {
    const r = rowAt(table(d, "公开07表"), 407);
    expect([r.code, r.label, r.cells.map((c) => c.value)]).toEqual(["2159802", "制造业", [null, "16179.00", "16179.00", null, "16179.00", null]]);
    expect(r.flags.map((f) => [f.kind, f.note])).toEqual([["garbled", "cells moved 2 cells right: the figures then fill the value columns as on line 406"]]);
  });

  it("uses 经济分类 codes in 公开06", () => {
    const r = rowAt(table(d, "公开06表"), 364, "人员经费");
    expect([r.code, r.codeLevel, r.label, r.cells[0]?.value]).toEqual(["30101", "经济分类", "基本工资", "1162.29"]);
  });

  it("reads the 栏次 合计 cell of touchuju 公开02 as the 合计 row", () => {
    const r = rowAt(table(parsed("corpus/2024-wuhan-touchuju.txt"), "公开02表"), 141);
    expect([r.label, r.rawLabel, r.cells[0]?.value]).toEqual(["合计", "栏次 合计", "7049.81"]);
  });

  it("keeps empty cells empty, not zero", () => {
    const r = rowAt(table(parsed("corpus/2024-wuhan-touchuju.txt"), "公开03表"), 198);
    expect(r.cells.map((c) => c.value)).toEqual(["631.91", "631.91", "0.00", null, null, null]);
  });
});
