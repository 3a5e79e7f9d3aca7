import { describe, expect, it } from "vitest";
import { extractFacts, type Fact } from "../../src/facts/index.js";
import { verifyFacts } from "../../src/verify/index.js";
import { TOLERANCE_PER_ADDEND_WAN } from "../../src/verify/index.js";
import { disclosure, paragraph, part, sangong, table } from "./_disclosure.js";

const who = { department: "测试局", year: 2024 };

function run(doc: ReturnType<typeof disclosure>) {
  const facts = extractFacts(doc, who);
  return verifyFacts(facts, [doc]);
}

function at(facts: readonly Fact[], line: number, column: string): Fact | undefined {
  return facts.find((f) => f.source.line === line && f.source.kind === "table" && f.source.column.join(">") === column);
}

const expenditure = (rows: Parameters<typeof part>[2]) =>
  table("公开05表", "一般公共预算财政拨款支出决算表", "2024年度一般公共预算财政拨款支出决算表", [part(null, [["本年支出", "小计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]], rows)]);

describe("verifyFacts identities", () => {
  it("confirms the 三公 columns: 合计 = 出国 + 公务用车 + 接待, 小计 = 购置 + 运行", () => {
    const v = run(disclosure([sangong(440, ["70.07", "36.74", "28.96", "", "28.96", "4.37"], ["69.55", "36.74", "28.94", "", "28.94", "3.87"])]));
    const reception = at(v.facts, 440, "决算数>公务接待费");
    expect(reception?.status).toBe("verified");
    expect(reception?.evidence[0]?.note).toContain("69.55 = 36.74 + 28.94 + 3.87");
    expect(v.findings).toEqual([]);
  });

  it("passes a sum that differs by rounding within ±0.01 per addend", () => {
    expect(TOLERANCE_PER_ADDEND_WAN.toFixed()).toBe("0.01");
    const v = run(disclosure([sangong(440, ["10.01", "3.34", "3.34", "", "3.34", "3.34"], ["0", "", "", "", "", ""])]));
    expect(at(v.facts, 440, "预算数>合计")?.status).toBe("verified");
    expect(v.findings.filter((f) => f.kind === "identity_failed")).toEqual([]);
  });

  it("reports a real failure with the lines involved", () => {
    const v = run(disclosure([sangong(440, ["70.07", "36.74", "28.96", "", "28.96", "9.99"], ["", "", "", "", "", ""])]));
    const failed = v.findings.filter((f) => f.kind === "identity_failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.lines).toEqual([440]);
    expect(failed[0]?.note).toContain("70.07 ≠ 36.74 + 28.96 + 9.99");
    expect(at(v.facts, 440, "预算数>合计")?.status).toBe("single-source");
  });

  it("checks 类 = Σ 款 = Σ 项 by code and row totals = 基本 + 项目", () => {
    const v = run(
      disclosure([
        expenditure([
          { line: 20, label: "合计", cells: ["100.00", "60.00", "40.00"] },
          { line: 21, code: "208", label: "社会保障和就业支出", cells: ["100.00", "60.00", "40.00"] },
          { line: 22, code: "20805", label: "行政事业单位养老支出", cells: ["100.00", "60.00", "40.00"] },
          { line: 23, code: "2080501", label: "行政单位离退休", cells: ["70.00", "60.00", "10.00"] },
          { line: 24, code: "2080599", label: "其他行政事业单位养老支出", cells: ["30.00", "", "30.00"] },
        ]),
      ]),
    );
    expect(v.findings).toEqual([]);
    const leaf = at(v.facts, 24, "本年支出>项目支出");
    expect(leaf?.status).toBe("verified");
    expect(leaf?.evidence.map((e) => e.note).join(" | ")).toContain("20805 行政事业单位养老支出 = Σ 项");
  });

  it("leaves a 其中 column out of its row's total, and gives a column group's amount no total's item (高等学校收入决算表)", () => {
    const t2 = table("表2", "收入决算表", "高等学校收入决算表", [
      part(null, [["本年收入合计"], ["财政拨款收入"], ["事业收入", "金额"], ["事业收入", "其中：教育收费"], ["其他收入"]], [
        { line: 244, label: "合计", cells: ["477,447.73", "279,818.00", "144,017.87", "81,823.76", "53,611.86"] },
      ]),
    ]);
    const v = run(disclosure([t2]));
    expect(v.findings.filter((f) => f.kind === "identity_failed")).toEqual([]);
    expect(at(v.facts, 244, "本年收入合计")?.status).toBe("verified");
    expect(at(v.facts, 244, "事业收入>金额")).toMatchObject({ item: null, subject: "事业收入" });
    expect(at(v.facts, 244, "事业收入>其中：教育收费")).toMatchObject({ item: null, subject: "教育收费" });
  });

  it("checks both sides of 公开01: Σ items = 本年合计, 总计 = 合计 + 结转, 收入总计 = 支出总计", () => {
    const t01 = table("公开01表", "收入支出决算总表", "收入支出决算总表", [
      part("收入", [["决算数"]], [
        { line: 10, label: "一般公共预算财政拨款收入", rawLabel: "一、一般公共预算财政拨款收入", cells: ["90.00"] },
        { line: 11, label: "其他收入", rawLabel: "八、其他收入", cells: ["10.00"] },
        { line: 12, label: "本年收入合计", cells: ["100.00"] },
        { line: 13, label: "年初结转和结余", cells: ["5.00"] },
        { line: 14, label: "总计", cells: ["105.00"] },
      ]),
      part("支出", [["决算数"]], [
        { line: 10, label: "一般公共服务支出", rawLabel: "一、一般公共服务支出", cells: ["95.00"] },
        { line: 11, label: "住房保障支出", rawLabel: "十九、住房保障支出", cells: ["4.00"] },
        { line: 12, label: "本年支出合计", cells: ["99.00"] },
        { line: 13, label: "年末结转和结余", cells: ["6.00"] },
        { line: 14, label: "总计", cells: ["106.00"] },
      ]),
    ]);
    const v = run(disclosure([t01]));
    expect(v.findings.filter((f) => f.kind === "identity_failed").map((f) => f.note)).toEqual([
      "公开01表 支出: 总计 = 本年支出合计 + 年末结转和结余 (决算数): 106 ≠ 99 + 6 (差 1)",
      "公开01表: 收入总计 = 支出总计: 105 ≠ 106 (差 -1)",
    ]);
    expect(at(v.facts, 12, "决算数")?.item).toBe("revenue_total");
    expect(v.facts.find((f) => f.source.line === 12 && f.item === "revenue_total")?.status).toBe("verified");
    // Both 总计 sit on line 14: the side-to-side identity reports them, not a second conflict.
    expect(v.findings.filter((f) => f.kind === "conflict")).toEqual([]);
  });

  it("checks 公开06 人员经费合计 against its 类 rows", () => {
    const t06 = table("公开06表", "一般公共预算财政拨款基本支出决算明细表", "2024年度一般公共预算财政拨款基本支出决算明细表", [
      part("人员经费", [["决算数"]], [
        { line: 30, code: "301", label: "工资福利支出", cells: ["50.00"] },
        { line: 31, code: "30101", label: "基本工资", cells: ["50.00"] },
        { line: 32, code: "303", label: "对个人和家庭的补助", cells: ["10.00"] },
        { line: 33, code: "30302", label: "退休费", cells: ["10.00"] },
        { line: 34, label: "人员经费合计", cells: ["61.00"] },
      ]),
    ]);
    const v = run(disclosure([t06]));
    const failed = v.findings.filter((f) => f.kind === "identity_failed");
    expect(failed.map((f) => f.note)).toEqual(["公开06表 人员经费合计 = Σ 301 + 303: 61 ≠ 50 + 10 (差 1)"]);
    expect(at(v.facts, 34, "决算数")?.item).toBe("personnel_expenses");
  });
});

describe("verifyFacts repairs", () => {
  it("repairs a misread separator from the row total (2.432.62 → 2432.62)", () => {
    const t02 = table("公开02表", "收入决算表", "收入决算表", [
      part(null, [["本年收入合计"], ["财政拨款收入"], ["其他收入"]], [{ line: 183, code: "2150899", label: "其他支持中小企业发展和管理支出", cells: ["2,432.62", "2.432.62", ""] }]),
    ]);
    const v = run(disclosure([t02]));
    const f = at(v.facts, 183, "财政拨款收入");
    expect(f).toMatchObject({ value: "2432.62", status: "repaired", repairedFrom: "2.432.62" });
    expect(f?.evidence[0]?.kind).toBe("repair");
    expect(v.findings.filter((x) => x.kind === "repair").map((x) => x.lines)).toEqual([[183]]);
  });

  it("repairs a misread separator from the same code in another table (16.179.00 → 16179.00)", () => {
    const t03 = table("公开03表", "支出决算表", "支出决算表", [part(null, [["本年支出合计"], ["基本支出"], ["项目支出"]], [{ line: 40, code: "2159802", label: "制造业", cells: ["16.179.00", "", "16,179.00"] }])]);
    const t05 = expenditure([{ line: 50, code: "2159802", label: "制造业", cells: ["16,179.00", "", "16,179.00"] }]);
    const v = run(disclosure([t03, t05]));
    expect(at(v.facts, 40, "本年支出合计")).toMatchObject({ value: "16179.00", status: "repaired", repairedFrom: "16.179.00" });
  });

  it("repairs a truncated figure from an agreeing source (1,099.0 → 1099.07)", () => {
    const t01 = table("公开01表", "收入支出决算总表", "收入支出决算总表", [part("支出", [["决算数"]], [{ line: 127, label: "住房保障支出", rawLabel: "十九、住房保障支出", cells: ["1,099.0!"] }])]);
    const t03 = table("公开03表", "支出决算表", "支出决算表", [part(null, [["本年支出合计"], ["基本支出"]], [{ line: 245, code: "221", label: "住房保障支出", cells: ["1,099.07", "1,099.07"] }])]);
    const v = run(disclosure([t01, t03]));
    const f = at(v.facts, 127, "决算数");
    expect(f).toMatchObject({ value: "1099.07", status: "repaired", repairedFrom: "1,099.0", code: "221" });
    expect(f?.evidence[0]?.note).toContain("公开03表 支出决算表 第245行");
  });

  it("repairs a truncated total from its identity (101.6 → 101.68)", () => {
    const t = expenditure([
      { line: 60, code: "223", label: "国有资本经营预算支出", cells: ["101.6!", "", "101.68"] },
    ]);
    const v = run(disclosure([t]));
    expect(at(v.facts, 60, "本年支出>小计")).toMatchObject({ value: "101.68", status: "repaired" });
  });

  it("keeps an unconfirmed truncated reading as single-source, never verified, with a finding", () => {
    const t = table("公开01表", "收入支出决算总表", "收入支出决算总表", [part("支出", [["决算数"]], [{ line: 129, label: "国有资本经营预算支出", rawLabel: "二十一、国有资本经营预算支出", cells: ["101.6!"] }])]);
    const v = run(disclosure([t]));
    expect(at(v.facts, 129, "决算数")).toMatchObject({ value: "101.6", status: "single-source", repairedFrom: null });
    expect(v.findings.map((f) => f.kind)).toEqual(["unrepaired_damage"]);
  });

  it("drops a misread separator nothing confirms, with a finding", () => {
    const t02 = table("公开02表", "收入决算表", "收入决算表", [part(null, [["本年收入合计"], ["财政拨款收入"]], [{ line: 189, code: "22102", label: "住房改革支出", cells: ["", "1.099.07"] }])]);
    const v = run(disclosure([t02]));
    expect(at(v.facts, 189, "财政拨款收入")).toBeUndefined();
    expect(v.findings.map((f) => [f.kind, f.lines])).toEqual([["unrepaired_damage", [189]]]);
  });
});

describe("verifyFacts agreement", () => {
  const sec = "九、财政拨款“三公”经费支出决算情况说明";

  it("verifies the same quantity from a table, 公开06 and the narrative, naming each other", () => {
    const t06 = table("公开06表", "一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算明细表", [
      part("公用经费", [["决算数"]], [{ line: 379, code: "30217", label: "公务接待费", cells: ["3.87"] }]),
    ]);
    const doc = disclosure([t06, sangong(440, ["", "", "", "", "", "4.37"], ["", "", "", "", "", "3.87"])], [paragraph(586, "3.公务接待费全年预算为 4.37 万元,支出决算为 3.87 万元。", sec)]);
    const v = run(doc);
    const table09 = at(v.facts, 440, "决算数>公务接待费");
    expect(table09?.status).toBe("verified");
    const notes = table09?.evidence.filter((e) => e.kind === "agreement").map((e) => e.note);
    expect(notes).toEqual(["与 公开06表 一般公共预算财政拨款基本支出决算明细表 第379行 公务接待费(决算数) 一致 (3.87万元)", "与 九、财政拨款“三公”经费支出决算情况说明 第586行 一致 (3.87万元)"]);
    expect(new Set(v.facts.filter((f) => f.item === "reception" && f.measure === "决算").map((f) => f.key)).size).toBe(1);
  });

  it("marks disagreeing sources of one scope as a conflict and keeps all values", () => {
    const doc = disclosure([sangong(440, ["", "", "", "", "", ""], ["", "", "", "", "", "3.87"])], [paragraph(586, "3.公务接待费支出决算为 3.78 万元。", sec)]);
    const v = run(doc);
    const narrative = v.facts.find((f) => f.source.kind === "narrative" && f.item === "reception");
    expect(narrative).toMatchObject({ status: "conflict", conflicting: ["3.87"] });
    expect(at(v.facts, 440, "决算数>公务接待费")).toMatchObject({ status: "conflict", conflicting: ["3.78"] });
    expect(v.findings.filter((f) => f.kind === "conflict").map((f) => f.lines)).toEqual([[440, 586]]);
  });

  it("does not call different scopes a conflict (公开06 一般公共预算 vs 公开09 财政拨款)", () => {
    const t06 = table("公开06表", "一般公共预算财政拨款基本支出决算明细表", "一般公共预算财政拨款基本支出决算明细表", [part("公用经费", [["决算数"]], [{ line: 379, code: "30217", label: "公务接待费", cells: ["2.00"] }])]);
    const v = run(disclosure([t06, sangong(440, ["", "", "", "", "", ""], ["", "", "", "", "", "3.87"])]));
    expect(v.findings.filter((f) => f.kind === "conflict")).toEqual([]);
    expect(at(v.facts, 379, "决算数")?.status).toBe("single-source");
  });

  it("neither confirms nor contradicts a coarser narrative figure (113,033.6 vs 113,033.61)", () => {
    const t02 = table("公开02表", "收入决算表", "收入决算表", [part(null, [["本年收入合计"], ["财政拨款收入"]], [{ line: 150, label: "合计", cells: ["113,033.61", "113,033.61"] }])]);
    const doc = disclosure([t02], [paragraph(458, "其中:财政拨款收入 113,033.6 万元,占本年收入 100%。", "二、收入决算情况说明")]);
    const v = run(doc);
    expect(v.findings.filter((f) => f.kind === "conflict")).toEqual([]);
    expect(v.facts.find((f) => f.source.line === 458 && f.measure === "决算")?.status).toBe("single-source");
  });

  it("does not let generic name-only subjects confirm each other", () => {
    const doc = disclosure([], [paragraph(748, "一是产出指标40分；二是效益指标30分。", "(三)项目支出自评结果"), paragraph(756, "一是产出指标40分；二是效益指标20分。", "(三)项目支出自评结果")]);
    const v = run(doc);
    expect(v.facts.filter((f) => f.unit === "分").map((f) => f.status)).toEqual(["single-source", "single-source", "single-source", "single-source"]);
  });
});
