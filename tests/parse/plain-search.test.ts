import { describe, expect, it } from "vitest";
import { parseDisclosure, type Disclosure, type TableKind } from "../../src/parse/index.js";

// Small plain reading-order disclosures: each table's figures must be placed in columns by the
// table's identities and by what other tables state about them.
function parsePlain(...tables: string[]): Disclosure {
  // Sentences with figures in them, single-spaced as the tables are, mark the text as plain.
  const narrative = Array.from({ length: 5 }, (_, k) => `第${k + 1}项收入 1.00 万元，支出 1.00 万元。`);
  const text = ["某某局2024年度部门决算", ...narrative, "单位：万元", "", ...tables.flatMap((t) => [t.trim(), "注：本表反映部门情况。", ""])].join("\n");
  const r = parseDisclosure({ path: "t.txt", name: "t.txt", sha256: "0", text, entry: undefined });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** A row's figures by column path. */
function figures(d: Disclosure, kind: TableKind, label: string): Record<string, string> {
  const t = d.tables.find((x) => x.kind === kind);
  const part = t?.parts[0];
  const row = part?.rows.find((r) => r.label === label);
  if (!part || !row) throw new Error(`${kind} ${label} not found`);
  return Object.fromEntries(row.cells.flatMap((c) => (c.value !== null ? [[part.columns[c.column]?.path.join(">") ?? "", c.value]] : [])));
}

const TOTAL = `
一、收入支出决算总表
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出 120.00
二、上级补助收入 二、外交支出
三、其他收入 20.00 三、国防支出
本年收入合计 120.00 本年支出合计 120.00`;

const INCOME = `
二、收入决算表
项目 本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
合计 120.00 100.00 20.00
201 一般公共服务支出 120.00 100.00 20.00
20101 人大事务 120.00 100.00 20.00
2010101 行政运行 120.00 100.00 20.00`;

const EXPENDITURE = `
三、支出决算表
项目 本年支出合计 基本支出 项目支出 上缴上级支出 经营支出 对附属单位补助支出
合计 160.33 38.83 121.50
210 卫生健康支出 58.65 38.83 19.82
21011 行政事业单位医疗 58.65 38.83 19.82
2101102 事业单位医疗 38.83 38.83
2101199 其他行政事业单位医疗支出 19.82 19.82
223 国有资本经营预算支出 101.68 · 101.68`;

const STATE_CAPITAL = `
八、国有资本经营预算财政拨款支出决算表
项目 本年支出
科目编码 科目名称 小计 基本支出 项目支出
合计 101.68 101.68
223 国有资本经营预算支出 101.68 101.68`;

describe("plain tables placed by their identities", () => {
  it("places a 合计 row's figures in the columns the 总表 names them in (其他收入, not 上级补助收入)", () => {
    expect(figures(parsePlain(TOTAL, INCOME), "收入决算表", "合计")).toEqual({ 本年收入合计: "120.00", 财政拨款收入: "100.00", 其他收入: "20.00" });
    // Without the 总表 nothing tells the columns apart: the figures fill the first ones.
    expect(figures(parsePlain(INCOME), "收入决算表", "合计")).toEqual({ 本年收入合计: "120.00", 财政拨款收入: "100.00", 上级补助收入: "20.00" });
  });

  it("places sibling rows together so that their parent's sums hold (2101199 is 项目支出 only)", () => {
    const d = parsePlain(EXPENDITURE);
    expect(figures(d, "支出决算表", "事业单位医疗")).toEqual({ 本年支出合计: "38.83", 基本支出: "38.83" });
    expect(figures(d, "支出决算表", "其他行政事业单位医疗支出")).toEqual({ 本年支出合计: "19.82", 项目支出: "19.82" });
  });

  it("reads a stray mark as the empty cell OCR saw there", () => {
    expect(figures(parsePlain(EXPENDITURE), "支出决算表", "国有资本经营预算支出")).toEqual({ 本年支出合计: "101.68", 项目支出: "101.68" });
  });

  it("keeps a 财政拨款 table's 基本支出 within the 支出决算表's for the same code", () => {
    expect(figures(parsePlain(EXPENDITURE, STATE_CAPITAL), "国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出")).toEqual({ "本年支出>小计": "101.68", "本年支出>项目支出": "101.68" });
    expect(figures(parsePlain(STATE_CAPITAL), "国有资本经营预算财政拨款支出决算表", "国有资本经营预算支出")).toEqual({ "本年支出>小计": "101.68", "本年支出>基本支出": "101.68" });
  });
});
