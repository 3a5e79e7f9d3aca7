import { describe, expect, it } from "vitest";
import { readWords } from "../../src/parse/_plain-words.js";

describe("readWords", () => {
  it.each([
    ["a figure OCR spaced inside (002)", "合计 1, 115. 55 1, 115. 55", ["合计", "1,115.55", "1,115.55"]],
    ["a code split 6 + 1 (001 公开05)", "206049 9 其他技术研究与开发支出 10,460.20", ["2060499", "其他技术研究与开发支出", "10,460.20"]],
    ["a code split 5 + 3 repeating its last digit (001 公开02)", "20805 502 事业单位离退休 78.06", ["2080502", "事业单位离退休", "78.06"]],
    ["a stray mark after a code", "21110 ) 能源节约利用 5,530.12", ["21110", "能源节约利用", "5,530.12"]],
    ["side words spread over two cells", "收 入 支 出", ["收入", "支出"]],
    ["a cell spread character by character", "经营支出 利 附 馬 半 位 补 助 支 出", ["经营支出", "利附馬半位补助支出"]],
    ["the code columns' header on the 合计 row", "类 款 项 合计 266,783.56", ["合计", "266,783.56"]],
    ["the same, as OCR misread it", "尖 款 坝 合计 113,311.47", ["合计", "113,311.47"]],
    ["markup crumbs", "221 住房保障支出 1,099.07 1,099.07 <u> </u>", ["221", "住房保障支出", "1,099.07", "1,099.07"]],
    ["a code printed against its name", "310资本性支出 0.20", ["310", "资本性支出", "0.20"]],
  ])("reads %s", (_, line, words) => {
    expect(readWords([line]).words[0]).toEqual(words);
  });

  it("gives a nameless coded row the figure printed on its name's lower piece", () => {
    const { words } = readWords(["社会保障和就业", "208 15,171.49 15,077.81", "支出 93.68"]);
    expect(words).toEqual([["社会保障和就业"], ["208", "15,171.49", "15,077.81", "93.68"], ["支出"]]);
  });

  it("puts a code alone on its line with the next line's name and figures", () => {
    const { words, carried } = readWords(["30299", "其他商品和服务支出 0.20"]);
    expect(words).toEqual([["30299", "其他商品和服务支出", "0.20"], []]);
    expect([...carried]).toEqual([[0, 1]]);
  });
});
