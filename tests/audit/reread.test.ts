import { describe, expect, it } from "vitest";
import { auditDisclosure } from "../../src/audit/index.js";
import { extractFacts } from "../../src/facts/index.js";
import type { Disclosure } from "../../src/parse/types.js";
import { verifyFacts } from "../../src/verify/index.js";
import { disclosure, part, sangong, table } from "../verify/_disclosure.js";

const who = { department: "测试局", year: 2024 };

/** A disclosure whose raw lines are given: line n → text. */
function withLines(doc: Disclosure, lines: Readonly<Record<number, string>>): Disclosure {
  const out = [...doc.lines];
  for (const [n, text] of Object.entries(lines)) out[Number(n) - 1] = text;
  return { ...doc, lines: out };
}

function audit(doc: Disclosure) {
  const facts = verifyFacts(extractFacts(doc, who), [doc]).facts;
  return auditDisclosure(doc, facts, who);
}

// 预算 合计 70.07 ≠ 36.74 + 28.96 + 9.99: a real failure when the line reads so.
const BROKEN = sangong(40, ["70.07", "36.74", "28.96", "", "28.96", "9.99"], ["", "", "", "", "", ""]);

describe("re-reading the raw lines before a sum failure is reported", () => {
  it("reports the failure when the line holds exactly the figures read", () => {
    const doc = withLines(disclosure([BROKEN]), { 40: "70.07\t36.74\t28.96\t\t28.96\t9.99" });
    const r = audit(doc);
    expect(r.findings.filter((f) => f.rule === "table.sangong").map((f) => [f.expected, f.found])).toEqual([["75.69", "70.07"]]);
    expect(r.unchecked).toEqual([]);
  });

  it.each([
    ["a figure on the line no column took", "70.07\t36.74\t28.96\t\t28.96\t9.99\t4.37", "4.37"],
    ["a figure read that the line does not hold", "70.07\t36.74\t28.96\t\t28.96\t9.90", "9.99"],
  ])("says “could not check” instead, for %s", (_what, line, figure) => {
    const r = audit(withLines(disclosure([BROKEN]), { 40: line }));
    expect(r.findings.filter((f) => f.rule === "table.sangong")).toEqual([]);
    expect(r.unchecked.map((u) => u.rule)).toEqual(["table.sangong"]);
    expect(r.unchecked[0]?.reason).toContain(figure);
    expect(r.unchecked[0]?.citations[0]?.line).toBe(40);
  });

  it("ignores the 科目编码 columns before the label, split or not (“21011	1”)", () => {
    const t = table("公开05表", "一般公共预算财政拨款支出决算表", "2024年度一般公共预算财政拨款支出决算表", [
      part(null, [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]], [{ line: 20, code: "2101102", label: "事业单位医疗", cells: ["38.83", "38.83", "1.00"] }]),
    ]);
    const r = audit(withLines(disclosure([t]), { 20: "210110\t2\t事业单位医疗\t38.83\t38.83\t1.00" }));
    expect(r.findings.filter((f) => f.rule === "table.row-sum").map((f) => f.found)).toEqual(["38.83"]);
  });

  it("does not check a column whose header was read in fragments (“一般公共预”)", () => {
    const t = table("公开05表", "一般公共预算财政拨款支出决算表", "2024年度一般公共预算财政拨款支出决算表", [
      part(null, [["合计"], ["一般公共预"], ["算财政拨款"]], [{ line: 20, code: "2101102", label: "事业单位医疗", cells: ["38.83", "30.00", "1.00"] }]),
    ]);
    const r = audit(withLines(disclosure([t]), { 20: "2101102\t事业单位医疗\t38.83\t30.00\t1.00" }));
    expect(r.findings.filter((f) => f.rule === "table.row-sum")).toEqual([]);
    expect(r.unchecked[0]?.reason).toContain("表头未能完整识别");
  });

  it("reports a blank cell once when its row and its column both need the same figure", () => {
    const t = table("公开05表", "一般公共预算财政拨款支出决算表", "2024年度一般公共预算财政拨款支出决算表", [
      part(null, [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]], [
        { line: 20, code: "21011", label: "行政事业单位医疗", cells: ["140.00", "140.00", ""] },
        { line: 21, code: "2101101", label: "行政单位医疗", cells: ["40.00", "40.00", ""] },
        { line: 22, code: "2101102", label: "事业单位医疗", cells: ["100.00", "", ""] },
      ]),
    ]);
    const r = audit(withLines(disclosure([t]), { 20: "21011\t行政事业单位医疗\t140.00\t140.00", 21: "2101101\t行政单位医疗\t40.00\t40.00", 22: "2101102\t事业单位医疗\t100.00" }));
    expect(r.findings.map((f) => [f.rule, f.expected, f.citations[0]?.line])).toEqual([["table.blank-cell", "100", 22]]);
  });
});
