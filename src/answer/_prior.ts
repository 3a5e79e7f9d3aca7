/**
 * A year the corpus has no disclosure for, asked of a quantity the next year's disclosure states
 * with its change on the year before ("收支总计1,115.55万元，比2023年减少17.99万元"). The earlier
 * figure is not disclosed, so the reply refuses — and shows the two stated figures it could be
 * worked out from, cited, rather than a bare "no such year".
 */
import { Decimal } from "../core/money.js";
import type { Fact } from "../facts/types.js";
import { norm } from "./_text.js";
import { base, type Operand } from "./_derived.js";
import { lessChange } from "./_offset.js";
import { subjectName } from "./_figure.js";
import { citationsBlock, figureText } from "./_render.js";
import { isClarification, resolveFigure, type FigureTarget, type Selection } from "./_select.js";
import type { LineReader } from "./_citations.js";
import type { Answer, Lang } from "./types.js";

/** Two facts of one quantity, whatever their measures: the same item, 科目编码 or subject. */
export function sameQuantity(a: Fact, b: Fact): boolean {
  if (a.item !== null || b.item !== null) return a.item === b.item;
  if (a.code !== null || b.code !== null) return a.code === b.code;
  return norm(a.subject) === norm(b.subject);
}

// The change is against the year before: its basis says so, or it names no other basis.
function againstPriorYear(f: Fact, prior: number): boolean {
  const basis = f.qualifier.join(" ");
  if (/预算/.test(basis)) return false;
  return /上年|去年|上一年|同比/.test(basis) || basis.includes(String(prior)) || (f.source.kind === "narrative" && f.source.quote.includes(String(prior)));
}

/** The figure and the change against the year before, both stated for one quantity in `pool`. */
export function priorOperands(pool: readonly Fact[], t: FigureTarget, prior: number): { current: Selection; change: Selection } | null {
  const current = resolveFigure(pool, { ...t, aspect: "决算", qualifier: null });
  if (current === null || isClarification(current)) return null;
  const change = resolveFigure(pool, { ...t, aspect: "增减", qualifier: "较上年", aspectDefault: false });
  if (change === null || isClarification(change)) return null;
  const same = sameQuantity(change.best, current.best) && change.best.unit === current.best.unit;
  return same && againstPriorYear(change.best, prior) ? { current, change } : null;
}

/**
 * The refusal for a year without a disclosure, with what the next year's disclosure does state of
 * the quantity (its figure and its change on the year before, both cited). The earlier figure is
 * not stated, so none is given: the user sees the two stated figures and where they stand.
 */
export function composePriorRefusal(refusal: Answer, t: FigureTarget, prior: number, ops: { current: Selection; change: Selection }, read: LineReader): Answer {
  const lang = refusal.lang;
  const cur: Operand = { department: t.department, year: t.year, sel: ops.current };
  const chg: Operand = { department: t.department, year: t.year, sel: ops.change };
  const unit = ops.current.best.unit;
  const d = new Decimal(ops.change.best.value);
  const name = subjectName(ops.current.best, lang);
  const ctx = base(refusal.question, lang, [cur, chg], read);
  const change = figureText(ops.change.best.value.replace(/^[-+]/, ""), unit);
  const stated = lang === "zh"
    ? `${t.year}年度决算列出${name} ${figureText(ops.current.best.value, unit)}，较上年${d.isNegative() ? "减少" : "增加"} ${change}；文件未直接给出${prior}年度的数字。`
    : `The ${t.year} disclosure states ${name} of ${figureText(ops.current.best.value, unit)}, ${d.isNegative() ? "down" : "up"} ${change} on the year before; it does not state the ${prior} figure itself.`;
  return { ...refusal, text: [refusal.text, stated, citationsBlock(ctx.citations, lang)].join("\n"), citations: ctx.citations };
}

/**
 * The earlier year's figure worked out when the question asks for it to be worked out ("按2024年决算
 * 说明推算2023年…"): the next year's figure less its stated change, labelled as computed, with the
 * arithmetic and both citations. Never given unasked: the document does not state it.
 */
export function composePriorDerived(question: string, lang: Lang, t: FigureTarget, prior: number, ops: { current: Selection; change: Selection }, read: LineReader): Answer {
  return lessChange(question, lang, t, ops.current, ops.change, read, {
    year: prior,
    head: (name, shown) => (lang === "zh" ? `${t.department} ${prior}年度 ${name}（推算值）：${shown}` : `${t.department}, ${prior}: ${name} (worked out): ${shown}`),
    how: (formula, down) =>
      lang === "zh"
        ? `文件未直接列出${prior}年度数；按${t.year}年度决算数和较上年${down ? "减少" : "增加"}额推算：${formula}`
        : `No ${prior} disclosure states it; worked out from the ${t.year} figure and its stated change on the year before: ${formula}`,
  });
}
