import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../src/answer/types.js";
import { resolveYear, understandQuestion } from "../../src/query/index.js";
import { DONGXIHU, JINGXIN, PUTUO, mixedCatalog, seedCatalog } from "../fixtures/query/catalogs.js";

const year = (q: string, state?: ConversationState) => understandQuestion(q, state, seedCatalog).year;

const state = (over: Partial<ConversationState>): ConversationState => ({
  department: JINGXIN,
  year: 2024,
  topic: "三公经费",
  aspect: "决算",
  lang: "zh",
  ...over,
});

describe("understandQuestion: year", () => {
  it.each([
    ["经信局2024年三公经费", 2024, "2024年"],
    ["2024经信局三公经费", 2024, "2024"],
    ["经信局2023年度三公经费", 2023, "2023年度"],
    ["经信局 2024 年 三公经费", 2024, "2024年"],
    ["经信局24年三公经费", 2024, "24年"],
    ["经信局二〇二四年三公经费", 2024, "二〇二四年"],
    ["经信局二零二三年度三公经费", 2023, "二零二三年度"],
    ["Jingxin receptions in 2024", 2024, "in 2024"],
  ])("reads an explicit year in %s", (q, value, phrase) => {
    expect(year(q)).toEqual({ kind: "explicit", value, values: [value], phrase });
  });

  it("keeps every year named, in order", () => {
    expect(year("经信局2023年和2024年三公经费对比")).toEqual({
      kind: "explicit",
      value: 2023,
      values: [2023, 2024],
      phrase: "2023年",
    });
  });

  it.each([
    ["按经信局2024年决算说明，2023年三公经费是多少", 2023, "2023年"],
    ["经信局2024年的部门决算里，2023年度三公经费多少", 2023, "2023年度"],
  ])("reads the year asked, not the year of the document named as where to read it: %s", (q, value, phrase) => {
    expect(year(q)).toMatchObject({ value, phrase });
  });

  it("keeps a document's year when it is the only one named", () => {
    expect(year("经信局2024年决算里三公经费多少")).toMatchObject({ kind: "explicit", value: 2024 });
  });

  it.each([
    ["经信局2210201科目支出"],
    ["经信局单位价值100万元以上设备有几台"],
    ["经信局30217是什么"],
  ])("reads no year from codes or amounts: %s", (q) => {
    expect(year(q)).toEqual({ kind: "default", value: 2024 });
  });

  it.each([
    ["经信局去年三公经费", -1, "去年", 2023],
    ["经信局上年三公经费", -1, "上年", 2023],
    ["经信局上一年的三公经费", -1, "上一年", 2023],
    ["经信局前年的三公经费", -2, "前年", 2022],
    ["经信局今年三公经费", 0, "今年", 2024],
    ["What did Jingxin spend last year", -1, "last year", null],
  ])("reads a relative year in %s against the department's latest year", (q, offset, phrase, value) => {
    const y = understandQuestion(q, undefined, seedCatalog).year;
    if (value === null) expect(y).toMatchObject({ kind: "relative", offset, phrase });
    else expect(y).toEqual({ kind: "relative", offset, base: 2024, baseFrom: "latest", value, phrase });
  });

  it.each([["经信局三公经费比上年增加多少"], ["经信局三公经费较上年减少了多少"], ["经信局上年结转多少"], ["经信局三公经费比去年多多少"]])(
    "does not read a year-on-year comparison or 上年结转 as a relative year: %s",
    (q) => {
      expect(year(q).kind).toBe("default");
    },
  );

  it("applies 去年 to the conversation's year", () => {
    expect(year("去年呢？", state({ year: 2024 }))).toEqual({
      kind: "relative",
      offset: -1,
      base: 2024,
      baseFrom: "conversation",
      value: 2023,
      phrase: "去年",
    });
  });

  it.each([
    ["经信局三公经费多少", JINGXIN, 2024],
    ["东西湖区商务局三公经费多少", DONGXIHU, 2022],
  ])("defaults to the department's latest year: %s", (q, _d, value) => {
    expect(year(q)).toEqual({ kind: "default", value });
  });

  it("defaults per department in a mixed corpus", () => {
    expect(understandQuestion("普陀区财政局三公经费", undefined, mixedCatalog).year).toEqual({ kind: "default", value: 2023 });
    expect(understandQuestion("三公经费是什么", undefined, mixedCatalog).year).toEqual({ kind: "default", value: 2024 });
  });

  it("keeps the conversation's year for the same department", () => {
    expect(year("经信局工会经费呢", state({ year: 2024 }))).toEqual({ kind: "conversation", value: 2024 });
    expect(year("公务接待费呢", state({ year: 2024 }))).toEqual({ kind: "conversation", value: 2024 });
  });

  it("does not carry a year to a department that lacks it", () => {
    expect(year("那经信局呢？", state({ department: DONGXIHU, year: 2022 }))).toEqual({ kind: "default", value: 2024 });
  });
});

describe("understandQuestion: a year inside a quoted name", () => {
  it("is part of the name, not the year asked (“2021年促进消费升级（…）市级奖励资金”)", () => {
    expect(year("东西湖商务局项目自评表里，“2021年促进消费升级（支持商贸企业做大做强）市级奖励资金”的预算数是多少元？").kind).toBe("default");
  });
  it("is part of a fund name with an aside in brackets, beside the year asked", () => {
    expect(year("东西湖商务局2022年度项目自评表里，2021年促进消费升级（支持商贸企业做大做强）市级奖励资金执行数是多少元？")).toMatchObject({ kind: "explicit", value: 2022, values: [2022] });
  });
  it.each([
    ["经信局《2024年整体支出绩效自评表》里的年度总体目标完成了吗", 2024, "2024年"],
    ["东西湖商务局《2022年部门决算公开》里差旅费多少", 2022, "2022年"],
    ["经信局“2024年部门整体支出绩效自评报告”中自评得分多少", 2024, "2024年"],
    ["东西湖商务局《2022年度单位决算》中三公经费多少", 2022, "2022年度"],
  ])("inside a quoted document or table title is the year asked: %s", (q, value, phrase) => {
    expect(year(q)).toEqual({ kind: "explicit", value, values: [value], phrase });
  });
  it("still reads a year outside the quotes", () => {
    expect(year("东西湖商务局2022年“促进消费升级奖励资金”的预算数是多少元？")).toMatchObject({ kind: "explicit", value: 2022 });
  });
});

describe("resolveYear", () => {
  it.each([
    ["经信局2023年三公经费", JINGXIN, 2023],
    ["经信局去年三公经费", JINGXIN, 2023],
    ["三公经费多少", PUTUO, 2023],
    ["去年三公经费多少", PUTUO, 2022],
  ])("resolves %s for %s", (q, department, expected) => {
    const u = understandQuestion(q, undefined, mixedCatalog);
    expect(resolveYear(u, mixedCatalog, department)).toBe(expected);
  });
});
