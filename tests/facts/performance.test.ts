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
  const rows = (ds: readonly PerformanceDraft[]): unknown[] => ds.map((d) => [d.subject, d.qualifier[0], d.measure, d.value, d.unit]);

  it("reads target, actual, weight and score of a tab-separated row, with the project as context (004)", () => {
    const ds = read(["项目名称\t\t政法委业务经费", header, "\t产出指标（15.5分）\t数量指标（9分）\t安全知识宣传活动次数（1.5分）\t3次\t10次\t1.5分"], 2023);
    expect(rows(ds)).toEqual([
      ["年度绩效指标", "分值", "得分", "26.5", "分"],
      ["产出指标", "分值", "得分", "15.5", "分"],
      ["数量指标", "分值", "得分", "9", "分"],
      ["安全知识宣传活动次数", "分值", "得分", "1.5", "分"],
      ["安全知识宣传活动次数", "目标值", "数量", "3", "次"],
      ["安全知识宣传活动次数", "实际完成值", "数量", "10", "次"],
      ["安全知识宣传活动次数", "得分", "得分", "1.5", "分"],
    ]);
    expect(ds.every((d) => d.qualifier.includes("政法委业务经费"))).toBe(true);
    expect(ds[4]?.line).toBe(3);
  });

  it.each([
    // 003: space-separated OCR row; the bare actual value takes the target's unit.
    ["补贴销售菜品数量 ≥150吨 155.86 40 ", [["目标值", "150", "吨"], ["实际完成值", "155.86", "吨"], ["得分", "40", "分"]]],
    // 000: the unit from the indicator name.
    ["\t\t\t范围内的帮办代办服务的项目数 (个)(0.5分)\t\t20\t40\t0.5", [["分值", "0.5", "分"], ["目标值", "20", "个"], ["实际完成值", "40", "个"], ["得分", "0.5", "分"]]],
    // 002: a bare % is never lent to a bare actual value; the value stays as written, without a unit.
    ["\t\t质量指标\t故障处理率\t\t100%\t1\t\t6", [["目标值", "100", "%"], ["实际完成值", "1", ""], ["得分", "6", "分"]]],
    // 003: a unit written apart from its number ("1 人").
    ["人数 1人 1 人 40 ", [["目标值", "1", "人"], ["实际完成值", "1", "人"], ["得分", "40", "分"]]],
    // 003: no unit anywhere: the values as written.
    ["带动企业参加展会数 60 64 10 ", [["目标值", "60", ""], ["实际完成值", "64", ""], ["得分", "10", "分"]]],
    // 004: two figures in one cell.
    ["\t\t\t纪检业务培训完成批次、“以案代训”人数（1.5分）\t\t20批、10人\t20批、10人\t1.5分", [["分值", "1.5", "分"], ["目标值", "20", "批"], ["目标值", "10", "人"], ["实际完成值", "20", "批"], ["实际完成值", "10", "人"], ["得分", "1.5", "分"]]],
    // 001: an OCR row whose weight stands apart from the name ("(2 分)").
    [" 经济效益指标 新能源汽车产量(万辆) (2分) 25万辆 33.4万辆 2.00 ", [["分值", "2", "分"], ["目标值", "25", "万辆"], ["实际完成值", "33.4", "万辆"], ["得分", "2.00", "分"]]],
    // 004: a text target and actual state no figure; the score still does.
    ["\t\t\t提升基层党员干部服务能力（2分）\t\t提升\t有效提升\t2分", [["分值", "2", "分"], ["得分", "2", "分"]]],
  ])("reads the row %j", (line, expected) => {
    const ds = read([header, line]).filter((d) => d.subject !== "年度绩效指标" && !/指标$/.test(d.subject));
    expect(ds.map((d) => [d.qualifier[0], d.value, d.unit])).toEqual(expected);
  });

  it("names the 年度目标 a row serves and reads its weight and 得分小计 (000)", () => {
    const ds = read(["项目名称\t\t营商环境建设", "年度目标 1(1分)\t依托帮办代办服务队伍\t\t\t\t\t\t", header, "\t\t\t窗口收件办结率(%) (1分)\t100\t100\t1", "得分小计\t1\t\t\t\t\t\t"]);
    expect(ds.map((d) => [d.subject, d.qualifier.join("/"), d.value, d.unit])).toEqual([
      ["年度目标1", "分值/营商环境建设", "1", "分"],
      ["年度目标1", "分值/营商环境建设/年度目标1", "26.5", "分"],
      ["窗口收件办结率", "分值/营商环境建设/年度目标1", "1", "分"],
      ["窗口收件办结率", "目标值/营商环境建设/年度目标1", "100", "%"],
      ["窗口收件办结率", "实际完成值/营商环境建设/年度目标1", "100", "%"],
      ["窗口收件办结率", "得分/营商环境建设/年度目标1", "1", "分"],
      ["年度目标1", "得分小计/营商环境建设/年度目标1", "1", "分"],
    ]);
  });

  it("stops at the table's 总分 row", () => {
    const ds = read([header, "总分\t#REF!\t\t\t\t\t", "\t产出指标\t数量指标\t课题研究数量\t5个\t7个\t4分"]);
    expect(ds.filter((d) => d.subject === "课题研究数量")).toEqual([]);
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
    const project = "东湖高新区低空共享无人机应用示范区建设项目";
    expect(ds.map((d) => [d.subject === project ? "项目" : d.subject, d.measure, d.qualifier.join("/").replace(project, "项目"), d.value, d.line])).toEqual([
      ["预算执行", "得分", "分值/项目", "20", 2],
      ["项目", "预算", "全年预算数", "5701.46", 3],
      ["项目", "决算", "执行数", "5701.46", 3],
      ["项目", "完成率", "执行率", "100", 3],
      ["预算执行", "得分", "得分/项目", "20", 3],
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

  it("reads the 合计 row as the total of the projects, then stops", () => {
    const ds = read([...header, "合计 115530851 113048518.64 98%  ", "党员教育培训 5800 5800 100% "], 2022);
    expect(ds.map((d) => [d.subject, d.measure, d.value, d.unit])).toEqual([
      ["合计", "预算", "115530851", "元"],
      ["合计", "决算", "113048518.64", "元"],
      ["合计", "完成率", "98", "%"],
    ]);
  });

  it("names a row after the use of the row before by what follows that use's full stop", () => {
    const lines = [...header, "商贸专项工作经费 500000 332800 67% ", "保障商贸工作正常开展，用于组织", "筹备消费促进活动，组织企业参加", "大型展会相关费用支出。 ", "2021年促进消费升级", "(支持商贸企业做大", "4347300 4347300 100% "];
    expect(read(lines, 2022).find((d) => d.value === "4347300")?.subject).toBe("2021年促进消费升级(支持商贸企业做大");
  });
});


describe("extractPerformance: tables laid out by OCR and pdftotext", () => {
  it("reads a one-cell-per-line table, cells wrapped over lines, rows anchored on their score (003)", () => {
    const lines = ["项目名称 招商经费 ", "预算执行 ", "情况（万元） ", "（20分） ", "三级指标 ", "年初目标", "值（A） ", "得分 ", "产出 ", "指标（40", "分） ", "数量指", "标 ", "招商引资签约额 ≥800亿元 ", "520.25 亿", "元 ", "7 ", "新引进总部项目 2个 2 个 15 ", "总分 88 "];
    const ds = read(lines, 2022).filter((d) => d.subject !== "预算执行");
    expect(ds.map((d) => [d.subject, d.qualifier[0], d.value, d.unit, d.line])).toEqual([
      ["招商经费", "自评总分", "88", "分", 19],
      ["产出指标", "分值", "40", "分", 10],
      ["招商引资签约额", "目标值", "800", "亿元", 14],
      ["招商引资签约额", "实际完成值", "520.25", "亿元", 15],
      ["招商引资签约额", "得分", "7", "分", 17],
      ["新引进总部项目", "目标值", "2", "个", 18],
      ["新引进总部项目", "实际完成值", "2", "个", 18],
      ["新引进总部项目", "得分", "15", "分", 18],
    ]);
  });

  it("reads a table flattened into one line as rows ending at each two-decimal score (001)", () => {
    const flat = "年度目标4: 统筹全市数字经济工作 (17分) 一级 二级 三级 年初目标值(A) 得分 实际完成值(B) 指标 指标 指标 对接测试软件产品数量 80个以上 100个 1.50 (1.5分) 数量指标 召开鲲鹏生态相关活动数量 2场以上 3场 1.50 经济效益指标 年营收过亿元软件企业(2分) 300家 330家 2.00 社会效益指标 推动我市数字经济发展(2分) 是 100% 2.00";
    const ds = read(["项目名称\t\t支持工业发展专项资金", "年度绩效指标\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\t得分", flat]);
    expect(ds.filter((d) => d.qualifier[0] === "实际完成值").map((d) => [d.subject, d.value, d.unit])).toEqual([
      ["对接测试软件产品数量", "100", "个"],
      ["召开鲲鹏生态相关活动数量", "3", "场"],
      ["年营收过亿元软件企业", "330", "家"],
      ["推动我市数字经济发展", "100", "%"],
    ]);
  });

  it("reads a score sheet: each part's weight, maximum, score and score rate; 综合绩效 is the project's total (000)", () => {
    const ds = read(["项目名称\t\t投资促进工作经费", "评价指标\t权重\t评级分值\t本项得分\t得分率", "预算执行\t20%\t20\t20\t100%", "综合绩效\t100%\t100\t93.03\t93.03%"]);
    expect(ds.map((d) => [d.subject, d.measure, d.qualifier.join("/"), d.value, d.unit])).toEqual([
      ["预算执行", "占比", "权重/投资促进工作经费", "20", "%"],
      ["预算执行", "得分", "分值/投资促进工作经费", "20", "分"],
      ["预算执行", "得分", "得分/投资促进工作经费", "20", "分"],
      ["预算执行", "占比", "得分率/投资促进工作经费", "100", "%"],
      ["综合绩效", "占比", "权重/投资促进工作经费", "100", "%"],
      ["综合绩效", "得分", "分值/投资促进工作经费", "100", "分"],
      ["投资促进工作经费", "得分", "综合绩效", "93.03", "分"],
      ["综合绩效", "占比", "得分率/投资促进工作经费", "93.03", "%"],
    ]);
  });

  it("reads a list of projects with their self-assessment scores (佛山, layout text)", () => {
    const ds = read(["项目名称                  自评分数", "质量抽检和试验检测管理              100", "2019 年度聘请专家人员经费         96.53", ""], 2019);
    expect(ds.map((d) => [d.subject, d.qualifier, d.value, d.unit])).toEqual([
      ["质量抽检和试验检测管理", ["自评总分"], "100", "分"],
      ["2019年度聘请专家人员经费", ["自评总分"], "96.53", "分"],
    ]);
  });
});

describe("extractPerformance: an indicator named as a count states its counter", () => {
  const header = "年度绩效指标（26.5分）\t一级指标\t二级指标\t三级指标\t年初目标值（A）\t实际完成值（B）\t得分";
  const counted = (name: string, target: string, actual: string): (readonly [string, string | undefined, string, string])[] => {
    const lines = ["项目名称\t\t审计业务经费", header, `\t产出指标（15.5分）\t数量指标（9分）\t${name}(6分)\t${target}\t${actual}\t6分`];
    return read(lines)
      .filter((d) => d.measure === "数量")
      .map((d) => [d.subject, d.qualifier[0], d.value, d.unit] as const);
  };
  it.each([
    ["组织实施审计项目数", "27", "29", "个"],
    ["服务企业数", "100", "120", "家"],
    ["参加培训人数", "300", "320", "人"],
    ["督查次数", "4", "5", "次"],
  ])("%s gives its target and actual in %s", (name, target, actual, unit) => {
    expect(counted(name, target, actual)).toEqual([
      [name, "目标值", target, unit],
      [name, "实际完成值", actual, unit],
    ]);
  });

  it("reads the counter of a space-separated row without units (\"组织实施审计项目数(6分) 27 29 6分\")", () => {
    const ds = read(["项目名称\t\t审计业务经费", header, "组织实施审计项目数(6分) 27 29 6分"]);
    expect(ds.filter((d) => d.measure === "数量").map((d) => [d.qualifier[0], d.value, d.unit])).toEqual([
      ["目标值", "27", "个"],
      ["实际完成值", "29", "个"],
    ]);
  });

  it("gives no counter to an indicator that names no count (审计覆盖率)", () => {
    expect(counted("审计覆盖率", "90", "95").map((r) => r[3])).not.toContain("个");
  });
});
