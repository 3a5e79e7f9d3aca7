import { describe, expect, it } from "vitest";
import { ECONOMIC_CLASSES } from "../../src/facts/index.js";
import { findEnglishClass } from "../../src/query/_classes-en.js";
import { subjectOf, understandQuestion } from "../../src/query/index.js";
import { docsCatalog } from "../fixtures/query/catalogs.js";

const catalog = docsCatalog;
const u = (q: string) => understandQuestion(q, undefined, catalog);

describe("findEnglishClass: every 经济分类 款 and the common 功能分类 款/项", () => {
  // An item's own English names these (因公出国, 公务接待, 公务用车); the rest need a table entry.
  const ITEM_CODES = new Set(["30212", "30217", "30231", "31013"]);
  it("reads a typed English name of every economic class code the facts know", () => {
    const unread = Object.entries(ECONOMIC_CLASSES)
      .filter(([code]) => !ITEM_CODES.has(code))
      .filter(([, zh]) => findEnglishClass(` ${ENGLISH_OF[zh] ?? "(none given)"} `)?.zh !== zh)
      .map(([code, zh]) => `${code} ${zh}`);
    expect(unread).toEqual([]);
  });

  it.each([
    ["administrative operation", "行政运行"],
    ["general administrative affairs", "一般行政管理事务"],
    ["public institution operation", "事业运行"],
    ["housing purchase subsidies", "购房补贴"],
    ["home purchase subsidy", "购房补贴"],
    ["rent subsidies", "提租补贴"],
    ["medical care for administrative units", "行政单位医疗"],
    ["primary education", "小学教育"],
    ["senior high school education", "高中教育"],
    ["education for foreign students studying in china", "来华留学教育"],
    ["laboratories and related facilities", "实验室及相关设施"],
    ["road and waterway transport", "公路水路运输"],
    ["case trials", "案件审判"],
    ["sme development special program", "中小企业发展专项"],
    ["other social work affairs", "其他社会工作事务支出"],
    ["other education", "其他教育支出"],
    ["entrusted business fees", "委托业务费"],
    ["other transportation costs", "其他交通费用"],
    ["taxes and surcharges", "税金及附加费用"],
    ["purchasing office equipment", "办公设备购置"],
  ])("%s → %s", (en, zh) => {
    expect(findEnglishClass(` ${en} `)?.zh).toBe(zh);
  });
});

/** One typed English form per economic class, as a user might write it. */
const ENGLISH_OF: Record<string, string> = {
  工资福利支出: "wages and benefits", 基本工资: "basic salaries", 津贴补贴: "allowances and subsidies", 奖金: "bonuses",
  伙食补助费: "meal allowances", 绩效工资: "performance pay", 机关事业单位基本养老保险缴费: "basic pension insurance contributions",
  职业年金缴费: "occupational annuity contributions", 职工基本医疗保险缴费: "employee basic medical insurance contributions",
  公务员医疗补助缴费: "civil servant medical subsidy contributions", 其他社会保障缴费: "other social security contributions",
  住房公积金: "housing provident fund", 医疗费: "medical expenses", 其他工资福利支出: "other wages and benefits",
  商品和服务支出: "goods and services", 办公费: "office expenses", 印刷费: "printing costs", 咨询费: "consulting fees",
  手续费: "handling fees", 水费: "water bills", 电费: "electricity bills", 邮电费: "postal and telecommunications",
  取暖费: "heating costs", 物业管理费: "property management fees", 差旅费: "travel expenses", "维修(护)费": "repairs and maintenance",
  租赁费: "rental", 会议费: "meetings", 培训费: "training", 专用材料费: "special materials", 被装购置费: "uniform purchases",
  专用燃料费: "special fuel", 劳务费: "labor services", 委托业务费: "commissioned services", 工会经费: "union dues",
  福利费: "welfare expenses", 其他交通费用: "other transportation costs", 税金及附加费用: "taxes and surcharges",
  其他商品和服务支出: "other goods and services", 对个人和家庭的补助: "subsidies to individuals and households",
  离休费: "retirement pay for veteran cadres", 退休费: "retirement pay", "退职(役)费": "severance pay", 抚恤金: "survivor benefits",
  生活补助: "living allowances", 救济费: "relief payments", 医疗费补助: "medical expense subsidies", 助学金: "student grants",
  奖励金: "award money", 个人农业生产补贴: "agricultural production subsidies to individuals",
  代缴社会保险费: "social insurance premiums paid on behalf", 其他对个人和家庭的补助: "other subsidies to individuals and households",
  债务利息及费用支出: "debt interest and expenses", 国内债务付息: "domestic debt interest", 国外债务付息: "foreign debt interest",
  资本性支出: "capital expenditure", 房屋建筑物购建: "purchase and construction of buildings", 办公设备购置: "office equipment",
  专用设备购置: "special equipment", 基础设施建设: "infrastructure construction", 大型修缮: "major repairs",
  信息网络及软件购置更新: "information network and software", 物资储备: "material reserves", 其他交通工具购置: "purchase of other vehicles",
  文物和陈列品购置: "cultural relics and exhibits", 无形资产购置: "intangible assets", 其他资本性支出: "other capital expenditure",
  其他支出: "other expenditure", 国家赔偿费用支出: "state compensation",
  对民间非营利组织和群众性自治组织补贴: "subsidies to non-profit organizations", 经常性赠与: "recurrent donations", 资本性赠与: "capital donations",
};

describe("understandQuestion: English words no table explains stay unaccounted", () => {
  it.each([
    // The class word must not leave the rest of the phrase behind: 小学教育 is not all of 教育支出.
    ["How much did Southwest University spend on tertiary widget education in 2024?", ["widget"]],
    ["How much did Southwest University spend on education canteens in 2024?", ["canteens"]],
    ["What were the Foshan Rail Transit Bureau's cafeteria office expenses in 2019?", ["cafeteria"]],
  ])("%s keeps %j in the subject", (q, words) => {
    const s = subjectOf(u(q));
    for (const w of words) expect(s).toContain(w);
  });

  it.each([
    ["How much education fee income did Southwest University receive in 2024?", "教育收费"],
    ["What was Southwest University's donation income in 2024?", "捐赠"],
    ["What did Southwest University spend on primary education in 2024?", "小学教育"],
    ["What was the administrative operation expenditure of the Social Work Department of the CPC Putuo District Committee in 2024?", "行政运行"],
    ["How much did the Putuo District Social Work Department pay in basic salaries (economic classification 30101) in 2024?", "基本工资"],
    ["How much did the Foshan Municipal Rail Transit Bureau contribute to the housing provident fund in 2019?", "住房公积金"],
    ["How much did the Foshan Rail Transit Bureau spend on basic pension insurance contributions for government and public institutions?", "机关事业单位基本养老保险缴费支出"],
  ])("a glossary phrase outranks a shorter class name, and framing words are read: %s", (q, subject) => {
    expect(subjectOf(u(q)).trim()).toBe(subject);
  });

  it("keeps a qualifier word that belongs to a class name out of the qualifiers", () => {
    expect(subjectOf(u("What did Southwest University spend on education for foreign students studying in China in 2024?")).trim()).toBe("来华留学教育");
    expect(subjectOf(u("What did the Foshan Rail Transit Bureau spend on purchasing office equipment in 2019?")).trim()).toBe("办公设备购置");
  });

  it("reads a phrase after 'under' as a preference, not a requirement", () => {
    const x = u("By 2024, how many fuel-cell vehicles had been promoted cumulatively under the Wuhan Economy and Information Technology Bureau's industrial development fund?");
    expect(x.items).toEqual([]);
    expect(x.preferences).toEqual(["工业发展"]);
    expect(subjectOf(x)).toBe("燃料电池汽车 推广 累计\u0001工业发展");
  });

  it("drops a place word of the department's own region", () => {
    const s = subjectOf(u("How many complete vehicles were imported in Dongxihu District in 2022, according to the Dongxihu District Commerce Bureau?"));
    expect(s).not.toContain("dongxihu");
    expect(s).toContain("整车");
  });
});
