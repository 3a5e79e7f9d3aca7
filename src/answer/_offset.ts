/**
 * A budget the document states only through the outturn's change against it ("机关运行经费支出
 * 3,755.08万元，比年初预算数减少1,094.92万元" → 年初预算 4,850.00万元): the outturn less the change,
 * computed exactly, labelled as computed, with both citations. Without both stated figures of one
 * quantity there is no answer.
 */
import { Decimal, writtenPlaces } from "../core/money.js";
import { base, statusLine, type Operand } from "./_derived.js";
import { subjectName } from "./_figure.js";
import { sameQuantity } from "./_prior.js";
import { citationsBlock, figureText } from "./_render.js";
import { isClarification, resolveFigure, type FigureTarget, type Selection } from "./_select.js";
import type { LineReader } from "./_citations.js";
import type { Answer, Lang } from "./types.js";

/** The change basis that states a budget of `basis` ("年初预算" → "较年初预算", "全年预算" → "较预算"). */
function changeBasis(basis: string | null | undefined): string {
  return basis === "年初预算" ? "较年初预算" : "较预算";
}

/** The outturn and its stated change against the budget asked, both of one quantity. */
export function offsetOperands(pool: Parameters<typeof resolveFigure>[0], t: FigureTarget): { outturn: Selection; change: Selection } | null {
  const outturn = resolveFigure(pool, { ...t, aspect: "决算", qualifier: null, aspectDefault: true });
  if (outturn === null || isClarification(outturn)) return null;
  const change = resolveFigure(pool, { ...t, aspect: "增减", qualifier: changeBasis(t.qualifier), aspectDefault: false });
  if (change === null || isClarification(change)) return null;
  // The change must be stated against a budget (never against last year).
  if (!change.best.qualifier.some((q) => /预算/.test(q))) return null;
  return sameQuantity(outturn.best, change.best) && outturn.best.unit === change.best.unit ? { outturn, change } : null;
}

/** The budget, `outturn − change`, with the arithmetic, the weakest status and both citations. */
export function composeOffset(question: string, lang: Lang, t: FigureTarget, ops: { outturn: Selection; change: Selection }, read: LineReader): Answer {
  const basis = t.qualifier === "年初预算" ? "年初预算" : "全年预算";
  return lessChange(question, lang, t, ops.outturn, ops.change, read, {
    year: t.year,
    head: (name, shown) => (lang === "zh" ? `${t.department} ${t.year}年度 ${name}（${basis}，计算值）：${shown}` : `${t.department}, ${t.year}: ${name}, ${basis} (computed): ${shown}`),
    how: (formula, down) =>
      lang === "zh"
        ? `文件未直接列出${basis}数；按决算数和较${basis}${down ? "减少" : "增加"}额计算：${formula}`
        : `The document does not print the ${basis} itself; computed from the outturn and its stated change against it: ${formula}`,
  });
}

/**
 * A figure the document states only as another figure and its stated change against it: the figure
 * less the change, to the figures' decimals ("4,850.00", not "4,850"), labelled as computed, with the
 * arithmetic, the weakest status and both citations (a budget from its outturn, an earlier year from
 * the next).
 */
export function lessChange(
  question: string,
  lang: Lang,
  t: Pick<FigureTarget, "department" | "year">,
  from: Selection,
  change: Selection,
  read: LineReader,
  words: { readonly year: number; readonly head: (name: string, shown: string) => string; readonly how: (formula: string, down: boolean) => string },
): Answer {
  const a: Operand = { department: t.department, year: t.year, sel: from };
  const b: Operand = { department: t.department, year: t.year, sel: change };
  const unit = from.best.unit;
  const d = new Decimal(change.best.value);
  const places = Math.max(writtenPlaces(from.best.value), writtenPlaces(change.best.value));
  const value = new Decimal(from.best.value).minus(d).toFixed(places);
  const ctx = base(question, lang, [a, b], read);
  const formula = `${figureText(from.best.value, unit)} ${d.isNegative() ? "+" : "−"} ${figureText(change.best.value.replace(/^[-+]/, ""), unit)} = ${figureText(value, unit)}`;
  const head = words.head(subjectName(from.best, lang), figureText(value, unit));
  return {
    question,
    kind: "number",
    text: [head, words.how(formula, d.isNegative()), statusLine([a, b], lang), citationsBlock(ctx.citations, lang)].join("\n"),
    value,
    unit,
    department: t.department,
    year: words.year,
    status: ctx.status,
    citations: ctx.citations,
    error: null,
    lang,
  };
}
