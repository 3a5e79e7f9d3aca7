import { describe, expect, it } from "vitest";
import type { AnswerRequest, FigureTarget } from "../../src/answer/index.js";
import { derivedFallback } from "../../src/engine/_derived.js";
import { figureTarget } from "../../src/engine/_plan.js";
import { understandQuestion } from "../../src/query/index.js";
import { seedCatalog } from "../fixtures/query/catalogs.js";

function plan(q: string): { target: FigureTarget; fallback?: AnswerRequest } {
  const u = understandQuestion(q, undefined, seedCatalog);
  const d = seedCatalog.departments.find((x) => u.department.kind === "resolved" && x.name === u.department.names[0]);
  if (!d) throw new Error(`no department in ${q}`);
  return derivedFallback(q, u, figureTarget(u, d, d.years.at(-1) ?? 2024));
}
const words = (t: FigureTarget): string => t.subject.replace(/[\u0000\s?？]/g, "");
const targets = (r: AnswerRequest | undefined): [string, string, string | null | undefined][] =>
  r && "targets" in r ? r.targets.map((t) => [words(t), t.aspect, t.qualifier]) : [];

describe("derivedFallback", () => {
  it.each([
    ["洪山区企业服务中心一般公共预算财政拨款支出比年初预算少花了多少？", "compare", "年初预算"],
    ["投促局一般公共预算财政拨款支出的全年预算和实际决算相差多少？", "compare", "全年预算"],
    ["经信局机关事业单位职业年金缴费支出（项）决算是年初预算的百分之多少？", "share", "年初预算"],
  ])("budget against outturn: %s", (q, kind, basis) => {
    const r = plan(q);
    expect(r.fallback?.kind).toBe(kind);
    const [outturn, budget] = targets(r.fallback);
    expect(outturn?.[1]).toBe("决算");
    expect(budget?.[1]).toBe("预算");
    expect(budget?.[2]).toBe(basis);
    // The fund's own 预算 stays in its name; the basis words are gone.
    expect(outturn?.[0]).not.toMatch(/年初预算|全年预算/);
  });

  it.each([
    ["经信局三公经费比上年降了多少", "增长率"],
    ["经信局三公经费比上年少了多少万元", undefined],
  ])("a change asked without a unit may be answered by the stated rate: %s", (q, aspect) => {
    const r = plan(q);
    expect(r.target.aspect).toBe("增减");
    expect(r.fallback && "target" in r.fallback ? r.fallback.target.aspect : undefined).toBe(aspect);
  });

  it.each([["经信局公务接待费全年预算有多少没花掉？"], ["经信局公务接待费全年预算有多少没用掉？"]])("reads a gap asked after its amount without the gap words in the operands: %s", (q) => {
    const r = plan(q);
    expect(r.fallback?.kind).toBe("compare");
    for (const [words] of targets(r.fallback)) expect(words).not.toMatch(/没花掉|没用掉|掉|全年预算|多少/);
  });

  it.each([["洪山企服事业综合运行工作经费还剩多少没花？"], ["经信局公务接待费有多少没用完"]])(
    "reads money left unspent as the gap between budget and outturn, the budget unnamed: %s",
    (q) => {
      const r = plan(q);
      expect(r.fallback?.kind).toBe("compare");
      const [outturn, budget] = targets(r.fallback);
      expect([outturn?.[1], budget?.[1]]).toEqual(["决算", "预算"]);
      for (const [w] of targets(r.fallback)) expect(w).not.toMatch(/没|剩|多少/);
    },
  );

  it("computes a budget the document states only as the outturn's change against it", () => {
    const r = plan("经信局机关运行经费的年初预算是多少？");
    expect(r.target.aspect).toBe("预算");
    expect(r.fallback?.kind).toBe("offset");
  });

  it("asks for a stated gap first when the words read as a budget", () => {
    expect(plan("经信局一般公共预算财政拨款支出的全年预算和实际决算相差多少？").target.aspect).toBe("增减");
  });

  it.each([
    ["经信局能源节约利用（项）完成了年初预算的百分之几？"],
    ["经信局一般公共预算财政拨款支出是多少"],
  ])("an item's own words are no gap: %s", (q) => {
    expect(plan(q).fallback?.kind).not.toBe("compare");
  });

  it.each([
    ["洪山区企业服务中心人员经费占一般公共预算财政拨款基本支出的比重是多少？", "人员经费", "一般公共预算财政拨款基本支出"],
    ["投促局“三公”经费决算里，因公出国（境）费占了百分之多少？", "因公出国(境)费", "三公经费决算"],
  ])("a share: part and whole, in either order of words: %s", (q, part, whole) => {
    const [p, w] = targets(plan(q).fallback);
    expect(p?.[0]).toContain(part);
    expect(w?.[0]).toContain(whole);
  });
});

describe("derivedFallback: a part of its whole", () => {
  it("财政拨款支出里基本支出: a share never above 100 %", () => {
    expect(plan("经信局财政拨款支出里基本支出占多少比例？").fallback).toMatchObject({ kind: "share", partOfWhole: true });
  });
});

describe("derivedFallback: the part named before 在…中", () => {
  it("X在Y中占比: X is the part, Y the whole", () => {
    const r = plan("投促局因公出国（境）费在“三公”经费决算中占比多少？");
    expect(r.fallback?.kind).toBe("share");
    const [p, w] = targets(r.fallback);
    expect(p?.[0]).toContain("因公出国(境)费");
    expect(w?.[0]).toContain("三公经费");
  });
});
