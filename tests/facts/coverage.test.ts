import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceFile } from "../../src/corpus/index.js";
import { identifyDocument } from "../../src/corpus/identity.js";
import { coverageShare, measureCoverage, numericTokens, spacingRepaired } from "../../src/facts/coverage.js";
import { extractFacts, type Fact } from "../../src/facts/index.js";
import { parseDisclosure, type Disclosure } from "../../src/parse/index.js";

// A disclosure of loose lines: every line a narrative paragraph of its own.
function doc(lines: readonly string[]): Disclosure {
  return {
    id: "t",
    file: "t.txt",
    sha256: "",
    meta: { title: null, department: null, year: 2024, kind: null, unit: null, publishedOn: null },
    lines,
    sections: [],
    tables: [],
    paragraphs: lines.map((text, i) => ({ id: `p${i}`, text, line: i + 1, lineEnd: i + 1, sectionPath: [], lineMap: [{ offset: 0, line: i + 1 }] })),
    toc: null,
  };
}

function reasonOf(line: string, raw: string): string | null {
  const t = numericTokens(doc([line])).find((x) => x.token.raw === raw);
  if (!t) throw new Error(`no token ${raw} in ${line}`);
  return t.reason;
}

describe("numericTokens: structure is not a figure", () => {
  it.each([
    ["截至 2024 年 12 月 31 日,本部门共有车辆 28 辆", "2024", "date"],
    ["截至 2024 年 12 月 31 日,本部门共有车辆 28 辆", "31", "date"],
    ["摸排 23 年 10 月以来新注册商贸业企业 38 家", "23", "date"],
    ["“4·15”期间,举办文艺汇演 3 场", "15", "date"],
    ["                    15", "15", "page"],
    ["三、决算报表说明 ......................15", "15", "page"],
    ["1.小学教育（2050202），2024 年度决算数为 8,627.17", "2050202", "code"],
    ["1.小学教育（2050202），2024 年度决算数为 8,627.17", "1", "ordinal"],
    ["(3) 2023 年发改局对 20 家企业开展节能监察工作", "3", "ordinal"],
    ["①监管数据汇聚总量 read as 1监管数据汇聚总量", "1", "ordinal"],
    ["年度目标1(XX分):保障网站正常平稳运行", "1", "ordinal"],
    ["类 款 项 1 2 3 4 5 6 7", "4", "ordinal"],
    ["根据《管理暂行办法》(武财绩〔2021〕546号)的要求", "546", "identifier"],
    ["建立“1+4+3”招商工作体系", "4", "identifier"],
    ["初步实现 5G-A基站规模部署", "5", "identifier"],
    ["未入围2024年度中国民营企业500强。", "500", "identifier"],
  ])("%j: %s is %s", (line, raw, reason) => {
    expect(reasonOf(line, raw)).toBe(reason);
  });

  it.each([
    ["全年净增中小企业16.1万家", "16.1"],
    ["签约欧资项目 46 个、金额 75.4 亿元", "75.4"],
    ["其中：财政拨款收入 279,818.00 万元", "279,818.00"],
    ["产出指标 (40分) 数量指标 参加培训人次 60次 72 10", "72"],
  ])("%j: %s is a figure", (line, raw) => {
    expect(reasonOf(line, raw)).toBeNull();
  });

  it("repairs spacing noise inside a figure (\"1, 115. 55\")", () => {
    expect(spacingRepaired("合计 1, 115. 55 1, 070. 17")).toBe("合计 1,115.55 1,070.17");
    expect(numericTokens(doc(["合计 1, 115. 55"])).map((t) => t.token.value)).toEqual(["1115.55"]);
  });
});

describe("measureCoverage", () => {
  const fact = (line: number, value: string, subject: string, raw = value): Fact => ({
    id: `t:L${line}`,
    doc: "t",
    department: "d",
    year: 2024,
    item: null,
    subject,
    code: null,
    measure: "数量",
    qualifier: [],
    value,
    unit: "个",
    key: "k",
    source: { kind: "narrative", file: "t.txt", line, lineEnd: line, section: "", quote: "", raw },
    status: "single-source",
    evidence: [],
    repairedFrom: null,
    conflicting: [],
  });

  it("counts a figure stated by a fact on its line, a bound inside a fact's subject, and lists the rest", () => {
    const d = doc(["统筹推动 10 亿元以上重点项目 174 个,挖掘上下游目标企业 405 个。"]);
    const c = measureCoverage(d, [fact(1, "174", "10亿元以上重点项目")]);
    expect(c.figures.map((f) => [f.raw, f.covered])).toEqual([
      ["10", true],
      ["174", true],
      ["405", false],
    ]);
    expect(coverageShare(c)).toEqual({ covered: 2, total: 3, share: 2 / 3 });
  });

  it("counts a table line repeated on the next page (its 合计 row) as stated by the first print's facts", () => {
    const lines = ["合计   1668.14   746.39", "208   社会保障和就业支出   76.23   76.23", "", "合计  1668.14  746.39", "221 住房保障支出 60.87 60.87"];
    const d: Disclosure = { ...doc(lines), paragraphs: [], tables: [{ id: "t1", number: null, kind: "支出决算表", title: "", unit: "万元", departmentLine: null, line: 1, lineEnd: 5, parts: [], flags: [] }] };
    const c = measureCoverage(d, [fact(1, "1668.14", "合计"), fact(1, "746.39", "合计")]);
    expect(c.figures.filter((f) => f.covered).map((f) => [f.line, f.raw])).toEqual([
      [1, "1668.14"],
      [1, "746.39"],
      [4, "1668.14"],
      [4, "746.39"],
    ]);
  });

  it("does not count a fact of another line", () => {
    const c = measureCoverage(doc(["项目 7 个", "项目 8 个"]), [fact(1, "8", "项目")]);
    expect(c.figures.map((f) => f.covered)).toEqual([false, false]);
  });
});

describe("coverage of the seed corpus", () => {
  const dir = join(import.meta.dirname, "..", "..", "corpus");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();

  it.each(files)("facts cover at least 98%% of the numeric tokens of %s", (name) => {
    const file = readSourceFile(join(dir, name));
    if (!file.ok) throw new Error(name);
    const parsed = parseDisclosure(file.value);
    if (!parsed.ok) throw new Error(name);
    const id = identifyDocument(parsed.value.meta, file.value.entry, file.value.name);
    const facts = extractFacts(parsed.value, { department: id.department, year: id.year ?? 0 });
    expect(coverageShare(measureCoverage(parsed.value, facts)).share).toBeGreaterThanOrEqual(0.98);
  });
});
