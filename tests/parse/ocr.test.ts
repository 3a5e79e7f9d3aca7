import { describe, expect, it } from "vitest";
import { dominantDecimals, readCell, truncationFlag } from "../../src/parse/_ocr.js";
import { parsed, rowAt, table } from "./_load.js";

describe("readCell", () => {
  it.each([
    ["16,179.00", "16179.00", 2],
    ["96,752.93", "96752.93", 2],
    ["0.41", "0.41", 2],
    ["16179", "16179", 0],
    ["1, 115. 55", "1115.55", 2], // 002: spaces inside a figure
    ["-3.50", "-3.50", 2],
  ])("reads the clean figure %j as %s keeping its digits", (raw, value, decimals) => {
    expect(readCell(raw)).toEqual({ kind: "number", value, candidate: null, decimals, flags: [] });
  });

  it.each([
    ["2.432.62", "2432.62"], // 001 公开02 line 183
    ["16.179.00", "16179.00"], // 001 公开02 line 185
    ["1.099.07", "1099.07"], // 001 公开02 line 189
  ])("flags the thousands separator misread as a point in %j, candidate %s", (raw, candidate) => {
    const r = readCell(raw);
    expect(r.kind === "number" && [r.value, r.candidate, r.flags.map((f) => f.kind)]).toEqual([null, candidate, ["separator_misread"]]);
  });

  it.each([
    ["<u> </u>", ["markup_crumb"]], // 001 公开02 line 188
    ["<del>                                     </del>", ["markup_crumb"]], // line 189
    ["-", ["markup_crumb"]], // line 194
    ["ス", ["markup_crumb"]],
    ["ĺ", ["markup_crumb"]], // line 196
    ["•", ["markup_crumb"]], // 001 公开05 line 343
    ["", []],
  ])("keeps %j as an empty cell (not zero) with flags %j", (raw, flags) => {
    const r = readCell(raw);
    expect([r.kind, r.flags.map((f) => f.kind)]).toEqual(["empty", flags]);
  });

  it("flags digits that form no figure as unparsable", () => {
    const r = readCell("1,2.3");
    expect(r.kind === "number" && [r.value, r.candidate, r.flags.map((f) => f.kind)]).toEqual([null, null, ["unparsable"]]);
  });

  it("reads CJK text as text", () => {
    expect(readCell("息等支出")).toEqual({ kind: "text", text: "息等支出", flags: [] });
  });
});

describe("truncationFlag", () => {
  it("flags one fraction digit in a table that writes two", () => {
    expect(dominantDecimals([2, 2, 2, 1, 0])).toBe(2);
    expect(truncationFlag("1,099.0", 1, 2)?.kind).toBe("truncated");
    expect(truncationFlag("16179", 0, 2)).toBeNull();
    expect(truncationFlag("0.41", 2, 2)).toBeNull();
  });

  it.each([
    [127, "1,099.0", "1099.0"], // 住房保障支出
    [129, "101.6", "101.6"], // 国有资本经营预算支出
    [135, "113,311.4", "113311.4"], // 本年支出合计
    [139, "113,311.4", "113311.4"], // 总计
  ])("keeps the truncated figure on 001 公开01 line %i as written (%s) for verification to repair", (line, raw, value) => {
    const cell = rowAt(table(parsed("corpus/2024-wuhan-jingxinju.txt"), "公开01表"), line, "支出").cells[0];
    expect([cell?.raw, cell?.value, cell?.candidate, cell?.flags.map((f) => f.kind)]).toEqual([raw, value, null, ["truncated"]]);
  });

  it("records separator damage in the seed with its candidate (001 公开02 line 183)", () => {
    const row = rowAt(table(parsed("corpus/2024-wuhan-jingxinju.txt"), "公开02表"), 183);
    expect(row.label).toBe("其他支持中小企业发展和管理支出");
    expect(row.cells.slice(0, 2).map((c) => [c.raw, c.value, c.candidate])).toEqual([
      ["2,432.62", "2432.62", null],
      ["2.432.62", null, "2432.62"],
    ]);
  });
});
