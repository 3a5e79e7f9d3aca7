import { describe, expect, it } from "vitest";
import { composeAnswer, headlineAsks, headlineKey, RANK_LIVE_MAX, RANK_SHOWN, type AnswerData, type FigureTarget, type Selection } from "../../src/answer/index.js";
import type { Fact } from "../../src/facts/types.js";
import { corpusReader, tableFact } from "../fixtures/answer/facts.js";

// An archive of more departments than a ranking lists, or links one by one.
const COUNT = RANK_LIVE_MAX + 6;
// (No digits in the names: a reply's numbers are all figures, counts or row numbers.)
const HAN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川";
const names = Array.from({ length: COUNT }, (_, i) => `测试${HAN[i % HAN.length] ?? ""}${HAN[Math.floor(i / HAN.length)] ?? ""}局`);
const facts: Fact[] = names.map((d, i) =>
  tableFact({ subject: "公务接待费", value: `${i + 1}.50`, line: 400 + i, item: "reception", column: ["决算数", "公务接待费"], status: "verified", department: d, year: 2024 }),
);

function target(department: string, p: Partial<FigureTarget> = {}): FigureTarget {
  return { department, year: 2024, items: ["reception"], code: null, topic: "公务接待费", aspect: "决算", unitHint: null, qualifier: null, aspectDefault: true, subject: "哪个部门的公务接待费最多", ...p };
}

function archive(opts: { stored: boolean }): { data: AnswerData; reads: string[] } {
  const reads: string[] = [];
  const data: AnswerData = {
    factsFor: (d, y) => {
      reads.push(d);
      return facts.filter((f) => f.department === d && f.year === y);
    },
    readLine: corpusReader(facts),
    searchPassages: async () => [],
    nextPassage: () => null,
    sectionPassages: () => [],
    ...(opts.stored
      ? {
          headlineFigures: (ask: string) =>
            new Map<string, Selection | null>(
              names.map((d) => {
                const f = facts.find((x) => x.department === d);
                return [`${d}|2024`, f && ask.startsWith("reception|") ? { best: f, sources: [f], score: 1 } : null];
              }),
            ),
        }
      : {}),
  };
  return { data, reads };
}

describe("a ranking across an archive's departments", () => {
  it("reads a headline figure's stored answers, not any department's facts, and lists the first ones", async () => {
    const { data, reads } = archive({ stored: true });
    const a = await composeAnswer({ kind: "rank", question: "哪个部门的公务接待费最多", lang: "zh", targets: names.map((d) => target(d)), ascending: false }, data);
    expect(reads).toEqual([]);
    expect(a).toMatchObject({ kind: "number", value: `${COUNT}.50`, department: names[COUNT - 1] });
    const rows = a.text.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(rows).toHaveLength(RANK_SHOWN);
    expect(a.text).toContain(`共${COUNT}个部门，列出前${RANK_SHOWN}个`);
    expect(a.citations).toHaveLength(RANK_SHOWN);
  });

  it("links a figure no headline answers department by department, up to a bound, else asks to narrow it", async () => {
    // (The item not recognised: no headline ask.)
    const odd = (d: string) => target(d, { items: [] });
    const { data, reads } = archive({ stored: true });
    const wide = await composeAnswer({ kind: "rank", question: "哪个部门的公务接待费最多", lang: "zh", targets: names.map(odd), ascending: false }, data);
    expect(wide).toMatchObject({ kind: "refuse", error: { code: "rank_too_wide", departments: COUNT } });
    expect(reads).toEqual([]);
    const few = names.slice(0, 3);
    const narrow = await composeAnswer({ kind: "rank", question: "这三家哪个部门的公务接待费最多", lang: "zh", targets: few.map(odd), ascending: false }, data);
    expect(reads).toEqual(few);
    expect(narrow).toMatchObject({ kind: "number", value: "3.50" });
  });

  it("links every department when no stored answers are at hand, the same figures", async () => {
    const stored = await composeAnswer({ kind: "rank", question: "哪个部门的公务接待费最多", lang: "zh", targets: names.slice(0, 5).map((d) => target(d)), ascending: false }, archive({ stored: true }).data);
    const { data, reads } = archive({ stored: false });
    const live = await composeAnswer({ kind: "rank", question: "哪个部门的公务接待费最多", lang: "zh", targets: names.slice(0, 5).map((d) => target(d)), ascending: false }, data);
    expect(reads).toHaveLength(5);
    expect(live.text).toBe(stored.text);
  });
});

describe("headlineKey", () => {
  it.each([
    ["哪个部门的公务接待费最多", "reception|决算|default|"],
    ["哪家公务接待费最少？是多少", "reception|决算|default|"],
  ])("a plain item asked (%s) is a headline ask", (subject, key) => {
    expect(headlineKey(target("x", { subject }))).toBe(key);
    expect(headlineAsks().has(key)).toBe(true);
  });

  it.each([
    ["words beyond the item", target("x", { subject: "哪个部门新买的公务接待费最多" })],
    ["a basis", target("x", { qualifier: "年初预算", aspect: "预算", aspectDefault: false })],
    ["a code", target("x", { code: "2010101" })],
    ["two items", target("x", { items: ["reception", "sangong_total"] })],
  ])("%s make no headline ask", (_, t) => {
    expect(headlineKey(t)).toBeNull();
  });
});
