import { describe, expect, it } from "vitest";
import { repairSpaces } from "../../src/parse/_lines.js";
import { lineAtOffset, type Paragraph } from "../../src/parse/index.js";
import { parsed } from "./_load.js";

function paragraphAt(path: string, line: number): Paragraph {
  const p = parsed(path).paragraphs.find((x) => x.line === line);
  if (!p) throw new Error(`no paragraph at ${line}`);
  return p;
}

describe("repairSpaces", () => {
  it.each([
    ["机 关事业单位", "机关事业单位"], // 001 line 514
    ["总计均为 12232.34 万元", "总计均为12232.34万元"], // 003 line 56
    ["1, 115. 55", "1,115.55"], // 002
    ["节能环保支出(类) 5,530.12 万元, 占 5.7%", "节能环保支出(类)5,530.12万元,占5.7%"], // 001 line 499
    ["PPT 2.0 version", "PPT 2.0 version"],
  ])("turns %j into %j", (raw, repaired) => {
    expect(repairSpaces(raw)).toBe(repaired);
  });
});

describe("findParagraphs", () => {
  it("joins 003's sentences broken across lines with blank lines between, keeping the line map", () => {
    const p = paragraphAt("corpus/2022-dongxihu-shangwuju.txt", 56);
    expect(p.text.startsWith("2022年度收、支总计均为12232.34万元。与2021年度相比，收、支总计各增加8151.08万元，增长199.71%，")).toBe(true);
    expect([p.line, p.lineEnd]).toEqual([56, 68]);
    expect(lineAtOffset(p, p.text.indexOf("比，收"))).toBe(58);
    expect(lineAtOffset(p, 0)).toBe(56);
    expect(p.sectionPath).toEqual(["第三部分 武汉市东西湖区商务局2022年度部门决算情况说明", "一、收入支出决算总体情况说明"]);
  });

  it("joins a sentence 001 broke before a blank line (lines 488/490)", () => {
    const p = paragraphAt("corpus/2024-wuhan-jingxinju.txt", 488);
    expect(p.text).toBe(
      "2024年度一般公共预算财政拨款支出97,001.61万元,占本年支出合计的85.6%。与2023年度相比,一般公共预算财政拨款支出减少14,156.5万元,下降12.7%,主要原因是部分专项资金结转下年。",
    );
    expect(p.lineMap).toEqual([
      { offset: 0, line: 488 },
      { offset: p.text.indexOf("减少14,156.5"), line: 490 },
    ]);
  });

  it("keeps numbered list items as their own paragraphs and strips the markdown dash", () => {
    const p = paragraphAt("corpus/2024-wuhan-jingxinju.txt", 499);
    expect(p.text).toBe("4.节能环保支出(类)5,530.12万元,占5.7%。主要是用于新能源汽车推广应用。");
    expect(p.sectionPath.at(-1)).toBe("(二)一般公共预算财政拨款支出决算结构情况");
  });

  it("removes OCR spaces inside words (001 line 514 \"机 关事业单位\")", () => {
    expect(paragraphAt("corpus/2024-wuhan-jingxinju.txt", 514).text).toContain("(款)机关事业单位基本养老保险缴费支出(项)年初预算为547.95万元");
  });

  it("makes the text of 绩效自评表 rows findable (001 line 755)", () => {
    expect(paragraphAt("corpus/2024-wuhan-jingxinju.txt", 755).text).toBe("元)( 20分) 总额 113,311.99 113,311.47 100.00% 20.00");
    const score = parsed("corpus/2023-donghu-guanweihui.txt").paragraphs.find((p) => p.text.includes("自评得分"));
    expect(score).toBeDefined();
  });

  it("never makes paragraphs from the table of contents or template tables", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    expect(d.paragraphs.some((p) => p.line >= 5 && p.line <= 51)).toBe(false);
    expect(d.paragraphs.some((p) => p.line >= 97 && p.line <= 139)).toBe(false);
    expect(d.paragraphs.find((p) => p.line === 141)?.text).toBe("注:1.本表反映部门本年度的总收支和年末结转结余情况。");
  });
});
