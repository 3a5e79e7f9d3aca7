import { describe, expect, it } from "vitest";
import { RULES, type DocumentAudit } from "../../src/audit/index.js";
import { auditSeed, findingsAt, indexOf, sub, type Edit } from "./_seed.js";

const HS = "corpus/2024-hongshan-qiyefuwu.txt";
const JXJ = "corpus/2024-wuhan-jingxinju.txt";
const DXH = "corpus/2022-dongxihu-shangwuju.txt";

// Whole blocks of the 洪山 seed, found by their headings.
const dropBlock =
  (start: string, end: string): Edit =>
  (lines) => {
    const i = indexOf(lines, start, 46);
    const j = indexOf(lines, end, i + 1);
    return [...lines.slice(0, i), ...lines.slice(j)];
  };
const moveBlockAfter =
  (start: string, end: string, before: string): Edit =>
  (lines) => {
    const i = indexOf(lines, start, 46);
    const j = indexOf(lines, end, i + 1);
    const block = lines.slice(i, j);
    const rest = [...lines.slice(0, i), ...lines.slice(j)];
    const k = indexOf(rest, before, i);
    return [...rest.slice(0, k), ...block, ...rest.slice(k)];
  };
const copyBlockBefore =
  (start: string, end: string, before: string): Edit =>
  (lines) => {
    const i = indexOf(lines, start, 46);
    const j = indexOf(lines, end, i + 1);
    const k = indexOf(lines, before, 46);
    return [...lines.slice(0, k), ...lines.slice(i, j), ...lines.slice(k)];
  };
const dropLine =
  (n: number): Edit =>
  (lines) => [...lines.slice(0, n - 1), ...lines.slice(n)];

/**
 * One planted defect per rule, in a real seed: [rule, file, edits, first and last line a citation
 * must touch]. Every rule of the catalogue has its case (checked below).
 */
const CASES: readonly (readonly [string, string, readonly Edit[], number, number])[] = [
  ["completeness.table-missing", HS, [dropBlock("二、收入决算表", "三、支出决算表")], 15, 15],
  ["completeness.table-duplicate", HS, [copyBlockBefore("九、财政拨款“三公”经费支出决算表", "第三部分 2024 年度单位决算情况说明", "三、支出决算表")], 155, 155],
  ["completeness.table-order", HS, [moveBlockAfter("二、收入决算表", "三、支出决算表", "四、财政拨款收入支出决算总表")], 16, 16],
  ["completeness.empty-table-note", HS, [dropLine(329)], 311, 315],
  ["completeness.section-missing", HS, [dropBlock("三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明")], 28, 28],
  ["completeness.toc-entry", HS, [dropLine(618)], 43, 43],
  ["completeness.table-unit", HS, [sub(320, "单位：万元", ""), sub(317, "单位：", "编制：")], 311, 318],
  ["identity.department", HS, [sub(125, "武汉市洪山区企业服务中心", "武汉市江岸区商务局")], 125, 125],
  ["identity.year-heading", HS, [sub(367, "2024", "2023")], 367, 367],
  ["identity.year-narrative", HS, [sub(380, "2024 年度收入合计", "2022 年度收入合计")], 380, 380],
  ["identity.year-comparison", HS, [sub(380, "与 2023 年度相比", "与 2021 年度相比")], 380, 380],
  ["identity.unit", HS, [sub(127, "单位：万元", "单位：元")], 121, 130],
  ["identity.placeholder", HS, [sub(125, "武汉市洪山区企业服务中心", "XX局")], 125, 125],
  ["identity.template-text", HS, [sub(389, "下降 1.6%。", "下降 1.6%（如持平作持平表述）。")], 389, 389],
  ["identity.repeated-punctuation", HS, [sub(415, "万元，占", "万元，，占")], 415, 415],
  ["identity.repeated-word", HS, [sub(415, "主要是用于", "主要是是用于")], 415, 415],
  ["table.row-sum", HS, [sub(171, "693. 35", "699. 35")], 171, 171],
  ["table.hierarchy", HS, [sub(169, "718. 91\t693. 35", "818. 91\t793. 35")], 169, 169],
  // 类 = Σ 款 stays checkable over a 项 row whose code OCR cut to six digits ("221020 提租补贴").
  ["table.hierarchy", JXJ, [sub(349, "1,099.07\t1,099.07", "1,199.07\t1,199.07")], 349, 349],
  ["table.balance", HS, [sub(112, "本年收入合计\t27\t1,115.55", "本年收入合计\t27\t1,125.55")], 112, 112],
  ["table.sangong", HS, [sub(362, "0.92\t\t0.92", "10.92\t\t0.92")], 362, 362],
  ["table.basic-detail", HS, [sub(309, "984.20", "994.20")], 309, 309],
  ["table.blank-cell", HS, [sub(259, "38.83\t38.83", "38.83\t")], 259, 259],
  ["across.totals", HS, [sub(134, "1, 115. 55\t1, 115. 55", "1, 125. 55\t1, 125. 55")], 134, 134],
  ["across.class-rows", HS, [sub(91, "718.91", "728.91")], 91, 91],
  ["across.fiscal", HS, [sub(227, "1,115.55\t1,115.55", "1,115.55\t1,125.55")], 227, 227],
  ["across.basic", HS, [sub(248, "1,070.17\t45.38", "1,080.17\t35.38")], 248, 248],
  ["across.sangong-basic", JXJ, [sub(379, "3.87", "5.87")], 379, 379],
  ["narrative.figure", HS, [sub(389, "基本支出 1070.17 万元", "基本支出 1080.17 万元")], 389, 389],
  ["narrative.zero-claim", HS, [sub(389, "基本支出 1070.17 万元", "基本支出 0 万元")], 389, 389],
  ["narrative.unit", HS, [sub(380, "收入合计 1115.55 万元", "收入合计 1115.55 元")], 380, 380],
  ["arithmetic.share", HS, [sub(415, "占 64.4%", "占 46.4%")], 415, 415],
  // The seed's own: 资金 11,304.85 is all of 项目支出 (100%), the 93.79% written is of 一般公共预算财政拨款支出.
  ["arithmetic.share-base", DXH, [], 408, 408],
  ["arithmetic.growth", HS, [sub(477, "下降 68.3%", "下降 60.3%")], 477, 477],
  ["arithmetic.completion", HS, [sub(431, "完成年初预算的 84.7%", "完成年初预算的 94.7%")], 431, 431],
  ["arithmetic.zero-budget", HS, [sub(431, "年初预算为 849.21 万元", "年初预算为 0 万元")], 431, 431],
  ["arithmetic.compare-budget", HS, [sub(431, "支出决算数小于年初预算数", "支出决算数大于年初预算数")], 431, 431],
  ["arithmetic.compare-prior", HS, [sub(477, "较上年减少 1.98 万元", "较上年增加 1.98 万元")], 477, 477],
  ["arithmetic.parts-sum", HS, [sub(499, "政府采购服务支出 9.52 万元", "政府采购服务支出 19.52 万元")], 499, 499],
  // Rounding: the unmutated seed's own tails (公开06 301 = Σ 款 off by 0.01; 事业单位医疗 38.83 / 38.82).
  ["rounding.sum", HS, [], 281, 294],
  ["rounding.figure", HS, [], 445, 445],
];

describe("the rule catalogue", () => {
  it("gives every rule a unique id, a severity and a one-line Chinese description", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^(completeness|identity|table|across|narrative|arithmetic|rounding)\.[a-z-]+$/);
      expect(r.id.startsWith(`${r.kind}.`)).toBe(true);
      expect(["error", "warning", "hint"]).toContain(r.severity);
      expect(r.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.zh).not.toContain("\n");
      expect(r.en.length).toBeGreaterThan(0);
    }
  });

  it("has a planted-defect case for every rule", () => {
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set(RULES.map((r) => r.id)));
  });

  it("rates a difference within rounding a hint, never an error", () => {
    expect(RULES.filter((r) => r.kind === "rounding").map((r) => r.severity)).not.toContain("error");
  });
});

describe("each rule finds its planted defect at the right line", () => {
  const clean: Record<string, DocumentAudit> = { [HS]: auditSeed(HS), [JXJ]: auditSeed(JXJ), [DXH]: auditSeed(DXH) };
  it.each(CASES)("%s", (rule, file, edits, from, to) => {
    const audit = auditSeed(file, ...edits);
    const hits = findingsAt(audit, rule, from, to);
    expect(hits.length, audit.findings.map((f) => `${f.rule} L${f.citations.map((c) => c.line).join(",")} ${f.message}`).join("\n")).toBeGreaterThan(0);
    const f = hits[0];
    expect(f?.severity).toBe(RULES.find((r) => r.id === rule)?.severity);
    expect(f?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(f?.citations.every((c) => c.file === file && c.quote.length > 0 && c.lineEnd >= c.line)).toBe(true);
    // The unmutated seed does not report it there (rounding cases are the seed's own).
    if (edits.length > 0) expect(findingsAt(clean[file] as DocumentAudit, rule, from, to)).toEqual([]);
  });
});

/** More shapes of some rules, and the conventions that must not be reported: [rule, edits, lines, reported]. */
const MORE: readonly (readonly [string, string, readonly Edit[], number, number, boolean])[] = [
  ["arithmetic.parts-sum", "人员经费 + 公用经费 ≠ 基本支出", [sub(461, "人员经费 984.2 万元", "人员经费 994.2 万元")], 459, 463, true],
  ["narrative.zero-claim", "a part written 0 in a complete breakdown", [sub(461, "人员经费 984.2 万元", "人员经费 0 万元")], 461, 461, true],
  ["narrative.zero-claim", "a part written 0 beside its share", [sub(389, "基本支出 1070.17 万元", "基本支出 0 万元")], 389, 389, true],
  ["arithmetic.compare-budget", "“等于” where 5.99 exceeds 0", [sub(441, "支出决算数大于年初预算数", "支出决算数等于年初预算数")], 441, 441, true],
  ["arithmetic.compare-budget", "“大于预算数” judged against the real budget, not a 0 beside it", [sub(441, "年初预算为 0 万元", "年初预算为 0 万元，全年预算为 9.99 万元"), sub(441, "大于年初预算数", "大于预算数")], 441, 441, true],
  ["arithmetic.compare-budget", "“大于年初预算数” of a 0 年初 budget beside a 全年 one holds", [sub(441, "年初预算为 0 万元", "年初预算为 0 万元，全年预算为 9.99 万元")], 441, 441, false],
  ["arithmetic.compare-prior", "“较上年增加的主要原因” after a decrease", [sub(477, "决算数较上年减少的主要原因", "决算数较上年增加的主要原因")], 477, 477, true],
  ["arithmetic.growth", "a rate from a zero base other than 100%", [sub(371, "收、支总计减少 17.99 万元，下降 1.6%", "收、支总计增加 1115.55 万元，增长 76.6%")], 371, 371, true],
  ["arithmetic.growth", "“增长 100%” from a zero base is the convention", [sub(371, "收、支总计减少 17.99 万元，下降 1.6%", "收、支总计增加 1115.55 万元，增长 100%")], 371, 371, false],
  ["arithmetic.share", "a share rounded or cut at its last digit", [sub(415, "占 64.4%", "占 64.5%")], 415, 415, false],
  ["identity.repeated-punctuation", "an ellipsis is not doubled punctuation", [sub(415, "主要是用于", "主要是……用于")], 415, 415, false],
];

describe("more shapes, and conventions that are not defects", () => {
  it.each(MORE)("%s: %s", (rule, _what, edits, from, to, reported) => {
    const audit = auditSeed(HS, ...edits);
    expect(findingsAt(audit, rule, from, to).length > 0).toBe(reported);
  });
});

