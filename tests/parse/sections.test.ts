import { describe, expect, it } from "vitest";
import { parsed } from "./_load.js";

describe("findToc", () => {
  it.each([
    ["corpus/2024-wuhan-jingxinju.txt", { line: 5, lineEnd: 51 }],
    ["corpus/2024-wuhan-touchuju.txt", { line: 8, lineEnd: 47 }],
    ["corpus/2024-hongshan-qiyefuwu.txt", { line: 5, lineEnd: 45 }],
    ["corpus/2023-donghu-guanweihui.txt", { line: 7, lineEnd: 59 }],
    ["corpus/2022-dongxihu-shangwuju.txt", null],
  ])("recognises the 目录 of %s", (path, toc) => {
    expect(parsed(path).toc).toEqual(toc);
  });

  it("takes no section from the table of contents", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    expect(d.sections[0]).toMatchObject({ level: 1, marker: "第一部分", title: "武汉市经济和信息化局概况", line: 53, lineEnd: 93 });
  });
});

describe("findSections", () => {
  it("builds the 第N部分 → 一、 → (一) → 1. hierarchy with paths and line ranges", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    const s = d.sections.find((x) => x.title === '财政拨款"三公"经费支出决算情况说明');
    expect(s).toMatchObject({
      level: 2,
      marker: "九、",
      line: 570,
      lineEnd: 588,
      path: ["第三部分 武汉市经济和信息化局2024年度部门决算情况说明", '九、财政拨款"三公"经费支出决算情况说明'],
    });
    const sub = d.sections.find((x) => x.marker === "2." && x.line === 744);
    expect(sub?.path).toEqual([
      "第六部分 附件",
      "一、2024年度武汉市经济和信息化局整体绩效自评结果(摘要版)",
      "(四)下一步拟改进措施",
      "2.拟与预算安排相结合的情况",
    ]);
  });

  it("keeps long numbered items (\"- 1.科学技术支出(类)…\") as paragraphs, not headings", () => {
    const d = parsed("corpus/2024-wuhan-jingxinju.txt");
    expect(d.sections.some((s) => s.line >= 494 && s.line <= 501)).toBe(false);
  });

  it("joins 003's heading split across lines and treats a short numbered list as paragraphs", () => {
    const d = parsed("corpus/2022-dongxihu-shangwuju.txt");
    expect(d.sections.find((s) => s.marker === "第二部分")).toMatchObject({ title: "武汉市东西湖区商务局2022年度部门决算表", line: 45, lineEnd: 47 });
    expect(d.sections.some((s) => s.line >= 35 && s.line <= 42)).toBe(false);
    expect(d.paragraphs.find((p) => p.line === 35)?.text).toBe("1.武汉市东西湖区商务局(本级)");
  });

  it("rejects a wrapped sentence that starts like a heading (003 line 218) and joins a wrapped heading (line 4145)", () => {
    const d = parsed("corpus/2022-dongxihu-shangwuju.txt");
    expect(d.sections.some((s) => s.line === 218)).toBe(false);
    expect(d.sections.find((s) => s.line === 4145)?.title).toBe("2022年度武汉市东西湖区商务局部门整体绩效自评结果（缩略版）");
  });

  it("finds the 情况说明 subsections of 003", () => {
    const d = parsed("corpus/2022-dongxihu-shangwuju.txt");
    const nine = d.sections.find((s) => s.marker === "九、");
    expect(nine).toMatchObject({ title: "财政拨款“三公”经费支出决算情况说明", line: 328, lineEnd: 367 });
    expect(d.sections.filter((s) => s.level === 3 && s.line > 328 && s.lineEnd <= 367).map((s) => s.title)).toEqual([
      "“三公”经费财政拨款支出决算总体情况说明",
      "“三公”经费财政拨款支出决算具体情况说明",
    ]);
  });
});
