import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { factsFromCorpus } from "../../src/facts/from-corpus.js";
import type { Fact } from "../../src/facts/index.js";

// The five seed disclosures end to end: parse → extract → verify.
const config = loadConfig({ JUESUAN_CORPUS: "corpus", JUESUAN_INDEX: "/nonexistent-index" });
if (!config.ok) throw new Error("config");
const { store } = factsFromCorpus(config.value);
const of = (doc: string): Fact[] => store.facts.filter((f) => f.doc === doc);

describe("facts of the seed corpus", () => {
  it("verifies 经信局 公务接待费 决算 3.87 from 公开09表, 公开06表 30217 and the narrative", () => {
    const reception = of("2024-wuhan-jingxinju").filter((f) => f.item === "reception" && f.measure === "决算" && f.value === "3.87");
    const table09 = reception.find((f) => f.source.line === 440);
    expect(table09?.status).toBe("verified");
    const confirmedBy = new Set(table09?.evidence.filter((e) => e.kind === "agreement").flatMap((e) => e.facts));
    const lines = reception.filter((f) => confirmedBy.has(f.id)).map((f) => f.source.line).sort();
    expect(lines).toEqual([379, 586]);
    expect(reception.find((f) => f.source.line === 379)?.code).toBe("30217");
  });

  it("repairs 经信局 2.432.62 and 16.179.00 with evidence", () => {
    const facts = of("2024-wuhan-jingxinju");
    for (const [raw, value] of [["2.432.62", "2432.62"], ["16.179.00", "16179.00"]] as const) {
      const f = facts.find((x) => x.repairedFrom === raw);
      expect(f).toMatchObject({ value, status: "repaired" });
      expect(f?.evidence.some((e) => e.kind === "repair")).toBe(true);
    }
  });

  it.each([
    ["grand_total", "决算", "12232.34", 56],
    ["revenue_total", "决算", "12069.93", 73],
    ["operating_expenses", "决算", "80.82", 371],
    ["procurement_goods", "决算", "1.34", 380],
    ["procurement_services", "决算", "164.43", 382],
  ])("reads 东西湖区商务局 2022 %s %s %s at line %i from the narrative", (item, measure, value, line) => {
    const f = of("2022-dongxihu-shangwuju").find((x) => x.item === item && x.measure === measure && x.value === value);
    expect(f?.source.line).toBe(line);
    expect(f?.department).toBe("武汉市东西湖区商务局");
    expect(f?.year).toBe(2022);
  });

  it.each([
    ["2024-wuhan-touchuju", 75, "下属单位", "数量", "2", "个"],
    ["2024-wuhan-jingxinju", 85, "下属单位", "数量", "4", "个"],
    ["2023-donghu-guanweihui", 92, "下属单位", "数量", "0", "个"],
    ["2024-hongshan-qiyefuwu", 69, "内设机构", "数量", "4", "个"],
    ["2024-hongshan-qiyefuwu", 686, "部门整体支出", "得分", "97.12", "分"],
    ["2024-wuhan-jingxinju", 943, "支持工业发展专项资金", "得分", "93.85", "分"],
    ["2022-dongxihu-shangwuju", 367, "外省市交流接待", "数量", "13", "人次"],
    ["2022-dongxihu-shangwuju", 2360, "补贴销售菜品数量", "数量", "155.86", "吨"],
    ["2024-wuhan-touchuju", 494, "项目交易总额", "数量", "1533.56", "亿元"],
    ["2023-donghu-guanweihui", 2021, "东湖高新区低空共享无人机应用示范区建设项目", "决算", "5701.46", "万元"],
    ["2023-donghu-guanweihui", 2268, "发改局业务经费", "预算", "2590.07", "万元"],
  ])("states %s line %i: %s %s %s%s", (doc, line, subject, measure, value, unit) => {
    const f = of(doc).find((x) => x.source.line === line && x.subject === subject && x.measure === measure && x.value === value);
    expect(f?.unit).toBe(unit);
  });

  it("gives no fact a bare verb or connective as its subject (001 '得 20 分', 004 '故存在')", () => {
    const junk = store.facts.filter((f) => /^(得|故存在|导致|调减|自评总|设定)$|^\d+[、.]|^#|\)$(?<!\([^)]*\))/.test(f.subject));
    expect(junk.map((f) => `${f.doc}:${f.source.line} ${f.subject}`)).toEqual([]);
  });

  it("gives every fact a unique id and a decimal value", () => {
    expect(new Set(store.facts.map((f) => f.id)).size).toBe(store.facts.length);
    expect(store.facts.every((f) => /^-?\d+(\.\d+)?$/.test(f.value))).toBe(true);
  });
});
