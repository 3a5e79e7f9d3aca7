import { describe, expect, it } from "vitest";
import { understandQuestion } from "../../src/query/index.js";
import { DONGHU, DONGXIHU, HONGSHAN, JINGXIN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);

describe("understandQuestion: each department with the year named beside it", () => {
  it.each([
    ["东西湖商务局2022年的差旅费比经信局2024年的差旅费多多少", [DONGXIHU, 2022], [JINGXIN, 2024]],
    ["经信局2024年的差旅费比东西湖商务局2022年的多多少", [JINGXIN, 2024], [DONGXIHU, 2022]],
  ] as const)("%s", (q, a, b) => {
    const x = u(q);
    expect(x.intent).toBe("compare");
    expect(x.operands.map((o) => [o.department, o.year])).toEqual([a, b]);
  });
});

describe("understandQuestion: levels of government before one name", () => {
  it.each([
    ["东西湖商务局中央和省级外经贸发展专项资金加起来一共多少", ["中央外经贸发展专项资金", "省级外经贸发展专项资金"]],
    ["东西湖商务局2021年中央和省级外经贸发展专项资金加起来一共多少", ["2021年中央外经贸发展专项资金", "2021年省级外经贸发展专项资金"]],
  ])("%s → one name at each level", (q, topics) => {
    const x = u(q);
    expect(x.intent).toBe("sum");
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
  });
});

describe("understandQuestion: operands in everyday words", () => {
  it.each([
    ["投促局出差加开会一共花了多少", "sum", ["出差", "开会"]],
    ["光谷管委会租房子的钱比物业费多多少", "compare", ["租房子", "物业费"]],
  ])("%s → %s of %j", (q, intent, topics) => {
    const x = u(q);
    expect(x.intent).toBe(intent);
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
  });
});

describe("understandQuestion: sums named in one word or typed back to back", () => {
  it.each([
    ["投促局水电费一共多少", ["水费", "电费"]],
    ["投促局水电费", ["水费", "电费"]],
  ])("%s", (q, topics) => {
    const x = u(q);
    expect(x.intent).toBe("sum");
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
  });

  it.each([["投促局1费电费加起来多少"], ["费费电费一共多少"], ["投促局(费)电费一共多少"]])("reads odd runs of 费 without failing: %s", (q) => {
    const catalog = { ...seedCatalog, vocabulary: new Set(["水费", "电费"]) };
    expect(() => understandQuestion(q, undefined, catalog)).not.toThrow();
  });

  it("splits two names of the documents typed back to back when a sum is asked", () => {
    const catalog = { ...seedCatalog, vocabulary: new Set(["水费", "电费"]) };
    const x = understandQuestion("投促局水费电费加起来一年多少钱", undefined, catalog);
    expect(x.intent).toBe("sum");
    expect(x.operands.map((o) => o.topic)).toEqual(["水费", "电费"]);
  });
});

describe("understandQuestion: operands of one phrase", () => {
  it.each([
    ["经信局因公出国费比公务接待费多多少", JINGXIN, 2024, ["outbound_travel", "因公出国费"], ["reception", "公务接待费"]],
    ["投促局公务接待费比因公出国费少多少", TOUCHU, 2024, ["reception", "公务接待费"], ["outbound_travel", "因公出国费"]],
  ] as const)("reads A比B多多少 as a comparison of two items: %s", (q, department, year, a, b) => {
    const x = u(q);
    expect(x.intent).toBe("compare");
    expect(x.items.map((h) => h.key)).toEqual([a[0], b[0]]);
    expect(x.operands).toEqual([
      { department, year, item: a[0], topic: a[1] },
      { department, year, item: b[0], topic: b[1] },
    ]);
  });

  it.each([
    ["经信局行政单位医疗和事业单位医疗加起来一共多少钱", JINGXIN, 2024, ["行政单位医疗", "事业单位医疗"]],
    ["投促局提租补贴和购房补贴一共多少", TOUCHU, 2024, ["提租补贴", "购房补贴"]],
    ["洪山企服中心住房公积金与提租补贴合计多少", HONGSHAN, 2024, ["住房公积金", "提租补贴"]],
    ["经信局差旅费加上培训费一共多少", JINGXIN, 2024, ["差旅费", "培训费"]],
  ] as const)("sums phrases no item covers as topic operands: %s", (q, department, year, topics) => {
    const x = u(q);
    expect(x.intent).toBe("sum");
    expect(x.items).toEqual([]);
    expect(x.operands).toEqual(topics.map((topic) => ({ department, year, topic })));
  });

  it("keeps an item word at the head of a part as the operands' qualifier", () => {
    const x = u("东湖高新区因公出国住宿费和伙食费加起来多少");
    expect(x.intent).toBe("sum");
    expect(x.context.map((h) => h.key)).toEqual(["outbound_travel"]);
    expect(x.operands).toEqual([
      { department: DONGHU, year: 2023, topic: "住宿费" },
      { department: DONGHU, year: 2023, topic: "伙食费" },
    ]);
  });

  it.each([
    ["洪山区企业服务中心其他商品和服务支出一共多少", "其他商品和服务支出"],
    ["经信局社保和就业支出加起来多少", "社保和就业支出"],
  ])("does not split a name that only one part completes: %s", (q, topic) => {
    const x = u(q);
    expect(x).toMatchObject({ intent: "figure", items: [], topic, operands: [] });
  });

  it("asks for each part separately under 分别, not for their sum", () => {
    expect(u("投促局提租补贴和购房补贴分别是多少")).toMatchObject({ intent: "figure", operands: [] });
  });
});

describe("understandQuestion: two departments on one item", () => {
  it("reads 投促局的X比经信局少多少 with X extended by 总额", () => {
    const x = u("投促局的政府采购总额比经信局少多少");
    expect(x.intent).toBe("compare");
    expect(x.topic).toBe("政府采购总额");
    expect(x.operands).toEqual([
      { department: TOUCHU, year: 2024, item: "procurement_total", topic: "政府采购总额" },
      { department: JINGXIN, year: 2024, item: "procurement_total", topic: "政府采购总额" },
    ]);
  });

  it("reads A和B哪个X多 without the 多 in the topic", () => {
    const x = u("经信局和投促局哪个三公经费多");
    expect(x).toMatchObject({ intent: "compare", topic: "三公经费", items: [{ key: "sangong_total" }] });
    expect(x.operands.map((o) => o.department)).toEqual([JINGXIN, TOUCHU]);
  });
});

describe("understandQuestion: rankings", () => {
  it.each([
    ["这几个部门里哪个的三公经费最多？是多少？", "sangong_total", "决算", null, "三公经费"],
    ["这几家单位中哪个公务接待费最少", "reception", "决算", null, "公务接待费"],
    ["哪个单位开支财政拨款的公务用车保有量最多", "vehicles", "数量", "辆", "开支财政拨款的公务用车保有量"],
    ["哪个部门的公务用车保有量最少", "vehicles", "数量", "辆", "公务用车保有量"],
  ])("%s → rank of %s (%s %s)", (q, key, aspect, unit, topic) => {
    const x = u(q);
    expect(x).toMatchObject({ intent: "rank", items: [{ key }], aspect: { value: aspect, unit }, topic });
    expect(x.operands).toHaveLength(seedCatalog.departments.length);
  });
});

describe("understandQuestion: parts that are no amount of their own", () => {
  it("joins a part to the next until it ends in an amount noun", () => {
    expect(u("投促局工资福利支出和对个人和家庭的补助加起来多少")).toMatchObject({
      intent: "sum",
      items: [],
      operands: [
        { department: TOUCHU, year: 2024, topic: "工资福利支出" },
        { department: TOUCHU, year: 2024, topic: "个人和家庭的补助" },
      ],
    });
  });

  it.each([["这五个部门中谁的公务接待费最少"], ["5个部门里哪个公务接待费最多"]])("names the field of a ranking, no count: %s", (q) => {
    expect(u(q)).toMatchObject({ intent: "rank", topic: "公务接待费", items: [{ key: "reception" }], aspect: { value: "决算" } });
  });
});

describe("understandQuestion: operands named in the documents' own labels", () => {
  const withLabels = { ...seedCatalog, vocabulary: new Set(["先进制造业发展专项", "数字经济发展计划", "其他商业流通事务支出"]) };
  it.each([
    ["经信局2024年先进制造业发展专项比数字经济发展计划多花了多少万元？", ["先进制造业发展专项", "数字经济发展计划"]],
    ["经信局数字经济发展计划比先进制造业发展专项少多少", ["数字经济发展计划", "先进制造业发展专项"]],
  ] as const)("a phrase that is a label is an amount, whatever word it ends in: %s", (q, topics) => {
    const x = understandQuestion(q, undefined, withLabels);
    expect(x.intent).toBe("compare");
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
  });
  it("without the labels such a phrase stays one name", () => {
    expect(u("经信局2024年先进制造业发展专项比数字经济发展计划多花了多少万元？").operands).toEqual([]);
  });
});

describe("understandQuestion: a side named alone after X的收入 is X's", () => {
  it.each([
    ["经信局超长期特别国债安排的收入比支出多多少", ["超长期特别国债安排的收入", "超长期特别国债安排的支出"]],
  ] as const)("%s → %j", (q, topics) => {
    const x = understandQuestion(q, undefined, seedCatalog);
    expect(x.intent).toBe("compare");
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
    expect(x.operands.every((o) => o.item === undefined)).toBe(true);
  });
});

describe("understandQuestion: what A和B的X says after its 的 is said of both", () => {
  const withLabels = { ...seedCatalog, vocabulary: new Set(["小学教育", "高中教育", "初中教育", "财政拨款支出"]) };
  it.each([
    ["经信局小学教育和高中教育的财政拨款支出一共多少", ["小学教育的财政拨款支出", "高中教育的财政拨款支出"]],
    ["投促局小学教育和初中教育的财政拨款支出加起来多少", ["小学教育的财政拨款支出", "初中教育的财政拨款支出"]],
    ["经信局差旅费和会议费的财政拨款支出加起来多少", ["差旅费的财政拨款支出", "会议费的财政拨款支出"]],
    // Nothing after a 的: each part as said.
    ["经信局小学教育和高中教育一共多少", ["小学教育", "高中教育"]],
    // A 的 inside the last part's own name is no column said of all: 对个人和家庭的补助 is one name.
    ["经信局工资福利支出和对个人和家庭的补助一共多少", ["工资福利支出", "个人和家庭的补助"]],
  ] as const)("%s → %j", (q, topics) => {
    const x = understandQuestion(q, undefined, withLabels);
    expect(x.intent).toBe("sum");
    expect(x.operands.map((o) => o.topic)).toEqual(topics);
  });
});
