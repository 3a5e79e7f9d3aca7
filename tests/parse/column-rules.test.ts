import { describe, expect, it } from "vitest";
import { columnRules } from "../../src/parse/_column-rules.js";
import { levelCodes } from "../../src/parse/_continuation.js";

describe("columnRules", () => {
  it.each([
    ["a total over its siblings", [["本年支出合计"], ["基本支出"], ["项目支出"], ["上缴上级支出"]], [{ total: 0, addends: [1, 2, 3] }], []],
    ["a group's total inside the group", [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]], [{ total: 0, addends: [1, 2] }], []],
    [
      "a group standing in by its amount column, and a 其中 part of it",
      [["本年收入合计"], ["财政拨款收入"], ["事业收入", "金额"], ["事业收入", "其中:教育收费"], ["其他收入"]],
      [{ total: 0, addends: [1, 2, 4] }],
      [{ part: 3, of: 2 }],
    ],
    [
      "the 三公 halves, each with its 公务用车 小计",
      [["预算数", "合计"], ["预算数", "因公出国(境)费"], ["预算数", "公务用车购置及运行维护费", "小计"], ["预算数", "公务用车购置及运行维护费", "公务用车购置费"], ["预算数", "公务用车购置及运行维护费", "公务用车运行维护费"], ["预算数", "公务接待费"]],
      [
        { total: 0, addends: [1, 2, 5] },
        { total: 2, addends: [3, 4] },
      ],
      [],
    ],
    ["balances that add up to no column", [["年初结转和结余"], ["本年收入"], ["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"], ["年末结转和结余"]], [{ total: 2, addends: [3, 4] }], []],
    ["a group without a column of its own: no identity", [["合计"], ["基本支出"], ["项目支出", "甲"], ["项目支出", "乙"]], [], []],
  ])("reads %s", (_, paths, sums, parts) => {
    expect(columnRules(paths)).toEqual({ sums, parts });
  });
});

describe("levelCodes", () => {
  it.each([
    ["codes as printed", ["206", "20604", "2060499"], ["206", "20604", "2060499"]],
    ["a 款 code repeated on its 项 rows (001 公开02)", ["215", "21508", "21508", "21508"], ["215", "21508", "21508··", "21508··"]],
    ["a code cut short by a digit (001 公开05)", ["21508", "215089", "221020"], ["21508", "21508··", "22102··"]],
    ["a 项 code repeated stays a sibling", ["22102", "2210201", "2210201"], ["22102", "2210201", "2210201"]],
    ["rows without a code", [null, "201", null], [null, "201", null]],
  ])("reads %s", (_, codes, expected) => {
    expect(levelCodes(codes)).toEqual(expected);
  });
});
