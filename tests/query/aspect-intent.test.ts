import { describe, expect, it } from "vitest";
import { normalizeText, subjectOf, understandQuestion } from "../../src/query/index.js";
import { DONGHU, JINGXIN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";
import { converse } from "../fixtures/query/converse.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);

describe("understandQuestion: aspect", () => {
  it.each([
    ["经信局三公经费多少", "决算", null, "default"],
    ["2024年经信局节能环保支出决算数？", "决算", null, "explicit"],
    // "决算里说…" names the document, not the measure: a stated quantity (亿元) may answer it.
    ["投促局决算里说，公共资源交易全年完成项目交易总额多少亿元？", "决算", null, "default"],
    ["投促局公务接待费年初预算多少", "预算", null, "explicit"],
    ["投促局公务接待费全年预算是多少", "预算", null, "explicit"],
    ["What is the budget for receptions of the Wuhan Investment Promotion Bureau?", "预算", null, "explicit"],
    ["经信局三公经费完成率", "完成率", null, "explicit"],
    ["经信局三公经费完成了预算的百分之几", "完成率", null, "explicit"],
    ["洪山区企业服务中心其他科学技术管理事务支出为什么没完成年初预算", "完成率", null, "explicit"],
    ["洪山区企业服务中心收支总计比上年减少了多少", "增减", null, "explicit"],
    ["经信局三公经费较上年增加了多少", "增减", null, "explicit"],
    // A budget cut or raise during the year is a change, whatever it changes ("调减了多少预算").
    ["东西湖商务局某咨询项目年中调减了多少预算", "增减", null, "explicit"],
    ["这个项目预算追加了多少", "增减", null, "explicit"],
    ["How did Jingxin reception spending change?", "增减", null, "explicit"],
    ["经信局三公经费增长率", "增长率", null, "explicit"],
    ["经信局三公经费比上年增长了百分之几", "增长率", null, "explicit"],
    ["经信局三公经费降了百分之几", "增长率", null, "explicit"],
    ["卫健那块在普陀社工部一般公共预算财政拨款支出里占几个点", "占比", null, "explicit"],
    ["洪山企服24年三公经费降了多少钱", "增减", null, "explicit"],
    ["投促局实际花的一般公共预算拨款相当于年初预算的百分之几", "完成率", null, "explicit"],
    ["By what percentage did Southwest University's total income grow in 2024 compared with 2023?", "增长率", null, "explicit"],
    ["Compared with 2023, by what percentage did overseas official travel spending of Jingxin rise in 2024?", "增长率", null, "explicit"],
    ["经信局三公经费增幅", "增长率", null, "explicit"],
    ["机关运行经费比年初预算降了百分之几", "增长率", null, "explicit"],
    // An indicator's outcome ("实际完成") is no outturn of money.
    ["经信局新能源车产量实际完成多少", "决算", null, "default"],
    ["经信局三公经费实际支出多少", "决算", null, "explicit"],
    ["经信局基本支出占总支出的比例", "占比", null, "explicit"],
    ["经信局基本支出占比", "占比", null, "explicit"],
    ["经信局基本支出占总支出的百分之几", "占比", null, "explicit"],
    ["经信局离退休干部服务用车有几辆？", "数量", "辆", "explicit"],
    ["投促局2024年因公出国（境）团组有几个？", "数量", "个", "explicit"],
    ["投促局全局党员有多少名", "数量", "名", "explicit"],
    ["“洪山企业之家”平台发布了多少条信息", "数量", "条", "explicit"],
    ["东湖高新区管委会2023年有多少在职人员", "数量", "人", "explicit"],
    ["投促局接待了多少人次", "数量", "人次", "explicit"],
    ["东西湖商务局政府购买服务人员有几个人？", "数量", "人", "explicit"],
    ["东西湖商务局机关运行经费比年初预算省了多少？", "增减", null, "explicit"],
    ["光谷管委会机关运行经费比年初预算省了百分之几？", "增长率", null, "explicit"],
    ["How many overseas delegations did the Wuhan Investment Promotion Bureau send?", "数量", "个", "explicit"],
    ["经信局车辆", "数量", "辆", "item"],
    ["经信局公务接待多少批次", "数量", "批次", "explicit"],
    ["How many official vehicles does the Economy and Information Technology Bureau have?", "数量", "辆", "explicit"],
    ["经信局三公经费较年初预算减少的原因", "完成率", null, "explicit"],
    ["投促局投资促进工作经费项目自评得分", "得分", null, "explicit"],
    ["东湖高新区低空无人机项目绩效为什么扣分", "得分", null, "explicit"],
  ])("%s → %s", (q, value, unit, via) => {
    expect(u(q).aspect).toMatchObject({ value, unit, via });
  });

  it.each([["经信局国有资本经营预算支出有多少"], ["洪山区企业服务中心2024年一般公共预算财政拨款收入多少"], ["经信局政府性基金预算财政拨款"]])(
    "does not read a fund name's 预算 as the budget aspect: %s",
    (q) => {
      expect(u(q).aspect.value).toBe("决算");
    },
  );
});

describe("understandQuestion: intent", () => {
  it.each([
    ["经信局工会经费有多少", "figure"],
    ["东湖高新区管委会委托业务费", "figure"],
    ["What did the Wuhan Investment Promotion Bureau spend on official receptions in 2024?", "figure"],
    ["经信局三公经费为啥比上年多这么多", "explain"],
    ["投促局招商引资专项经费为什么“每年举办招商活动场次”没完成", "explain"],
    ["经信局三公经费增加的原因", "explain"],
    ["Why did Jingxin spend more on receptions?", "explain"],
    // What money was for is explained, not counted.
    ["经信局那一百来万的国有资本经营预算支出是干什么用的？", "explain"],
    ["经信局国有资本经营预算支出用来做什么", "explain"],
    ["普陀社工部那202万的其他社会工作事务支出主要拿去干啥了", "explain"],
    ["名词解释中“项目支出”是什么意思？（投促局）", "define"],
    ["什么是三公经费", "define"],
    ["三公经费包括什么", "define"],
    ["What does project expenditure mean?", "define"],
    ["经信局有哪些项目", "list"],
    ["三公经费包括哪些", "list"],
    ["哪个部门三公经费最多", "rank"],
    ["Which department spent the most on official receptions in 2024?", "rank"],
    ["投促局和经信局的三公经费对比", "compare"],
    ["投促局和经信局的三公经费", "compare"],
    ["经信局2023年和2024年三公经费", "compare"],
    ["经信局比投促局三公经费多多少", "compare"],
    ["经信局政府采购货物和服务加起来一共多少钱？", "sum"],
    ["出国和接待一共多少", "sum"],
    ["What was the total of overseas travel and receptions for the Wuhan Investment Promotion Bureau?", "sum"],
    ["经信局出国和接待分别多少", "figure"],
    ["东西湖区商务局", "unknown"],
    ["你好", "unknown"],
  ])("%s → %s", (q, intent) => {
    expect(u(q).intent).toBe(intent);
  });

  it.each([["跟投促局比多多少？"], ["比投促局多多少"], ["和投促局比少了多少"]])("reads a follow-up comparing with another body as a comparison: %s", (q) => {
    expect(converse(["经信局2024年差旅费多少？", q]).intent).toBe("compare");
  });

  it.each([["经信局三公经费比上年多多少"], ["经信局三公经费比年初预算少了多少"]])("reads a change on the year or the budget as no comparison of bodies: %s", (q) => {
    expect(u(q).intent).not.toBe("compare");
  });

  it("reads 有没有…？花了多少 as a figure that may not exist", () => {
    expect(u("洪山区企业服务中心2024年有没有因公出国？花了多少")).toMatchObject({
      intent: "figure",
      existence: true,
      items: [{ key: "outbound_travel" }],
      topic: "因公出国",
    });
  });

  it("lists one operand per item for a sum", () => {
    expect(u("东湖高新区管委会三公经费里公务用车购置费和运行费加起来多少").operands).toEqual([
      { department: DONGHU, year: 2023, item: "vehicle_purchase", topic: "公务用车购置费" },
      { department: DONGHU, year: 2023, item: "vehicle_operation", topic: "公务用车运行费" },
    ]);
  });

  it("lists one operand per department for a comparison", () => {
    expect(u("投促局和经信局的三公经费对比").operands).toEqual([
      { department: TOUCHU, year: 2024, item: "sangong_total", topic: "三公经费" },
      { department: JINGXIN, year: 2024, item: "sangong_total", topic: "三公经费" },
    ]);
  });

  it("lists one operand per year for a comparison of years", () => {
    expect(u("经信局2023年和2024年三公经费").operands).toEqual([
      { department: JINGXIN, year: 2023, item: "sangong_total", topic: "三公经费" },
      { department: JINGXIN, year: 2024, item: "sangong_total", topic: "三公经费" },
    ]);
  });

  it("ranks every department of the corpus, each in its latest year", () => {
    const ops = u("哪个部门公务接待费最少").operands;
    expect(ops.map((o) => [o.department, o.year, o.item])).toEqual(
      seedCatalog.departments.map((d) => [d.name, d.years.at(-1), "reception"]),
    );
  });

  it("has no operands for a single figure", () => {
    expect(u("经信局三公经费多少").operands).toEqual([]);
  });
});

describe("understandQuestion: aspects read from structure", () => {
  it.each([
    ["投促局基本支出占本年支出多少比列", "占比"],
    ["投促局基本支出占本年支出的多少", "占比"],
    ["投促局基本支出占了多少万元", "决算"],
  ])("%s → %s (占 asking how much is a share, unless money is asked)", (q, aspect) => {
    expect(understandQuestion(q, undefined, seedCatalog).aspect.value).toBe(aspect);
  });

  it("a base year named with nothing else asked is the change against it (跟2021年比呢)", () => {
    const u = converse(["东西湖商务局2022年政府采购支出总额是多少？", "跟2021年比呢？"]);
    expect(u.aspect.value).toBe("增减");
    expect(u.changeBasis).toBe("较上年");
  });
});

describe("understandQuestion: a statement of the document the question cites", () => {
  const q = "经信局说一般公共预算支出“完成年初预算的95.89%”，那它的年初预算到底是多少？";
  it.each([
    ["with its quotes", q, undefined],
    // The engine reads a spelling-corrected, normalised text that has lost its quotes: the quotes are passed beside it.
    ["quotes passed beside a normalised text", normalizeText(q), ["完成年初预算的95.89%"]],
  ])("is no part of what it asks (%s): the 年初预算, not the rate", (_, text, quoted) => {
    const x = understandQuestion(text, undefined, seedCatalog, quoted);
    expect(x.aspect.value).toBe("预算");
    expect(x.aspectQualifier).toBe("年初预算");
    expect(subjectOf(x)).not.toContain("95.89");
  });
  it("keeps a quoted label with a number in it as what is asked", () => {
    const x = u("投促局“实际到资金额5000万美元以上项目个数”完成了几个");
    expect(subjectOf(x)).toContain("5000万美元以上项目个数");
  });
});

describe("understandQuestion: the one aspect a question keeps to", () => {
  it.each([
    ["投促局公务接待费年初预算多少，决算多少？只要决算数", "决算"],
    ["经信局三公经费年初预算多少，决算多少？只看决算", "决算"],
    ["经信局差旅费全年预算是多少，实际支出多少？只想知道决算数", "决算"],
  ])("the aspect after 只要/只看/只想知道 wins: %s → %s", (q, value) => {
    expect(u(q).aspect).toMatchObject({ value, via: "explicit" });
  });
});

describe("understandQuestion: counts asked in two units", () => {
  it.each([
    ["投促局公务接待接待了几批次多少人", "批次", ["人"]],
    ["投促局因公出国去了几个团组多少人次", "个", ["人次"]],
  ])("%s → 数量 in %s, also %j", (q, unit, alsoUnits) => {
    expect(u(q).aspect).toMatchObject({ value: "数量", unit, alsoUnits });
  });

  it("asks no further unit of a count asked once", () => {
    expect(u("经信局公务接待多少批次").aspect.alsoUnits).toBeUndefined();
  });
});

describe("understandQuestion: passages asked in everyday words", () => {
  it.each([
    ["经信局绩效自评发现了啥问题"],
    ["投促局绩效自评问题是啥"],
    ["投促局公务接待费主要是接待谁"],
    ["经信局出国去了哪些国家"],
  ])("%s → explain", (q) => {
    expect(u(q).intent).toBe("explain");
  });
});

describe("understandQuestion: 个 counting people", () => {
  it.each([
    ["西南大学有多少个正高级职称的老师", "人"],
    ["投促局有多少个党员", "人"],
    ["经信局有几个在职人员呢", "人"],
    // The people only say which things are counted: 个 counts the things.
    ["西南大学有几个院士项目", "个"],
    ["西南大学有多少个博士点", "个"],
  ])("%s → 数量 in %s", (q, unit) => {
    expect(u(q).aspect).toMatchObject({ value: "数量", unit });
  });
});
