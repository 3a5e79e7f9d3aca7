import { describe, expect, it } from "vitest";
import { extractNarrative, type NarrativeDraft } from "../../src/facts/_narrative.js";
import { extractQuantities } from "../../src/facts/_quantities.js";
import { findPredicate, nounAfter, periodOf } from "../../src/facts/_quantity.js";
import { paragraphOf } from "./_paragraph.js";

// Sentences as the documents write them: soft line breaks (one array item per source line) and
// the spacing noise of pdftotext -layout and OCR ("4,032.33 万元", "万 元", full-width marks).
function read(lines: readonly string[], section = "四、其他需要说明的情况", first = 10): NarrativeDraft[] {
  const p = paragraphOf(lines, first, ["第三部分 情况说明", section]);
  const ctx = { departmentNames: ["武汉市投资促进局"], year: 2024 };
  return extractQuantities(p, ctx, extractNarrative(p, ctx));
}

type Row = [subject: string, predicate: string | null, qualifiers: string[], value: string, unit: string];
const brief = (ds: readonly NarrativeDraft[]): Row[] => ds.map((d) => [d.subject, d.predicate ?? null, [...d.qualifier], d.value, d.unit]);

describe("extractQuantities: every narrative figure with its subject, predicate and qualifiers", () => {
  it.each<[string, string[], Row[]]>([
    [
      "the counted noun after its counter, the predicate after the noun, across a line break",
      ["根据预算绩效管理要求，本部门组织对 7 个一般公共预算项目支出开展绩效", "自评，资金 4,032.33 万元。"],
      [["一般公共预算项目", "开展绩效自评", [], "7", "个"], ["资金", null, [], "4032.33", "万元"]],
    ],
    [
      "an attribute after a count belongs to the noun just counted (000 欧资项目)",
      ["加大对德对欧招商，签约欧资项目 46 个、金额 75.4 亿元。"],
      [["欧资项目", "签约", [], "46", "个"], ["欧资项目金额", "签约", [], "75.4", "亿元"]],
    ],
    [
      "verbs without an object count the noun named before; how it was done qualifies (000 走访企业)",
      ["市投资促进中心依托活动和出差共走访企业 1141 家，其中，接待 411 家、拜访 398 家、线上对接 332 家；"],
      [["企业", "走访", [], "1141", "家"], ["企业", "接待", ["其中"], "411", "家"], ["企业", "拜访", [], "398", "家"], ["企业", "对接", ["线上"], "332", "家"]],
    ],
    [
      "a university's staff with 现有 and 其中 (西南大学, layout text)",
      ["现有专任教师 3277 人，其中正高级职称 871 人、副高级职", "称 1304 人。"],
      [["专任教师", "现有", [], "3277", "人"], ["正高级职称", null, ["其中"], "871", "人"], ["副高级职称", null, [], "1304", "人"]],
    ],
    [
      "a count of things built, its place as context (西南大学 科技小院)",
      ["积极探索人才培养、科技创新、社会服务", "“三位一体”工作模式，在全国各地建立 53 个科技小院。"],
      [["科技小院", "建立", ["在全国各地"], "53", "个"]],
    ],
    [
      "a bound stays in the noun phrase it bounds (000 十亿元以上重点项目)",
      ["统筹推动 10 亿元以上重点项目 174 个。"],
      [["10亿元以上重点项目", "统筹推动", [], "174", "个"]],
    ],
    [
      "scaled counters as written, no conversion (001 净增中小企业)",
      ["全年净增中小企业16.1万家，成为第5个中小企业数量破百万的副省级城市。"],
      [["中小企业", "净增", ["新增", "中小企业"], "16.1", "万家"]],
    ],
    [
      "the predicate right after the counted noun (002 企业规模认证)",
      ["2024 年，中心为辖区内 22 家企业完成了企业规模认证。"],
      [["企业", "完成企业规模认证", [], "22", "家"]],
    ],
    [
      "a list of counts shares the predicate stated after its last noun (001 年度目标1)",
      ["- (1)年度目标1共设置8个产出指标、4个效益指标和1个满意度指标,本年6个产出指标、4个效益指标和1个满意度指标达到预期,总分23分,得21.31分。"],
      [
        ["产出指标", "设置", ["年度目标1"], "8", "个"],
        ["效益指标", "设置", ["年度目标1"], "4", "个"],
        ["满意度指标", "设置", ["年度目标1"], "1", "个"],
        ["产出指标", "达到预期", ["年度目标1"], "6", "个"],
        ["效益指标", "达到预期", ["年度目标1"], "4", "个"],
        ["满意度指标", "达到预期", ["年度目标1"], "1", "个"],
        ["年度目标1", null, ["总分"], "23", "分"],
        ["年度目标1", null, ["得分"], "21.31", "分"],
      ],
    ],
    [
      "a part and a target in an aside after a figure (000 集采, 年度目标)",
      ["市本级政府采购项目 1880 个（集采 319 个），组织实施 24 项（年度目标 20 项）政务服务“微改革”事项。"],
      [
        ["市本级政府采购项目", null, [], "1880", "个"],
        ["市本级政府采购项目", null, ["集采"], "319", "个"],
        ["政务服务“微改革”事项", "组织实施", [], "24", "项"],
        ["政务服务“微改革”事项", "组织实施", ["目标值"], "20", "项"],
      ],
    ],
    [
      "a growth in 倍 and a rate stated with 以上 (000 同比增长)",
      ["亿元以上开工纳统项目同比增长 26.9%以上，超额完成全年预期目标。"],
      [["亿元以上开工纳统项目", "增长", ["较上年", "以上"], "26.9", "%"]],
    ],
    [
      "a zero written without a unit keeps none (佛山 预算数为 0)",
      ["因为我局为 2019 年新成立单位，成立时间晚于预算数制定时间，", "预算数为 0，因此，“三公”经费支出的决算数大于预算数。"],
      [["预算数", null, [], "0", ""]],
    ],
  ])("%s", (_name, lines, expected) => {
    expect(brief(read(lines))).toEqual(expected);
  });

  it("never makes a bare measure word the subject (004 '导致预算4.23万元结余收回')", () => {
    const ds = read(["重点绩效评价第三方服务经费预算数，导致预算 4.23 万元结余收回。"], "（三）项目支出自评结果");
    expect(ds.filter((d) => /^(预算|决算)数?$/.test(d.subject))).toEqual([]);
  });

  it("states the period the sentence gives (截至…, 1-10月) and the line where each figure starts", () => {
    const ds = read(["截至 2024 年 12 月 31 日，本部门共有车辆 28 辆。2022年1-10月，全区完成整车", "进口 593 辆。"]);
    expect(ds.map((d) => [d.subject, d.predicate ?? null, d.period ?? null, d.value, d.line])).toEqual([
      ["车辆", null, "截至2024年12月31日", "28", 10],
      ["整车", "进口", "2022年1-10月", "593", 11],
    ]);
  });
});

describe("extractQuantities: counted things with their qualifiers", () => {
  it("reads receptions by kind: 外事 groups and visitors, 国内 receptions and people (佛山 2019)", () => {
    const ds = read(["2019 年，局（部、委、办）机关及下属", "1 个单位 共接待国外来访团组 0 个，来访外宾 0 人次；发生国内", "接待 1 次，接待人数共 13 人，主要包括接待其他省市交通局参", "观所产生的费用"], "3.公务接待费");
    expect(ds.map((d) => [d.subject, d.item, d.qualifier.filter((q) => q === "国内" || q === "外事"), d.value, d.unit])).toEqual([
      ["单位", null, [], "1", "个"],
      ["接待国外来访团组", "reception_groups", ["外事"], "0", "个"],
      ["来访外宾", "reception_visits", ["外事"], "0", "人次"],
      ["国内接待", null, ["国内"], "1", "次"],
      ["接待人数", null, ["国内"], "13", "人"],
    ]);
  });

  it("reads vehicles held and bought, and an organisation counted before what it holds (佛山 2019)", () => {
    const ds = read(["公务用车购置支出为 0 万元，2019 年公务用车购置数 0 辆。公务用车运行", "及维护支出 0 万元，2019 年局（部、委、办）机关及下属 0 个", "单位 公务用车保有量为 0 辆，主要用于无。"], "2.公务用车购置及运行维护费");
    const counts = ds.filter((d) => d.unit !== "万元").map((d) => [d.subject, d.item, d.qualifier.filter((q) => q === "购置" || q === "保有"), d.value, d.unit]);
    expect(counts).toEqual([
      ["公务用车购置数", null, ["购置"], "0", "辆"],
      ["单位", null, [], "0", "个"],
      ["公务用车保有量", "vehicles", ["保有"], "0", "辆"],
    ]);
  });

  it("reads vehicles by type and the ones bought this year (001)", () => {
    const ds = read(["截至2024年12月31日,武汉市投资促进局共有车辆28辆,其中,应急保障用车6辆、特种专业技术用车3辆。本年度新购置公务用车 3 辆。"]);
    expect(ds.map((d) => [d.subject, d.qualifier.filter((q) => q === "购置" || q === "其中"), d.value])).toEqual([
      ["车辆", [], "28"],
      ["应急保障用车", ["其中"], "6"],
      ["特种专业技术用车", [], "3"],
      ["公务用车", ["购置"], "3"],
    ]);
  });

  it("reads outbound groups and person-times (001 出国团组)", () => {
    const ds = read(["全年支出涉及出国(境)参团组4个,累计5人次,主要用于开展以下工作。"], "九、财政拨款“三公”经费支出决算情况说明");
    expect(ds.map((d) => [d.item, d.value, d.unit])).toEqual([
      ["outbound_groups", "4", "个"],
      ["outbound_visits", "5", "人次"],
    ]);
  });

  it("reads procurement by kind and the contracts granted to SMEs and small firms with their shares (西南大学, layout text)", () => {
    const ds = read(
      ["学校 2024 年度政府采购支出总额 15,346.40 万元，其中：", "政府采购货物支出 5,510.39 万元，", "                    政府采购工程支出 9,069.87", "万元，政府采购服务支出 766.15 万元。授予中小企业合同金", "额 12,127.08 万元，占政府采购支出总额的 79.02%，其中：", "授予小微企业合同金额 7,295.12 万元，占授予中小企业合同", "金额的 60.02% ；货物采购授予中小企业合同金额占货物支", "出金额的 55.48%，工程采购授予中小企业合同金额占工程支", "出金额的 100%。"],
      "（五）其他说明",
    );
    expect(ds.map((d) => [d.subject, d.item, d.measure, d.value, d.unit, d.line])).toEqual([
      ["政府采购支出总额", "procurement_total", "决算", "15346.40", "万元", 10],
      ["政府采购货物支出", "procurement_goods", "决算", "5510.39", "万元", 11],
      ["政府采购工程支出", "procurement_works", "决算", "9069.87", "万元", 12],
      ["政府采购服务支出", "procurement_services", "决算", "766.15", "万元", 13],
      ["授予中小企业合同金额", null, "决算", "12127.08", "万元", 14],
      ["授予中小企业合同金额", null, "占比", "79.02", "%", 14],
      ["授予小微企业合同金额", null, "决算", "7295.12", "万元", 15],
      ["授予小微企业合同金额", null, "占比", "60.02", "%", 16],
      ["货物采购授予中小企业合同金额", null, "占比", "55.48", "%", 17],
      ["工程采购授予中小企业合同金额", null, "占比", "100", "%", 18],
    ]);
    expect(ds[5]?.qualifier).toEqual(["占政府采购支出总额"]);
  });

  it("gives an aside's figure to what it names, not to the figure before (003 陪同人员)", () => {
    const ds = read(["外省市交流接待 0.24 万元，主要用于孝感单位考察的接待工作 1 批次 13人次(不包括陪同人员：3 人次)。"], "九、财政拨款“三公”经费支出决算情况说明");
    expect(ds.filter((d) => d.unit === "人次").map((d) => [d.subject, d.qualifier, d.value])).toEqual([
      ["外省市交流接待", ["孝感单位考察的接待工作"], "13"],
      ["陪同人员", ["未计入"], "3"],
    ]);
  });
});

describe("the words of a figure's sentence", () => {
  it.each([
    ["共召开市级落地服务调度会", "召开"],
    ["市本级政府采购项目", null],
    ["全市招商引资项目签约总额同比增长", "增长"],
    ["梳理链主企业", "梳理"],
  ])("the predicate of %j is %j", (text, verb) => {
    expect(findPredicate(text)?.verb ?? null).toBe(verb);
  });

  it.each([
    ["一般公共预算项目支出开展绩效自评", "一般公共预算项目"],
    ["“集成办”重点事项落地落实", "“集成办”重点事项"],
    ["单位公务用车保有量为0辆", "单位"],
    ["以上", null],
  ])("the noun counted in %j is %j", (rest, noun) => {
    expect(nounAfter(rest)?.noun ?? null).toBe(noun);
  });

  it.each([
    ["截至2024年12月31日,本部门共有车辆", "截至2024年12月31日"],
    ["2022年1-10月,全区完成整车进口", "2022年1-10月"],
    ["“十四五”以来获国家级教学成果奖", "“十四五”以来"],
    ["本部门共有车辆", null],
  ])("the period stated before a figure in %j is %j", (text, period) => {
    expect(periodOf(text)).toBe(period);
  });
});
