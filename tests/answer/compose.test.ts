import { ITEMS } from "../../src/facts/items.js";
import { describe, expect, it } from "vitest";
import { composeAnswer, type AnswerData, type AnswerRequest, type FigureTarget } from "../../src/answer/index.js";
import type { Fact } from "../../src/facts/types.js";
import type { Unit } from "../../src/core/money.js";
import { corpusReader, DEPT, FILE, narrativeFact, tableFact } from "../fixtures/answer/facts.js";

const OTHER = "测试区商务局";
const facts: Fact[] = [
  tableFact({ subject: "公务接待费", value: "3.87", line: 440, item: "reception", column: ["决算数", "公务接待费"], status: "verified", key: "r" }),
  narrativeFact({ subject: "公务接待费", value: "3.87", line: 586, item: "reception", quote: "3.公务接待费全年预算为4.37万元,支出决算为3.87万元", status: "verified", key: "r" }),
  tableFact({ subject: "因公出国(境)费", value: "0.1", line: 440, item: "outbound_travel", column: ["决算数", "因公出国(境)费"], status: "verified" }),
  tableFact({ subject: "公务用车运行维护费", value: "0.2", line: 440, item: "vehicle_operation", column: ["决算数", "公务用车运行维护费"], status: "repaired" }),
  narrativeFact({ subject: "收、支总计", value: "-17.99", line: 371, item: "grand_total", measure: "增减", qualifier: ["较上年"], quote: "收、支总计各减少17.99万元，下降1.6%" }),
  tableFact({ subject: "公务接待费", value: "20.85", line: 494, item: "reception", department: OTHER, year: 2023, status: "verified" }),
];

const passages = [
  { file: "corpus/test-dept.txt", line: 574, lineEnd: 576, table: null, section: "九、三公经费", text: "三公经费较上年增加。决算数较上年增加的主要原因是因公出国(境)费增加。", context: "三公经费较上年增加。决算数较上年增加的主要原因是因公出国(境)费增加。", score: 1 },
];

const data: AnswerData = {
  factsFor: (d, y) => facts.filter((f) => f.department === d && f.year === y),
  readLine: corpusReader(facts, passages),
  searchPassages: async () => passages,
  nextPassage: () => null,
  sectionPassages: () => [],
};

function t(p: Partial<FigureTarget>): FigureTarget {
  const named = p.items?.[0] ? ITEMS[p.items[0]].zh : "";
  return { department: DEPT, year: 2024, items: [], code: null, topic: null, aspect: "决算", unitHint: null, subject: p.topic ?? named, ...p };
}

const ask = (req: AnswerRequest) => composeAnswer(req, data);

describe("composeAnswer", () => {
  it("states a figure first, then its status in words, then every citation", async () => {
    const a = await ask({ kind: "figure", question: "公务接待费多少", lang: "zh", target: t({ items: ["reception"] }), defaultYear: true });
    expect(a).toMatchObject({ kind: "number", value: "3.87", unit: "万元", department: DEPT, year: 2024, status: "verified", error: null });
    expect(a.text.split("\n")[0]).toBe(`${DEPT} 2024年度 公务接待费（决算数）：3.87 万元（未指明年度，按语料中最新的2024年度）`);
    expect(a.text).toContain("已核验");
    expect(a.citations.map((c) => c.line).sort()).toEqual([440, 586]);
    expect(a.citations.find((c) => c.line === 440)?.table).toBe("公开09表 财政拨款“三公”经费支出决算表");
  });

  it("answers in English when asked in English, keeping the Chinese item name", async () => {
    const a = await ask({ kind: "figure", question: "official receptions?", lang: "en", target: t({ items: ["reception"] }), defaultYear: false });
    expect(a.text).toContain("公务接待费 (official reception)");
    expect(a.text).toContain("verified");
  });

  it("reports a decrease as its magnitude with the direction in words", async () => {
    const a = await ask({ kind: "figure", question: "收支总计比上年减少了多少", lang: "zh", target: t({ items: ["grand_total"], aspect: "增减" }), defaultYear: false });
    expect(a.value).toBe("17.99");
    expect(a.text).toContain("减少 17.99 万元");
  });

  it("quotes a sentence's own verb for a change it states against no basis, never 较上年", async () => {
    const cut = narrativeFact({ subject: "咨询顾问项目", value: "-78.84", line: 700, measure: "增减", predicate: "调减", quote: "“咨询顾问”项目预算年中调减78.84万元" });
    const d = { ...data, factsFor: () => [cut], readLine: corpusReader([cut], []) };
    const a = await composeAnswer({ kind: "figure", question: "咨询顾问项目年中调减了多少预算", lang: "zh", target: t({ topic: "咨询顾问项目", aspect: "增减" }), defaultYear: false }, d);
    expect(a.value).toBe("78.84");
    expect(a.text.split("\n")[0]).toContain("咨询顾问项目调减 78.84 万元");
    expect(a.text).not.toContain("较上年");
  });

  it("never states a share of a part larger than its whole (the operands are of different 口径)", async () => {
    const pool = [
      narrativeFact({ subject: "基本支出", value: "367180.56", line: 800, quote: "基本支出367180.56万元" }),
      narrativeFact({ subject: "财政拨款支出", value: "266783.56", line: 801, quote: "财政拨款支出266783.56万元" }),
    ];
    const d = { ...data, factsFor: () => pool, readLine: corpusReader(pool, []) };
    const req = { kind: "share", question: "财政拨款支出里基本支出占多少比例", lang: "zh", targets: [t({ topic: "基本支出" }), t({ topic: "财政拨款支出" })] } as const;
    expect((await composeAnswer({ ...req, partOfWhole: true }, d)).kind).not.toBe("number");
    // A ratio that is no part of a whole (outturn ÷ budget) may exceed 100 %.
    expect((await composeAnswer(req, d)).value).toBe("137.63");
  });

  it("sums exactly in decimal (0.1 + 0.2 = 0.3) and cites each operand", async () => {
    const a = await ask({ kind: "sum", question: "出国和车辆运行一共多少", lang: "zh", targets: [t({ items: ["outbound_travel"] }), t({ items: ["vehicle_operation"] })] });
    expect(a.value).toBe("0.3");
    expect(a.status).toBe("repaired");
    expect(a.text).toContain("= 0.3 万元");
  });

  it("compares two departments with the exact difference", async () => {
    const a = await ask({
      kind: "compare",
      question: "两个部门公务接待费对比",
      lang: "zh",
      targets: [t({ items: ["reception"] }), t({ items: ["reception"], department: OTHER, year: 2023 })],
    });
    expect(a.error).toBeNull();
    expect(a.value).toBe("16.98");
    expect(a.department).toBeNull();
  });

  it.each([
    ["两个部门公务接待费哪个多？多的那个是多少", "20.85"],
    ["两个部门公务接待费哪个多，多多少", "16.98"],
    ["两个部门谁的公务接待费多？多少？", "20.85"],
  ])("answers %s with the figure asked (the larger, or the gap)", async (question, value) => {
    const a = await ask({ kind: "compare", question, lang: "zh", targets: [t({ items: ["reception"] }), t({ items: ["reception"], department: OTHER, year: 2023 })] });
    expect(a).toMatchObject({ kind: "number", value });
    expect(a.text).toContain("差额 16.98 万元");
  });

  it("ranks departments, highest first", async () => {
    const a = await ask({ kind: "rank", question: "哪个部门公务接待费最多", lang: "zh", ascending: false, targets: [t({ items: ["reception"] }), t({ items: ["reception"], department: OTHER, year: 2023 })] });
    expect(a).toMatchObject({ kind: "number", value: "20.85", department: OTHER, year: 2023 });
  });

  it("refuses an item the department does not disclose, naming it", async () => {
    const a = await ask({ kind: "figure", question: "办公用房面积多少", lang: "zh", target: t({ topic: "办公用房面积" }), defaultYear: false });
    expect(a).toMatchObject({ kind: "refuse", value: null, error: { code: "not_disclosed", item: "办公用房面积", department: DEPT, year: 2024 } });
  });

  it.each([
    [{ code: "no_such_department", asked: "武汉市财政局", known: [DEPT] }, "没有“武汉市财政局”"],
    [{ code: "year_not_covered", department: DEPT, year: 2023, available: [2024] }, "现有年度：2024"],
    [{ code: "ambiguous", asked: "商务局", candidates: [DEPT, OTHER] }, "可能指"],
  ] as const)("words the refusal %j", async (error, phrase) => {
    const a = await ask({ kind: "refuse", question: "q", lang: "zh", error });
    expect(a.kind).toBe("refuse");
    expect(a.error).toEqual(error);
    expect(a.text).toContain(phrase);
  });

  it("quotes the passage that explains, with its citation", async () => {
    const a = await ask({ kind: "passage", question: "三公经费为什么增加", lang: "zh", passageKind: "explain", query: "三公经费增加原因", department: DEPT, year: 2024 });
    expect(a.kind).toBe("text");
    expect(a.text).toContain("因公出国(境)费增加");
    expect(a.citations[0]).toMatchObject({ line: 574, lineEnd: 576 });
  });
});

describe("composeAnswer: a text question's heading", () => {
  const found = [
    { file: FILE, line: 834, lineEnd: 839, table: null, section: "四、其他重要事项", text: "绩效自评结果。我部门今年开展了部门整体支出及7个项目绩效自评。部门整体支出绩效自评得分为0分。", context: "绩效自评结果。我部门今年开展了部门整体支出及7个项目绩效自评。部门整体支出绩效自评得分为0分。", score: 1 },
    { file: FILE, line: 847, lineEnd: 849, table: null, section: "四、其他重要事项", text: "带动区域的发展。发现的问题及原因：一是部分项目实施的经费是从市交通运输局划转过来，需后续追加。", context: "带动区域的发展。发现的问题及原因：一是部分项目实施的经费是从市交通运输局划转过来，需后续追加。", score: 0.8 },
  ];
  const d: AnswerData = { ...data, searchPassages: async () => found, readLine: corpusReader([], found) };
  const req = (headings: string[]): AnswerRequest => ({ kind: "passage", question: "绩效自评发现了什么问题", lang: "zh", passageKind: "explain", query: "绩效自评发现了什么问题 发现的问题及原因", department: DEPT, year: 2019, topic: "绩效自评", headings });
  it("quotes first the passage under the document's heading for what is asked (发现的问题及原因), over one naming only the topic", async () => {
    expect((await composeAnswer(req(["发现的问题及原因"]), d)).citations[0]?.line).toBe(847);
  });
});

describe("composeAnswer on two figures of one item", () => {
  const pool: Fact[] = [
    tableFact({ subject: "“三公”经费", value: "70.07", line: 440, item: "sangong_total", measure: "预算", column: ["预算数", "合计"], status: "verified" }),
    tableFact({ subject: "“三公”经费", value: "69.55", line: 440, item: "sangong_total", column: ["决算数", "合计"], status: "verified" }),
    narrativeFact({ subject: "“三公”经费", value: "32.96", line: 574, item: "sangong_total", measure: "增减", qualifier: ["较上年"], quote: "较上年增加32.96万元" }),
  ];
  const d: AnswerData = { ...data, factsFor: () => pool, readLine: corpusReader(pool) };

  it("compares budget and actual, naming each 口径", async () => {
    const a = await composeAnswer(
      { kind: "compare", question: "三公经费预算比实际多多少", lang: "zh", targets: [t({ items: ["sangong_total"], aspect: "预算" }), t({ items: ["sangong_total"] })] },
      d,
    );
    expect(a.value).toBe("0.52");
    expect(a.text).toContain("(预算数)");
    expect(a.text).toContain("(决算数)");
  });

  it("refuses a year without a disclosure, showing the next year's figure and stated change, never a computed figure", async () => {
    const error = { code: "year_not_covered", department: DEPT, year: 2023, available: [2024] } as const;
    const a = await composeAnswer({ kind: "prior", question: "2023年三公经费多少", lang: "zh", target: t({ items: ["sangong_total"] }), prior: 2023, error }, d);
    expect(a).toMatchObject({ kind: "refuse", value: null, error });
    expect(a.text).toContain("69.55 万元，较上年增加 32.96 万元");
    expect(a.text).not.toContain("36.59");
    expect(a.citations.map((c) => c.line).sort()).toEqual([440, 574]);
  });

  it("works out the earlier year's figure only when the question asks for it worked out, labelled and cited", async () => {
    const error = { code: "year_not_covered", department: DEPT, year: 2023, available: [2024] } as const;
    const a = await composeAnswer({ kind: "prior", question: "按2024年决算推算2023年三公经费", lang: "zh", target: t({ items: ["sangong_total"] }), prior: 2023, error, derive: true }, d);
    expect(a).toMatchObject({ kind: "number", value: "36.59", unit: "万元", year: 2023, error: null });
    expect(a.text).toContain("推算");
    expect(a.text).toContain("69.55 万元 − 32.96 万元 = 36.59 万元");
    expect(a.citations.map((c) => c.line).sort()).toEqual([440, 574]);
  });

  it("refuses a year without a disclosure plainly when the next year states no change", async () => {
    const error = { code: "year_not_covered", department: DEPT, year: 2023, available: [2024] } as const;
    const a = await composeAnswer({ kind: "prior", question: "2023年公务接待费多少", lang: "zh", target: t({ items: ["reception"] }), prior: 2023, error }, data);
    expect(a).toMatchObject({ kind: "refuse", citations: [] });
  });

  it("computes a budget stated only as the outturn's change against it, to the figures' decimals", async () => {
    const run = [
      narrativeFact({ subject: "机关运行经费", value: "3755.08", line: 702, item: "operating_expenses", quote: "机关运行经费支出3755.08万元，比年初预算数减少1094.92万元" }),
      narrativeFact({ subject: "机关运行经费", value: "-1094.92", line: 702, item: "operating_expenses", measure: "增减", qualifier: ["较年初预算"], quote: "机关运行经费支出3755.08万元，比年初预算数减少1094.92万元" }),
    ];
    const a = await composeAnswer({ kind: "offset", question: "机关运行经费的年初预算", lang: "zh", target: t({ items: ["operating_expenses"], aspect: "预算", qualifier: "年初预算" }) }, { ...data, factsFor: () => run, readLine: corpusReader(run) });
    expect(a).toMatchObject({ kind: "number", value: "4850.00" });
    expect(a.text).toContain("计算值");
    // A change against last year never gives a budget.
    const lastYear = [run[0]!, { ...run[1]!, qualifier: ["较上年"] }];
    const b = await composeAnswer({ kind: "offset", question: "机关运行经费的年初预算", lang: "zh", target: t({ items: ["operating_expenses"], aspect: "预算", qualifier: "年初预算" }) }, { ...data, factsFor: () => lastYear, readLine: corpusReader(lastYear) });
    expect(b.kind).toBe("refuse");
  });

  it("names a figure counted by the verb before its noun with that verb (走访企业, not 企业)", async () => {
    const visits = [{ ...narrativeFact({ subject: "企业", value: "1141", unit: "家", measure: "数量", line: 492, quote: "共走访企业1141家" }), predicate: "走访" }];
    const a = await composeAnswer({ kind: "figure", question: "走访了多少家企业", lang: "zh", target: t({ topic: "走访企业", aspect: "数量", unitHint: "家" }), defaultYear: false }, { ...data, factsFor: () => visits, readLine: corpusReader(visits) });
    expect(a.text.split("\n").slice(0, 2).join("\n")).toMatch(/走访企业（数量）：1,141 家[\s\S]*所答数字：走访企业/);
  });

  it("names the basis of a change as the document states it (较年初预算, not 较上年)", async () => {
    const rate = [narrativeFact({ subject: "机关运行经费", value: "-22.6", unit: "%", line: 702, item: "operating_expenses", measure: "增长率", qualifier: ["较年初预算"], quote: "比年初预算数减少1094.92万元,降低22.6%" })];
    const a = await composeAnswer({ kind: "figure", question: "机关运行经费比年初预算降了百分之几", lang: "zh", target: t({ items: ["operating_expenses"], aspect: "增长率", qualifier: "较年初预算" }), defaultYear: false }, { ...data, factsFor: () => rate, readLine: corpusReader(rate) });
    expect(a.text.split("\n")[0]).toContain("较年初预算下降 22.6%");
  });

  it("never answers a change against the budget with the change against last year", async () => {
    const a = await composeAnswer(
      { kind: "figure", question: "三公经费决算比年初预算少了多少", lang: "zh", target: t({ items: ["sangong_total"], aspect: "增减", qualifier: "较年初预算" }), defaultYear: false },
      d,
    );
    expect(a.value).not.toBe("32.96");
    expect(a.kind).toBe("refuse");
  });
});

describe("composeAnswer on a sum whose operands are one figure", () => {
  it("refuses rather than counting a figure twice", async () => {
    const a = await composeAnswer({ kind: "sum", question: "接待和招待一共多少", lang: "zh", targets: [t({ items: ["reception"] }), t({ topic: "公务接待费" })] }, data);
    expect(a.kind).toBe("refuse");
    expect(a.value).toBeNull();
  });
});

describe("composeAnswer against the corpus file (the final guard)", () => {
  it("withholds a figure that its cited line does not state (a store changed after the build)", async () => {
    const stored = tableFact({ subject: "公务接待费", value: "9.99", line: 440, item: "reception", status: "verified" });
    const corpus = corpusReader([tableFact({ subject: "公务接待费", value: "3.87", line: 440 })]);
    const a = await composeAnswer({ kind: "figure", question: "公务接待费多少", lang: "zh", target: t({ items: ["reception"] }), defaultYear: false }, { ...data, factsFor: () => [stored], readLine: corpus });
    expect(a).toMatchObject({ kind: "refuse", value: null, error: { code: "guard_rejected", numbers: ["9.99"] } });
    expect(a.text).not.toContain("9.99");
  });

  it("withholds a passage whose stored quote is not in the corpus file", async () => {
    const altered = [{ ...passages[0]!, text: "三公经费较上年减少。主要原因是会议全部取消。" }];
    const a = await composeAnswer(
      { kind: "passage", question: "三公经费为什么增加", lang: "zh", passageKind: "explain", query: "三公经费增加原因", department: DEPT, year: 2024 },
      { ...data, searchPassages: async () => altered },
    );
    expect(a).toMatchObject({ kind: "refuse", citations: [], error: { code: "guard_rejected" } });
    expect(a.text).not.toContain("会议全部取消");
  });

  it("passes a figure written with layout spaces inside (\"1, 115. 55\")", async () => {
    const f = tableFact({ subject: "收入合计", value: "1115.55", line: 134, item: "grand_total", status: "verified" });
    const spaced = { ...f, source: { ...f.source, raw: "1, 115. 55" } } as Fact;
    const corpus = (file: string, line: number) => (file === FILE && line === 134 ? "收入合计\t1, 115. 55\t718. 91" : "");
    const a = await composeAnswer({ kind: "figure", question: "收入合计多少", lang: "zh", target: t({ items: ["grand_total"] }), defaultYear: false }, { ...data, factsFor: () => [spaced], readLine: corpus });
    expect(a).toMatchObject({ kind: "number", value: "1115.55", error: null });
  });
});

describe("composeAnswer: a count in a unit of two words", () => {
  it("gives the figure in either word beside the document's own unit (台(套) → 台, 套)", async () => {
    const kit = narrativeFact({ subject: "单价50万元以上通用设备", value: "0", unit: "台(套)", measure: "数量", line: 817, quote: "单价50万元以上通用设备0台(套)" });
    const d = { ...data, factsFor: () => [kit], readLine: corpusReader([kit], []) };
    const a = await composeAnswer({ kind: "figure", question: "单价50万元以上通用设备有几台", lang: "zh", target: t({ topic: "单价50万元以上通用设备", aspect: "数量" }), defaultYear: false }, d);
    expect(a).toMatchObject({ kind: "number", value: "0", unit: "台(套)" });
    expect(a.alternatives).toEqual([{ value: "0", unit: "台" }, { value: "0", unit: "套" }]);
  });
});

describe("composeAnswer: a stated share checked by the computed one", () => {
  const quote = "1.一般公共服务支出（类）60,904.10万元，占64%";
  const facts = [
    narrativeFact({ subject: "一般公共服务支出", value: "64", unit: "%", measure: "占比", predicate: "占", line: 552, quote }),
    tableFact({ subject: "一般公共服务支出", value: "60963.95", line: 200, code: "201", table: "公开05表 一般公共预算财政拨款支出决算表" }),
    tableFact({ subject: "一般公共预算财政拨款支出", value: "95096.14", line: 199, table: "公开05表 一般公共预算财政拨款支出决算表" }),
  ];
  const d = { ...data, factsFor: () => facts, readLine: corpusReader(facts, []) };
  const ask = (stated: string) =>
    composeAnswer(
      {
        kind: "figure",
        question: "一般公共服务支出占一般公共预算财政拨款支出的比重是多少",
        lang: "zh",
        target: t({ topic: "一般公共服务支出", aspect: "占比" }),
        defaultYear: false,
        fallback: { kind: "share", question: "一般公共服务支出占一般公共预算财政拨款支出的比重是多少", lang: "zh", targets: [t({ topic: "一般公共服务支出" }), t({ topic: "一般公共预算财政拨款支出" })] },
      },
      { ...d, factsFor: () => facts.map((f) => (f.measure === "占比" ? { ...f, value: stated } : f)) },
    );
  it("keeps the stated share where the computed one rounds to it (64 % written, 64.11 % computed)", async () => {
    expect((await ask("64")).value).toBe("64");
  });
  it("answers the computed share where they disagree at the stated precision", async () => {
    expect((await ask("60")).value).toBe("64.11");
  });
});

describe("composeAnswer: a share's whole stated beside the part", () => {
  const quote = "9.政务和大数据局业务经费18430.93万元，其中：5701.46万元用于低空共享无人机应用示范区建设";
  const facts = [
    narrativeFact({ subject: "低空共享无人机应用示范区建设项目", value: "5701.46", line: 1976, quote: "低空共享无人机应用示范区建设项目执行数5701.46万元" }),
    narrativeFact({ subject: "低空共享无人机应用示范区建设", value: "5701.46", line: 602, quote }),
    narrativeFact({ subject: "政务和大数据局业务经费", value: "18430.93", line: 602, quote }),
    narrativeFact({ subject: "政务和大数据局业务经费", value: "13633.78", line: 1824, quote: "政务和大数据局业务经费执行数13633.78万元" }),
  ];
  const d = { ...data, factsFor: () => facts, readLine: corpusReader(facts, []) };
  it("divides by the whole of the part's own sentence, not another figure of the whole's name", async () => {
    const q = "政务和大数据局业务经费中，低空共享无人机应用示范区建设占多大比例";
    const a = await composeAnswer({ kind: "share", question: q, lang: "zh", targets: [t({ topic: "低空共享无人机应用示范区建设" }), t({ topic: "政务和大数据局业务经费" })] }, d);
    expect(a.value).toBe("30.93");
  });
});

describe("composeAnswer: an amount in 万元 asked in 元", () => {
  it("carries the same amount in 元 as its alternative", async () => {
    const a = await ask({ kind: "figure", question: "公务接待费是多少元", lang: "zh", target: t({ items: ["reception"] }), defaultYear: false });
    expect(a).toMatchObject({ value: "3.87", unit: "万元" });
    expect(a.alternatives).toContainEqual({ value: "38700", unit: "元" });
  });
});

describe("composeAnswer: a count in the other words its things are counted in", () => {
  it.each<[string, Unit, string, string[]]>([
    ["公务用车", "台", "几台公车", ["辆"]],
    ["公务用车", "辆", "几辆公车", ["台"]],
    ["单位价值100万元以上设备", "台", "几台大型设备", []],
    ["新发展党员", "名", "发展了多少党员", ["人", "位"]],
    ["签约企业", "家", "签约了几个企业", ["个"]],
  ])("%s counted in %s (%s) also in %j", async (subject, unit, q, twins) => {
    const f = narrativeFact({ subject, value: "2", unit, measure: "数量", line: 582, quote: `完成了2${unit}${subject}的工作` });
    const dc = { ...data, factsFor: () => [f], readLine: corpusReader([f], []) };
    const a = await composeAnswer({ kind: "figure", question: q, lang: "zh", target: t({ topic: subject, aspect: "数量" }), defaultYear: false }, dc);
    expect(a).toMatchObject({ kind: "number", value: "2", unit });
    expect((a.alternatives ?? []).map((x) => x.unit)).toEqual(twins);
  });
});

describe("composeAnswer: whether there is any", () => {
  const units = narrativeFact({ subject: "下属单位", value: "0", unit: "个", measure: "数量", line: 830, quote: "整体支出绩效自评（含下属单位0个）" });
  const d = { ...data, factsFor: () => [units], readLine: corpusReader([units], []) };
  const ask1 = (question: string) => composeAnswer({ kind: "figure", question, lang: "zh", target: t({ topic: "下属单位", aspect: "数量" }), defaultYear: false }, d);
  it.each([["有下属单位吗"], ["有没有下属单位"]])("answers %s in words (没有), citing the count, not as a figure", async (q) => {
    const a = await ask1(q);
    expect(a).toMatchObject({ kind: "text", value: null });
    expect(a.text).toContain("没有");
    expect(a.citations.map((c) => c.line)).toEqual([830]);
  });
  it("answers a count asked for (有几个下属单位) with the figure", async () => {
    expect(await ask1("有几个下属单位")).toMatchObject({ kind: "number", value: "0", unit: "个" });
  });
  it.each<[string, Unit, string, string, string]>([
    ["下属单位", "个", "我部门没有下属单位", "没有下属单位", "有几个下属单位"],
    ["机关运行经费支出", "万元", "本单位无机关运行经费支出", "无机关运行经费支出", "机关运行经费花了多少"],
  ])("answers a zero stated only in words (%s) with the document's sentence, not a figure", async (subject, unit, quote, raw, q) => {
    const worded = narrativeFact({ subject, value: "0", unit, measure: unit === "个" ? "数量" : "决算", line: 83, quote, raw });
    const dw = { ...data, factsFor: () => [worded], readLine: corpusReader([worded], []) };
    const a = await composeAnswer({ kind: "figure", question: q, lang: "zh", target: t({ topic: subject, ...(unit === "个" ? { aspect: "数量" as const } : {}) }), defaultYear: false }, dw);
    expect(a).toMatchObject({ kind: "text", value: null });
    expect(a.text).toContain(quote);
  });
});

describe("composeAnswer: counts asked in two units", () => {
  const quote = "外省市交流接待0.24万元，主要用于孝感单位考察的接待工作1批次13人次";
  const counts = [
    narrativeFact({ subject: "外省市交流接待", value: "1", unit: "批次", measure: "数量", line: 600, quote }),
    narrativeFact({ subject: "外省市交流接待", value: "13", unit: "人次", measure: "数量", line: 600, quote }),
  ];
  const d = { ...data, factsFor: () => counts, readLine: corpusReader(counts) };
  it("states each count of the same line (接待了几批次多少人 → 1 批次，13 人次)", async () => {
    const target = t({ topic: "外省市交流接待", aspect: "数量", unitHint: "批次", alsoUnits: ["人"] });
    const a = await composeAnswer({ kind: "figure", question: "外省市交流接待了几批次多少人", lang: "zh", target, defaultYear: false }, d);
    expect(a).toMatchObject({ kind: "number", value: "1", unit: "批次" });
    expect(a.text.split("\n")[0]).toContain("1 批次，13 人次");
    expect(a.alternatives).toContainEqual({ value: "13", unit: "人次" });
  });
  it("states one count when one unit is asked", async () => {
    const a = await composeAnswer({ kind: "figure", question: "外省市交流接待了几批次", lang: "zh", target: t({ topic: "外省市交流接待", aspect: "数量", unitHint: "批次" }), defaultYear: false }, d);
    expect(a.text.split("\n")[0]).not.toContain("人次");
  });
});

describe("composeAnswer: a clarification echoing the question's own digits", () => {
  const fees = [narrativeFact({ subject: "差旅费", value: "10.00", line: 700, quote: "差旅费10.00万元" }), narrativeFact({ subject: "会议费", value: "5.00", line: 701, quote: "会议费5.00万元" })];
  const d = { ...data, factsFor: () => fees, readLine: corpusReader(fees) };
  // Typed in full-width digits, the question is not the subject read from it (whose words are echoed).
  it.each([
    ["差旅费２４栋", "差旅费24栋", "24栋"],
    ["２号楼差旅费", "2号楼差旅费", "2楼"],
    ["差旅费第３季度", "差旅费第3季度", "3季度"],
  ])("is not withheld by the guard: %s", async (question, subject, echoed) => {
    const a = await composeAnswer({ kind: "figure", question, lang: "zh", target: t({ topic: subject }), defaultYear: false }, d);
    expect(a.kind).toBe("clarify");
    expect(a.text).toContain(`“${echoed}”`);
  });
});
