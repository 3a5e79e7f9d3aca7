import { describe, expect, it } from "vitest";
import { normalizeWithMap, scanFigures } from "../../src/facts/_text.js";
import { paragraphLead } from "../../src/facts/_sentence.js";

describe("normalizeWithMap", () => {
  it("maps full-width punctuation to ASCII and keeps offsets", () => {
    const n = normalizeWithMap("收入合计（万元）：1,2");
    expect(n.s).toBe("收入合计(万元):1,2");
    expect(n.pos[4]).toBe(4);
  });

  it("drops spacing noise inside figures and units", () => {
    expect(normalizeWithMap("增加 2,049.35 万 元").s).toBe("增加2,049.35万元");
    expect(normalizeWithMap("1, 099.07").s).toBe("1,099.07");
  });

  it("keeps two adjacent figures apart", () => {
    expect(normalizeWithMap("14.03 14.03 100%").s).toBe("14.03 14.03 100%");
  });

  it("removes markup crumbs and reads 收、支 as one word", () => {
    expect(normalizeWithMap("<b>收、支</b>总计**").s).toBe("收支总计");
  });
});

describe("scanFigures", () => {
  it.each([
    ["支出决算为 3.87 万元", "3.87", "万元"],
    ["收、支总计113,311.47万元", "113311.47", "万元"],
    ["完成年初预算的 74.4%", "74.4", "%"],
    ["公务用车保有量为 28 辆", "28", "辆"],
    ["共接待国内来访团组 43 个", "43", "个"],
    ["累计5人次", "5", "人次"],
    ["得分94.96分", "94.96", "分"],
    ["单价 100 万元(含)以上设备 0台(套)", "0", "台(套)"],
    ["支出决算为 16,179.00 万元", "16179.00", "万元"],
  ])("reads %s", (text, value, unit) => {
    const figs = scanFigures(normalizeWithMap(text).s);
    expect(figs[figs.length - 1]?.value).toBe(value);
    expect(figs[figs.length - 1]?.unit).toBe(unit);
  });

  it("skips years, dates and bare numbers", () => {
    expect(scanFigures(normalizeWithMap("截至 2024 年 12 月 31 日，第3季度").s)).toEqual([]);
  });

  it("reads activity units as written (亿元, 万户, 吨, 万次)", () => {
    expect(scanFigures("完成项目交易总额1,533.56亿元,突破100万户,补贴155.86吨,累计办件255万次").map((f) => `${f.value}${f.unit}`)).toEqual(["1533.56亿元", "100万户", "155.86吨", "255万次"]);
  });

  it("keeps 场次 as written, so the count ends its phrase (年初目标值为2场次)", () => {
    expect(scanFigures("年初目标值为2场次,实际完成0场次").map((f) => [f.value, f.unit, f.unitEnd - f.end])).toEqual([
      ["2", "场次", 2],
      ["0", "场次", 2],
    ]);
  });

  it.each([
    ["利用外资 9 亿美元", "9亿美元"],
    ["到资金额 5000 万美元以上", "5000万美元"],
    ["全年净增中小企业16.1万家", "16.1万家"],
    ["办理国家司法救助案件33件", "33件"],
    ["推出 50 余项涉企经营许可", "50项"],
    ["同比分别增长 78.4%、4.6 倍", "78.4%|4.6倍"],
    ["年度目标值为 ≥ 920 万,实际完成 496 万", "920万|496万"],
    ["进入 ESI 全球排名前 1‰", "1‰"],
    ["平均落地周期缩短 16 天", "16天"],
    ["3 个月完成政务大厅系统软硬件部署", "3个月"],
    ["全区连续 5 年获评", "5年"],
    ["整理档案 100633 卷", "100633卷"],
  ])("reads the unit as written in %j", (text, expected) => {
    expect(scanFigures(normalizeWithMap(text).s).map((f) => `${f.value}${f.unit}`).join("|")).toBe(expected);
  });

  it.each([["2024年"], ["2人员"], ["5项目"], ["3部门"], ["4支出"], ["2本年"], ["6单位"], ["1名称"]])("reads no unit in %j", (text) => {
    expect(scanFigures(text)).toEqual([]);
  });

  it("marks an approximate count (\"50 余项\")", () => {
    expect(scanFigures("推出50余项许可")[0]).toMatchObject({ value: "50", unit: "项", approx: "余" });
  });

  it("reads the second of two listed counts", () => {
    expect(scanFigures("团组43个,609人次").map((f) => `${f.value}${f.unit}`)).toEqual(["43个", "609人次"]);
  });
});

describe("paragraphLead", () => {
  it.each([
    ["公共资源交易专项工作经费项目 881.84 万元。主要成效：全年完成项目交易总额 1,533.56 亿元。", "公共资源交易专项工作经费项目881.84万元"],
    ["学校 2024 年度政府采购支出总额 15,346.40 万元，其中：\n政府采购货物支出 5,510.39 万元。授予中小企业合同金额 12,127.08 万元。", "学校2024年度政府采购支出总额15,346.40万元"],
    ["2024 年度收、支总计均为 1115.55 万元。与 2023 年度相比减少 17.99 万元。", "2024年度收、支总计均为1115.55万元"],
    ["只有一句话，没有第二句。", null],
  ])("reads the opening clause of %s", (text, lead) => {
    expect(paragraphLead(text)).toBe(lead);
  });
});
