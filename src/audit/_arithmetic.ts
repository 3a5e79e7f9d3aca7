/**
 * The narrative's own arithmetic: 完成率, 增减率 and 占比 recomputed from the figures the same
 * sentence states (with the document's rounding: one unit in the last decimal written), comparison
 * words (大于/小于/持平 年初预算, 增加/减少/持平 较上年) against those figures, and "其中" parts
 * against their total. Figures are the narrative facts; wording is read from the paragraph.
 */
import { Decimal, formatFigure, isMoneyUnit } from "../core/money.js";
import type { Fact } from "../facts/index.js";
import type { Paragraph } from "../parse/types.js";
import type { AuditContext } from "./_context.js";
import { checkBreakdowns } from "./_pairs.js";
import { checkShares } from "./_shares.js";
import { budgetKind, sentenceGroups, type Group, type Placed } from "./_sentences.js";
import { COMPARISONS, PRIOR_DIRECTION, relationHolds } from "./_wording.js";

const fmt = (d: Decimal): string => formatFigure(d.toFixed());
const pct = (d: Decimal, places: number): string => `${d.toFixed(places)}%`;
const placesOf = (raw: string): number => (raw.split(".")[1] ?? "").replace(/\D/g, "").length;
const hundred = new Decimal(100);
const rawOf = (f: Fact): string => f.source.raw;

/** Checks every paragraph's percentages and comparison words. */
export function auditArithmetic(ctx: AuditContext): void {
  ctx.doc.paragraphs.forEach((p, i) => {
    const groups = sentenceGroups(p, ctx.facts);
    for (const g of groups) {
      completion(ctx, g, groups.filter((x) => x.start === g.start).flatMap((x) => x.placed));
      growth(ctx, g);
    }
    const section = p.sectionPath.join(">");
    const earlier = ctx.doc.paragraphs
      .slice(Math.max(0, i - 2), i)
      .filter((q) => q.sectionPath.join(">") === section)
      .flatMap((q) => sentenceGroups(q, ctx.facts));
    compareWords(ctx, p, groups, earlier);
    partsSum(ctx, groups);
  });
  checkShares(ctx);
  checkBreakdowns(ctx);
}

function completion(ctx: AuditContext, g: Group, sentence: readonly Placed[]): void {
  const rate = g.of("完成率")[0];
  if (!rate) return;
  // Operands of another subject in the same sentence ("部门整体支出合计 12053.48 万元，预算收入合计
  // 12296 万元，完成年初预算的 98.03%"): the nearest outturn and budget written before the rate.
  const earlier = sentence.filter((x) => x.at >= 0 && x.at < rate.at && isMoneyUnit(x.fact.unit) && x.fact.qualifier.every((q) => !/较上年|占/.test(q)));
  // A budget by measure or by name ("2022 年预算的基本支出"), not "一般公共预算…" (a budget's name).
  const isBudget = (x: Placed): boolean => x.fact.measure === "预算" || /预算/.test(x.fact.subject.replace(/(一般公共|政府性基金|国有资本经营)预算/g, ""));
  const outturn = (x: Placed): boolean => x.fact.measure === "决算" && !isBudget(x);
  // The outturn written last before the rate: its group's, else any of the sentence.
  const closest = (xs: readonly Placed[]): Placed | undefined => [...xs].filter((x) => x.at < rate.at).sort((a, b) => b.at - a.at)[0] ?? xs[0];
  const actual = closest(g.of("决算").filter(outturn)) ?? closest(earlier.filter(outturn));
  if (!actual) return;
  // "完成年初预算的 95.89%": the budget the sentence names, else any it states.
  const before = g.sentence.slice(Math.max(0, rate.at - 16), Math.max(0, rate.at));
  const named = /年初/.test(before) ? "年初" : /全年|调整/.test(before) ? "全年" : null;
  const own = g.of("预算").filter((b) => named === null || budgetKind(b) === named || budgetKind(b) === null);
  const nearest = [...earlier].reverse().find(isBudget);
  const budgets = own.length > 0 ? own : nearest ? [nearest] : [];
  if (budgets.length === 0) return;
  const stated = new Decimal(rate.fact.value);
  const cites = [ctx.citeFact(rate.fact)];
  const zero = budgets.find((b) => new Decimal(b.fact.value).isZero());
  // Nothing spent of nothing ("预算为 0 万元，支出决算为 0 万元，完成预算的 0%") claims nothing.
  if (zero && budgets.length === 1 && !(new Decimal(actual.fact.value).isZero() && stated.isZero())) {
    ctx.find(
      "arithmetic.zero-budget",
      { zh: `${rate.fact.subject}的${named ?? ""}预算为 0，却写“完成${named ?? ""}预算的 ${rawOf(rate.fact)}%”`, en: `${rate.fact.subject}: the ${named === "年初" ? "initial " : ""}budget is 0, yet a completion rate of ${rawOf(rate.fact)}% is given` },
      null,
      `${rawOf(rate.fact)}%`,
      [ctx.citeFact(zero.fact), ...cites],
    );
    return;
  }
  const places = placesOf(rawOf(rate.fact));
  const fits = budgets.filter((b) => !new Decimal(b.fact.value).isZero()).map((b) => new Decimal(actual.fact.value).div(new Decimal(b.fact.value)).mul(hundred));
  if (fits.length === 0 || fits.some((c) => within(c, stated, places))) return;
  const c = fits[0] as Decimal;
  ctx.find(
    "arithmetic.completion",
    { zh: `${rate.fact.subject}完成率应为 ${fmt(new Decimal(actual.fact.value))} ÷ ${fmt(new Decimal((budgets.find((b) => !new Decimal(b.fact.value).isZero()) as Placed).fact.value))} = ${pct(c, places)}，说明写作 ${rawOf(rate.fact)}%`, en: `${rate.fact.subject}: completion should be ${pct(c, places)}, the narrative says ${rawOf(rate.fact)}%` },
    pct(c, places),
    `${rawOf(rate.fact)}%`,
    cites,
  );
}

function growth(ctx: AuditContext, g: Group): void {
  const change = g.of("增减")[0];
  const rate = g.of("增长率")[0];
  const current = g.of("决算")[0];
  if (!change || !rate) return;
  const d = new Decimal(change.fact.value);
  const r = new Decimal(rate.fact.value);
  const cites = [ctx.citeFact(rate.fact)];
  // The words before the two figures ("减少 1.98 万元，增长 0%"), else their signs.
  const dd = directionBefore(change) ?? (d.isZero() ? 0 : d.isNegative() ? -1 : 1);
  const rd = directionBefore(rate) ?? (r.isZero() ? 0 : r.isNegative() ? -1 : 1);
  if (dd !== 0 && rd !== 0 && dd !== rd) {
    ctx.find(
      "arithmetic.compare-prior",
      { zh: `${change.fact.subject}${dd < 0 ? "减少" : "增加"} ${fmt(d.abs())} 万元，幅度却写作“${rd < 0 ? "下降" : "增长"} ${rawOf(rate.fact)}%”，方向矛盾`, en: `${change.fact.subject}: the change is ${dd < 0 ? "a decrease" : "an increase"} of ${fmt(d.abs())} 万元 but the rate says ${rd < 0 ? "down" : "up"} ${rawOf(rate.fact)}%` },
      dd < 0 ? "减少/下降" : "增加/增长",
      `${dd < 0 ? "减少" : "增加"} / ${rd < 0 ? "下降" : "增长"}`,
      cites,
    );
    return;
  }
  if (!current || !isMoneyUnit(current.fact.unit)) return;
  const prior = new Decimal(current.fact.value).minus(d);
  const places = placesOf(rawOf(rate.fact));
  // From nothing (a body new this year) the rate is written 100% by convention (or left at 0).
  if (prior.isZero() && d.gt(0) && !r.abs().eq(hundred) && !r.isZero()) {
    ctx.find(
      "arithmetic.growth",
      { zh: `${rate.fact.subject}上年为 0（本年 ${fmt(new Decimal(current.fact.value))} 全部为增加额），增长幅度却写作 ${r.toFixed()}%`, en: `${rate.fact.subject}: last year was 0 (all of this year's ${fmt(new Decimal(current.fact.value))} is new), yet the rate is ${r.toFixed()}%` },
      "100%",
      `${r.toFixed()}%`,
      cites,
    );
    return;
  }
  if (prior.lte(0)) return;
  const computed = d.div(prior).mul(hundred);
  if (within(computed.abs(), r.abs(), places)) return;
  ctx.find(
    "arithmetic.growth",
    {
      zh: `${rate.fact.subject}：本年 ${fmt(new Decimal(current.fact.value))}、增减 ${fmt(d)}，上年应为 ${fmt(prior)}，幅度应为 ${pct(computed, places)}，说明写作 ${r.toFixed()}%`,
      en: `${rate.fact.subject}: this year ${fmt(new Decimal(current.fact.value))}, change ${fmt(d)}: the rate should be ${pct(computed, places)}, the narrative says ${r.toFixed()}%`,
    },
    pct(computed, places),
    `${r.toFixed()}%`,
    cites,
  );
}

// 决算数大于/小于/等于/持平 (年初/全年)预算数; 较上年增加/减少/持平: the words against the figures
// of the nearest group before them that states both sides.
function compareWords(ctx: AuditContext, p: Paragraph, groups: readonly Group[], earlier: readonly Group[]): void {
  for (const cmp of COMPARISONS) {
    for (const m of p.text.matchAll(cmp.pattern)) {
      const at = m.index ?? 0;
      const word = m.groups?.word ?? "";
      const named = m.groups?.budget ?? "";
      const both = (x: Group): boolean => x.of("决算").length > 0 && x.of("预算").length > 0;
      // "…决算大于预算数的主要情况：" may open a paragraph of its own after the figures.
      const g = [...groups].reverse().find((x) => x.start <= at && both(x)) ?? [...earlier].reverse().find(both);
      if (!g) continue;
      const actual = new Decimal((g.of("决算")[0] as Placed).fact.value);
      const stated = g.of("预算").filter((b) => named === "" || budgetKind(b) === named || budgetKind(b) === null);
      // A budget of 0 beside a real one ("年初预算为 0 万元，全年预算为 321.02 万元") is no base for
      // 大于/小于: anything spent exceeds it, so it would excuse every word.
      const nonzero = stated.filter((b) => !new Decimal(b.fact.value).isZero());
      const budgets = nonzero.length > 0 ? nonzero : stated;
      if (budgets.length === 0) continue;
      if (budgets.some((b) => relationHolds(cmp.relation(word), actual, new Decimal(b.fact.value)))) continue;
      const b = new Decimal((budgets[0] as Placed).fact.value);
      const truth = actual.gt(b) ? "大于" : actual.lt(b) ? "小于" : "等于";
      ctx.find(
        "arithmetic.compare-budget",
        { zh: `说明写“${m[0]}”，但决算数 ${fmt(actual)} ${truth}${named}预算数 ${fmt(b)}`, en: `The narrative says “${m[0]}”, but the outturn ${fmt(actual)} is ${truth === "大于" ? "above" : truth === "小于" ? "below" : "equal to"} the budget ${fmt(b)}` },
        truth,
        word,
        [ctx.cite(lineAt(p, at)), ctx.citeFact((g.of("决算")[0] as Placed).fact)],
      );
    }
  }
  for (const m of p.text.matchAll(PRIOR_DIRECTION)) {
    const at = m.index ?? 0;
    const word = m.groups?.word ?? m.groups?.word2 ?? "";
    const g = [...groups].reverse().find((x) => x.start <= at && x.of("增减").length > 0);
    if (!g || at - g.start > 200) continue;
    const d = new Decimal((g.of("增减")[0] as Placed).fact.value);
    const says = /持平/.test(word) ? 0 : /增/.test(word) ? 1 : -1;
    const is = d.isZero() ? 0 : d.isNegative() ? -1 : 1;
    if (says === is) continue;
    ctx.find(
      "arithmetic.compare-prior",
      { zh: `说明写“${m[0]}”，但较上年增减数为 ${fmt(d)}`, en: `The narrative says “${m[0]}”, but the year-on-year change is ${fmt(d)}` },
      is === 0 ? "持平" : is > 0 ? "增加" : "减少",
      word,
      [ctx.cite(lineAt(p, at)), ctx.citeFact((g.of("增减")[0] as Placed).fact)],
    );
  }
}

// "收入合计 X 万元，其中：A a 万元、B b 万元": the parts cannot exceed the total.
function partsSum(ctx: AuditContext, groups: readonly Group[]): void {
  const bySentence = new Map<number, Placed[]>();
  for (const g of groups) for (const x of g.placed) bySentence.set(g.start, [...(bySentence.get(g.start) ?? []), x]);
  for (const [, placed] of bySentence) {
    const sentence = (groups.find((g) => g.placed.includes(placed[0] as Placed)) as Group).sentence;
    const at = sentence.indexOf("其中");
    if (at < 0) continue;
    const money = (x: Placed): boolean => x.fact.measure === "决算" && isMoneyUnit(x.fact.unit) && x.fact.qualifier.length === 0;
    const total = placed.filter((x) => money(x) && x.at < at).pop();
    const parts = placed.filter((x) => money(x) && x.at > at && x.fact.unit === total?.fact.unit);
    if (!total || parts.length < 2) continue;
    const sum = parts.reduce((s, x) => s.plus(new Decimal(x.fact.value)), new Decimal(0));
    const t = new Decimal(total.fact.value);
    if (sum.minus(t).lte(new Decimal("0.01").mul(parts.length))) continue;
    if (t.isZero()) {
      ctx.find("narrative.zero-claim", { zh: `说明称${total.fact.subject}为 0，其中所列各项却合计 ${fmt(sum)}`, en: `The narrative gives ${total.fact.subject} as 0, yet its parts add up to ${fmt(sum)}` }, fmt(sum), "0", [ctx.citeFact(total.fact)]);
      continue;
    }
    ctx.find(
      "arithmetic.parts-sum",
      { zh: `${total.fact.subject} ${fmt(t)}，其中所列各项合计 ${fmt(sum)}，超过总数`, en: `${total.fact.subject} is ${fmt(t)} but the parts listed add up to ${fmt(sum)}` },
      `≤ ${fmt(t)}`,
      fmt(sum),
      [ctx.citeFact(total.fact)],
    );
  }
}

// +1 for 增加/增长/上升/提高, −1 for 减少/下降/降低, written just before the figure; null if none.
function directionBefore(x: Placed): 1 | -1 | null {
  if (x.at < 0 || x.fact.source.kind !== "narrative") return null;
  const before = x.fact.source.quote.slice(Math.max(0, x.at - 8), x.at);
  const m = [...before.matchAll(/增加|增长|上升|提高|减少|下降|降低/g)].pop();
  if (!m) return null;
  return /增|升|提/.test(m[0]) ? 1 : -1;
}

/** Whether a computed percentage rounds (or truncates) to the stated one at its decimals. */
export function within(computed: Decimal, stated: Decimal, places: number): boolean {
  return computed.minus(stated).abs().lt(new Decimal(10).pow(-places));
}

function lineAt(p: Paragraph, offset: number): number {
  let line = p.line;
  for (const e of p.lineMap) if (e.offset <= offset) line = e.line;
  return line;
}
