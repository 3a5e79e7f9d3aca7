import { describe, expect, it } from "vitest";
import { rowShifts, shiftCells } from "../../src/parse/_align.js";

// Value columns at cells 4…9 (栏次 1…6), code and label cells before them.
const POSITIONS = [4, 5, 6, 7, 8, 9];

describe("rowShifts", () => {
  it("moves a row two cells right when its label took two cells fewer than its sibling's (001 公开07 line 407)", () => {
    const rows = [
      ["21598 超长期特别国债", "", "", "超长期特别国债", "安排的支出", "16,179.00", "16,179.00", "", "16,179.00", ""],
      ["2159802 制造业", "", "", "16,179.00", "16,179.00", "", "16,179.00", "", "", ""],
    ];
    expect(rowShifts(rows, POSITIONS)).toEqual([
      { offset: 0, sibling: -1 },
      { offset: 2, sibling: 0 },
    ]);
  });

  it("moves a row one cell left when its label spilled into one cell more", () => {
    const rows = [
      ["201", "", "", "一般公共服务支出", "6.00", "1.00", "1.00", "1.00", "1.00", "2.00"],
      ["20101", "", "", "人大事", "务", "6.00", "1.00", "1.00", "1.00", "1.00", "2.00"],
    ];
    expect(rowShifts(rows, POSITIONS)[1]).toEqual({ offset: -1, sibling: 0 });
  });

  it.each([
    ["figures on their columns", [["201", "", "", "支出", "5.00", "5.00", "", "", "", ""]]],
    ["no figures", [["201", "", "", "支出", "", "", "", "", "", ""]]],
  ])("leaves rows with %s where they are", (_, rows) => {
    expect(rowShifts(rows, POSITIONS)).toEqual([{ offset: 0, sibling: -1 }]);
  });

  it("leaves a misplaced row no sibling pattern explains", () => {
    const rows = [
      ["201", "", "", "支出", "5.00", "5.00", "", "", "", ""],
      ["20101", "", "3.00", "", "", "", "", "1.00", "2.00", ""],
    ];
    expect(rowShifts(rows, POSITIONS)[1]).toEqual({ offset: 0, sibling: -1 });
  });

  it("leaves a row two offsets explain equally well", () => {
    // Value columns with gaps ("合计 | | 基本支出 | | 项目支出"): a figure in the gap fits one
    // cell left (合计, as the row above) as well as one cell right (基本支出, as the row below).
    const rows = [
      ["a", "甲", "", "", "", "", "1.00", "", ""],
      ["b", "乙", "", "", "", "1.00", "", "", ""],
      ["c", "丙", "", "", "1.00", "", "", "", ""],
    ];
    expect(rowShifts(rows, [4, 6, 8])[1]).toEqual({ offset: 0, sibling: -1 });
  });
});

describe("shiftCells", () => {
  it.each([
    [["2159802 制造业", "", "", "16.00", "16.00"], 2, ["2159802 制造业", "", "", "", "", "16.00", "16.00"]],
    [["20101", "", "", "人大事", "务", "3.00"], -1, ["20101", "", "", "人大事务", "3.00"]],
    [["201", "", "", "支出", "5.00"], 0, ["201", "", "", "支出", "5.00"]],
  ])("lays out %j moved by %i as %j", (cells, offset, expected) => {
    expect(shiftCells(cells, offset, 4)).toEqual(expected);
  });
});
