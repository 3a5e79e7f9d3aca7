import type { Fact } from "../facts/types.js";
import { quantityLabel, quantityOf } from "../link/index.js";
import { citeFact, type LineReader } from "./_citations.js";
import { figureText } from "./_render.js";
import type { Answer, Candidate, Lang } from "./types.js";

/** The candidates of a clarification, each labelled with its quantity and cited. */
export function candidatesOf(pool: readonly Fact[], facts: readonly Fact[], read: LineReader): Candidate[] {
  return facts.map((f) => {
    const quantity = quantityOf(pool, f);
    return { label: quantityLabel(quantity), value: f.value, unit: f.unit, citation: citeFact(f, read), quantity };
  });
}

/**
 * A reply that asks which figure was meant: every candidate with its table › row › column, value
 * and line, and the words no candidate accounts for.
 */
export function composeClarify(
  question: string,
  lang: Lang,
  ctx: { department: string; year: number; uncovered: string },
  candidates: readonly Candidate[],
): Answer {
  const zh = lang === "zh";
  const head = ctx.uncovered
    ? zh
      ? `${ctx.department} ${ctx.year}年度的决算中没有与“${ctx.uncovered}”完全对应的数字。最接近的是：`
      : `The ${ctx.year} disclosure of ${ctx.department} states no figure matching every word asked (“${ctx.uncovered}”). The closest are:`
    : zh
      ? `${ctx.department} ${ctx.year}年度的决算中有几个不同的数字都符合这个问题，请说明是哪一个：`
      : `Several different figures of ${ctx.department} (${ctx.year}) fit the question; which one is meant?`;
  const lines = candidates.map((c, i) => {
    const where = zh ? `第${c.citation.line}行` : `line ${c.citation.line}`;
    return `${i + 1}. ${c.label}：${figureText(c.value, c.unit)}（${c.citation.file} ${where}）`;
  });
  return {
    question,
    kind: "clarify",
    text: [head, ...lines].join("\n"),
    value: null,
    unit: null,
    department: ctx.department,
    year: ctx.year,
    status: null,
    citations: candidates.map((c) => c.citation),
    error: null,
    lang,
    candidates,
  };
}
