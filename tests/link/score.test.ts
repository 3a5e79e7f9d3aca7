import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/facts/types.js";
import { linkSubject } from "../../src/link/index.js";
import { labelForms } from "../../src/link/_match.js";
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
  it.each([
    ["一般公共预算财政拨款支出全年预算是多少", "321.02"],
    ["一般公共预算财政拨款支出年初预算是多少", "0"],
    // 财政拨款 followed by what it qualifies is a 口径, not the income: the spending sentence answers.
    ["一般公共预算财政拨款全年预算是多少", "321.02"],
  ])("reads the budget the question names: %s → %s", (q, v) => {
    expect(value(budgets, q)).toBe(v);
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
