import { describe, expect, it } from "vitest";
import { chunkDisclosure, type Chunk } from "../../src/chunk/index.js";
import { LINES, miniDisclosure } from "../fixtures/chunk/mini-disclosure.js";

const ID = { department: "武汉市经济和信息化局", year: 2024 };
const chunks = chunkDisclosure(miniDisclosure(), ID);
const byLine = (line: number): Chunk[] => chunks.filter((c) => c.line === line);

/** Removes what soft-break repair removes, so a quote can be found in its lines. */
function squeeze(s: string): string {
  return s.replace(/\s+/g, "");
}

describe("chunkDisclosure", () => {
  it("renders a 三公 table row as one self-contained sentence with columns, values and unit", () => {
    const [row] = byLine(7);
    expect(row).toMatchObject({
      kind: "table_row",
      line: 7,
      lineEnd: 7,
      table: "公开09表 财政拨款“三公”经费支出决算表",
      section: null,
      quote: "69.55\t36.74\t3.87",
      department: "武汉市经济和信息化局",
      year: 2024,
      file: "corpus/2024-mini-jingxinju.txt",
    });
    expect(row?.text).toBe(
      "武汉市经济和信息化局 2024年 公开09表 财政拨款“三公”经费支出决算表：决算数 合计 69.55万元；决算数 因公出国(境)费 36.74万元；决算数 公务接待费 3.87万元",
    );
  });

  it("puts the row code and label before the non-empty columns", () => {
    expect(byLine(12)[0]?.text).toBe("武汉市经济和信息化局 2024年 公开03表 支出决算表 2080805 死亡抚恤：本年支出合计 454.71万元；基本支出 454.71万元");
  });

  it("skips table rows without any value", () => {
    expect(byLine(14)).toEqual([]);
  });

  it("merges short paragraphs of one section and keeps their joint line range", () => {
    const [p] = byLine(17);
    expect(p?.kind).toBe("paragraph");
    expect(p?.lineEnd).toBe(20);
    expect(p?.section).toBe("第三部分 武汉市经济和信息化局 2024 年度部门决算情况说明 > 九、财政拨款“三公”经费支出决算情况说明");
    expect(p?.quote).toBe(
      "3.公务接待费全年预算为4.37万元,支出决算为3.87万元,完成全年预算的88.6%。\n其中:国内公务接待支出3.87万元,接待对象主要是外省市相关部门等,主要是开展工业经济运行工作座谈会及相关调研工作。",
    );
    expect(p?.text.startsWith("武汉市经济和信息化局 2024年 ")).toBe(true);
  });

  it("splits a long paragraph at sentence ends into pieces of at most 300 characters", () => {
    const pieces = chunks.filter((c) => c.kind === "paragraph" && c.line >= 23);
    expect(pieces.map((c) => [c.line, c.lineEnd])).toEqual([
      [23, 25],
      [25, 25],
    ]);
    for (const c of pieces) {
      expect(c.quote.length).toBeLessThanOrEqual(300);
      expect(c.quote.endsWith("。")).toBe(true);
    }
    // Together the pieces give back the paragraph, without overlap.
    expect(pieces.map((c) => c.quote).join("")).toBe(miniDisclosure().paragraphs[2]?.text);
  });

  it("makes one definition chunk per 名词解释 entry", () => {
    const defs = chunks.filter((c) => c.kind === "definition");
    expect(defs.map((d) => [d.line, d.quote])).toEqual([
      [27, "(一)财政拨款收入:指本年度从本级财政部门取得的财政拨款。"],
      [28, "(二)基本支出:指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。"],
    ]);
    expect(defs[0]?.text).toBe("武汉市经济和信息化局 2024年 名词解释 (一)财政拨款收入:指本年度从本级财政部门取得的财政拨款。");
  });

  it("gives a heading chunk only to a section holding nothing else", () => {
    const titles = chunks.filter((c) => c.kind === "section_title");
    expect(titles.map((t) => [t.line, t.quote, t.text])).toEqual([[29, "第六部分 附件", "武汉市经济和信息化局 2024年 第六部分 附件"]]);
  });

  it("cites every chunk with a line range that contains its quote", () => {
    for (const c of chunks) {
      const span = squeeze(LINES.slice(c.line - 1, c.lineEnd).join(""));
      for (const part of c.quote.split("\n")) expect(span).toContain(squeeze(part));
    }
  });

  it("returns chunks in document order with unique ids", () => {
    expect(chunks.map((c) => c.line)).toEqual([...chunks.map((c) => c.line)].sort((a, b) => a - b));
    expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
  });
});

describe("chunkDisclosure long sentences", () => {
  /** A one-paragraph disclosure whose only line is `text`. */
  function single(text: string) {
    const base = miniDisclosure();
    return {
      ...base,
      lines: [text],
      sections: [],
      tables: [],
      toc: null,
      paragraphs: [{ id: "p", text, line: 1, lineEnd: 1, sectionPath: [], lineMap: [{ offset: 0, line: 1 }] }],
    };
  }

  it.each([
    ["cuts a sentence without full stops at a comma", "甲乙丙丁戊己庚辛壬癸".repeat(25) + "，" + "子丑寅卯辰巳午未申酉".repeat(15), [251, 150]],
    ["cuts text without any punctuation at 300 characters", "甲".repeat(650), [300, 300, 50]],
  ])("%s", (_what, text, lengths) => {
    const chunks = chunkDisclosure(single(text), ID);
    expect(chunks.map((c) => c.quote.length)).toEqual(lengths);
    expect(chunks.map((c) => c.quote).join("")).toBe(text);
  });
});
