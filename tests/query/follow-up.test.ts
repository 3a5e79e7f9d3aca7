import { describe, expect, it } from "vitest";
import { EMPTY_CONVERSATION } from "../../src/answer/types.js";
import { nextState, subjectOf, understandQuestion } from "../../src/query/index.js";
import { DONGXIHU, JINGXIN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";
import { replacedBySibling } from "../../src/query/_subject.js";
import { converse } from "../fixtures/query/converse.js";


describe("understandQuestion: follow-ups", () => {
  it("那公务用车呢？ keeps department, year and aspect and takes the new item", () => {
    const u = converse(["投促局公务接待费2024年年初预算多少", "那公务用车呢？"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [TOUCHU], via: "conversation" },
      year: { kind: "conversation", value: 2024 },
      items: [{ key: "vehicle_total" }],
      topic: "公务用车",
      topicVia: "question",
      aspect: { value: "预算", via: "conversation" },
      followUp: true,
    });
  });

  it("去年呢？ keeps department and topic and goes one year back", () => {
    const u = converse(["投促局2024年三公经费多少", "去年呢？"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [TOUCHU], via: "conversation" },
      year: { kind: "relative", offset: -1, base: 2024, value: 2023 },
      items: [{ key: "sangong_total", via: "conversation" }],
      topic: "三公经费",
      topicVia: "conversation",
      followUp: true,
    });
  });

  it("去了几个团组？ after 因公出国 counts within the conversation's item family", () => {
    const abroad = converse(["经信局2024年因公出国花了多少钱？", "去了几个团组？"]);
    expect(abroad.items.map((h) => h.key)).toEqual(["outbound_groups"]);
    // The linker reads words: the conversation's are carried as a preference.
    expect(subjectOf(abroad).split("\u0001")[1]).toContain("因公出国");
    expect(converse(["经信局2024年公务接待费多少？", "来了几个团组？"]).items.map((h) => h.key)).toEqual(["reception_groups"]);
  });

  it("a follow-up whose only words frame it (那实际完成了…百分之多少) keeps the conversation's subject", () => {
    const u = converse(["东西湖商务局2022年一般公共预算财政拨款支出年初预算是多少？", "那实际完成了年初预算的百分之多少？"]);
    expect(u).toMatchObject({ topicVia: "conversation", aspect: { value: "完成率" } });
  });

  it("累计多少人次？ after 出国团组 counts persons of the same family", () => {
    const u = converse(["投促局2024年因公出国（境）团组有几个？", "累计多少人次？"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [TOUCHU], via: "conversation" },
      year: { kind: "conversation", value: 2024 },
      items: [{ key: "outbound_visits" }],
      topic: "因公出国(境)团组",
      aspect: { value: "数量", unit: "人次", via: "explicit" },
      followUp: true,
    });
  });

  it("那服务呢？ after 政府采购货物 asks for services", () => {
    const u = converse(["东西湖商务局2022年政府采购里货物支出多少？", "那服务呢？"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [DONGXIHU], via: "conversation" },
      year: { kind: "conversation", value: 2022 },
      items: [{ key: "procurement_services" }],
      followUp: true,
    });
  });

  it("那出国呢？ keeps counting in the previous unit", () => {
    const u = converse(["投促局接待了几个团组", "那出国呢？"]);
    expect(u).toMatchObject({ items: [{ key: "outbound_groups" }], aspect: { value: "数量", unit: "个" } });
  });

  it("经信局呢？ switches department and keeps the topic", () => {
    const u = converse(["投促局公务接待费多少", "经信局呢？"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [JINGXIN], via: "explicit" },
      year: { kind: "conversation", value: 2024 },
      items: [{ key: "reception", via: "conversation" }],
      topic: "公务接待费",
      followUp: true,
    });
  });

  it("为什么？ explains the previous topic", () => {
    expect(converse(["经信局三公经费多少", "为什么？"])).toMatchObject({ intent: "explain", topic: "三公经费", followUp: true });
  });

  it("reads an unregioned unit mid-conversation as part of the topic", () => {
    expect(converse(["经信局三公经费多少", "信息中心三公经费多少"])).toMatchObject({
      department: { kind: "resolved", names: [JINGXIN], via: "conversation" },
      topic: "信息中心三公经费",
    });
    // Without a region it may be a unit inside a covered department: the facts decide.
    expect(understandQuestion("信息中心三公经费多少", undefined, seedCatalog).department).toEqual({ kind: "none" });
  });

  it("still refuses another region's bureau mid-conversation", () => {
    expect(converse(["经信局三公经费多少", "武汉市商务局呢"])).toMatchObject({
      department: { kind: "unknown", asked: "武汉市商务局" },
      topic: "三公经费",
    });
  });

  it("a complete new question is no follow-up", () => {
    const u = converse(["投促局三公经费多少", "东西湖区商务局2022年机关运行经费支出多少"]);
    expect(u).toMatchObject({
      department: { kind: "resolved", names: [DONGXIHU], via: "explicit" },
      year: { kind: "explicit", value: 2022 },
      followUp: false,
    });
  });

  it("without a conversation a question lacking a department names none", () => {
    expect(understandQuestion("那公务用车呢？", EMPTY_CONVERSATION, seedCatalog)).toMatchObject({
      department: { kind: "none" },
      followUp: false,
    });
  });

  it("English follow-ups keep the conversation", () => {
    const u = converse(["How much did the Wuhan Economic and Information Technology Bureau spend on vehicles?", "And receptions?"]);
    expect(u).toMatchObject({
      lang: "en",
      department: { kind: "resolved", names: [JINGXIN], via: "conversation" },
      items: [{ key: "reception" }],
      followUp: true,
    });
    expect(converse(["经信局三公经费多少", "What about 2023?"])).toMatchObject({
      lang: "en",
      year: { kind: "explicit", value: 2023 },
      topic: "三公经费",
      followUp: true,
    });
  });
});

describe("nextState", () => {
  it("records department, year, topic, aspect, subject words and language", () => {
    const u = understandQuestion("投促局2024年因公出国（境）团组有几个？", undefined, seedCatalog);
    expect(nextState(u)).toEqual({
      department: TOUCHU,
      year: 2024,
      topic: "因公出国(境)团组",
      aspect: "数量",
      aspectUnit: "个",
      subject: "因公出国(境)团组有几个?",
      lang: "zh",
    });
  });

  it("prefers what the answer settled on", () => {
    const u = understandQuestion("三公经费多少", undefined, seedCatalog);
    expect(nextState(u, { department: JINGXIN, year: 2024 })).toMatchObject({ department: JINGXIN, year: 2024 });
  });

  it("forgets an unknown department but keeps the topic for the next turn", () => {
    const first = understandQuestion("武汉市商务局三公经费", undefined, seedCatalog);
    const s = nextState(first);
    expect(s).toMatchObject({ department: null, topic: "三公经费" });
    expect(understandQuestion("经信局呢", s, seedCatalog)).toMatchObject({
      department: { kind: "resolved", names: [JINGXIN] },
      items: [{ key: "sangong_total" }],
    });
  });

  it("keeps the previous department across a question that names none and has no use for one", () => {
    const first = understandQuestion("经信局三公经费多少", undefined, seedCatalog);
    const rank = understandQuestion("哪个部门三公经费最多", nextState(first), seedCatalog);
    expect(rank.department).toEqual({ kind: "none" });
    expect(nextState(rank).department).toBe(JINGXIN);
  });
});

describe("subjectOf: a bare follow-up keeps the previous question's other words", () => {
  it.each([
    [["经信局财政拨款支出中住房公积金是多少？", "那购房补贴呢？"], "财政拨款支出中"],
    [["投促局基本支出里劳务费是多少？", "委托业务费呢？"], "基本支出里"],
  ])("%j carries %s, as a preference (after \\u0001)", (turns, kept) => {
    const s = subjectOf(converse(turns));
    const [own, carried] = s.split("\u0001");
    expect(carried).toContain(kept);
    expect(own).not.toContain(kept);
  });

  it("a follow-up that says more than an item carries nothing", () => {
    expect(subjectOf(converse(["经信局财政拨款支出中住房公积金是多少？", "那购房补贴的年初预算是多少？"]))).not.toContain("\u0001");
  });
});

describe("subjectOf: a sibling follow-up replaces the old item's own words", () => {
  it.each([
    ["公务用车购置费", "运行费", "购置"],
    ["一般公共预算财政拨款支出", "基本支出", "拨款"],
    // No sibling: nothing of the old item stands where the new one's own words would.
    ["社会保障和就业支出", "财政拨款支出", null],
    ["住房公积金", "购房补贴", null], // no shared ending
    ["因公出国费", "公务接待费", null], // the old item's head is too short
    // No head before the replaced words: all of them before the shared ending.
    ["项目支出", "基本支出", "项目"],
    ["基本工资", "绩效工资", "基本"],
    // A run across a particle is no word of the old item ("出里劳" of 基本支出里劳务费).
    ["基本支出里劳务费", "委托业务费", null],
    ["基本支出中劳务费", "委托业务费", null],
  ])("replacedBySibling(%s, %s) → %s", (old, next, want) => {
    expect(replacedBySibling(old, next)).toBe(want);
  });

  it("那运行费呢 after 公务用车购置费 carries 公务用车 without 购置", () => {
    const [own, carried = ""] = subjectOf(converse(["经信局公务用车购置费花了多少", "那运行费呢"])).split("\u0001");
    expect(own).toContain("运行费");
    expect(carried).toContain("公务用车");
    expect(carried).not.toContain("购置");
  });

  it("其中… asks a part of the old item and replaces none of its words", () => {
    const [, carried = ""] = subjectOf(converse(["经信局一般公共预算财政拨款支出多少", "其中基本支出呢"])).split("\u0001");
    expect(carried.replace(/\s/g, "")).toContain("一般公共预算财政拨款支出一般公共预算财政拨款支出多少");
  });
});

describe("subjectOf: a count of what is held", () => {
  it.each([
    ["洪山企服中心有几辆公务用车", true],
    ["经信局现有多少辆公务用车", true],
    ["经信局新买了几辆公务用车", false],
    ["经信局公务用车购置费多少", false],
  ])("%s prefers 保有: %s", (q, held) => {
    const s = subjectOf(understandQuestion(q, undefined, seedCatalog));
    expect((s.split("\u0001")[1] ?? "").includes("保有")).toBe(held);
  });
});

describe("subjectOf: a year before 年末/年底/年初", () => {
  it.each([
    ["经信局2024年末结转结余是多少", "年末结转结余"],
    ["经信局2024年底结转和结余多少", "年底结转和结余"],
    ["经信局2024年初结转和结余多少", "年初结转和结余"],
  ])("%s reads the year and keeps %s as the row's words", (q, kept) => {
    const x = understandQuestion(q, undefined, seedCatalog);
    expect(x.year).toMatchObject({ kind: "explicit", value: 2024 });
    const s = subjectOf(x);
    expect(s).toContain(kept);
    expect(s).not.toContain("2024");
  });
});
