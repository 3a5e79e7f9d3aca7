import { describe, expect, it } from "vitest";
import { extractNarrative, type NarrativeDraft } from "../../src/facts/_narrative.js";
import { paragraphOf } from "./_paragraph.js";

const NAMES = ["武汉市经济和信息化局", "武汉市东西湖区商务局", "武汉市投资促进局(武汉市政务服务局)", "武汉市投资促进局", "武汉市洪山区企业服务中心", "武汉东湖新技术开发区管理委员会"];

function read(lines: readonly string[], opts: { first?: number; section?: string; year?: number } = {}): NarrativeDraft[] {
  const p = paragraphOf(lines, opts.first ?? 1, ["第三部分 情况说明", opts.section ?? "十三、预算绩效情况说明"]);
  return extractNarrative(p, { departmentNames: NAMES, year: opts.year ?? 2024 });
}

const brief = (ds: readonly NarrativeDraft[]): unknown[] => ds.map((d) => [d.subject, d.measure, d.value, d.unit, d.qualifier]);

describe("extractNarrative: organisation counts", () => {
  it.each([
    [["从单位构成看,武汉市经济和信息化局部门决算由实行独立核 算的武汉市经济和信息化局本级决算和4个下属单位决算组成。"], "下属单位", "4"],
    [["从单位构成看，武汉市投资促进局（武汉市政务服务局）部门决算由实行独立核算的武汉市投资促进局（武汉市政务服务局）本级决算和 2 个下属单位决算组成。"], "下属单位", "2"],
    [["从结构上看，武汉市洪山区企业服务中心本级为 1 个独立的决算编报单位，内设 4 个机构，包括："], "内设机构", "4"],
  ])("names the count by what follows the number: %j", (lines, subject, value) => {
    const ds = read(lines, { section: "二、机构设置情况" });
    expect(ds.filter((d) => d.subject === subject).map((d) => [d.measure, d.value, d.unit])).toEqual([["数量", value, "个"]]);
  });

  it("reads a soft-broken list of 科室 ending in the count (003 机构情况)", () => {
    const ds = read(["武汉市东西湖区商务局机关内设办公室、投资促进科、商贸管理科 3", "", "个科室，所属二级事业单位 3 个，包括：东西湖区商务发展促进中心、东"], { first: 4558, year: 2022 });
    expect(ds.map((d) => [d.subject, d.value, d.line])).toEqual([
      ["内设科室", "3", 4558],
      ["所属二级事业单位", "3", 4560],
    ]);
  });

  it.each([["从单位构成看，武汉东湖新技术开发区管理委员会部门决算由单位本级决算组成，无下属单位。"], ["我部门没有下属单位，按照部门决算编报要求，单独编制本部门决算。"]])("turns %s into a zero count", (line) => {
    const ds = read([line], { year: 2023 });
    expect(brief(ds)).toEqual([["下属单位", "数量", "0", "个", []]]);
  });

  it("does not count units an evaluation covered (003 '对2个二级单位及3个科室开展整体支出绩效')", () => {
    expect(read(["我单位组织对对 2个二级单位及 3个科室开展整体支出绩效自评。"], { year: 2022 })).toEqual([]);
  });
});

describe("extractNarrative: 绩效 scores", () => {
  it("skips unnamed sub-scores (001 '执行率 100%, 得 20 分') and keeps the adjusted budget", () => {
    const ds = read(["部门支出调整后预算数 113,311.99 万元, 执行数 113,311.47 万元, 执行率 100%, 得 20 分。"]);
    expect(ds.filter((d) => d.measure === "得分")).toEqual([]);
    expect(ds.map((d) => [d.measure, d.value, d.qualifier])).toEqual([
      ["预算", "113311.99", ["调整预算"]],
      ["决算", "113311.47", ["执行数"]],
      ["完成率", "100", []],
    ]);
  });

  it("skips 'total points, points scored' of an annual goal (001 '总分23分,得21.31分')", () => {
    expect(read(["- (1)年度目标1共设置8个产出指标、4个效益指标和1个满意度指标,本年6个产出指标、4个效益指标和1个满意度指标达到预期,总分23分,得21.31分。"]).filter((d) => d.unit === "分")).toEqual([]);
  });

  it("skips the weight in '得分 (20分*执行率)'", () => {
    expect(read(["预算执行情况(万元) (20分) 预算数(A) 执行数(B) 执行率(B/A) 得分 (20分*执行率)"]).filter((d) => d.unit === "分")).toEqual([]);
  });

  it("gives a stated total to the sentence's topic (003 '部门整体绩效自评结果：…自评总得分 99.61 分')", () => {
    const ds = read(["武汉市东西湖区商务局 2022 年度部门整体绩效自评结果：预算执行", "", "情况自评得分 19.61 分，年度绩效指标自评得分 80分，自评总得分 99.61", "", "分。"], { first: 4153, year: 2022 });
    expect(ds.find((d) => d.value === "99.61")).toMatchObject({ subject: "部门整体支出", measure: "得分", qualifier: ["总得分"], line: 4155 });
  });

  it("names an average score as such, not by the characters left of 得分 (普陀 '平均得分100.00分')", () => {
    const ds = read(["绩效自评的2024年度项目1个，涉及预算金额175.52万元，平均得分100.00分（其中，绩效评级为“优”的项目1个"]);
    expect(ds.find((d) => d.value === "100.00")).toMatchObject({ subject: "平均得分", measure: "得分" });
  });

  it("names a project written after an organisation in brackets (000 '（武汉市政务服务中心）…招商引资专项经费项目')", () => {
    const ds = read(["经评价，2024 年度武汉市投资促进局（武汉市政务服务中心）（以下简称“市投促局”）招商引资专项经费项目（以下简称“本项目”）绩效评价综合得分为 82.44 分。"]);
    expect(brief(ds)).toEqual([["招商引资专项经费", "得分", "82.44", "分", ["总得分"]]]);
  });
});

describe("extractNarrative: project execution", () => {
  it("reads 调整后预算 / 实际使用 / 预算执行率 with the project as subject (004 无人机)", () => {
    const ds = read(["2023 年度东湖高新区低空共享无人机应用示范区建设项目调整后预算 5,701.46 万元，实际使用 5,701.46 万元，预算执行率 100%，包括两个部分："], { year: 2023 });
    expect(brief(ds)).toEqual([
      ["东湖高新区低空共享无人机应用示范区建设项目", "预算", "5701.46", "万元", ["调整预算"]],
      ["东湖高新区低空共享无人机应用示范区建设项目", "决算", "5701.46", "万元", ["执行数"]],
      ["东湖高新区低空共享无人机应用示范区建设项目", "完成率", "100", "%", []],
    ]);
  });

  it("takes a figure-less lead clause as the subject of a part (004 '(1) 编制…初步设计，调整后预算 288.70 万元')", () => {
    const ds = read(["(1) 编制东湖高新区低空共享无人机应用示范区建设项目初步设计，调整后预算 288.70 万元，实际使用 288.70 万元，预算执行率 100%。"], { year: 2023 });
    expect(ds.map((d) => d.subject)).toEqual(Array(3).fill("编制东湖高新区低空共享无人机应用示范区建设项目初步设计"));
  });

  it("takes the project from the lead clause and skips the sub-score (001 '2024年支持工业发展专项资金项目,调整后预算…得20分')", () => {
    const ds = read(["2024年支持工业发展专项资金项目,调整后预算84,896.73万元,执行数84,896.73万元,执行率100%,总分20分,得20分。"]);
    expect(ds.map((d) => [d.subject, d.measure, d.value])).toEqual([
      ["支持工业发展专项资金", "预算", "84896.73"],
      ["支持工业发展专项资金", "决算", "84896.73"],
      ["支持工业发展专项资金", "完成率", "100"],
    ]);
  });

  it.each([
    ["17、2023年度智慧综治中心平台建设一期工程项目绩效自评综述：项目全年预算数为1,765.84万元，执行数为1,765.84万元，完成预算的100%。", "智慧综治中心平台建设一期工程"],
    ["9、财政局项目绩效自评综述：项目全年预算数为451.65万元，执行数为451.65万元，完成预算的100%。", "财政局项目"],
    ["2、审计局工作项目绩效自评综述：项目全年预算数为600.58万元，执行数为600.58万元，完成预算的100%。", "审计局工作"],
  ])("names the project of a 自评综述: %s", (line, subject) => {
    expect(new Set(read([line], { year: 2023 }).map((d) => d.subject))).toEqual(new Set([subject]));
  });

  it("reads a quoted project name without the organisation (004 '武汉东湖新技术开发区“组织部（招才局）业务经费”调整后预算')", () => {
    const ds = read(["武汉东湖新技术开发区“组织部（招才局）业务经费”调整后预算 3,480.08 万元，实际执行 3,480.08 万元，预算执行率 100%。"], { year: 2023 });
    expect(ds[0]).toMatchObject({ subject: "组织部(招才局)业务经费", measure: "预算", qualifier: ["调整预算"] });
  });

  it("reads a budget cut and skips limits, per-unit rates and leftovers (004 财政局业务经费)", () => {
    const ds = read(["一、财政局业务经费2023年年初预算数为486.30万元，调整预算数为451.65万元，实际执行451.65万元，调减预算34.65万元，部门预算调整率为7.12%。预算调整幅度未超年初预算数的10%。"], { year: 2023 });
    expect(ds.map((d) => [d.subject, d.measure, d.value])).toEqual([
      ["财政局业务经费", "预算", "486.30"],
      ["财政局业务经费", "预算", "451.65"],
      ["财政局业务经费", "决算", "451.65"],
      ["财政局业务经费", "增减", "-34.65"],
      ["部门预算调整率", "占比", "7.12"],
    ]);
    expect(read(["2. 由于湖北出入境边防检查总站未向我区申请拨付工作经费等原因，导致花山港发展专项经费存在80.8万元结余收回的情况。"], { year: 2023 })).toEqual([]);
    expect(read(["年初申报财政监督检查经费时参照以往年度省财政厅检查要求的户数（1万元/户）来确定。"], { year: 2023 })).toEqual([]);
  });
});

describe("extractNarrative: 绩效 indicator values", () => {
  it("reads target and actual, not an earlier year's value (004 '“安全知识宣传活动次数”指标2022年实际完成值为9次')", () => {
    const ds = read(["(2) 发现的问题及原因：“安全知识宣传活动次数”指标2022年实际完成值为9次，2023年设定年初目标值为3次，实际完成值为10次，该指标2023年年初目标值设置偏低。"], { year: 2023 });
    expect(ds.map((d) => [d.subject, d.measure, d.value, d.unit, d.qualifier, d.facet])).toEqual([
      ["安全知识宣传活动次数", "数量", "3", "次", ["目标值"], "目标值"],
      ["安全知识宣传活动次数", "数量", "10", "次", ["实际完成值"], ""],
    ]);
  });

  it.each([
    ["- ①窗口收件办结率：年度目标值为 100%，实际完成 100%；", "窗口收件办结率", "占比", "100", "%"],
    ["举办招商活动总费用：年度目标值为 ≤ 100 万元，实际完成 57.56 万元。", "举办招商活动总费用", "决算", "57.56", "万元"],
    ["效益指标经济效益指标外商直接投资额:年初目标值为≥ 25亿美元,2024年实际完成14.75亿美元。", "外商直接投资额", "数量", "14.75", "亿美元"],
    ["2每年举办招商活动场次:年初目标值为2场次,2024年实际完成0场次。", "每年举办招商活动场次", "数量", "0", "场次"],
  ])("names the actual value by its indicator: %s", (line, subject, measure, value, unit) => {
    const actual = read([line]).find((d) => d.qualifier[0] === "实际完成值");
    expect(actual).toMatchObject({ subject, measure, value, unit });
  });

  it("reads a money target as the budget of the indicator", () => {
    expect(read(["举办招商活动总费用：年度目标值为 ≤ 100 万元，实际完成 57.56 万元。"])[0]).toMatchObject({ measure: "预算", value: "100", qualifier: ["目标值"] });
  });

  it("does not read a completed count that modifies a noun (000 '根据批复完成 2 台公务用车购置')", () => {
    expect(read(["决算数持平全年预算数的主要原因：局本级 2024 年新设，根据批复完成 2 台公务用车购置。"]).filter((d) => d.unit === "台")).toEqual([]);
  });
});

describe("extractNarrative: reception counts and activity units", () => {
  it("gives batches and visitors to the category just paid for, not the escort aside (003 外省市交流接待)", () => {
    const ds = read(["开支公务接待支出 0.24 万元。其中：国际访问 0 万元，；大型活动 0 万元，；外省市交流接待 0.24 万元，主要用于孝感单位", "", "考察的接待工作 1 批次 13人次(不包括陪同人员：3 人次)。"], { first: 363, section: "九、财政拨款“三公”经费支出决算情况说明", year: 2022 });
    expect(ds.filter((d) => d.measure === "数量").map((d) => [d.subject, d.item, d.value, d.unit, d.qualifier, d.line])).toEqual([
      ["外省市交流接待", "reception_groups", "1", "批次", ["孝感单位考察的接待工作"], 365],
      ["外省市交流接待", "reception_visits", "13", "人次", ["孝感单位考察的接待工作"], 365],
    ]);
  });

  it("reads 亿元 statistics as counts of activity (000 公共资源交易)", () => {
    const ds = read(["全年完成项目交易总额 1,533.56 亿元，其中：工程招投标项目 2429 个，交易额 1,499.97 亿元。"], { section: "(三)一般公共预算财政拨款支出决算具体情况" });
    expect(ds[0]).toMatchObject({ subject: "项目交易总额", measure: "数量", value: "1533.56", unit: "亿元" });
  });
});
