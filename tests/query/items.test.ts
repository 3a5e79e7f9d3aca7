import { describe, expect, it } from "vitest";
import { understandQuestion } from "../../src/query/index.js";
import { mixedCatalog, seedCatalog } from "../fixtures/query/catalogs.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);
const keys = (q: string) => u(q).items.map((h) => h.key);

describe("understandQuestion: items", () => {
  it.each([
    ["经信局招待费多少", "reception"],
    ["经信局接待费多少", "reception"],
    ["经信局公务接待费实际花了多少", "reception"],
    ["经信局出国花了多少", "outbound_travel"],
    ["经信局出境费用", "outbound_travel"],
    ["经信局因公出国（境）费", "outbound_travel"],
    ["经信局公车花了多少", "vehicle_total"],
    ["经信局车辆费", "vehicle_total"],
    ["经信局三公", "sangong_total"],
    ["经信局三公经费总共多少", "sangong_total"],
    ["经信局人头费", "personnel_expenses"],
    ["投促局人员经费合计是多少？", "personnel_expenses"],
    ["东湖高新区管委会2023年公用经费合计", "public_expenses"],
    ["洪山区企业服务中心2024年一般公共预算财政拨款收入多少", "general_budget_revenue"],
    ["东西湖商务局2022年机关运行经费支出多少", "operating_expenses"],
    ["洪山区企业服务中心收支总计比上年减少了多少", "grand_total"],
    ["经信局上年结转多少", "carryover_begin"],
    ["经信局中小企业合同金额", "procurement_sme"],
    ["东西湖区商务局2022年因公出国团组几个", "outbound_groups"],
    ["经信局收入多少", "revenue_total"],
    ["经信局去年花了多少钱", "expenditure_total"],
    ["经信局公务接待费支出多少", "reception"],
    ["投促局2024年度“三公”经费财政拨款支出决算为多少", "sangong_total"],
    ["How many official vehicles does the Economy and Information Technology Bureau have?", "vehicles"],
  ])("maps %s to %s", (q, key) => {
    expect(keys(q)).toEqual([key]);
  });

  it("reports where the phrase matched in the normalised question", () => {
    const x = u("经信局招待费多少");
    expect(x.items).toEqual([{ key: "reception", phrase: "招待费", start: 3, end: 6, via: "synonym" }]);
    expect(x.normalized.slice(3, 6)).toBe("招待费");
  });

  it.each([
    ["投促局其他涉外发展服务支出", "其他涉外发展服务支出"],
    ["洪山区企业服务中心其他商品和服务支出是多少", "其他商品和服务支出"],
    ["投促局商业服务业等支出是多少", "商业服务业等支出"],
    ["经信局社保和就业支出多少", "社保和就业支出"],
    ["经信局节能环保支出决算数？", "节能环保支出"],
    ["经信局国有资本经营预算支出有多少", "国有资本经营预算支出"],
    ["东湖高新区管委会里财政局业务经费多少", "财政局业务经费"],
    ["经信局离退休干部服务用车有几辆？", "离退休干部服务用车"],
  ])("takes no item from inside a longer name: %s", (q, topic) => {
    const x = u(q);
    expect(x.items).toEqual([]);
    expect(x.topic).toBe(topic);
  });

  it("maps a typo one character off to the item and keeps the typo in the topic", () => {
    const x = u("东湖高新区管委会公物接待费多少");
    expect(x.items).toEqual([{ key: "reception", phrase: "公物接待费", start: 8, end: 13, via: "fuzzy" }]);
    expect(x.topic).toBe("公物接待费");
  });

  it("never reads a word of its own as a typo of an item's head word (出差费用 is no 出国费用)", () => {
    expect(u("光谷管委会出差费用跟经信局比高出多少").items.map((h) => h.key)).not.toContain("outbound_travel");
  });

  it("separates the item asked about from the items that qualify it", () => {
    const x = u("东西湖商务局2022年政府采购里货物支出多少？");
    expect(x.items.map((h) => h.key)).toEqual(["procurement_goods"]);
    expect(x.context.map((h) => h.key)).toEqual(["procurement_total"]);
    const y = u("东西湖商务局2022年一般公共预算财政拨款项目支出是多少");
    expect(y.items.map((h) => h.key)).toEqual(["project_expenditure"]);
    expect(y.context.map((h) => h.key)).toEqual(["general_budget_revenue"]);
  });

  it("completes a shared head: 购置费和运行费 → 公务用车运行费", () => {
    const x = u("东湖高新区管委会三公经费里公务用车购置费和运行费加起来多少");
    expect(x.items.map((h) => [h.key, h.phrase, h.via])).toEqual([
      ["vehicle_purchase", "公务用车购置费", "name"],
      ["vehicle_operation", "公务用车运行费", "shared_head"],
    ]);
    expect(x.context.map((h) => h.key)).toEqual(["sangong_total"]);
  });

  it("finds a 科目编码 and lets it outrank a bare 支出", () => {
    expect(u("经信局2210201科目支出多少")).toMatchObject({ code: "2210201", items: [] });
    expect(u("经信局30217是什么").code).toBe("30217");
    expect(u("经信局科目编码208的支出").code).toBe("208");
    expect(u("经信局单位价值100万元以上设备有几台").code).toBeNull();
  });

  it.each([
    ["经信局工会经费有多少", "工会经费"],
    ["投促局其他涉外发展服务支出", "其他涉外发展服务支出"],
    ["东湖高新区管委会里财政局业务经费多少", "财政局业务经费"],
    ["经信局超长期特别国债安排的支出（制造业）是多少？", "超长期特别国债安排的支出(制造业)"],
    ["名词解释中“项目支出”是什么意思？（投促局）", "项目支出"],
    ["经信局三公经费为啥比上年多这么多", "三公经费"],
    ["东湖高新区管委会2023年有多少在职人员", "在职人员"],
    ["武汉市投资促进局2024年度部门决算中公务接待费是多少", "公务接待费"],
    ["经信局的三公经费是多少万元", "三公经费"],
    ["经信局的基本支出和项目支出哪个多", "基本支出和项目支出"],
    ["经信局中小企业合同金额", "中小企业合同"],
    ["What did the Wuhan Investment Promotion Bureau spend on official receptions in 2024?", "official receptions"],
  ])("leaves the item phrase as topic: %s → %s", (q, topic) => {
    expect(u(q).topic).toBe(topic);
  });

  it("collects quoted phrases", () => {
    expect(u("“洪山企业之家”平台发布了多少条信息").quoted).toEqual(["洪山企业之家"]);
  });

  it("reads items the same way in a catalog with departments beyond the manifest", () => {
    expect(understandQuestion("普陀区财政局公务接待费多少", undefined, mixedCatalog).items.map((h) => h.key)).toEqual([
      "reception",
    ]);
  });
});
