import { describe, expect, it } from "vitest";
import { composeAnswer, type AnswerData, type FigureTarget, type ScoreCondition } from "../../src/answer/index.js";
import { composeTally, projectTotals } from "../../src/answer/_tally.js";
import type { Fact } from "../../src/facts/types.js";
import { corpusReader, DEPT, narrativeFact } from "../fixtures/answer/facts.js";

/** A project's self-evaluation total as the performance reader states it. */
const total = (subject: string, value: string, line: number, qualifier = "自评总分"): Fact =>
  narrativeFact({ subject, value, unit: "分", measure: "得分", qualifier: [qualifier], line, quote: `项目名称 ${subject} 总分 ${value}` });

const POOL: Fact[] = [
  total("轨道交通建设前期工作经费", "100", 801),
  total("轨道交通运营补贴", "100", 802),
  total("轨道交通安全监管经费", "99.5", 803),
  total("城轨线网规划编制经费", "100", 804),
  total("轨道交通信息化建设经费", "97.8", 805),
  total("轨道交通专家评审经费", "100", 806),
  total("轨道交通宣传经费", "98", 807),
  // Not projects: the department's overall score and an average.
  total("部门整体支出", "100", 810),
  total("平均得分", "99.33", 811),
  // The same project's total stated again counts once; an indicator's score is no total.
  total("轨道交通运营补贴", "100", 820, "总得分"),
  total("轨道交通宣传经费", "10", 821, "得分"),
];

const target: FigureTarget = { department: DEPT, year: 2024, items: [], code: null, topic: null, aspect: "数量", unitHint: null, subject: "" };
const read = corpusReader(POOL);
const tally = (op: ScoreCondition["op"], value: string, pool: readonly Fact[] = POOL) => composeTally("q", "zh", { target, condition: { op, value } }, projectTotals(pool), read);

describe("projectTotals", () => {
  it("reads each project's own total once, never the department's overall score, an average or an indicator's score", () => {
    expect(projectTotals(POOL).map((f) => [f.subject, f.value])).toEqual([
      ["轨道交通建设前期工作经费", "100"],
      ["轨道交通运营补贴", "100"],
      ["轨道交通安全监管经费", "99.5"],
      ["城轨线网规划编制经费", "100"],
      ["轨道交通信息化建设经费", "97.8"],
      ["轨道交通专家评审经费", "100"],
      ["轨道交通宣传经费", "98"],
    ]);
  });
});

describe("composeTally", () => {
  it.each([
    ["eq", "100", "4"],
    ["gte", "99", "5"],
    ["gt", "99.5", "4"],
    ["lte", "98", "2"],
    ["lt", "98", "1"],
  ] as const)("counts the projects whose total is %s %s: %s", (op, value, count) => {
    const a = tally(op, value);
    expect(a).toMatchObject({ kind: "number", value: count, unit: "个", department: DEPT, year: 2024, error: null });
  });

  it("names every project read and marks those counted, citing every total", () => {
    const a = tally("eq", "100");
    expect(a?.text.split("\n")[0]).toBe(`${DEPT} 2024年度自评的 7 个项目中，自评总分为100 分的有 4 个`);
    const marked = (a?.text.split("\n") ?? []).filter((l) => l.endsWith("✓"));
    expect(marked.map((l) => l.replace(/^\d+\. /, "").split("：")[0])).toEqual(["轨道交通建设前期工作经费", "轨道交通运营补贴", "城轨线网规划编制经费", "轨道交通专家评审经费"]);
    expect(a?.text).toContain("轨道交通宣传经费");
    expect(a?.text).not.toContain("部门整体支出");
    expect(a?.citations.map((c) => c.line).sort()).toEqual([801, 802, 803, 804, 805, 806, 807]);
  });

  it("answers nothing when the pool states fewer than two project totals", () => {
    expect(tally("eq", "100", [total("轨道交通运营补贴", "100", 802), total("部门整体支出", "100", 810)])).toBeNull();
  });
});

describe("composeAnswer: a tally request", () => {
  const data = (pool: readonly Fact[]): AnswerData => ({
    factsFor: (d, y) => pool.filter((f) => f.department === d && f.year === y),
    readLine: corpusReader(pool),
    searchPassages: async () => [],
    nextPassage: () => null,
    sectionPassages: () => [],
  });
  const question = "测试市财政局自评的7个项目里有几个打了满分？";

  it("passes the guard: the count, the projects' totals and the score asked are all read or stated", async () => {
    const a = await composeAnswer({ kind: "tally", question, lang: "zh", target, condition: { op: "eq", value: "100" } }, data(POOL));
    expect(a).toMatchObject({ kind: "number", value: "4", unit: "个", error: null });
    expect(a.text).toContain("轨道交通专家评审经费");
  });

  it("answers not disclosed when fewer than two project totals are stated", async () => {
    const a = await composeAnswer({ kind: "tally", question, lang: "zh", target, condition: { op: "eq", value: "100" } }, data([total("轨道交通运营补贴", "100", 802)]));
    expect(a).toMatchObject({ kind: "refuse", value: null, error: { code: "not_disclosed" } });
  });
});
