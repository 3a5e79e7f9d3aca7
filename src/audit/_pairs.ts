/**
 * Complete breakdowns in the narrative: 基本支出 + 项目支出 = 支出合计, 人员经费 + 公用经费 = 基本支出
 * (data below). When one 情况说明 section states the whole and both parts in one 口径, the parts
 * must add up to the whole; a part written as 0 against that arithmetic is a zero claim.
 */
import { Decimal, formatFigure, isMoneyUnit } from "../core/money.js";
import type { Fact } from "../facts/index.js";
import type { AuditContext } from "./_context.js";

/** whole = Σ parts, by item; a whole the facts left unkeyed is known by its name ("总支出", "本年支出"). */
const BREAKDOWNS: readonly { readonly whole: readonly string[]; readonly wholeNames?: RegExp; readonly parts: readonly string[] }[] = [
  { whole: ["expenditure_total", "general_budget_expenditure"], wholeNames: /^(总支出|本年支出|(各项)?支出(合计|总计))$/, parts: ["basic_expenditure", "project_expenditure"] },
  { whole: ["basic_expenditure"], parts: ["personnel_expenses", "public_expenses"] },
];

const fmt = (d: Decimal): string => formatFigure(d.toFixed());

/** Checks each section's complete breakdowns. */
export function checkBreakdowns(ctx: AuditContext): void {
  const bySection = new Map<string, Fact[]>();
  for (const f of ctx.facts) {
    if (f.source.kind !== "narrative" || f.measure !== "决算" || !isMoneyUnit(f.unit) || f.qualifier.length > 0) continue;
    const list = bySection.get(f.source.section);
    if (list) list.push(f);
    else bySection.set(f.source.section, [f]);
  }
  for (const facts of bySection.values()) {
    for (const b of BREAKDOWNS) {
      for (const scope of new Set(facts.map((f) => f.scope))) {
        const one = (items: readonly string[], names?: RegExp): Fact | null | undefined => {
          const hits = facts.filter((f) => ((f.item !== null && items.includes(f.item)) || (f.item === null && names !== undefined && names.test(f.subject.replace(/\s+/g, "")))) && f.scope === scope);
          // One quantity stated with two values in a section is not ours to pick from.
          return new Set(hits.map((f) => f.value)).size > 1 ? null : hits[0];
        };
        const whole = b.whole.map((w) => one([w])).find((x) => x) ?? one([], b.wholeNames);
        const parts = b.parts.map((p) => one([p]));
        if (!whole || parts.some((p) => !p)) continue;
        const ps = parts as Fact[];
        const sum = ps.reduce((s, p) => s.plus(new Decimal(p.value)), new Decimal(0));
        const t = new Decimal(whole.value);
        if (sum.minus(t).abs().lte(new Decimal("0.01").mul(ps.length))) continue;
        const zero = ps.find((p) => new Decimal(p.value).isZero());
        const cites = [ctx.citeFact(whole), ...ps.map((p) => ctx.citeFact(p))];
        if (t.isZero()) {
          ctx.find("narrative.zero-claim", { zh: `说明称${whole.subject}为 0，其组成部分却合计 ${fmt(sum)}`, en: `The narrative gives ${whole.subject} as 0, yet its parts add up to ${fmt(sum)}` }, fmt(sum), "0", cites);
          continue;
        }
        if (zero) {
          ctx.find("narrative.zero-claim", { zh: `说明称${zero.subject}为 0，但${whole.subject} ${fmt(t)} 与其他部分之差为 ${fmt(t.minus(sum))}`, en: `The narrative gives ${zero.subject} as 0, but ${whole.subject} ${fmt(t)} leaves ${fmt(t.minus(sum))} for it` }, fmt(t.minus(sum)), "0", [ctx.citeFact(zero), ...cites]);
          continue;
        }
        ctx.find(
          "arithmetic.parts-sum",
          { zh: `${ps.map((p) => `${p.subject} ${fmt(new Decimal(p.value))}`).join(" + ")} = ${fmt(sum)}，与${whole.subject} ${fmt(t)} 不符`, en: `${ps.map((p) => `${p.subject} ${fmt(new Decimal(p.value))}`).join(" + ")} = ${fmt(sum)}, not ${whole.subject} ${fmt(t)}` },
          fmt(t),
          fmt(sum),
          cites,
        );
      }
    }
  }
}
