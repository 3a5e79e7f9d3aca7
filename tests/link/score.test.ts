import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/facts/types.js";
import { linkSubject } from "../../src/link/index.js";
import { coversOf, labelForms } from "../../src/link/_match.js";
import { contentMask } from "../../src/link/_fillers.js";
import { narrativeFact, tableFact } from "../fixtures/answer/facts.js";

const accept = (): boolean => true;
const value = (pool: Fact[], q: string): string | null => {
  const l = linkSubject(pool, q, { code: null, accept });
  return l.kind === "match" ? l.best.d.fact.value : null;
};

describe("labelForms: a total row is named by what it totals", () => {
  it.each([
    ["收入总计", "收入"],
    ["人员经费合计", "人员经费"],
    ["人员经费合计", "人员"],
    // An amount inside a name is said without its 元.
    ["单价50万元以上通用设备", "单价50万以上通用设备"],
    // A project named without the place it is in, or without 建设项目.
    ["东湖高新区低空共享无人机应用示范区建设项目", "低空共享无人机应用示范区建设项目"],
    ["东湖高新区低空共享无人机应用示范区建设项目", "东湖高新区低空共享无人机应用示范区"],
    // A score is named by what is scored ("平均" of 平均得分).
    ["平均得分", "平均"],
  ])("%s can be typed as %s", (label, form) => {
    expect(labelForms(label)).toContain(form);
  });
  it("never strips a total down to a single character or from a short label", () => {
    expect(labelForms("合计")).not.toContain("");
    expect(labelForms("总计")).toEqual(["总计"]);
  });
});

describe("scoreDescriptor", () => {
  const quote = "学校2024年度收入总计477,447.73万元，与2023年度相比，增加46,722.70万元";
  const totals = [
    narrativeFact({ subject: "收入总计", value: "46722.70", measure: "增减", predicate: "增加", qualifier: ["较上年"], line: 380, quote }),
    narrativeFact({ subject: "财政拨款收入", value: "36802.62", measure: "增减", predicate: "增加", line: 381, quote: "其中：财政拨款收入增加36,802.62万元" }),
  ];
  it("links a bare 收入 to the 收入总计 sentence", () => {
    expect(value(totals, "收入增加了多少")).toBe("46722.70");
  });

  const budgetQuote = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元";
  const budgets = [
    narrativeFact({ subject: "一般公共预算财政拨款支出", value: "0", measure: "预算", qualifier: ["年初预算"], line: 490, quote: budgetQuote }),
    narrativeFact({ subject: "一般公共预算财政拨款支出", value: "321.02", measure: "预算", qualifier: ["全年预算"], line: 490, quote: budgetQuote }),
  ];
  it("reads 财政拨款 followed by what it qualifies as a 口径, so the spending sentence answers (一般公共预算财政拨款全年预算)", () => {
    // (The answer stage admits only the budget basis asked, 全年预算; see tests/answer/select.test.ts.)
    const l = linkSubject(budgets, "一般公共预算财政拨款全年预算是多少", { code: null, accept: (f) => f.qualifier.includes("全年预算") });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("321.02");
  });

  it("still prefers an income row when 财政拨款 is asked by itself", () => {
    const pool = [
      tableFact({ subject: "财政拨款收入", value: "279818.00", line: 147, table: "表1 收入支出决算总表", column: ["决算数"] }),
      narrativeFact({ subject: "财政拨款支出", value: "270000.00", line: 400, quote: "财政拨款支出270,000.00万元" }),
    ];
    expect(value(pool, "财政拨款多少")).toBe("279818.00");
  });

  it("reads the question's words longest: 办公费用了多少 is the 办公费 row, not 办公经费 (公用经费)", () => {
    const t = "公开06表 一般公共预算财政拨款基本支出决算表";
    const pool = [
      tableFact({ subject: "办公费", code: "30201", value: "3.78", line: 333, table: t }),
      tableFact({ subject: "公用经费合计", item: "public_expenses", value: "10.23", line: 384, table: t }),
    ];
    expect(value(pool, "办公费用了多少")).toBe("3.78");
  });
});

describe("linkSubject: one amount in two units", () => {
  it("answers one figure when 元 and 万元 statements round alike (742,940.22 元 = 74.29 万元)", () => {
    const pool = [
      narrativeFact({ subject: "政府购买服务人员经费", value: "742940.22", unit: "元", qualifier: ["执行数"], line: 459, quote: "政府购买服务人员经费执行数742940.22元" }),
      narrativeFact({ subject: "政府购买服务人员经费", value: "74.29", qualifier: ["执行数"], line: 1469, quote: "政府购买服务人员经费执行数74.29万元" }),
    ];
    const l = linkSubject(pool, "政府购买服务人员经费执行了多少钱", { code: null, accept });
    expect(l.kind).toBe("match");
  });
  it("still asks when the amounts differ beyond rounding", () => {
    const pool = [
      narrativeFact({ subject: "政府购买服务人员经费", value: "742940.22", unit: "元", qualifier: ["执行数"], line: 459, quote: "政府购买服务人员经费执行数742940.22元" }),
      narrativeFact({ subject: "政府购买服务人员经费", value: "74.30", qualifier: ["执行数"], line: 1469, quote: "政府购买服务人员经费执行数74.30万元" }),
    ];
    expect(linkSubject(pool, "政府购买服务人员经费执行了多少钱", { code: null, accept }).kind).toBe("clarify");
  });
});

describe("linkSubject: the body's organisation word after its short name", () => {
  const pool = [
    tableFact({ subject: "物业管理费", code: "30209", value: "256.37", line: 427, table: "公开06表 一般公共预算财政拨款基本支出决算明细表" }),
    narrativeFact({ subject: "管委会机关收文", value: "9998", unit: "件", measure: "数量", line: 900, quote: "2023年管委会机关收文9998件" }),
  ];
  it("is not a word the figure must account for (东湖高新|管委会物业管理费)", () => {
    expect(value(pool, "\u0000\u0000\u0000\u0000管委会物业管理费一年多少")).toBe("256.37");
  });
  it("is still read where a label holds it", () => {
    expect(value(pool, "\u0000\u0000\u0000\u0000管委会机关收文多少件")).toBe("9998");
  });
  it("is a word like any other away from the body's name", () => {
    expect(linkSubject(pool, "管委会物业管理费一年多少", { code: null, accept }).kind).toBe("clarify");
  });
});

describe("linkSubject: a column group's own total", () => {
  const t = "表4 高等学校财政拨款支出决算表";
  const pool = [
    tableFact({ subject: "高等教育", code: "2050205", value: "13896.38", line: 326, table: t, column: ["项目支出", "其中:基本建设资金支出"] }),
    tableFact({ subject: "高等教育", code: "2050205", value: "45893.58", line: 326, table: t, column: ["项目支出", "小计"] }),
    tableFact({ subject: "高等教育", code: "2050205", value: "206360.32", line: 326, table: t, column: ["合计"] }),
  ];
  it("answers the group named by its 小计, not by a 其中 part", () => {
    expect(value(pool, "高等教育的项目支出是多少")).toBe("45893.58");
  });
  it("is not named by a generic tail the question says of its row (教育支出 names no 项目支出)", () => {
    // The table's fund (财政拨款) is a column label its question names; the group is not.
    const edu = [
      { ...tableFact({ subject: "教育支出", code: "205", value: "241982.59", line: 322, table: t, column: ["合计"] }), scope: "财政拨款" as const },
      { ...tableFact({ subject: "教育支出", code: "205", value: "55609.48", line: 322, table: t, column: ["项目支出", "小计"] }), scope: "财政拨款" as const },
    ];
    expect(value(edu, "教育支出其中财政拨款安排的呢")).toBe("241982.59");
  });

  it("answers the part when the question names it", () => {
    expect(value(pool, "高等教育项目支出中基本建设资金支出多少")).toBe("13896.38");
  });
});

describe("linkSubject: a 类 that holds a single 项", () => {
  const t = "公开03表 支出决算表";
  const rows = (kids: [string, string][]) => [
    tableFact({ subject: "科学技术支出", code: "206", value: "718.91", line: 169, table: t }),
    tableFact({ subject: "科学技术管理事务", code: "20601", value: "718.91", line: 170, table: t }),
    ...kids.map(([code, name], i) => tableFact({ subject: name, code, value: "718.91", line: 171 + i, table: t })),
  ];
  const sentence = narrativeFact({
    subject: "其他科学技术管理事务支出",
    value: "849.21",
    measure: "预算",
    qualifier: ["科学技术支出(类)", "科学技术管理事务(款)", "年初预算"],
    line: 431,
    quote: "科学技术支出(类)科学技术管理事务(款)其他科学技术管理事务支出(项)年初预算为849.21万元",
  });
  const budget = (pool: Fact[]): string | null => {
    const l = linkSubject(pool, "科学技术支出年初预算多少", { code: null, accept: (f) => f.measure === "预算" });
    return l.kind === "match" ? l.best.d.fact.value : null;
  };
  it("names the 项's budget when the tables show the chain has one link", () => {
    expect(budget([...rows([["2060199", "其他科学技术管理事务支出"]]), sentence])).toBe("849.21");
  });
  it("does not when the 类 holds two 项", () => {
    expect(budget([...rows([["2060199", "其他科学技术管理事务支出"], ["2060101", "行政运行"]]), sentence])).toBeNull();
  });
});

describe("coversOf: an everyday word typed by sound", () => {
  it.each([
    ["公基金交了多少", "住房公积金", true],
    ["物叶费多少", "物业管理费", true],
    // One character that does not sound alike is another word, not a typo.
    ["公各金交了多少", "住房公积金", false],
  ])("%s reads %s: %s", (q, label, read) => {
    const covers = coversOf(q, label, { fuzzy: true, content: contentMask(q) });
    expect(covers.some((c) => c.how === "typo" && c.start === 0)).toBe(read);
  });
});

describe("linkSubject: a project's own score", () => {
  it("answers 这个项目…多少分 with the project's total, not an indicator's score", () => {
    const pool = [
      narrativeFact({ subject: "政府购买服务人员数量", value: "10", unit: "分", measure: "得分", qualifier: ["得分", "政府购买服务人员经费"], line: 1510, quote: "政府购买服务人员数量 10分" }),
      narrativeFact({ subject: "政府购买服务人员经费", value: "98.24", unit: "分", measure: "得分", qualifier: ["自评总分"], line: 1555, quote: "政府购买服务人员经费 98.24" }),
    ];
    expect(value(pool, "政府购买服务人员 这个项目绩效自评多少分")).toBe("98.24");
  });
});

describe("linkSubject: a whole named by listing its parts", () => {
  const t = "公开06表 一般公共预算财政拨款基本支出决算明细表";
  const pool = [
    tableFact({ subject: "公务用车运行维护费", code: "30231", value: "28.94", line: 387, table: t }),
    tableFact({ subject: "维修(护)费", code: "30213", value: "46.87", line: 375, table: t }),
  ];
  it.each([
    ["公车加油修车买保险这些一年花了多少"],
    ["那辆公车一年保险维修花了多少"],
  ])("%s → the running cost", (q) => {
    expect(value(pool, q)).toBe("28.94");
  });
  it.each([
    ["加油和修车一共花了多少"],
    ["加油加修车花了多少"],
  ])("%s asks for the parts' sum, never the whole", (q) => {
    expect(value(pool, q)).not.toBe("28.94");
  });
});

describe("linkSubject: the income table's side", () => {
  it("accounts for the question's 收入 by the income table its row stands in", () => {
    const row = (kind: string, table: string, v: string) => {
      const f = tableFact({ subject: "实验室及相关设施", code: "2060204", value: v, line: 300, table, column: ["合计"] });
      return { ...f, source: { ...f.source, tableKind: kind } } as Fact;
    };
    // A label of the pool uses 收入, so the word is content, not phrasing.
    const income = narrativeFact({ subject: "事业收入", value: "1.00", line: 9, quote: "事业收入1.00万元" });
    expect(value([row("收入决算表", "表2 高等学校收入决算表", "900.00"), income], "实验室及相关设施这个科目收入了多少")).toBe("900.00");
    // In the spending table the word stays to be accounted for.
    expect(value([row("支出决算表", "表3 高等学校支出决算表", "850.00"), income], "实验室及相关设施这个科目收入了多少")).toBeNull();
  });
});

describe("linkSubject: a combined row and its parts", () => {
  const pool = [
    narrativeFact({ subject: "公务用车购置及运行费", value: "0.92", line: 483, quote: "2.公务用车购置及运行费全年预算为0.92万元，支出决算为0.92万元" }),
    narrativeFact({ subject: "公务用车购置费支出", value: "0", line: 485, quote: "(1)公务用车购置费支出0万元" }),
  ];
  it("answers words naming neither part with the whole (公车一年开销多少)", () => {
    expect(value(pool, "公车一年开销多少")).toBe("0.92");
  });
  it.each([
    ["公车运行花了多少", "0.62"],
    ["公务用车运行费多少", "0.62"],
    ["公车购置花了多少", "0.30"],
    ["公车一年开销多少", "0.92"],
  ])("answers words naming one conjunct and nothing of the other with that part: %s → %s", (q, v) => {
    const parts = [
      narrativeFact({ subject: "公务用车购置及运行费", value: "0.92", line: 483, quote: "2.公务用车购置及运行费全年预算为0.92万元，支出决算为0.92万元" }),
      narrativeFact({ subject: "公务用车购置费支出", value: "0.30", line: 485, quote: "(1)公务用车购置费支出0.30万元" }),
      narrativeFact({ subject: "公务用车运行费支出", value: "0.62", line: 486, quote: "(2)公务用车运行费支出0.62万元" }),
    ];
    expect(value(parts, q)).toBe(v);
  });
  it("never answers a part's own words with the whole (公车购置花了多少)", () => {
    const l = linkSubject(pool, "公车购置花了多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.subject : l.kind).not.toBe("公务用车购置及运行维护费");
  });
});

describe("linkSubject: money received is income", () => {
  const T1 = "公开01表 收入支出决算总表";
  const pool = [
    tableFact({ subject: "本年收入合计", item: "revenue_total", value: "500.00", line: 10, table: T1 }),
    tableFact({ subject: "本年支出合计", item: "expenditure_total", value: "480.00", line: 11, table: T1 }),
  ];
  it.each([["一共收了多少钱"], ["总共收了多少钱"], ["本年收的钱一共多少"]])("%s links 收入合计, not 支出合计", (q) => {
    expect(value(pool, q)).toBe("500.00");
  });
  it("still links spending to 支出合计 (一共花了多少钱)", () => {
    expect(value(pool, "一共花了多少钱")).toBe("480.00");
  });
});

describe("linkSubject: words a figure borrows from its heading", () => {
  const sec = (f: Fact, section: string): Fact => ({ ...f, source: { ...f.source, section } as Fact["source"] });
  const overall = (subject: string): Fact => sec(narrativeFact({ subject, value: "12053.48", line: 100, quote: "部门整体支出合计12053.48万元" }), "第二部分 > 一、收支情况");
  const under = (quote: string): Fact => sec(narrativeFact({ subject: "支出合计", value: "5000.00", line: 201, quote }), "第三部分 > 二、部门整体支出情况");
  it.each([
    // The sentence says 部门整体 of one 支出合计; only the heading above the other does.
    ["部门整体支出合计多少", [overall("支出合计"), under("项目支出合计5000.00万元")]],
    ["整体支出合计是多少", [overall("部门整体支出合计"), under("支出合计5000.00万元")]],
  ])("ranks the figure whose own labels say the words above one under a heading that says them: %s", (q, pool) => {
    expect(value(pool, q)).toBe("12053.48");
  });

  it("never ranks a figure below for words carried from the previous question (after \\u0001) that only its heading says", () => {
    const carried = sec(narrativeFact({ subject: "部门整体支出合计", value: "12053.48", line: 100, quote: "部门整体支出合计12053.48万元" }), "第二部分 > 一、收支情况");
    const l = linkSubject([under("支出合计5000.00万元"), carried], "支出合计多少\u0001部门整体", { code: null, accept });
    const values = l.kind === "match" ? [l.best.d.fact.value] : l.kind === "clarify" ? l.candidates.map((c) => c.d.fact.value) : [];
    expect(values).toContain("5000.00");
  });
});

describe("linkSubject: a rate column named by asking the rate", () => {
  const T = "项目支出绩效自评表";
  const pool = [
    tableFact({ subject: "招商引资专项", value: "95.00", unit: "%", measure: "完成率", column: ["执行率"], line: 700, table: T }),
    tableFact({ subject: "招商引资专项", value: "98.00", unit: "%", measure: "完成率", column: ["完成预算率"], line: 701, table: T }),
  ];
  it.each([["招商引资专项执行率是多少"], ["招商引资专项完成率是多少"]])("offers both stated rates of one project: %s", (q) => {
    const l = linkSubject(pool, q, { code: null, accept, measure: "完成率" });
    expect(l.kind).toBe("clarify");
    if (l.kind === "clarify") expect(l.candidates.map((c) => c.d.fact.value).sort()).toEqual(["95.00", "98.00"]);
  });
});

describe("linkSubject: counts asked in two units", () => {
  const quote = "因公出国(境)团组2个，累计6人次";
  const pool = [
    narrativeFact({ subject: "因公出国(境)团组", value: "2", unit: "个", measure: "数量", line: 800, quote }),
    narrativeFact({ subject: "因公出国(境)人次", value: "6", unit: "人次", measure: "数量", line: 800, quote }),
  ];
  it.each([["因公出国几个团组多少人次"], ["因公出国多少人次几个团组"]])("is restricted to neither unit, so the words find the 团组 count: %s", (q) => {
    const l = linkSubject(pool, q, { code: null, accept, measure: "数量" });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("2");
  });
});
