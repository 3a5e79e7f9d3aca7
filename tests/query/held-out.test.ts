import { describe, expect, it } from "vitest";
import { resolveYear, subjectOf, understandQuestion } from "../../src/query/index.js";
import { DONGXIHU, JINGXIN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";
import { converse } from "../fixtures/query/converse.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);


describe("understandQuestion: a year as the base of a change", () => {
  it.each([
    ["经信局一般公共预算财政拨款收入为什么比2023年减少了？", 2024, 2023, "explain"],
    ["与2023年相比，经信局三公经费增加了多少", 2024, 2023, "figure"],
    ["经信局三公经费较2023年减少多少", 2024, 2023, "figure"],
    ["经信局三公经费和2023年相比变化了多少", 2024, 2023, "figure"],
  ])("targets the year after the base: %s", (q, value, baseYear, intent) => {
    const x = u(q);
    expect(x.year).toMatchObject({ kind: "explicit", value, values: [value], baseYear });
    expect(x).toMatchObject({ intent, changeBasis: "较上年" });
  });

  it("keeps a named target year and drops the base from the comparison", () => {
    const x = u("东西湖商务局2022年收支总计比2021年增加了多少");
    expect(x.year).toEqual({ kind: "explicit", value: 2022, values: [2022], phrase: "2022年", baseYear: 2021 });
    expect(x).toMatchObject({ intent: "figure", aspect: { value: "增减" }, items: [{ key: "grand_total" }], operands: [] });
  });

  it("reads the year after a base the catalog lacks as relative to the question", () => {
    const x = u("东西湖商务局三公经费比2022年增加了多少");
    expect(x.year).toEqual({ kind: "relative", offset: 1, base: 2022, baseFrom: "question", value: 2023, phrase: "2022年" });
    expect(resolveYear(x, seedCatalog, DONGXIHU)).toBe(2023);
  });

  it("still compares two years joined by 和", () => {
    expect(u("经信局2023年和2024年相比三公经费")).toMatchObject({
      intent: "compare",
      year: { kind: "explicit", values: [2023, 2024] },
    });
  });
});

describe("understandQuestion: rates, shares, scores and budget words", () => {
  it.each([
    ["经信局2024年一般公共预算财政拨款支出比上年下降了百分之多少？", "增长率", "较上年"],
    ["投促局基本支出比上年增长了百分之几", "增长率", "较上年"],
    ["投促局三公经费的降幅是多少", "增长率", null],
    ["东西湖商务局机关运行经费比年初预算减少了多少", "增减", "较年初预算"],
    ["东西湖商务局机关运行经费比预算少了多少", "增减", "较预算"],
  ])("%s → %s against %s", (q, aspect, basis) => {
    expect(u(q)).toMatchObject({ aspect: { value: aspect }, changeBasis: basis });
  });

  it.each([
    ["洪山企服中心科学技术支出占一般公共预算财政拨款支出的比重", [], ["general_budget_expenditure"], "科学技术支出"],
    ["投促局基本支出占支出合计的多大比例", ["basic_expenditure"], ["expenditure_total"], "基本支出"],
  ])("reads X占Y的比重 with X as the item or topic and Y as context: %s", (q, items, context, topic) => {
    const x = u(q);
    expect(x.aspect.value).toBe("占比");
    expect(x.items.map((h) => h.key)).toEqual(items);
    expect(x.context.map((h) => h.key)).toEqual(context);
    expect(x.topic).toBe(topic);
  });

  it.each([
    ["经信局部门整体绩效自评得了多少分", "部门整体绩效自评"],
    ["投促局招商引资专项经费项目自评拿了几分？", "招商引资专项经费项目自评"],
    ["东西湖商务局2022年部门整体绩效自评总分", "部门整体绩效自评"],
  ])("reads a score question: %s", (q, topic) => {
    expect(u(q)).toMatchObject({ aspect: { value: "得分" }, topic });
  });

  it.each([
    ["东湖高新区财政局业务经费年初预算是多少", "预算", "年初预算"],
    ["投促局公务接待费全年预算是多少", "预算", "全年预算"],
    ["经信局三公经费完成年初预算的百分之几", "完成率", "年初预算"],
    ["经信局三公经费调整预算是多少", "预算", "调整预算"],
    ["经信局三公经费预算多少", "预算", null],
  ])("keeps the budget word: %s → %s / %s", (q, aspect, qualifier) => {
    expect(u(q)).toMatchObject({ aspect: { value: aspect }, aspectQualifier: qualifier });
  });
});

describe("understandQuestion: follow-ups that switch the aspect", () => {
  it.each([
    [["东西湖商务局2022年三公经费预算多少？", "实际支出呢？"], DONGXIHU, "sangong_total", "决算"],
    [["投促局公务接待费年初预算多少", "实际花了多少"], TOUCHU, "reception", "决算"],
    [["经信局三公经费多少", "预算呢？"], JINGXIN, "sangong_total", "预算"],
    [["经信局三公经费多少", "完成率呢？"], JINGXIN, "sangong_total", "完成率"],
    [["经信局三公经费多少", "比上年呢？"], JINGXIN, "sangong_total", "增减"],
    [["经信局公务接待费多少", "执行数呢"], JINGXIN, "reception", "决算"],
  ])("%j keeps the item and takes the new aspect", (turns, department, key, aspect) => {
    expect(converse(turns)).toMatchObject({
      department: { kind: "resolved", names: [department], via: "conversation" },
      items: [{ key }],
      aspect: { value: aspect, via: "explicit" },
      followUp: true,
    });
  });

  it("the budget? after an English question", () => {
    expect(converse(["What did the Wuhan Investment Promotion Bureau spend on receptions?", "the budget?"])).toMatchObject({
      items: [{ key: "reception" }],
      aspect: { value: "预算" },
      followUp: true,
    });
  });
});

describe("understandQuestion: counted nouns", () => {
  it.each([
    ["经信局部门决算由本级和几个下属单位组成", ["下属单位"], "个"],
    ["投促局部门决算包含几个下属单位", ["下属单位"], "个"],
    ["洪山区企业服务中心内设了几个机构？", ["内设", "机构"], "个"],
    ["经信局下设几个处室", ["处室"], "个"],
    ["投促局2024年购置了几辆公务用车", ["购置", "公务用车"], "辆"],
    ["东湖高新区新购置了多少辆公务车", ["购置", "公务车"], "辆"],
    ["东西湖商务局平价菜补贴了多少吨菜", ["平价菜补贴"], "吨"],
  ])("%s → the words counted (%j) stay for the linker, counted in %s", (q, words, unit) => {
    const x = u(q);
    expect(x.aspect).toMatchObject({ value: "数量", unit });
    for (const w of words) expect(subjectOf(x)).toContain(w);
  });

  it("reads a purchase counted with nothing named as the thing the conversation counted (2023年新买了几辆)", () => {
    expect(converse(["光谷管委会公务用车保有量多少辆？", "2023年新买了几辆？"])).toMatchObject({ topic: "购置公务用车", aspect: { value: "数量", unit: "辆" } });
  });

  it.each([["东湖高新区公务用车保有量是多少"], ["东湖高新区有几辆公务用车"], ["东湖高新区共有车辆多少辆"], ["经信局有几辆车"]])(
    "reads the vehicles held: %s",
    (q) => {
      expect(u(q)).toMatchObject({ items: [{ key: "vehicles" }], aspect: { value: "数量", unit: "辆" } });
    },
  );

  it("carries a group count to persons of the same family in the next turn", () => {
    expect(converse(["投促局2024年国内公务接待来了几个团组？", "一共多少人次？"])).toMatchObject({
      items: [{ key: "reception_visits" }],
      aspect: { value: "数量", unit: "人次" },
    });
  });
});

describe("understandQuestion: numbers and years inside the question's words", () => {
  it.each([
    ["东湖高新区2023年收支总计为什么增加了1.4亿多", "收支总计", { kind: "explicit", value: 2023, values: [2023] }],
    ["投促局收支总计为什么比2023年增加了7054万元？", "收支总计", { kind: "explicit", value: 2024, values: [2024] }],
    ["经信局三公经费为什么比上年多了20815万元", "三公经费", { kind: "default", value: 2024 }],
    ["经信局三公经费为什么比上年多了两千多万", "三公经费", { kind: "default", value: 2024 }],
  ])("stated amounts are neither topic, year nor code: %s", (q, topic, year) => {
    expect(u(q)).toMatchObject({ intent: "explain", topic, code: null, year });
  });

  it.each([["经信局国有资本经营预算支出主要拿去干啥了"], ["经信局国有资本经营预算支出是干什么用的"], ["经信局国有资本经营预算支出的用途是什么"]])(
    "reads what money was for as the question, not the topic: %s",
    (q) => {
      expect(u(q)).toMatchObject({ intent: "explain" });
      expect(u(q).topic).not.toMatch(/拿去|干啥|干什么|用途/);
    },
  );

  it("reads English months as the period, not subject words (from January to October)", () => {
    expect(subjectOf(u("How many complete vehicles were imported in Dongxihu District from January to October 2022?"))).not.toMatch(/january|october/);
  });

  it.each([
    ["东西湖区2022年1-11月进出口完成多少亿元", "1-11月"],
    ["东西湖区2022年1到10月整车进口多少辆", "1到10月"],
  ])("reads a span of months as the period, not a subject word: %s", (q, months) => {
    expect(subjectOf(u(q))).not.toContain(months);
  });

  it.each([
    ["In the Wuhan Municipal Bureau of Economy and Information Technology's 2024 performance self-assessment, how many new energy vehicles were actually produced, against a target of 250,000?"],
    ["How much foreign direct investment did the Wuhan Investment Promotion Bureau actually achieve against its target of at least 2.5 billion US dollars?"],
  ])("reads an English target named as the yardstick as neither subject nor qualifier: %s", (q) => {
    const s = subjectOf(u(q));
    expect(s).not.toMatch(/目标值|250|2\.5|against|target/);
  });

  it("keeps a year that opens a fund name the department lacks in the topic", () => {
    const x = u("东西湖商务局2021年中央外经贸发展专项资金执行了多少万元");
    expect(x.year).toEqual({ kind: "default", value: 2022 });
    expect(x.topic).toBe("2021年中央外经贸发展专项资金");
  });

  it.each([
    ["东西湖商务局2022年省级外经贸发展专项资金执行了多少", 2022],
    ["经信局2023年三公经费", 2023],
  ])("a year the department covers (or before an item) stays the year: %s", (q, value) => {
    expect(u(q).year).toMatchObject({ kind: "explicit", value });
  });

  it.each([
    ["投促局政务服务工作经费绩效自评发现了什么问题？", "政务服务工作经费绩效自评"],
    ["光谷党校项目绩效自评存在哪些问题", "党校项目绩效自评"],
  ])("reads a self-evaluation's problems as an explanation: %s", (q, topic) => {
    expect(u(q)).toMatchObject({ intent: "explain", topic });
  });

  it("keeps 中 that starts a word: 中央", () => {
    expect(u("东西湖商务局中央外经贸发展专项资金执行了多少").topic).toBe("中央外经贸发展专项资金");
  });
});

describe("understandQuestion: words around the item that are not the item", () => {
  it.each([
    ["哪个部门政府采购支出总额最大", "政府采购支出总额", "procurement_total"],
    ["经信局的公务用车比洪山企服中心多几辆", "公务用车", "vehicles"],
    ["投促局和经信局谁的公务接待费高", "公务接待费", "reception"],
  ])("drops more/most words from the topic: %s", (q, topic, key) => {
    expect(u(q)).toMatchObject({ topic, items: [{ key }] });
  });

  it.each([
    ["经信局节能环保那块为啥只完成了年初预算的26%", "节能环保", "完成率"],
    ["投促局事业单位离退休支出为啥只完成了55%", "事业单位离退休支出", "完成率"],
    ["东西湖商务局聘请招商第三方咨询顾问的钱为什么只花了40%", "聘请招商第三方咨询顾问", "决算"],
  ])("drops pointers, 'only' and stated shares: %s", (q, topic, aspect) => {
    expect(u(q)).toMatchObject({ intent: "explain", topic, aspect: { value: aspect } });
  });

  it("keeps a threshold amount that describes the thing asked about", () => {
    expect(u("投促局单价100万元以上的设备有几台").topic).toContain("100");
  });
});
