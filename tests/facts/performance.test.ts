import { describe, expect, it } from "vitest";
import { extractPerformance, projectMarks, type PerformanceDraft } from "../../src/facts/_performance.js";

function read(lines: readonly string[], year = 2024): PerformanceDraft[] {
  return extractPerformance(lines, projectMarks(lines, year));
}

const brief = (ds: readonly PerformanceDraft[]): unknown[] => ds.map((d) => [d.subject, d.measure, d.value, d.unit, d.qualifier, d.line]);

describe("projectMarks", () => {
  it.each([
    ["## 二、2024年度支持工业发展专项资金绩效自评报告(摘要版)", 2024, "支持工业发展专项资金"],
    ["项目名称\t\t2024 年度武汉市投资促进中心工作经费\t\t\t\t\t", 2024, "武汉市投资促进中心工作经费"],
    ["项目名称 2021年度小进限企业奖励资金(市级)", 2022, "2021年度小进限企业奖励资金(市级)"],
    ["二、2024 年度营商环境建设项目绩效评价自评表", 2024, "营商环境建设"],
  ])("names the project of %j", (line, year, name) => {
    expect(projectMarks([line], year).map((m) => m.name)).toEqual([name]);
  });
});

describe("extractPerformance: total scores", () => {
  it("reads 总分 in a header cell of the 整体 self-evaluation (002 '总分：97.12')", () => {
    const ds = read(["2024年度区企业服务中心本级整体绩效自评表", "", "单位名称：区企业服务中心\t\t填报日期：2025年2月10日\t\t\t总分：97.12\t"]);
    expect(brief(ds)).toEqual([["部门整体支出", "得分", "97.12", "分", ["自评总分"], 3]]);
  });

  it("names a header score by the 项目名称 row below, over a misspelt title (002 '企业服务工作经历')", () => {
    const ds = read(["2024年度企业服务工作经历项目自评表", "", "单位名称：武汉市洪山区企业服务中心\t\t\t\t填报日期：2025年2月10日\t\t自评得分：100\t", "项目名称\t\t企业服务工作经费\t\t\t\t\t"]);
    expect(brief(ds)).toEqual([["企业服务工作经费", "得分", "100", "分", ["自评总分"], 3]]);
  });

  it.each([
    ["总分\t\t\t80个指标\t\t\t93.85\t\t", "93.85"],
    ["总分\t96 分\t\t\t\t\t\t", "96"],
    ["总分 99.61 ", "99.61"],
  ])("reads the total of %j", (line, value) => {
    const ds = read(["项目名称\t\t支持工业发展专项资金", line]);
    expect(ds.map((d) => [d.subject, d.value])).toEqual([["支持工业发展专项资金", value]]);
  });

  it("reads nothing from a broken total ('总分\t#REF!')", () => {
    expect(read(["项目名称\t\t党政办公室业务经费", "总分\t#REF!\t\t\t\t\t"])).toEqual([]);
  });
});

describe("extractPerformance: indicator rows", () => {
  const header = "年度绩效指标（26.5分）\t一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分";

  it("reads the actual value of a tab-separated row without the weight (004)", () => {
    const ds = read(["项目名称\t\t政法委业务经费", header, "\t产出指标（15.5分）\t数量指标（9分）\t安全知识宣传活动次数（1.5分）\t3次\t10次\t1.5分"], 2023);
    expect(brief(ds)).toEqual([["安全知识宣传活动次数", "数量", "10", "次", ["实际完成值", "政法委业务经费"], 3]]);
  });

  it("takes a bare actual value's unit from the target of a space-separated row (003 '补贴销售菜品数量 ≥150吨 155.86 40')", () => {
    const ds = read(["项目名称 平价菜销售补贴资金", "三级指标 ", "数量指", "标 ", "补贴销售菜品数量 ≥150吨 155.86 40 "], 2022);
    expect(ds.map((d) => [d.subject, d.value, d.unit])).toEqual([["补贴销售菜品数量", "155.86", "吨"]]);
  });

  it("takes the unit from the indicator name (000 '范围内的帮办代办服务的项目数 (个)(0.5分)')", () => {
    const ds = read(["年度绩效 指标\t一级 指标\t二级指标\t三级指标\t\t年初目标值 (A)\t实际完成值 (B)\t得分", "\t\t\t范围内的帮办代办服务的项目数 (个)(0.5分)\t\t20\t40\t0.5"]);
    expect(ds.map((d) => [d.subject, d.value, d.unit])).toEqual([["范围内的帮办代办服务的项目数", "40", "个"]]);
  });

  it("never lends a bare % to a bare actual value (002 '故障处理率 100% 1')", () => {
    expect(read(["年度绩效指标\t一级指标\t二级指标\t指标名称\t年初目标值 （A）\t实际完成值 （B）\t得分", "\t\t质量指标\t故障处理率\t\t100%\t1\t\t6"])).toEqual([]);
  });

  it("stops at the table's 总分 row", () => {
    const ds = read([header, "总分\t#REF!\t\t\t\t\t", "\t产出指标\t数量指标\t课题研究数量\t5个\t7个\t4分"]);
    expect(ds).toEqual([]);
  });
});

describe("extractPerformance: OCR-split labels", () => {
  it("reads '总\t分' as 总分 (001 整体自评表)", () => {
    const ds = read(["一、2024 年度武汉市经济和信息化局整体绩效自评结果(摘要版)", "总\t分\t\t51个指标\t\t\t94.96\t"]);
    expect(brief(ds)).toEqual([["部门整体支出", "得分", "94.96", "分", ["自评总分"], 2]]);
  });

  it("reads 基本支出总额 with a repeated 总额 cell (001 '基本支出总额\t\t总额\t10242.18万元')", () => {
    const ds = read(["基本支出总额\t\t总额\t10242.18万元\t5\t项目支出总额\t103069.29万元\t"]);
    expect(ds.map((d) => [d.subject, d.value, d.unit])).toEqual([
      ["基本支出", "10242.18", "万元"],
      ["项目支出", "103069.29", "万元"],
    ]);
  });

  it("reads an execution row whose label is broken by a space (004 '年度财政资金 总额')", () => {
    const ds = read(["项目名称\t\t东湖高新区低空共享无人机应用示范区建设项目", "预算执行情况 (万元) (20 分)\t\t\t预算数(A)\t执行数(B)\t执行率 (B/A)\t得分 (20 分*执行率)\t", "\t\t年度财政资金 总额\t5,701.46\t5,701.46\t100%\t20 分\t"], 2023);
    expect(ds.map((d) => [d.measure, d.value, d.line])).toEqual([
      ["预算", "5701.46", 3],
      ["决算", "5701.46", 3],
      ["完成率", "100", 3],
    ]);
  });
});

describe("extractPerformance: project summary table (003 项目支出自评结果)", () => {
  const header = ["项目名称 ", "预算数 ", "", "（元） ", "", "执行数 ", "", "（元） ", "", "完成预", "", "算率 ", "主要用途 ", ""];

  it("reads rows with the name on the line or wrapped above it", () => {
    const lines = [...header, "党员教育培训 5800 5800 100% 区商务局党员教育培训。 ", "", "2021年两优一先表彰", "", "奖励 ", "5000 5000 100% "];
    const ds = read(lines, 2022);
    expect(ds.map((d) => [d.subject, d.measure, d.value, d.unit, d.line])).toEqual([
      ["党员教育培训", "预算", "5800", "元", 15],
      ["党员教育培训", "决算", "5800", "元", 15],
      ["党员教育培训", "完成率", "100", "%", 15],
      ["2021年两优一先表彰奖励", "预算", "5000", "元", 20],
      ["2021年两优一先表彰奖励", "决算", "5000", "元", 20],
      ["2021年两优一先表彰奖励", "完成率", "100", "%", 20],
    ]);
  });

  it("names a row after the use of the row before only by a project the 自评表 names", () => {
    const use = ["对 2021年评选表彰的区级优秀共", "", "产党员、优秀党务工作者进行奖励 ", ""];
    const lines = [...header, "党员教育培训 5800 5800 100% 区商务局党员教育培训。 ", ...use, "政府购买服务人员经", "", "费 ", "814651 742940.22 91% "];
    expect(read(lines, 2022).filter((d) => d.value === "814651")).toEqual([]);
    const withTable = [...lines, "", "项目名称 政府购买服务人员经费 "];
    expect(read(withTable, 2022).find((d) => d.value === "814651")).toMatchObject({ subject: "政府购买服务人员经费", measure: "预算", unit: "元" });
  });

  it("stops at 合计", () => {
    expect(read([...header, "合计 115530851 113048518.64 98%  "], 2022)).toEqual([]);
  });
});

