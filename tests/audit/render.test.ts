import { describe, expect, it } from "vitest";
import { RULES, renderAuditMarkdown, renderAuditSummary, renderAuditText, type DocumentAudit } from "../../src/audit/index.js";
import { auditSeed } from "./_seed.js";

const FILE = "corpus/2024-hongshan-qiyefuwu.txt";
const DOC: DocumentAudit = {
  file: FILE,
  department: "武汉市洪山区企业服务中心",
  year: 2024,
  findings: [
    {
      rule: "arithmetic.share",
      severity: "error",
      message: "科学技术支出 718.91 占 一般公共预算财政拨款支出 1,115.55 的比重应为 64.4%，说明写作 46.4%",
      expected: "64.4%",
      found: "46.4%",
      citations: [{ file: FILE, line: 415, lineEnd: 415, quote: "1. 科学技术支出类支出 718.91 万元，占 46.4%。" }],
    },
    {
      rule: "rounding.figure",
      severity: "warning",
      message: "说明中事业单位医疗为 38.82 万元，公开05表为 38.83 万元",
      expected: "38.83",
      found: "38.82",
      citations: [
        { file: FILE, line: 259, lineEnd: 259, quote: "2101102 | 事业单位医疗 | 38.83 | 38.83" },
        { file: FILE, page: 12, line: 445, lineEnd: 446, quote: "…支出决算为 38.82 万元…" },
      ],
    },
  ],
  unchecked: [{ rule: "table.hierarchy", reason: "第332行“302 商品和服务支出”识别存疑", citations: [{ file: FILE, line: 332, lineEnd: 332, quote: "301 | 工资福利支出" }] }],
};

describe("renderAuditMarkdown", () => {
  it("groups findings by severity under a summary line, citing both sides with file, line and page", () => {
    const md = renderAuditMarkdown({ documents: [DOC] });
    expect(md).toBe(
      [
        "# 决算公开审核报告",
        "",
        `共检查 ${RULES.length} 条规则。`,
        "",
        "## 武汉市洪山区企业服务中心 2024",
        "",
        "`corpus/2024-hongshan-qiyefuwu.txt`",
        "",
        "**武汉市洪山区企业服务中心 2024 年度：错误 1 项，警告 1 项，提示 0 项；未能核对 1 项**",
        "",
        "### 错误（1）",
        "",
        "1. **占比与所述数字不符** `arithmetic.share` — 科学技术支出 718.91 占 一般公共预算财政拨款支出 1,115.55 的比重应为 64.4%，说明写作 46.4%",
        "   - 应为 64.4%，实为 46.4%",
        "   - 出处：corpus/2024-hongshan-qiyefuwu.txt 第415行：“1. 科学技术支出类支出 718.91 万元，占 46.4%。”",
        "",
        "### 警告（1）",
        "",
        "1. **说明与表格的同一数字相差 0.01 万元（尾差）** `rounding.figure` — 说明中事业单位医疗为 38.82 万元，公开05表为 38.83 万元",
        "   - 应为 38.83，实为 38.82",
        "   - 出处：corpus/2024-hongshan-qiyefuwu.txt 第259行：“2101102 \\| 事业单位医疗 \\| 38.83 \\| 38.83”",
        "   - 出处：corpus/2024-hongshan-qiyefuwu.txt 第445–446行（第12页）：“…支出决算为 38.82 万元…”",
        "",
        "### 未能核对（1）",
        "",
        "- `table.hierarchy` 第332行“302 商品和服务支出”识别存疑 — corpus/2024-hongshan-qiyefuwu.txt 第332行",
        "",
      ].join("\n"),
    );
  });

  it("writes English headings with lang en, and says so when a document is clean", () => {
    const md = renderAuditMarkdown({ documents: [DOC, { ...DOC, findings: [], unchecked: [] }] }, "en");
    expect(md).toContain("# Disclosure audit report");
    expect(md).toContain("### Errors (1)");
    expect(md).toContain("   - expected 64.4%, found 46.4%");
    expect(md).toContain("source: corpus/2024-hongshan-qiyefuwu.txt line 445–446 (page 12): “…支出决算为 38.82 万元…”");
    expect(md).toContain("### Could not check (1)");
    expect(md).toContain("No problems found.");
  });
});

describe("renderAuditText and renderAuditSummary", () => {
  it("prints the summary line, then each finding with its rule and lines", () => {
    expect(renderAuditSummary(DOC)).toBe("武汉市洪山区企业服务中心 2024 年度：错误 1 项，警告 1 项，提示 0 项；未能核对 1 项");
    expect(renderAuditText({ documents: [DOC] }).split("\n").slice(0, 5)).toEqual([
      `== ${FILE}`,
      "武汉市洪山区企业服务中心 2024 年度：错误 1 项，警告 1 项，提示 0 项；未能核对 1 项",
      "  错误 (1)",
      "    [arithmetic.share] L415: 科学技术支出 718.91 占 一般公共预算财政拨款支出 1,115.55 的比重应为 64.4%，说明写作 46.4% (应为 64.4%，实为 46.4%)",
      "  警告 (1)",
    ]);
  });
});

describe("citations", () => {
  it("carry the page of a line when the text has page breaks (form feeds), and none otherwise", () => {
    const paged = auditSeed("corpus/2024-hongshan-qiyefuwu.txt", (lines) => lines.map((l, i) => (i === 399 ? `\f${l}` : l)));
    const cite = paged.findings.find((f) => f.rule === "rounding.figure")?.citations;
    expect(cite?.map((c) => [c.line, c.page])).toEqual([
      [259, 1],
      [445, 2],
    ]);
    const plain = auditSeed("corpus/2024-hongshan-qiyefuwu.txt");
    expect(plain.findings.every((f) => f.citations.every((c) => !("page" in c)))).toBe(true);
  });
});
