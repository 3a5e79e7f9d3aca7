import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { layoutize } from "../../scripts/layoutize.js";
import { plainText } from "../../scripts/plain-text.js";
import { parseDisclosure, parseHealth, type Disclosure } from "../../src/parse/index.js";
import { figureCells, figureDisagreements } from "./_compare.js";
import { source } from "./_load.js";

// Identities the seeds' own text breaks (OCR damage of 001, the same in every form): figures cut
// short, a 基本支出 figure lost, and 科目编码 the OCR dropped from 公开02's code column.
const GENUINE: Readonly<Record<string, readonly string[]>> = {
  "2024-wuhan-jingxinju": [
    // 总计 printed "113,311.4" on the 支出 side.
    "公开01表 2024年度收入支出决算总表 收入总计 = 支出总计: 113311.47 ≠ 113311.4",
    // 公开02 prints no code for 208 社会保障和就业支出, 223 国有资本经营预算支出, 2080505 and 2210203.
    "公开02表 收入决算表: 6 类/款/项 sum(s) fail",
    // 国有资本经营预算财政拨款 printed "101.6" (101.68) in three rows.
    "公开04表 2024年度财政拨款收入支出决算总表 支出 国有资本经营预算支出: 小计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款: 101.68 ≠ 101.6",
    "公开04表 2024年度财政拨款收入支出决算总表 支出 本年支出合计: 小计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款: 113282.29 ≠ 113282.21",
    "公开04表 2024年度财政拨款收入支出决算总表 支出 总计: 小计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营预算财政拨款: 113282.29 ≠ 113282.21",
    // L333: 2101102 事业单位医疗's 基本支出 101.25 is blank.
    "公开05表 2024年度一般公共预算财政拨款支出决算表 2101102 事业单位医疗: 小计 = 基本支出 + 项目支出: 101.25 ≠ 0",
    "公开05表 2024年度一般公共预算财政拨款支出决算表: 1 类/款/项 sum(s) fail",
  ],
};

// Cells the plain form cannot tell apart by any identity (both columns satisfy every sum and every
// other table), left to the template's column order: a lone 公务用车 figure in 购置费 or 运行维护费
// of the 预算数 half; a 政府性基金 figure in 年初结转和结余 or 本年收入; the cut-short 101.6 of a
// 财政拨款总表 row. Labels OCR doubled ("资源勘探工业信 资源勘探工业信 息等支出") read apart.
const AMBIGUOUS: Readonly<Record<string, number>> = {
  "2022-dongxihu-shangwuju": 0,
  "2023-donghu-guanweihui": 0,
  "2024-hongshan-qiyefuwu": 2,
  "2024-wuhan-jingxinju": 20,
  "2024-wuhan-touchuju": 0,
};

const SEEDS = Object.keys(AMBIGUOUS);

function parseText(name: string, text: string): Disclosure {
  const r = parseDisclosure({ ...source(`corpus/${name}.txt`), text });
  if (!r.ok) throw new Error(`cannot parse ${name}`);
  return r.value;
}

const seedText = (name: string): string => readFileSync(join(import.meta.dirname, "../../corpus", `${name}.txt`), "utf8").replace(/\r\n?/g, "\n");

describe("parse health of the seeds in every form", () => {
  it.each(SEEDS.flatMap((name) => (["tab", "layout", "plain"] as const).map((form) => [name, form] as const)))("%s (%s form): every identity holds but the text's own damage", (name, form) => {
    const text = seedText(name);
    const d = parseText(name, form === "tab" ? text : form === "layout" ? layoutize(text) : plainText(text));
    const h = parseHealth(d);
    expect(h.failures).toEqual(GENUINE[name] ?? []);
    expect(h.figures.placed).toBeGreaterThanOrEqual(h.figures.printed - 1);
  });

  it("counts the same identities in the plain form as in the OCR form", () => {
    for (const name of SEEDS) {
      const text = seedText(name);
      expect(parseHealth(parseText(name, plainText(text))).identities, name).toEqual(parseHealth(parseText(name, text)).identities);
    }
  });
});

describe("the plain form of each seed", () => {
  it.each(SEEDS)("gives %s the figures of its OCR form at the same table, row and column", (name) => {
    const text = seedText(name);
    const tab = figureCells(parseText(name, text));
    const plain = figureCells(parseText(name, plainText(text)));
    expect(figureDisagreements(tab, plain)).toHaveLength(AMBIGUOUS[name] ?? 0);
    expect(plain.size).toBe(tab.size);
  });
});
