import { describe, expect, it } from "vitest";
import { understandQuestion } from "../../src/query/index.js";
import { DONGHU, HONGSHAN, JINGXIN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";
import { converse } from "../fixtures/query/converse.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);


describe("understandQuestion: changes against a named base year", () => {
  it.each([
    ["洪山企服中心2024年支出合计比2023年多了多少", "增减"],
    ["经信局收入合计与2023年相比高了多少", "增减"],
    ["投促局三公经费比2023年多花了多少", "增减"],
    ["经信局收入合计比2023年少了百分之几", "增长率"],
  ])("%s → %s against the previous year", (q, aspect) => {
    const x = u(q);
    expect(x.aspect.value).toBe(aspect);
    expect(x.changeBasis).toBe("较上年");
    expect(x.year).toMatchObject({ value: 2024, baseYear: 2023 });
  });
});

describe("understandQuestion: a span of years", () => {
  it.each([["经信局收入合计从2023年到2024年变化了百分之几"], ["By what percentage did the Economy and IT Bureau's total income change from 2023 to 2024?"]])(
    "reads the span's first year as the base of a change: %s",
    (q) => {
      const x = u(q);
      expect(x.year).toMatchObject({ value: 2024, baseYear: 2023 });
      expect(x.changeBasis).toBe("较上年");
    },
  );
});

describe("understandQuestion: a budget against the outturn of one item", () => {
  it("compares the budget with the outturn in the order asked", () => {
    const x = u("投促局公务接待费预算比决算多出多少");
    expect(x.intent).toBe("compare");
    expect(x.aspect.value).toBe("增减");
    expect(x.changeBasis).toBeNull();
    expect(x.operands).toEqual([
      { department: TOUCHU, year: 2024, item: "reception", topic: "公务接待费", aspect: "预算" },
      { department: TOUCHU, year: 2024, item: "reception", topic: "公务接待费", aspect: "决算" },
    ]);
  });

  it("keeps the stated change basis when the outturn is compared with the initial budget", () => {
    const x = u("东湖高新区机关运行经费决算比年初预算少了多少");
    expect(x).toMatchObject({ intent: "compare", aspect: { value: "增减" }, changeBasis: "较年初预算" });
    expect(x.operands).toEqual([
      { department: DONGHU, year: 2023, item: "operating_expenses", topic: "机关运行经费", aspect: "决算" },
      { department: DONGHU, year: 2023, item: "operating_expenses", topic: "机关运行经费", aspect: "预算", qualifier: "年初预算" },
    ]);
  });

  it.each([["经信局三公经费全年预算比实际花的多出多少"], ["经信局三公经费年初预算比实际用了的少多少"]])("reads the outturn as people say it: %s", (q) => {
    const x = u(q);
    expect(x).toMatchObject({ intent: "compare", aspect: { value: "增减" } });
    expect(x.operands.map((o) => o.aspect)).toEqual(["预算", "决算"]);
  });

  it("leaves a change against the budget without a named outturn a figure", () => {
    expect(u("东湖高新区机关运行经费比年初预算少了多少")).toMatchObject({
      intent: "figure",
      aspect: { value: "增减" },
      changeBasis: "较年初预算",
      operands: [],
    });
  });
});

describe("understandQuestion: follow-ups that keep the subject", () => {
  it("reads a pointer to the project as the previous topic with the new aspect", () => {
    expect(converse(["经信局中小企业发展专项资金年初预算多少", "该项目的自评分是多少"])).toMatchObject({
      topic: "中小企业发展专项资金",
      topicVia: "conversation",
      aspect: { value: "得分" },
      followUp: true,
    });
    expect(converse(["东湖高新区三公经费是多少", "它的预算执行率呢"])).toMatchObject({
      items: [{ key: "sangong_total" }],
      aspect: { value: "完成率" },
    });
  });

  it("counts the vehicles bought of the thing counted before", () => {
    expect(converse(["东湖高新区公务用车保有量是多少", "2023年购置了几辆"])).toMatchObject({
      department: { names: [DONGHU] },
      year: { kind: "explicit", value: 2023 },
      topic: "购置公务用车",
      aspect: { value: "数量", unit: "辆" },
      items: [],
    });
  });

  it("takes the previous subject as the part of a share that names only the whole", () => {
    expect(converse(["洪山企服中心的基本支出是多少", "占全年总支出的百分比呢"])).toMatchObject({
      department: { names: [HONGSHAN] },
      items: [{ key: "basic_expenditure" }],
      context: [{ key: "expenditure_total" }],
      topic: "基本支出",
      aspect: { value: "占比" },
    });
  });

  it("reads 其中 as a filler before the sub-item", () => {
    expect(converse(["经信局三公经费是多少", "其中公务接待费呢"])).toMatchObject({
      department: { names: [JINGXIN] },
      items: [{ key: "reception" }],
      topic: "公务接待费",
    });
  });
});

describe("understandQuestion: colloquial item words", () => {
  it.each([
    ["东湖高新区政府采购中工程类支出多少", ["procurement_works"]],
    ["洪山企服中心购买公车用了多少钱", ["vehicle_purchase"]],
  ])("%s → %j", (q, keys) => {
    const x = u(q);
    expect(x.items.map((h) => h.key)).toEqual(keys);
    expect(x.aspect.value).toBe("决算");
  });

  it("drops the verb before a noun: 用的培训费 → 培训费", () => {
    expect(u("投促局用的培训费是多少").topic).toBe("培训费");
  });

  it("reads a floor area as a measurement in square metres", () => {
    expect(u("投促局办公用房的面积多大")).toMatchObject({
      topic: "办公用房的面积",
      aspect: { value: "数量", unit: "平方米" },
      intent: "figure",
    });
  });

  it("corrects a class name one character off when no item covers it", () => {
    expect(u("东湖高新区的物业管里费是多少").topic).toBe("物业管理费");
  });

  it("counts in the unit of an item word inside a free phrase", () => {
    expect(u("东西湖商务局出国考察了多少人次")).toMatchObject({
      items: [{ key: "outbound_visits" }],
      aspect: { value: "数量", unit: "人次" },
    });
  });
});

describe("understandQuestion: years", () => {
  it("keeps an undisclosed year inside a fund name and defaults the year", () => {
    expect(u("东湖高新区2021年度人才引进计划专项资金的预算是多少")).toMatchObject({
      year: { kind: "default", value: 2023 },
      topic: "2021年度人才引进计划专项资金",
      aspect: { value: "预算" },
    });
  });

  it.each(["东湖高新区2021年三公经费", "东湖高新区2021年的科技项目资金", "东湖高新区2021年度支出"])(
    "keeps the year before an item or 的: %s",
    (q) => {
      expect(u(q).year).toMatchObject({ kind: "explicit", value: 2021 });
    },
  );

  it("counts a relative year in a later clause from the year stated before it", () => {
    expect(u("东湖高新区“企业走访次数”2023年完成了40次，那上一年呢？").year).toEqual({
      kind: "relative",
      offset: -1,
      base: 2023,
      baseFrom: "question",
      value: 2022,
      phrase: "上一年",
    });
  });

  it("takes the quoted phrase as the subject of a cluttered topic", () => {
    expect(u("东湖高新区“企业走访次数”2023年完成了40次，那上一年呢？").topic).toBe("企业走访次数");
  });
});

describe("understandQuestion: bodies the catalog does not name", () => {
  it.each([
    "市数据中心2024年运维了多少台服务器",
    "某某集团清欠项目退还了多少户",
    "武汉市投资促进中心走访了多少家企业",
    "洪山区信息中心三公经费",
  ])("gives none for a body in the corpus's regions or in none: %s", (q) => {
    expect(u(q).department).toEqual({ kind: "none" });
  });

  it.each([
    ["江夏区企业服务中心三公经费", "江夏区企业服务中心"],
    ["武汉市财政局三公经费", "武汉市财政局"],
    ["广州市投资促进中心三公经费", "广州市投资促进中心"],
  ])("gives unknown for another region or a government department: %s", (q, asked) => {
    expect(u(q).department).toEqual({ kind: "unknown", asked });
  });

  it("ranks with 哪家单位 and keeps the group words out of the topic", () => {
    expect(u("这五家单位里哪家单位的机关运行经费最高")).toMatchObject({
      department: { kind: "none" },
      intent: "rank",
      items: [{ key: "operating_expenses" }],
      topic: "机关运行经费",
    });
  });
});
