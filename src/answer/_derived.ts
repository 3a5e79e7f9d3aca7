import { Decimal, writtenPlaces } from "../core/money.js";
import type { Fact, FactStatus } from "../facts/types.js";
import { citeFacts, type LineReader } from "./_citations.js";
import { subjectName } from "./_figure.js";
import { citationsBlock, figureText } from "./_render.js";
import type { Selection } from "./_select.js";
import { measureText, statusText, WORDS } from "./messages.js";
import type { Answer, Lang } from "./types.js";

/** A resolved operand of a derived figure: whose figure, and the facts chosen for it. */
export interface Operand {
  readonly department: string;
  readonly year: number;
  readonly sel: Selection;
}

const RANK: Record<FactStatus, number> = { verified: 3, repaired: 2, "single-source": 1, conflict: 0 };

/** A value computed from figures is only as trustworthy as the weakest of them. */
export function weakestStatus(facts: readonly Fact[]): FactStatus {
  let s: FactStatus = "verified";
  for (const f of facts) if (RANK[f.status] < RANK[s]) s = f.status;
  return s;
}

function weakest(ops: readonly Operand[]): FactStatus {
  return weakestStatus(ops.map((o) => o.sel.best));
}

function labelOf(o: Operand, lang: Lang, withWho: boolean, withMeasure = false): string {
  const base = subjectName(o.sel.best, lang);
  const name = withMeasure ? `${base}${lang === "zh" ? "" : " "}(${measureText(o.sel.best.measure, lang)})` : base;
  if (!withWho) return name;
  return lang === "zh" ? `${o.department}${o.year}年度${name}` : `${name} (${o.department}, ${o.year})`;
}

export function base(question: string, lang: Lang, ops: readonly Operand[], read: LineReader) {
  const citations = citeFacts(
    ops.flatMap((o) => o.sel.sources),
    read,
  );
  return { question, lang, citations, status: weakest(ops) };
}

export function statusLine(ops: readonly Operand[], lang: Lang): string {
  const s = weakest(ops);
  const detail = lang === "zh" ? "按各项来源精确计算" : "computed exactly from the cited figures";
  return `${WORDS[lang].status}${lang === "zh" ? "：" : ": "}${s === "verified" ? statusText("verified", lang, detail) : statusText(s, lang)}`;
}

/** Sum of two or more figures of one unit, with the formula and every operand's citation. */
export function composeSum(question: string, lang: Lang, ops: readonly Operand[], read: LineReader): Answer | null {
  const unit = ops[0]?.sel.best.unit;
  if (!unit || ops.some((o) => o.sel.best.unit !== unit)) return null;
  const total = ops.reduce((acc, o) => acc.plus(o.sel.best.value), new Decimal(0));
  const sameWho = ops.every((o) => o.department === ops[0]?.department && o.year === ops[0]?.year);
  const b = base(question, lang, ops, read);
  const terms = ops.map((o) => `${labelOf(o, lang, !sameWho)} ${figureText(o.sel.best.value, unit)}`).join(" + ");
  const value = total.toFixed();
  const first = ops[0];
  const who = sameWho && first ? (lang === "zh" ? `${first.department} ${first.year}年度：` : `${first.department}, ${first.year}: `) : "";
  const text = [
    `${who}${terms} = ${figureText(value, unit)}`,
    statusLine(ops, lang),
    citationsBlock(b.citations, lang),
  ].join("\n");
  return {
    question,
    kind: "number",
    text,
    value,
    unit,
    department: sameWho && first ? first.department : null,
    year: sameWho && first ? first.year : null,
    status: b.status,
    citations: b.citations,
    error: null,
    lang,
  };
}

// "哪个多…多的那个是多少", "which is higher and by what": the larger figure, unless the gap is asked too.
// ("谁的电费多？多少？": the amount asked after the which-question is the larger one's.)
const WHICH_LARGER = /(哪个|哪家|哪一个|哪一家|谁)[^?？]{0,12}(多|高|大)[^?？]*[?？,，]?[^?？]*(多的|高的|大的)(那个|那家|那一个|一个|一家)?[^?？]{0,4}(是)?多少|(哪个|哪家|哪一个|哪一家|谁)[^?？]{0,12}(多|高|大)(呢|啊)?[?？,，]\s*(是|有)?多少[?？]?$/;
const GAP_ASKED = /(多|高|大|差)(了|出)?多少(万元)?[?？]?$|相差|差额|差多少/;

/** Two figures side by side with their exact difference. */
export function composeCompare(question: string, lang: Lang, a: Operand, b: Operand, read: LineReader, asked?: 0 | 1): Answer | null {
  const unit = a.sel.best.unit;
  if (b.sel.best.unit !== unit) return null;
  const va = new Decimal(a.sel.best.value);
  const vb = new Decimal(b.sel.best.value);
  // To the figures' own decimals ("130.30", not "130.3").
  const diff = va.minus(vb).abs().toFixed(Math.max(writtenPlaces(a.sel.best.value), writtenPlaces(b.sel.best.value)));
  // "哪个花得多？多的那个是多少": the question asks for the larger figure, not the gap.
  const which = WHICH_LARGER.test(question) && !GAP_ASKED.test(question);
  const ctx = base(question, lang, [a, b], read);
  const zh = lang === "zh";
  const higher = va.gt(vb) ? a : b;
  // Two figures of one item (预算 vs 决算) are told apart by their 口径.
  const m = a.sel.best.measure !== b.sel.best.measure;
  const label = (o: Operand, who: boolean) => labelOf(o, lang, who, m);
  const cmp = va.eq(vb)
    ? zh ? "两者相等" : "they are equal"
    : zh
      ? `${label(higher, true)}较高，差额 ${figureText(diff, unit)}`
      : `${label(higher, true)} is higher by ${figureText(diff, unit)}`;
  // The figure of the one body the question's last clause asks comes first, the comparison beside it.
  const [first, second] = asked === 1 ? [b, a] : [a, b];
  const text = [
    `${label(first, true)}：${figureText(first.sel.best.value, unit)}`,
    `${label(second, true)}：${figureText(second.sel.best.value, unit)}`,
    cmp,
    statusLine([a, b], lang),
    citationsBlock(ctx.citations, lang),
  ].join("\n");
  const same = a.department === b.department;
  const top = (va.gte(vb) ? a : b).sel.best;
  return {
    question,
    kind: "number",
    text,
    value: asked !== undefined ? first.sel.best.value : which ? top.value : diff,
    unit,
    department: same ? a.department : null,
    year: a.year === b.year ? a.year : null,
    status: ctx.status,
    citations: ctx.citations,
    error: null,
    lang,
  };
}

/** How many departments a ranking lists (with their citations); the count of all is said. */
export const RANK_SHOWN = 10;

/** The operands of the first one's unit, highest first (lowest first when `ascending`). */
export function rankOrder(ops: readonly Operand[], ascending: boolean): Operand[] {
  const unit = ops[0]?.sel.best.unit;
  // Each figure read once (an archive ranks hundreds), then sorted; equal figures keep their order.
  return ops
    .filter((o) => o.sel.best.unit === unit)
    .map((o) => ({ o, v: new Decimal(o.sel.best.value) }))
    .sort((x, y) => {
      const d = y.v.cmp(x.v);
      return ascending ? -d : d;
    })
    .map((x) => x.o);
}

/**
 * Departments ranked by one figure, highest first: the first `RANK_SHOWN` of `sorted` (see
 * `rankOrder`) listed and cited, and how many there are; `value` is the top figure.
 */
export function composeRank(question: string, lang: Lang, sorted: readonly Operand[], ascending: boolean, read: LineReader): Answer | null {
  const top = sorted[0];
  if (!top) return null;
  const unit = top.sel.best.unit;
  // An archive's hundreds of departments are not listed (nor cited) one by one: the first ones are.
  const shown = sorted.slice(0, RANK_SHOWN);
  const ctx = base(question, lang, shown, read);
  const name = subjectName(top.sel.best, lang);
  const rows = shown.map((o, i) => `${i + 1}. ${o.department}（${o.year}）：${figureText(o.sel.best.value, unit)}`);
  const more = sorted.length > shown.length ? [WORDS[lang].rankMore(shown.length, sorted.length)] : [];
  const text = [WORDS[lang].rankIntro(name, ascending), ...rows, ...more, statusLine(shown, lang), citationsBlock(ctx.citations, lang)].join("\n");
  return {
    question,
    kind: "number",
    text,
    value: top.sel.best.value,
    unit,
    department: top.department,
    year: top.year,
    status: ctx.status,
    citations: ctx.citations,
    error: null,
    lang,
  };
}

/**
 * A share the document does not state, computed from its two figures: part ÷ whole × 100, to two
 * decimals, with the formula and both citations.
 */
export function composeShare(question: string, lang: Lang, part: Operand, whole: Operand, read: LineReader, partOfWhole = false): Answer | null {
  const unit = part.sel.best.unit;
  const w = new Decimal(whole.sel.best.value);
  if (whole.sel.best.unit !== unit || w.isZero()) return null;
  const share = new Decimal(part.sel.best.value).div(w).times(100);
  // A part larger than its whole: the two figures are of different 口径 or tables — not a share.
  if (partOfWhole && share.greaterThan(100)) return null;
  const value = share.toDecimalPlaces(2).toFixed(2);
  const ctx = base(question, lang, [part, whole], read);
  const zh = lang === "zh";
  const formula = `${labelOf(part, lang, false)} ${figureText(part.sel.best.value, unit)} ÷ ${labelOf(whole, lang, false)} ${figureText(whole.sel.best.value, unit)} × 100% = ${value}%`;
  const who = zh ? `${part.department} ${part.year}年度：` : `${part.department}, ${part.year}: `;
  const note = zh ? "（文件未直接列出该比重，按两项数字计算，保留两位小数）" : " (not stated in the document; computed from the two figures, two decimals)";
  const text = [`${who}${formula}${note}`, statusLine([part, whole], lang), citationsBlock(ctx.citations, lang)].join("\n");
  return {
    question,
    kind: "number",
    text,
    value,
    unit: "%",
    department: part.department,
    year: part.year,
    status: ctx.status,
    citations: ctx.citations,
    error: null,
    lang,
  };
}
