import { describe, expect, it } from "vitest";
import { inspectJson, renderInspect } from "../../src/parse/index.js";
import { parsed } from "./_load.js";

describe("renderInspect", () => {
  const d = parsed("corpus/2024-wuhan-jingxinju.txt");

  it("shows metadata, sections with line ranges, tables with parts and flag counts", () => {
    const text = renderInspect(d);
    expect(text).toContain("单位 department: 武汉市经济和信息化局   年度 year: 2024   类型 kind: 部门决算");
    expect(text).toContain("目录 toc: lines 5-51");
    expect(text).toContain('    九、财政拨款"三公"经费支出决算情况说明  [570-588]');
    expect(text).toContain("  公开06表 2024年度一般公共预算财政拨款基本支出决算明细表  [一般公共预算财政拨款基本支出决算明细表; 万元; lines 355-391]");
    expect(text).toContain("    人员经费: 28 rows; columns: 决算数");
    expect(text).toMatch(/OCR 标记 flags: \d+ \(.*truncated 8.*separator_misread 3/);
  });
});

describe("inspectJson", () => {
  it("summarises each table with its parts' column paths and row counts", () => {
    const json = inspectJson(parsed("corpus/2024-hongshan-qiyefuwu.txt")) as {
      tables: { number: string | null; parts: { name: string | null; rowCount: number; columns: { path: string[] }[] }[] }[];
      paragraphCount: number;
      meta: { department: string };
    };
    expect(json.meta.department).toBe("武汉市洪山区企业服务中心本级");
    const t05 = json.tables.find((t) => t.number === "公开05表");
    expect(t05?.parts).toEqual([
      { name: null, rowCount: 18, columns: [{ path: ["本年支出", "小计"], lineNo: "1" }, { path: ["本年支出", "基本支出"], lineNo: "2" }, { path: ["本年支出", "项目支出"], lineNo: "3" }] },
    ]);
    expect(json.paragraphCount).toBeGreaterThan(100);
  });
});
