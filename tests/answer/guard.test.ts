import { describe, expect, it } from "vitest";
import { findStrayNumbers, guardAnswer, numbersIn, refuse } from "../../src/answer/index.js";
import type { Answer } from "../../src/answer/types.js";

const citation = { file: "corpus/x.txt", line: 440, lineEnd: 440, table: "公开09表 三公", section: null, quote: "70.07 | 36.74 | 3.87" };

function answer(text: string): Answer {
  return { question: "q", kind: "number", text, value: "3.87", unit: "万元", department: "某局", year: 2024, status: "verified", citations: [citation], error: null, lang: "zh" };
}

describe("numbersIn", () => {
  it.each([
    ["收支总计113,311.47万元", ["113311.47"]],
    ["3.870 万元，增长 84.3%", ["3.87", "84.3"]],
    ["没有数字", []],
  ])("reads %s", (text, want) => {
    expect(numbersIn(text)).toEqual(want);
  });
});

describe("findStrayNumbers", () => {
  it("accepts figures, years, line numbers and quoted source text", () => {
    const text = "某局 2024年度 公务接待费：3.87 万元\n来源：corpus/x.txt 第440行 “70.07 | 36.74 | 3.87”";
    expect(findStrayNumbers(text, { values: ["3.87"], years: [2024], citations: [citation] })).toEqual([]);
  });

  it("treats grouped and ungrouped figures as one (2,810.41 = 2810.41)", () => {
    expect(findStrayNumbers("合计 2,810.41 万元", { values: ["2810.41"], years: [], citations: [] })).toEqual([]);
  });

  it("reports a number that no fact, computation or citation supports", () => {
    expect(findStrayNumbers("公务接待费：3.78 万元", { values: ["3.87"], years: [2024], citations: [citation] })).toEqual(["3.78"]);
  });
});

describe("guardAnswer", () => {
  it("passes an answer whose numbers are all supported", () => {
    const a = answer("某局 2024年度 公务接待费：3.87 万元");
    expect(guardAnswer(a, { values: ["3.87"] })).toBe(a);
  });

  it("withholds a reply stating an unsupported number", () => {
    const g = guardAnswer(answer("公务接待费：4.12 万元"), { values: ["3.87"] });
    expect(g.kind).toBe("refuse");
    expect(g.value).toBeNull();
    expect(g.error).toEqual({ code: "guard_rejected", numbers: ["4.12"] });
    expect(g.text).not.toContain("4.12");
  });
});

describe("refusal wording", () => {
  const errors = [
    { code: "empty_question" },
    { code: "not_understood" },
    { code: "no_such_department", asked: null, known: ["某局"] },
    { code: "year_not_covered", department: "某局", year: 2023, available: [2024] },
    { code: "not_disclosed", department: "某局", year: 2024, item: "办公用房面积" },
    { code: "ambiguous", asked: "商务局", candidates: ["甲区商务局", "乙区商务局"] },
  ] as const;
  it.each(errors.flatMap((e) => [[e, "zh"], [e, "en"]] as const))("%j in %s passes the number guard", (error, lang) => {
    const a = refuse("q", lang, error);
    expect(guardAnswer(a, { values: [] })).toBe(a);
  });
});
