import { describe, expect, it } from "vitest";
import { composeAnswer, type AnswerData, type FigureTarget } from "../../src/answer/index.js";
import { ITEMS } from "../../src/facts/items.js";
import type { Fact } from "../../src/facts/types.js";
import { corpusReader, DEPT, tableFact } from "../fixtures/answer/facts.js";

const OTHER = "测试区商务局";
const facts: Fact[] = [
  tableFact({ subject: "公务接待费", value: "3.87", line: 440, item: "reception", column: ["决算数", "公务接待费"], status: "verified" }),
  tableFact({ subject: "公务接待费", value: "20.85", line: 494, item: "reception", department: OTHER, year: 2023, status: "verified" }),
];
const data: AnswerData = {
  factsFor: (d, y) => facts.filter((f) => f.department === d && f.year === y),
  readLine: corpusReader(facts, []),
  searchPassages: async () => [],
  nextPassage: () => null,
  sectionPassages: () => [],
};
const t = (p: Partial<FigureTarget>): FigureTarget => ({ department: DEPT, year: 2024, items: ["reception"], code: null, topic: null, aspect: "决算", unitHint: null, subject: ITEMS.reception.zh, ...p });

describe("composeCompare: the figure a comparison's last clause asks", () => {
  it.each([
    [1, "20.85"],
    [0, "3.87"],
    [undefined, "16.98"],
  ] as const)("asked %s → %s, the gap stated beside it", async (asked, value) => {
    const a = await composeAnswer(
      { kind: "compare", question: "跟测试区商务局比呢？它是多少？", lang: "zh", targets: [t({}), t({ department: OTHER, year: 2023 })], ...(asked !== undefined ? { asked } : {}) },
      data,
    );
    expect(a).toMatchObject({ kind: "number", value });
    expect(a.text).toContain("差额 16.98 万元");
  });
});
