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
