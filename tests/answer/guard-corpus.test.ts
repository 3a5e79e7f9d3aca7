import { describe, expect, it } from "vitest";
import { figureOnLine, quoteInCorpus } from "../../src/answer/index.js";
import type { Fact } from "../../src/facts/types.js";
import { FILE, narrativeFact, tableFact } from "../fixtures/answer/facts.js";

function reader(lines: Record<number, string>): (file: string, line: number) => string | undefined {
  return (file, line) => (file !== FILE || line < 1 || line > 50 ? undefined : (lines[line] ?? ""));
}

function withRaw(f: Fact, raw: string, repairedFrom: string | null = null): Fact {
  return { ...f, source: { ...f.source, raw }, repairedFrom } as Fact;
}

const row = tableFact({ subject: "公务接待费", value: "3.87", line: 10 });
const zero = (raw: string, line: number) => withRaw(narrativeFact({ subject: "x", value: "0", line, quote: raw }), raw);

describe("figureOnLine", () => {
  it.each<[string, Fact, Record<number, string>, boolean]>([
    ["a figure on its row", row, { 10: "公务接待费\t4.37\t3.87" }, true],
    ["layout spaces inside the figure", withRaw(tableFact({ subject: "收入合计", value: "1115.55", line: 10 }), "1, 115. 55"), { 10: "收入合计   1, 115. 55" }, true],
    ["a wrapped row whose figure sits on the next line", tableFact({ subject: "社会保障和就业支出", value: "93.68", line: 10 }), { 10: "208   15,171.49", 11: "支出   93.68" }, true],
    ["a stored value the line does not state (9.99 for 3.87)", { ...row, value: "9.99", source: { ...row.source, raw: "9.99" } } as Fact, { 10: "公务接待费\t4.37\t3.87" }, false],
    ["a value changed but its raw text kept", { ...row, value: "9.99" }, { 10: "公务接待费\t4.37\t3.87" }, false],
    ["a figure three lines away", row, { 14: "公务接待费\t3.87" }, false],
    ["a repaired figure whose damaged text is on the line", withRaw({ ...row, value: "1099.07", status: "repaired" }, "1,099.0", "1,099.0"), { 10: "合计\t1,099.0" }, true],
    ["无… naming a year, as zero", zero("无2023年度国有资本经营预算财政拨款本年支出", 20), { 20: "本部门无2023年度国有资本经营预算财政拨款本年支出" }, true],
    ["无X read from a list (无A、B、C)", zero("无经营收入", 20), { 20: "本年度无上级补助收入、事业收入、经营收入。" }, true],
    ["无X stated as a non-zero figure", { ...zero("无经营收入", 20), value: "5" }, { 20: "本年度无经营收入。" }, false],
  ])("%s → %s", (_what, fact, lines, want) => {
    expect(figureOnLine(fact, reader(lines))).toBe(want);
  });
});

describe("quoteInCorpus", () => {
  const cite = (quote: string, line: number, lineEnd = line) => ({ file: FILE, line, lineEnd, table: null, section: null, quote });
  it.each<[string, ReturnType<typeof cite>, Record<number, string>, boolean]>([
    ["a table row shown with | separators", cite("公务接待费 | 4.37 | 3.87", 10), { 10: "公务接待费\t4.37\t3.87" }, true],
    ["a paragraph with soft breaks and list markers", cite("1、贯彻实施有关法律。\n2、负责管理。", 10, 12), { 10: "- 1、贯彻实施有关", 11: "法律。", 12: "- 2、负责管理。" }, true],
    ["a sentence that began lines before the cited one", cite("全年预算为4.37万元,支出决算为3.87万元", 30), { 25: "全年预算为4.37万元,", 30: "支出决算为3.87万元" }, true],
    ["a clipped quote ending in …", cite("公务接待费全年预算为4.37…", 10), { 10: "公务接待费全年预算为4.37万元" }, true],
    ["a sentence over a page break (page number alone between its lines)", cite("全年使用财政拨款安排局(部、委、办)机关及下属0个单位出国团组0个", 37, 40), { 37: "全年使用财政拨款安排局", 38: "", 39: "                26", 40: "（部、委、办）机关及下属 0 个单位出国团组 0 个" }, true],
    ["a quote with a changed figure", cite("支出决算为9.99万元", 10), { 10: "支出决算为3.87万元" }, false],
    ["a quote with changed words", cite("三公经费较上年减少。", 10), { 10: "三公经费较上年增加。" }, false],
    ["a quote of a file that is not there", { ...cite("三公经费", 10), file: "corpus/other.txt" }, { 10: "三公经费" }, false],
  ])("%s → %s", (_what, c, lines, want) => {
    expect(quoteInCorpus(c, reader(lines))).toBe(want);
  });
});
