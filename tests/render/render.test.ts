import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import {
  escapeHtml,
  renderAnswerHtml,
  renderAnswerPlain,
  renderFactCardHtml,
  renderSourcesHtml,
  renderSourcesPlain,
  splitHtml,
} from "../../src/render/index.js";
import { createFakeEngine, FAKE_QUESTIONS, TABLE09_CITATION } from "../fixtures/bot/fake-engine.js";
import { checkTelegramHtml } from "../fixtures/bot/html-check.js";

const engine = createFakeEngine();
async function ask(q: string): Promise<Answer> {
  return (await engine.ask(q)).answer;
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("escapeHtml", () => {
  it.each([
    ["a<b", "a&lt;b"],
    ["x & y", "x &amp; y"],
    ["&amp;", "&amp;amp;"],
    ['"q" >', "&quot;q&quot; &gt;"],
    ["公开09表", "公开09表"],
  ])("escapes %j", (input, out) => {
    expect(escapeHtml(input)).toBe(out);
  });
});

describe("renderAnswerPlain", () => {
  it("puts the figure first, then 口径 and status, then every citation with its quote", async () => {
    const text = renderAnswerPlain(await ask(FAKE_QUESTIONS.reception));
    expect(text.split("\n")).toEqual([
      "3.87 万元",
      "武汉市经济和信息化局2024年度公务接待费支出决算为3.87万元。",
      "口径：2024年度 财政拨款“三公”经费 决算数",
      "核验：✅ 已核验：与情况说明一致",
      "来源：",
      "[1] corpus/2024-wuhan-jingxinju.txt 第440行｜公开09表 财政拨款“三公”经费支出决算表",
      "    “70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87”",
      "[2] corpus/2024-wuhan-jingxinju.txt 第586行｜第三部分 部门决算情况说明 > 九、财政拨款“三公”经费支出决算情况说明",
      "    “3.公务接待费全年预算为 4.37 万元,支出决算为 3.87 万元,完成全年预算的 88.6%,较上年增加 1.77 万元,增长 84.3%。”",
    ]);
  });

  it("builds 口径 and status in words when the answer text has none", async () => {
    const state = { department: "武汉市经济和信息化局", year: 2024, topic: "公务接待费", aspect: "决算", lang: "zh" } as const;
    const text = renderAnswerPlain((await engine.ask(FAKE_QUESTIONS.vehicleFollowUp, state)).answer);
    expect(text.split("\n").slice(0, 4)).toEqual([
      "28.94 万元",
      "武汉市经济和信息化局2024年度公务用车购置及运行维护费支出决算为28.94万元。",
      "口径：武汉市经济和信息化局｜2024年度｜单位：万元",
      "核验：✅ 已核验（与合计或其他出处一致）",
    ]);
  });

  it("writes English labels for an English answer", async () => {
    const text = renderAnswerPlain(await ask(FAKE_QUESTIONS.english));
    expect(text).toContain("Basis: 武汉市经济和信息化局 · FY2024 · unit: 万元");
    expect(text).toContain("Status: ✅ verified (agrees with totals or another source)");
    expect(text).toContain("[1] corpus/2024-wuhan-jingxinju.txt line 440｜公开09表");
  });

  it("renders a refusal as its text alone", async () => {
    const a = await ask(FAKE_QUESTIONS.unknown);
    expect(renderAnswerPlain(a)).toBe(a.text);
  });

  it("groups thousands in the figure and writes % without a space", () => {
    const base = { question: "q", kind: "number", text: "", department: null, year: null, status: null, citations: [], error: null, lang: "zh" } as const;
    expect(renderAnswerPlain({ ...base, value: "113311.47", unit: "万元" })).toBe("113,311.47 万元");
    expect(renderAnswerPlain({ ...base, value: "95.9", unit: "%" })).toBe("95.9%");
  });
});

describe("renderAnswerHtml", () => {
  it("escapes every dynamic string, including quotes with < and &", async () => {
    const parts = renderAnswerHtml(await ask(FAKE_QUESTIONS.escape));
    expect(parts).toHaveLength(1);
    const html = parts[0] ?? "";
    expect(html).toContain("说明中写道：收入&lt;支出 &amp; 结余&gt;0。");
    expect(html).toContain("<blockquote>收入&lt;支出 &amp; 结余&gt;0 &lt;u&gt;crumb&lt;/u&gt; &amp;amp;</blockquote>");
    expect(checkTelegramHtml(html)).toEqual([]);
  });

  it("shows the figure in bold, status, and the 公开09表 citation with its line", async () => {
    const [html] = renderAnswerHtml(await ask(FAKE_QUESTIONS.reception));
    expect(html?.startsWith("<b>3.87 万元</b>\n武汉市经济和信息化局2024年度公务接待费支出决算为3.87万元。\n<b>口径</b>：")).toBe(true);
    expect(html).toContain("<b>核验</b>：✅ 已核验：与情况说明一致");
    expect(html).toContain("1. <code>corpus/2024-wuhan-jingxinju.txt</code> 第440行\n<i>公开09表 财政拨款“三公”经费支出决算表</i>");
    expect(html).not.toContain("来源：corpus");
    expect(checkTelegramHtml(html ?? "")).toEqual([]);
  });

  it("lists three citations of a figure and points to /sources for the rest", () => {
    const a: Answer = {
      question: "q",
      kind: "number",
      text: "说明",
      value: null,
      unit: null,
      department: null,
      year: null,
      status: null,
      citations: Array.from({ length: 5 }, (_, i) => ({ ...TABLE09_CITATION, line: 440 + i, lineEnd: 440 + i })),
      error: null,
      lang: "zh",
    };
    const html = renderAnswerHtml(a).join("\n");
    expect(html).toContain("3. <code>");
    expect(html).not.toContain("4. <code>");
    expect(html).toContain("<i>……另有 2 处出处，发送 /sources 查看全部。</i>");
    expect(renderAnswerHtml({ ...a, kind: "text" }).join("\n")).toContain("5. <code>");
  });

  it("drops the answer stage's own source lines and shows the structured citations once", () => {
    const a: Answer = {
      question: "经信局公务接待费多少",
      kind: "number",
      text: [
        "武汉市经济和信息化局 2024年度 公务接待费（决算数）：3.87 万元",
        "核验：已核验：2处来源数字一致",
        "来源：",
        "• corpus/2024-wuhan-jingxinju.txt 第440行 · 公开09表 财政拨款“三公”经费支出决算表",
        "  “70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87”",
      ].join("\n"),
      value: "3.87",
      unit: "万元",
      department: "武汉市经济和信息化局",
      year: 2024,
      status: "verified",
      citations: [TABLE09_CITATION],
      error: null,
      lang: "zh",
    };
    expect(renderAnswerPlain(a).split("\n")).toEqual([
      "3.87 万元",
      "武汉市经济和信息化局 2024年度 公务接待费（决算数）：3.87 万元",
      "口径：武汉市经济和信息化局｜2024年度｜单位：万元",
      "核验：✅ 已核验：2处来源数字一致",
      "来源：",
      "[1] corpus/2024-wuhan-jingxinju.txt 第440行｜公开09表 财政拨款“三公”经费支出决算表",
      "    “70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87”",
    ]);
    expect(renderAnswerHtml(a).join("").match(/第440行/g)).toHaveLength(1);
  });

  it("splits a 10k-character answer into valid parts of at most 4096 characters", async () => {
    const a = await ask(FAKE_QUESTIONS.long);
    const parts = renderAnswerHtml(a);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(checkTelegramHtml(p)).toEqual([]);
    }
    // Cuts fall on line boundaries: every part starts a numbered paragraph or a block.
    for (const p of parts.slice(1)) expect(p).toMatch(/^(\d+\. |<b>|\d+\. <code>)/);
    const joined = parts.map(visibleText).join("\n");
    expect(joined).toContain("220. 本部门严格执行预算");
    expect(joined.match(/本部门严格执行预算/g)).toHaveLength(220);
  });
});

describe("splitHtml", () => {
  it("returns short html unchanged", () => {
    expect(splitHtml("<b>a</b>\nb", 4096)).toEqual(["<b>a</b>\nb"]);
  });

  it("cuts at line boundaries", () => {
    expect(splitHtml("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
  });

  it("closes and reopens a tag open at the cut", () => {
    const parts = splitHtml('<blockquote>aaaa bbbb cccc dddd</blockquote>', 34);
    expect(parts).toEqual(["<blockquote>aaaa bbbb</blockquote>", "<blockquote>cccc dddd</blockquote>"]);
  });

  it("never cuts inside an entity or a tag", () => {
    const html = `<b>${"&amp;".repeat(50)}</b>`;
    for (const limit of [20, 21, 22, 23, 24, 25, 26, 30, 37]) {
      const parts = splitHtml(html, limit);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(checkTelegramHtml(p)).toEqual([]);
      }
      expect(parts.map(visibleText).join("")).toBe("&".repeat(50));
    }
  });

  it("keeps surrogate pairs whole", () => {
    const parts = splitHtml("😀".repeat(10), 5);
    expect(parts.join("")).toBe("😀".repeat(10));
    for (const p of parts) expect(p).toMatch(/^(😀)+$/u);
  });

  it("keeps an <a href> link whole and reopens it", () => {
    const parts = splitHtml('<a href="http://x/?a=1&amp;b=2">one two three four</a>', 50);
    for (const p of parts) expect(checkTelegramHtml(p)).toEqual([]);
    expect(parts[0]).toMatch(/^<a href="http:\/\/x\/\?a=1&amp;b=2">/);
    expect(parts.map(visibleText).join(" ")).toBe("one two three four");
  });
});

describe("renderSources", () => {
  it("quotes every citation with document, table or section and lines", () => {
    const plain = renderSourcesPlain([TABLE09_CITATION, { ...TABLE09_CITATION, line: 574, lineEnd: 575, table: null, section: "九、说明" }], "zh");
    expect(plain).toBe(
      [
        "来源：",
        "[1] corpus/2024-wuhan-jingxinju.txt 第440行｜公开09表 财政拨款“三公”经费支出决算表",
        "    “70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87”",
        "[2] corpus/2024-wuhan-jingxinju.txt 第574–575行｜九、说明",
        "    “70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87”",
      ].join("\n"),
    );
    const html = renderSourcesHtml([TABLE09_CITATION], "en", { question: "a<b" });
    expect(html).toEqual([
      "<b>Sources</b>: a&lt;b\n\n1. <code>corpus/2024-wuhan-jingxinju.txt</code> line 440\n<i>公开09表 财政拨款“三公”经费支出决算表</i>\n<blockquote>70.07 | 36.74 | 28.96 | 28.96 | 4.37 | 69.55 | 36.74 | 28.94 | 28.94 | 3.87</blockquote>",
    ]);
  });

  it("turns TABs of a raw table row into cell separators", () => {
    expect(renderSourcesPlain([{ ...TABLE09_CITATION, quote: "70.07\t36.74\t\t28.96\t\t\t" }], "zh")).toContain("“70.07 | 36.74 | | 28.96”");
  });
});

describe("renderFactCardHtml", () => {
  it("is one valid message with the question, figure, status and first citation", async () => {
    const card = renderFactCardHtml(await ask(FAKE_QUESTIONS.reception));
    expect(card.startsWith("❓ 经信局公务接待费多少\n<b>3.87 万元</b>\n")).toBe(true);
    expect(card).toContain("✅ 已核验");
    expect(card).toContain("第440行");
    expect(card).not.toContain("第586行");
    expect(checkTelegramHtml(card)).toEqual([]);
  });

  it("stays under 4096 characters for a long answer", async () => {
    const card = renderFactCardHtml(await ask(FAKE_QUESTIONS.long));
    expect(card.length).toBeLessThan(1500);
    expect(checkTelegramHtml(card)).toEqual([]);
  });
});

describe("splitHtml on generated markup", () => {
  // A tiny deterministic PRNG so failures reproduce.
  function rng(seed: number): () => number {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }
  const pieces = ["公务接待费", "3.87", " ", "\n", "&amp;", "&lt;", "，", "。", "😀", "abc", "\t"];
  const tags = ["b", "i", "code", "blockquote"];

  function generate(rand: () => number, depth = 0): string {
    let out = "";
    const n = 5 + Math.floor(rand() * 40);
    for (let k = 0; k < n; k++) {
      const r = rand();
      if (r < 0.1 && depth < 3) {
        const t = tags[Math.floor(rand() * tags.length)] ?? "b";
        out += `<${t}>${generate(rand, depth + 1)}</${t}>`;
      } else out += pieces[Math.floor(rand() * pieces.length)] ?? "";
    }
    return out;
  }

  // Limits stay above three levels of open + close tags (≈ 80 characters), as any real limit does.
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: parts are valid, within the limit, and keep the text", (seed) => {
    const rand = rng(seed);
    const html = generate(rand) + generate(rand) + generate(rand);
    for (const limit of [90, 100, 160, 333]) {
      const parts = splitHtml(html, limit);
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(checkTelegramHtml(p)).toEqual([]);
      }
      const squash = (s: string): string => visibleText(s).replace(/\s+/g, "");
      expect(parts.map(squash).join("")).toBe(squash(html));
    }
  });
});
