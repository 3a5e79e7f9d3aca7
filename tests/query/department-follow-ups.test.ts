import { describe, expect, it } from "vitest";
import { CARRIED, nextState, subjectOf } from "../../src/query/index.js";
import { DONGHU, DONGXIHU, JINGXIN, TOUCHU } from "../fixtures/query/catalogs.js";
import { converse } from "../fixtures/query/converse.js";

describe("understandQuestion: follow-ups that name a department", () => {
  it.each([
    [["经信局公务接待费多少", "财政局公务接待费多少"], "财政局"],
    [["经信局公务接待费多少", "那市财政局呢？"], "市财政局"],
  ])("refuses a department the corpus lacks instead of keeping the conversation's: %j", (turns, asked) => {
    expect(converse(turns).department).toMatchObject({ kind: "unknown", asked });
  });

  it("answers for the department a follow-up names, not the conversation's", () => {
    const u = converse(["经信局公务接待费多少", "投促局公务接待费多少"]);
    expect(u.department).toMatchObject({ kind: "resolved", names: [TOUCHU] });
  });

  it.each([["跟投促局比呢？"], ["和投促局比一比呢"]])("compares the conversation's department with the one named: %s", (q) => {
    const u = converse(["经信局公务接待费多少", q]);
    expect(u.department).toMatchObject({ kind: "resolved", names: [JINGXIN, TOUCHU] });
    expect(u.intent).toBe("compare");
  });
});

describe("understandQuestion: a follow-up comparing with a department in its own year", () => {
  it("gives the year said to the department said; the conversation's keeps its own", () => {
    const u = converse(["东西湖商务局2022年办公费多少", "跟东湖高新区2023年比，多出多少？"]);
    expect(u.operands.map((o) => [o.department, o.year])).toEqual([
      [DONGXIHU, 2022],
      [DONGHU, 2023],
    ]);
  });
});

describe("understandQuestion: a follow-up pointing at the project", () => {
  it("carries the conversation's subject (这个项目绩效自评多少分: 自评 is no part of a topic)", () => {
    const u = converse(["东西湖商务局政府购买服务人员有几个人？", "这个项目绩效自评多少分？"]);
    expect(u.topic).toBe("政府购买服务人员");
    expect(u.topicVia).toBe("conversation");
  });
});

describe("understandQuestion: a follow-up naming only a fund", () => {
  it("asks the conversation's quantity in that fund (其中财政拨款安排的呢)", () => {
    const u = converse(["经信局2024年教育支出多少？", "其中财政拨款安排的呢？"]);
    expect(u.topic).toBe("教育支出");
    expect(u.topicVia).toBe("conversation");
    expect(subjectOf(u)).toContain("财政拨款");
  });
});

describe("subjectOf", () => {
  it.each([
    ["经信局2024年公务接待费多少", "公务接待费"],
    ["东西湖商务局2022年2020年度小进限企业奖励资金多少", "2020年度小进限企业奖励资金"],
    ["2069999是什么科目？东湖高新区管委会2023年这一项支出多少？", "是什么科目"],
  ])("leaves the words about the quantity: %s", (q, kept) => {
    expect(subjectOf(converse([q])).replace(/\u0000/g, "")).toContain(kept);
  });
});

describe("a follow-up's parts", () => {
  it("keeps the department when a place is where the money went (\"其中给恩施州的是多少\")", () => {
    const u = converse(["投促局2024年给恩施州和五峰县拨了多少结对帮扶招商引资资金？", "其中给恩施州的是多少？"]);
    expect(u.department).toMatchObject({ kind: "resolved", names: [TOUCHU] });
  });

  it("asks a place that is the body itself as another department (\"恩施州三公经费多少\")", () => {
    expect(converse(["恩施州三公经费多少"]).department).toMatchObject({ kind: "unknown" });
  });

  it("carries the previous subject of a 其中 follow-up as a preference, never as required words", () => {
    const s = subjectOf(converse(["东湖高新区管委会名下的车都有哪几类？", "其中应急保障用车有几辆？"]));
    const [own, carried] = s.split(CARRIED);
    expect(own).toContain("应急保障用车");
    expect(own).not.toContain("名下");
    expect(carried).toContain("名下");
  });
});

describe("nextState", () => {
  it("keeps the answer's table (without its number) with the subject a bare follow-up prefers", () => {
    const u = converse(["经信局公务接待费多少"]);
    expect(nextState(u, { table: "公开09表 财政拨款“三公”经费支出决算表" }).subject).toBe("公务接待费多少 财政拨款“三公”经费支出决算表");
  });
});

