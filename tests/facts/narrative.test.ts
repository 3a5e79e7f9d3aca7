import { describe, expect, it } from "vitest";
import { extractNarrative, type NarrativeDraft } from "../../src/facts/_narrative.js";
import { paragraphOf } from "./_paragraph.js";

const ctx = { departmentNames: ["武汉市经济和信息化局", "武汉市东西湖区商务局"], year: 2024 };

function read(lines: readonly string[], first = 1, section = "三、支出决算情况说明"): NarrativeDraft[] {
  return extractNarrative(paragraphOf(lines, first, ["第三部分 情况说明", section]), ctx);
}

function pick(ds: readonly NarrativeDraft[], subject: string, measure: string): NarrativeDraft | undefined {
  return ds.find((d) => d.subject === subject && d.measure === measure);
}

describe("extractNarrative", () => {
  it("reads totals with change and rate (001 一、)", () => {
    const ds = read(["2024年度收、支总计113,311.47万元。与2023年度相比,收、支总计各增加2,049.35万元,增长1.8%,主要原因是增加政府性基金预算财政拨款。"], 448, "一、收入支出决算总体情况说明");
    expect(ds.map((d) => [d.item, d.measure, d.value, d.unit, d.facet])).toEqual([
      ["grand_total", "决算", "113311.47", "万元", ""],
      ["grand_total", "增减", "2049.35", "万元", "较上年"],
      ["grand_total", "增长率", "1.8", "%", "较上年"],
    ]);
    expect(ds[0]?.line).toBe(448);
  });

  it("reads a 科目 named with its code in a clause of its own (高等学校 template: \"7.其他教育支出（2059999），…\")", () => {
    const ds = read(["   7.其他教育支出（2059999），2024 年度决算数为 1,816.77", "万元，比 2023 年度决算数增长 107.39%。主要原因是 2024", "年度新增国际中文教育专项。"], 429, "（四）财政拨款支出决算表说明");
    expect(ds.map((d) => [d.subject, d.classCode, d.measure, d.value])).toEqual([
      ["其他教育支出", "2059999", "决算", "1816.77"],
      ["其他教育支出", "2059999", "增长率", "107.39"],
    ]);
  });

  it("reads a soft-broken sentence with the line where each number starts (003 收入合计)", () => {
    const ds = read(["    2022 年度收入合计 12069.93 万元，与 2021 年度相比，收", "", " 入合计增加 8152.76 万元，增长 208.12%。"], 73, "二、收入决算情况说明");
    expect(pick(ds, "收入合计", "决算")).toMatchObject({ item: "revenue_total", value: "12069.93", line: 73 });
    expect(pick(ds, "收入合计", "增减")).toMatchObject({ value: "8152.76", line: 75 });
  });

  it("gives the line of a number broken across lines (003 机关运行经费)", () => {
    const ds = read(["2022年度武汉市东西湖区商务局机关运行经费支出80.82万", "", "元，比年初预算数减少17.79万元，下降18.04%。"], 371, "十、机关运行经费支出情况");
    expect(ds.map((d) => [d.subject, d.item, d.measure, d.value, d.line, d.facet])).toEqual([
      ["机关运行经费支出", "operating_expenses", "决算", "80.82", 371, ""],
      ["机关运行经费支出", "operating_expenses", "增减", "-17.79", 373, "较年初预算"],
      ["机关运行经费支出", "operating_expenses", "增长率", "-18.04", 373, "较年初预算"],
    ]);
  });

  it("reads income by type with shares (001 二、)", () => {
    const ds = read(["其中:财政拨款收入 113,033.6 万元,占本年收入 100%;其他收入 29.18 万元,占本年收入 0%。"], 458, "二、收入决算情况说明");
    expect(pick(ds, "财政拨款收入", "决算")?.value).toBe("113033.6");
    expect(pick(ds, "财政拨款收入", "占比")).toMatchObject({ value: "100", unit: "%", qualifier: ["占本年收入"] });
    expect(pick(ds, "其他收入", "决算")?.item).toBe("other_revenue");
  });

  it("reads basic and project expenditure with their shares (002 三、)", () => {
    const ds = read(["2024 年度支出合计 1115.55 万元，与 2023 年度相比，支出合计减少 17.99 万元，下降 1.6%。其中：基本支出 1070.17 万元，占本年支出 95.9%；项目支出 45.38 万元，占本年支出 4.1%。"]);
    expect(pick(ds, "支出合计", "增减")?.value).toBe("-17.99");
    expect(pick(ds, "基本支出", "占比")).toMatchObject({ item: "basic_expenditure", value: "95.9", scope: "全部" });
    expect(pick(ds, "项目支出", "决算")?.value).toBe("45.38");
  });

  it("reads a 科目 with 年初预算, 支出决算 and 完成率; subject is the (项) name", () => {
    const ds = read(["1.科学技术支出(类)技术研究与开发(款)其他技术研究与 开发支出(项)年初预算为14,066万元,支出决算为10,460.2万元, 完成年初预算的74.4%,支出决算数小于年初预算数的主要原因是因 职能划转。"], 509, "(三)一般公共预算财政拨款支出决算具体情况");
    expect(ds.map((d) => [d.subject, d.measure, d.value])).toEqual([
      ["其他技术研究与开发支出", "预算", "14066"],
      ["其他技术研究与开发支出", "决算", "10460.2"],
      ["其他技术研究与开发支出", "完成率", "74.4"],
    ]);
    expect(ds[0]?.classPath).toEqual({ lei: "科学技术支出", kuan: "技术研究与开发", xiang: "其他技术研究与开发支出" });
    expect(ds[0]?.qualifier).toEqual(["科学技术支出(类)", "技术研究与开发(款)", "年初预算"]);
    expect(ds[0]?.scope).toBe("一般公共预算");
  });

  it.each([
    ["2022年部门整体支出合计12053.48万元,2022年预算收入合计12296万元,完成年初预算的98.03%。"],
    ["部门整体支出合计12053.48万元,预算收入合计12296万元,完成年初预算的98.03%"],
  ])("gives a completion rate after a budget of another subject to the sentence's outturn: %s", (line) => {
    const ds = read([line], 10, "二、部门整体支出情况");
    expect(ds.map((d) => [d.subject, d.measure, d.value])).toEqual([
      ["部门整体支出合计", "决算", "12053.48"],
      ["预算收入合计", "预算", "12296"],
      ["部门整体支出合计", "完成率", "98.03"],
    ]);
  });

  it("carries a 科目 across a sentence break (003 '(项)。年初预算为')", () => {
    const ds = read(["10. 商业服务业等支出(类)商业流通事务(款)其他商业流", "", "通事务支出(项)。年初预算为 0万元，支出决算为 1283.46万元，"], 273, "(三)一般公共预算财政拨款支出决算具体情况");
    expect(pick(ds, "其他商业流通事务支出", "决算")).toMatchObject({ value: "1283.46", line: 275 });
  });

  it("reads a 类 line of the structure section", () => {
    const ds = read(["4. 卫生健康支出类支出 309.31 万元，占 4.4%。"], 474, "(二)一般公共预算财政拨款支出决算结构情况");
    expect(ds[0]).toMatchObject({ subject: "卫生健康支出", classCode: "210", value: "309.31" });
  });

  it("reads 三公 totals and items with signed change", () => {
    const section = "九、财政拨款“三公”经费支出决算情况说明";
    const total = read(["2024年度\"三公\"经费财政拨款支出全年预算为70.07万元, 支出决算为69.55万元,完成全年预算的99.3%。较上年增加32.96 万元,增长90.1%。"], 574, section);
    expect(total.map((d) => [d.item, d.measure, d.value, d.scope])).toEqual([
      ["sangong_total", "预算", "70.07", "财政拨款"],
      ["sangong_total", "决算", "69.55", "财政拨款"],
      ["sangong_total", "完成率", "99.3", "财政拨款"],
      ["sangong_total", "增减", "32.96", "财政拨款"],
      ["sangong_total", "增长率", "90.1", "财政拨款"],
    ]);
    const car = read(["2.公务用车购置及运行费全年预算为 28.96 万元,支出决算为 28.94 万元,完成全年预算的 99.9%;较上年减少 0.71 万元,下降 2.4%。"], 582, section);
    expect(pick(car, "公务用车购置及运行费", "增减")?.value).toBe("-0.71");
    expect(pick(car, "公务用车购置及运行费", "决算")?.item).toBe("vehicle_total");
  });

  it("turns a stated absence into a zero (本年度无公务用车购置费支出)", () => {
    const ds = read(["- (1)本年度无公务用车购置费支出,未购置(更新)公务用车。"], 584, "九、财政拨款“三公”经费支出决算情况说明");
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ item: "vehicle_purchase", value: "0", unit: "万元", measure: "决算", line: 584 });
  });

  it("reads zero statements of a list and of large equipment", () => {
    const income = read(["本年度无上级补助收入、事业收入、经营收入。"], 380, "二、收入决算情况说明");
    expect(income.map((d) => d.subject)).toEqual(["上级补助收入", "事业收入", "经营收入"]);
    const equipment = read(["无单位价值100万元以上设备。"], 600, "十二、国有资产占用情况说明");
    expect(equipment[0]).toMatchObject({ item: "large_equipment", value: "0", unit: "台" });
  });

  it("does not read 无上年数据 as a zero", () => {
    expect(read(["主要原因是局本级 2024 年新设，无上年数据。"])).toEqual([]);
  });

  it("reads vehicle counts by type (001 十二、)", () => {
    const ds = read(["截至2024年12月31日,武汉市经济和信息化局共有车辆28辆,其中,应急保障用车6辆、特种专业技术用车3辆、离退休干部服务用车15辆、其他用车4辆。"], 600, "十二、国有资产占用情况说明");
    expect(ds.map((d) => [d.subject, d.item, d.value, d.unit])).toEqual([
      ["车辆", "vehicles", "28", "辆"],
      ["应急保障用车", null, "6", "辆"],
      ["特种专业技术用车", null, "3", "辆"],
      ["离退休干部服务用车", null, "15", "辆"],
      ["其他用车", null, "4", "辆"],
    ]);
  });

  it("reads reception groups and visits (人次 follow the groups)", () => {
    const ds = read(["其中:国内公务接待支出 3.87 万元,接待对象主要是外省市相关部门等。 2024年共接待国内来访团组 43 个,609 人次(不包括陪同人员)。"], 588, "九、财政拨款“三公”经费支出决算情况说明");
    expect(ds.map((d) => [d.item, d.value, d.unit, d.facet])).toEqual([
      ["reception", "3.87", "万元", "国内"],
      ["reception_groups", "43", "个", "国内"],
      ["reception_visits", "609", "人次", "国内"],
    ]);
  });

  it("keeps foreign reception groups apart from domestic ones (003 外宾接待)", () => {
    const ds = read(["外宾接待支出 0万元，2022年共接待来访团组 0个，0人次。"], 359, "九、财政拨款“三公”经费支出决算情况说明");
    expect(ds.filter((d) => d.unit !== "万元").map((d) => [d.item, d.value, d.facet])).toEqual([
      ["reception_groups", "0", "外宾"],
      ["reception_visits", "0", "外宾"],
    ]);
  });

  it("reads outbound groups and visits", () => {
    const ds = read(["全年支出涉及出国(境)参团组4个,累计5人次,主要用于 开展以下工作。"], 580);
    expect(ds.map((d) => [d.item, d.value])).toEqual([
      ["outbound_groups", "4"],
      ["outbound_visits", "5"],
    ]);
  });

  it("reads procurement totals, types, SME awards and shares", () => {
    const ds = read(["2022年度武汉市东西湖区商务局政府采购支出总额165.77", "", "万元，其中：政府采购货物支出1.34万元、政府采购工程支出0    ", "", "万元、政府采购服务支出164.43万元。授予中小企业合同金额    ", "", "62.25万元，占政府采购支出总额的37.55%。"], 378, "十一、政府采购支出情况");
    expect(ds.map((d) => [d.item, d.measure, d.value, d.line])).toEqual([
      ["procurement_total", "决算", "165.77", 378],
      ["procurement_goods", "决算", "1.34", 380],
      ["procurement_works", "决算", "0", 380],
      ["procurement_services", "决算", "164.43", 382],
      ["procurement_sme", "决算", "62.25", 384],
      ["procurement_sme", "占比", "37.55", 384],
    ]);
  });

  it("reads 绩效 scores and project execution with the project as subject", () => {
    const score = read(["我部门组织对1个部门开展整体支出绩效自评,资金113,311.47 万元,整体资金绩效评价得分94.96分,评价等级为优。"], 610, "(二)部门整体支出自评结果");
    expect(pick(score, "部门整体支出", "得分")?.value).toBe("94.96");
    const project = read(["1.支持工业发展专项资金项目绩效自评综述:项目全年预算数为84,896.73万元,执行数为84,896.73万元,完成预算的100%。"], 616, "(三)项目支出自评结果");
    expect(project.map((d) => [d.subject, d.measure, d.value])).toEqual([
      ["支持工业发展专项资金", "预算", "84896.73"],
      ["支持工业发展专项资金", "决算", "84896.73"],
      ["支持工业发展专项资金", "完成率", "100"],
    ]);
    // "全年预算数" says which budget: the basis is kept as a qualifier, not read as a lead word.
    const bases = read(["2024 年公共资源交易专项工作经费项目年初预算数为 1,107.41 万元，全年预算数为 881.84 万元，年末决算数为 881.84 万元，预算执行率 100%。"], 1143, "1. 执行率情况");
    expect(bases.filter((d) => d.measure === "预算").map((d) => [d.value, d.qualifier])).toEqual([
      ["1107.41", ["年初预算"]],
      ["881.84", ["全年预算"]],
    ]);
    const named = read(["东湖新技术开发区政法委 2023 年政法委业务经费项目自评得分为 99.7 分。"], 1655, "(一) 自评得分");
    expect(named[0]).toMatchObject({ subject: "政法委业务经费", measure: "得分", value: "99.7", unit: "分" });
  });

  it("reads named project amounts (情况说明 项目支出主要用于…)", () => {
    const ds = read(["其中:基本支出 10,242.18万元,项目支出 86,759.43万元。项目支出主要用于工业经济保障经费 1,862.7万元,主要成效是全力稳住经济基本盘;先进制造业发展专项 39,005.28万元,主要成效是全市工业投资在全国 15个副省级城市中总量靠前。"], 505, "(三)一般公共预算财政拨款支出决算具体情况");
    expect(ds.map((d) => [d.subject, d.value])).toEqual([
      ["基本支出", "10242.18"],
      ["项目支出", "86759.43"],
      ["工业经济保障经费", "1862.7"],
      ["先进制造业发展专项", "39005.28"],
    ]);
  });

  it("reads conservative counts after a short subject", () => {
    const ds = read(["截至目前，全局共建党（总）支部 9 个，党员 126 名。"], 676, "五、抓党建、强队伍");
    expect(pick(ds, "党员", "数量")).toMatchObject({ value: "126", unit: "名" });
  });

  it("skips the weights of 绩效 indicators", () => {
    expect(read(["党校培训学员总人次（1.5分）"]).filter((d) => d.unit === "分")).toEqual([]);
  });
});
