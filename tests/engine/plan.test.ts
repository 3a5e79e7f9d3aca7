import { describe, expect, it } from "vitest";
import { EMPTY_CONVERSATION, type ConversationState } from "../../src/answer/types.js";
import { planAnswer } from "../../src/engine/_plan.js";
import { buildCatalog, nextState, understandQuestion } from "../../src/query/index.js";

const catalog = buildCatalog([
  { department: "武汉市经济和信息化局", aliases: ["经信局", "市经信局"], year: 2024, type: "部门决算", file: "corpus/a.txt" },
  { department: "武汉市东西湖区商务局", aliases: ["东西湖商务局"], year: 2022, type: "部门决算", file: "corpus/b.txt" },
  { department: "上海市普陀区财政局", aliases: [], year: 2023, type: "部门决算", file: "corpus/c.txt" },
]);

function plan(q: string) {
  return planAnswer(q, understandQuestion(q, EMPTY_CONVERSATION, catalog), EMPTY_CONVERSATION, catalog);
}

describe("planAnswer", () => {
  it("plans a figure question with the department's latest year when none is given", () => {
    const p = plan("经信局公务接待费多少");
    expect(p.kind).toBe("figure");
    if (p.kind !== "figure") return;
    expect(p.target).toMatchObject({ department: "武汉市经济和信息化局", year: 2024, items: ["reception"], aspect: "决算" });
    expect(p.defaultYear).toBe(true);
  });

  it("resolves a department known only by its derived alias", () => {
    const p = plan("普陀区财政局2023年三公经费预算多少");
    expect(p.kind).toBe("figure");
    if (p.kind === "figure") expect(p.target).toMatchObject({ department: "上海市普陀区财政局", year: 2023, aspect: "预算" });
  });

  it("ranks only the departments named when two or more are", () => {
    const p = plan("经信局和东西湖商务局，哪家公务接待费多？");
    expect(p.kind).toBe("rank");
    if (p.kind === "rank") expect(p.targets.map((t) => t.department).sort()).toEqual(["武汉市东西湖区商务局", "武汉市经济和信息化局"]);
  });

  it("compares the two departments named when the gap is asked (哪家更多？多多少)", () => {
    expect(plan("经信局和东西湖商务局，哪家公务接待费更多？多多少？").kind).toBe("compare");
  });

  it("never answers a difference it cannot read as a single figure", () => {
    // "那个" names nothing to compare with: not the figure of 公务接待费.
    const p = plan("经信局公务接待费比那个多出多少");
    expect(p.kind).toBe("refuse");
    // Nor when the comparison is said right after 比 ("比多多少").
    expect(plan("经信局公务接待费比多多少").kind).toBe("refuse");
  });

  it("plans a year before the first disclosure as a refusal that may show the next year's stated change", () => {
    const p = plan("经信局2023年公务接待费");
    expect(p.kind).toBe("prior");
    if (p.kind !== "prior") return;
    expect(p.prior).toBe(2023);
    expect(p.target).toMatchObject({ department: "武汉市经济和信息化局", year: 2024 });
    expect(p.error).toMatchObject({ code: "year_not_covered", department: "武汉市经济和信息化局", year: 2023, available: [2024] });
  });

  it.each([
    ["经信局2022年公务接待费", { code: "year_not_covered", department: "武汉市经济和信息化局", year: 2022, available: [2024] }],
    ["武汉市财政局三公经费多少", { code: "no_such_department" }],
    ["公务接待费多少", { code: "no_such_department", asked: null }],
  ])("refuses %s", (q, error) => {
    const p = plan(q);
    expect(p.kind).toBe("refuse");
    if (p.kind === "refuse") expect(p.error).toMatchObject(error);
  });

  it("answers why-questions from passages, scoped to the department and year", () => {
    const p = plan("经信局三公经费为啥比上年多");
    expect(p).toMatchObject({ kind: "passage", passageKind: "explain", department: "武汉市经济和信息化局", year: 2024 });
    if (p.kind === "passage") expect(p.query).toContain("原因");
  });

  it("names the document's heading for what a why-question asks (发现了什么问题 → 发现的问题及原因)", () => {
    const p = plan("经信局绩效自评发现了什么问题");
    expect(p).toMatchObject({ kind: "passage", passageKind: "explain" });
    if (p.kind === "passage") expect(p.headings).toContain("发现的问题及原因");
  });

  it.each([["经信局公务接待费主要花在哪了"], ["经信局这笔钱的用途是什么"]])("reads where money went from the document's 主要用于: %s", (q) => {
    const p = plan(q);
    expect(p).toMatchObject({ kind: "passage", passageKind: "explain" });
    if (p.kind === "passage") expect(p.headings).toContain("主要用于");
  });

  it("keeps a why-question about money not spent to its causes (没花到预算数)", () => {
    const p = plan("经信局一般公共预算财政拨款支出为啥没花到预算数");
    if (p.kind === "passage") expect(p.headings).not.toContain("主要用于");
  });

  it.each([["经信局绩效自评的项目里90分以上的指标有几个"], ["经信局自评的项目里95分到99分之间的有几个"]])("counts no projects by a condition it cannot read as one: %s", (q) => {
    expect(plan(q).kind).not.toBe("tally");
  });

  it.each([
    ["经信局和东西湖商务局的公务接待费比一比，东西湖商务局是多少", 1],
    ["经信局和东西湖商务局的公务接待费比一比，经信局是多少？", 0],
    ["经信局和东西湖商务局的公务接待费比一比，差多少", undefined],
  ])("a comparison whose last clause asks one body's own figure answers it: %s", (q, asked) => {
    const p = plan(q);
    expect(p.kind).toBe("compare");
    if (p.kind === "compare") expect(p.asked).toBe(asked);
  });

  it("ranks every department for 哪个部门…最多", () => {
    const p = plan("哪个部门公务接待费最多");
    expect(p.kind).toBe("rank");
    if (p.kind === "rank") {
      expect(p.targets.map((t) => t.department).sort()).toEqual(["上海市普陀区财政局", "武汉市东西湖区商务局", "武汉市经济和信息化局"]);
      expect(p.ascending).toBe(false);
    }
  });

  it("sums the items named together", () => {
    const p = plan("经信局三公经费里出国和接待一共多少");
    expect(p.kind).toBe("sum");
    if (p.kind === "sum") expect(p.targets.map((t) => t.items[0])).toEqual(["outbound_travel", "reception"]);
  });
});

describe("planAnswer on odd input", () => {
  it.each([["🙂🙂"], ["？？？"], ["……"]])("does not understand %s", (q) => {
    const p = plan(q);
    expect(p.kind).toBe("refuse");
    if (p.kind === "refuse") expect(p.error.code).toBe("not_understood");
  });

  it("answers a department named alone with its 收支总计", () => {
    const p = plan("经信局");
    expect(p.kind).toBe("figure");
    if (p.kind === "figure") expect(p.target.items).toEqual(["grand_total"]);
  });
});

describe("planAnswer: rankings inside one department", () => {
  it.each([
    ["经信局基本支出里哪个明细科目花得最多", 1, "leaf"],
    ["经信局支出决算表中支出第二多的是哪一类", 2, 3],
    ["经信局哪个项级科目支出最少", 1, 7],
  ] as const)("%s ranks its rows (position %s, level %s)", (q, position, level) => {
    const r = plan(q);
    expect(r.kind).toBe("rank-within");
    if (r.kind === "rank-within") expect([r.position, r.level]).toEqual([position, level]);
  });

  it("never ranks departments when one is named and rows cannot answer (a growth ranking)", () => {
    expect(plan("经信局各功能科目里比上年增幅最大的是哪一项")).toMatchObject({ kind: "refuse", error: { code: "not_understood" } });
  });

  it("ranks departments when the question asks which one", () => {
    expect(plan("哪个部门的公务接待费最多").kind).toBe("rank");
  });
});

describe("planAnswer: a gap asked between two figures", () => {
  it.each([["经信局工会经费收入和实际支出差了多少？"]])("never plans one figure for %s", (q) => {
    const p = plan(q);
    expect(p.kind === "figure" && p.fallback === undefined).toBe(false);
  });
});

describe("planAnswer: projects counted by their self-evaluation totals", () => {
  const withFoshan = buildCatalog([{ department: "佛山市轨道交通局", aliases: [], year: 2019, type: "部门决算", file: "corpus/f.txt" }]);
  const planIn = (turns: readonly string[]) => {
    let state: ConversationState = EMPTY_CONVERSATION;
    let p: ReturnType<typeof planAnswer> | undefined;
    for (const q of turns) {
      const u = understandQuestion(q, state, withFoshan);
      p = planAnswer(q, u, state, withFoshan);
      state = nextState(u);
    }
    return p;
  };

  it.each([
    [["佛山市轨道交通局自评的7个项目里有几个打了满分？"], { op: "eq", value: "100" }],
    [["佛山市轨道交通局自评的项目里99分以上的有几个？"], { op: "gte", value: "99" }],
    [["佛山市轨道交通局自评项目中低于98分的有几个？"], { op: "lt", value: "98" }],
    [["佛山市轨道交通局2019年绩效自评了几个项目？", "其中拿满分100分的有几个？"], { op: "eq", value: "100" }],
  ])("%j → a tally of %j", (turns, condition) => {
    const p = planIn(turns);
    expect(p).toMatchObject({ kind: "tally", target: { department: "佛山市轨道交通局", year: 2019 }, condition });
  });

  it.each([["佛山市轨道交通局自评的项目有几个？"], ["佛山市轨道交通局满分是多少分？"]])("plans no tally without a score condition or a count of projects: %s", (q) => {
    expect(planIn([q])?.kind).not.toBe("tally");
  });
});
