import { describe, expect, it } from "vitest";
import { classCode, className, keyStrength, quantityKey } from "../../src/facts/index.js";

describe("quantityKey", () => {
  it("keys an item the same wherever it is stated", () => {
    const table09 = quantityKey({ doc: "d", item: "reception", code: null, subject: "公务接待费", measure: "决算" });
    const table06 = quantityKey({ doc: "d", item: "reception", code: "30217", side: "支出", subject: "公务接待费", measure: "决算" });
    const narrative = quantityKey({ doc: "d", item: "reception", code: null, subject: "公务接待费", measure: "决算", facet: "" });
    expect(new Set([table09, table06, narrative]).size).toBe(1);
    expect(keyStrength(table09)).toBe("item");
  });

  it("keys by 科目编码 and side when no item applies", () => {
    const spent = quantityKey({ doc: "d", item: null, code: "2080801", side: "支出", subject: "死亡抚恤", measure: "决算" });
    const income = quantityKey({ doc: "d", item: null, code: "2080801", side: "收入", subject: "死亡抚恤", measure: "决算" });
    expect(spent).toBe("d|code:支出:2080801|决算|");
    expect(income).not.toBe(spent);
    expect(keyStrength(spent)).toBe("code");
  });

  it("falls back to the normalised subject and keeps measure and facet apart", () => {
    const a = quantityKey({ doc: "d", item: null, code: null, subject: "财政局业务经费", measure: "决算" });
    expect(a).toBe("d|name:财政局业务经费|决算|");
    expect(quantityKey({ doc: "d", item: null, code: null, subject: "财政局业务经费", measure: "预算" })).not.toBe(a);
    expect(keyStrength(a)).toBe("name");
  });
});

describe("classCode", () => {
  it.each([
    ["社会保障和就业支出", "208"],
    ["八、社会保障和就业支出", "208"],
    ["一般公共服务(类)支出", "201"],
    ["卫生健康支出类支出", "210"],
    ["一般公共服务", "201"],
    ["资源勘探工业信息等支出", "215"],
    ["灾害防治及应急管理支出", "224"],
    ["死亡抚恤", null],
  ])("%s → %s", (name, code) => {
    expect(classCode(name)).toBe(code);
  });

  it("names a code's 类", () => {
    expect(className("2080801")).toBe("社会保障和就业支出");
  });
});
