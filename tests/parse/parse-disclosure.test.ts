import { describe, expect, it } from "vitest";
import { parseDisclosure } from "../../src/parse/index.js";
import { parsed, source, table } from "./_load.js";

const SEEDS_WITH_TABLES = [
  "corpus/2024-wuhan-touchuju.txt",
  "corpus/2024-wuhan-jingxinju.txt",
  "corpus/2024-hongshan-qiyefuwu.txt",
  "corpus/2023-donghu-guanweihui.txt",
] as const;

const KINDS = [
  ["公开01表", "收入支出决算总表"],
  ["公开02表", "收入决算表"],
  ["公开03表", "支出决算表"],
  ["公开04表", "财政拨款收入支出决算总表"],
  ["公开05表", "一般公共预算财政拨款支出决算表"],
  ["公开06表", "一般公共预算财政拨款基本支出决算明细表"],
  ["公开07表", "政府性基金预算财政拨款收入支出决算表"],
  ["公开08表", "国有资本经营预算财政拨款支出决算表"],
  ["公开09表", "三公经费支出决算表"],
] as const;

describe("parseDisclosure", () => {
  it.each(SEEDS_WITH_TABLES)("finds the nine 公开 tables of %s in template order", (path) => {
    const d = parsed(path);
    const numbered = d.tables.filter((t) => t.number !== null);
    expect(numbered.map((t) => [t.number, t.kind])).toEqual(KINDS);
    expect(numbered.every((t) => t.unit === "万元")).toBe(true);
  });

  // Row counts checked by hand against the files (line ranges in the comments).
  it.each([
    // file, 01 收入/支出, 03, 05, 06 人员经费/公用经费, 09
    ["corpus/2024-wuhan-touchuju.txt", [12, 30], 37, 37, [28, 55], 1], // 03: lines 192-228; 05: 289-325; 06: 338-366
    ["corpus/2024-wuhan-jingxinju.txt", [12, 30], 46, 41, [28, 36], 1], // 03: 207-252; 05: 313-353; 06: 363-391
    ["corpus/2024-hongshan-qiyefuwu.txt", [12, 30], 18, 18, [28, 55], 1], // 03: 168-185; 05: 248-265; 06: 281-309
    ["corpus/2023-donghu-guanweihui.txt", [12, 30], 54, 54, [28, 37], 1], // 03: 228-281; 05: 349-402; 06: 418-446
  ] as const)("counts the body rows of %s", (path, t01, t03, t05, t06, t09) => {
    const d = parsed(path);
    expect(table(d, "公开01表").parts.map((p) => [p.name, p.rows.length])).toEqual([
      ["收入", t01[0]],
      ["支出", t01[1]],
    ]);
    expect(table(d, "公开03表").parts[0]?.rows.length).toBe(t03);
    expect(table(d, "公开05表").parts[0]?.rows.length).toBe(t05);
    expect(table(d, "公开06表").parts.map((p) => [p.name, p.rows.length])).toEqual([
      ["人员经费", t06[0]],
      ["公用经费", t06[1]],
    ]);
    expect(table(d, "公开09表").parts[0]?.rows.length).toBe(t09);
  });

  it("numbers tables that print no title or 公开NN表 from their header (001 公开02/03)", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    const t02 = table(d, "公开02表");
    expect([t02.kind, t02.title, t02.line, t02.lineEnd, t02.departmentLine]).toEqual(["收入决算表", "收入决算表", 145, 196, "部门: 武汉市经济和信息化局"]);
    // No 单位 line: the unit of the template table before it.
    expect(t02.unit).toBe("万元");
    expect(table(d, "公开03表").line).toBe(200);
  });

  it("keeps the title as written and the 部门/单位 line", () => {
    const d = parsed("corpus/2024-wuhan-touchuju.txt");
    const t = table(d, "公开09表");
    expect([t.title, t.departmentLine, t.line, t.lineEnd]).toEqual([
      "2024 年度财政拨款“三公”经费支出决算表",
      "单位：武汉市投资促进局（武汉市政务服务局）",
      402,
      414,
    ]);
  });

  it("reports no tables for 2022-dongxihu-shangwuju (its tables were images) but its narrative sections", () => {
    const d = parsed("corpus/2022-dongxihu-shangwuju.txt");
    expect(d.tables).toEqual([]);
    const titles = d.sections.map((s) => `${s.marker}${s.title}`);
    expect(titles).toContain("一、收入支出决算总体情况说明");
    expect(titles).toContain("九、财政拨款“三公”经费支出决算情况说明");
    expect(titles).toContain("(二)“三公”经费财政拨款支出决算具体情况说明");
    expect(d.paragraphs.length).toBeGreaterThan(100);
  });

  it.each([
    ["corpus/2024-wuhan-touchuju.txt", "武汉市投资促进局（武汉市政务服务局）", 2024, "部门决算", "2025 年 9 月 29 日"],
    ["corpus/2024-wuhan-jingxinju.txt", "武汉市经济和信息化局", 2024, "部门决算", "2025年9月29日"],
    ["corpus/2024-hongshan-qiyefuwu.txt", "武汉市洪山区企业服务中心本级", 2024, "单位决算", null],
    ["corpus/2022-dongxihu-shangwuju.txt", "武汉市东西湖区商务局", 2022, "部门决算", null],
    ["corpus/2023-donghu-guanweihui.txt", "武汉东湖新技术开发区管理委员会（本级）", 2023, "部门决算", "2024年9月29日"],
  ] as const)("reads the metadata of %s from its own text", (path, department, year, kind, publishedOn) => {
    const { meta } = parsed(path);
    expect([meta.department, meta.year, meta.kind, meta.publishedOn]).toEqual([department, year, kind, publishedOn]);
  });

  it("keeps the id, cited path, hash and original lines", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    expect(d.id).toBe("2024-wuhan-jingxinju");
    expect(d.file).toBe("corpus/2024-wuhan-jingxinju.txt");
    expect(d.sha256).toBe("7947b885ee4f2be4ef67bacf95d8bace79d4d9933c622e1873c20c6110ede2db");
    expect(d.lines[98]).toBe("公开01表");
    expect(d.meta.title).toBe("2024 年度武汉市经济和信息化局 部门决算公开");
  });

  it("gives empty_file for a file with only whitespace", () => {
    const s = { ...source("corpus/2024-wuhan-jingxinju.txt"), path: "corpus/empty.txt", text: " \n\n" };
    expect(parseDisclosure(s)).toEqual({ ok: false, error: { code: "empty_file", file: "corpus/empty.txt" } });
  });

  it("gives not_a_disclosure naming the file and why", () => {
    const s = source("tests/fixtures/parse/not-a-disclosure.txt");
    const r = parseDisclosure(s);
    expect(r).toEqual({
      ok: false,
      error: { code: "not_a_disclosure", file: "tests/fixtures/parse/not-a-disclosure.txt", reason: "no mention of 决算; no 部门/单位; no year (20xx年)" },
    });
  });
});
