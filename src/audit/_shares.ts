/**
 * Shares (占比): a share is recomputed from its numerator (the figure the same sentence states for
 * the same quantity) and a denominator the text names ("占本年支出合计的") or leads with ("支出 X 万元，
 * 主要用于以下方面："). A share any plausible denominator explains is never reported.
 */
import { Decimal, formatFigure, isMoneyUnit } from "../core/money.js";
import { normLabel, type Fact } from "../facts/index.js";
import type { Paragraph } from "../parse/types.js";
import type { AuditContext } from "./_context.js";
import { baseOf, sentenceGroups, type Placed } from "./_sentences.js";

const hundred = new Decimal(100);
const fmt = (d: Decimal): string => formatFigure(d.toFixed());
const placesOf = (raw: string): number => (raw.split(".")[1] ?? "").replace(/\D/g, "").length;

/** Words naming a whole, and the items that state it. */
const WHOLES: readonly { readonly words: RegExp; readonly items: readonly string[] }[] = [
  { words: /项目支出/, items: ["project_expenditure"] },
  { words: /基本支出/, items: ["basic_expenditure"] },
  { words: /本年支出|支出合计|总支出|支出总额/, items: ["expenditure_total"] },
  { words: /本年收入|收入合计|总收入|收入总额/, items: ["revenue_total"] },
  { words: /一般公共预算财政拨款支出/, items: ["general_budget_expenditure"] },
  { words: /财政拨款/, items: ["fiscal_total", "fiscal_appropriation_revenue"] },
  { words: /三公/, items: ["sangong_total"] },
];

const TOTALS = new Set<string>([
  "grand_total",
  "revenue_total",
  "expenditure_total",
  "fiscal_total",
  "fiscal_appropriation_revenue",
  "general_budget_revenue",
  "general_budget_expenditure",
  "basic_expenditure",
  "project_expenditure",
  "personnel_expenses",
  "public_expenses",
  "sangong_total",
  "vehicle_total",
  "procurement_total",
  "procurement_sme",
]);

/** The whole a part's share is usually taken of, by item. */
const PARENT: Readonly<Record<string, string>> = {
  outbound_travel: "sangong_total",
  vehicle_total: "sangong_total",
  reception: "sangong_total",
  vehicle_purchase: "vehicle_total",
  vehicle_operation: "vehicle_total",
  basic_expenditure: "expenditure_total",
  project_expenditure: "expenditure_total",
  personnel_expenses: "basic_expenditure",
  public_expenses: "basic_expenditure",
  fiscal_appropriation_revenue: "revenue_total",
  other_revenue: "revenue_total",
  procurement_goods: "procurement_total",
  procurement_works: "procurement_total",
  procurement_services: "procurement_total",
  procurement_sme: "procurement_total",
  procurement_small_micro: "procurement_sme",
};

interface Candidate {
  readonly value: Decimal;
  readonly fact: Fact;
}

/** Checks every share the narrative states. */
export function checkShares(ctx: AuditContext): void {
  const paragraphs = ctx.doc.paragraphs;
  paragraphs.forEach((p, i) => {
    for (const g of sentenceGroups(p, ctx.facts)) {
      const share = g.placed.find((x) => x.fact.measure === "占比");
      // "住房保障支出 76.91 万元。占 0.64%。": the part may stand in the sentence before.
      const part = g.of("决算").find((x) => isMoneyUnit(x.fact.unit));
      if (!share || !part) continue;
      const stated = new Decimal(share.fact.value);
      const n = inWan(part.fact);
      // "基本支出 0 万元，占本年支出 6.2%": the text itself contradicts the zero.
      if (n.isZero() && stated.gt(0)) {
        ctx.find(
          "narrative.zero-claim",
          { zh: `说明称${part.fact.subject}为 0，却又写它占 ${share.fact.source.raw}%`, en: `The narrative gives ${part.fact.subject} as 0, yet a share of ${share.fact.source.raw}%` },
          null,
          "0",
          [ctx.citeFact(part.fact), ctx.citeFact(share.fact)],
        );
        continue;
      }
      if (n.isZero() || stated.isZero()) continue;
      const places = placesOf(share.fact.source.raw);
      const named = namedWhole(share.fact);
      const lead = leadFigure(ctx, paragraphs, i, share, n);
      const parent = parentOf(ctx, part.fact);
      // The whole the text names or leads with decides; only without one may any nearby figure explain the share.
      const decided = [...(named ? namedCandidates(ctx, named) : []), ...(lead ? [lead] : []), ...(parent ? [parent] : [])];
      const broad = leadCandidates(ctx, paragraphs, i, p, share);
      const candidates = named || lead ? decided : [...decided, ...broad];
      if (candidates.some((c) => !c.value.isZero() && fits(n, c.value, stated, places))) continue;
      const base = (named ? namedCandidates(ctx, named)[0] : undefined) ?? lead ?? parent;
      if (!base || base.value.lt(n)) continue;
      const computed = n.div(base.value).mul(hundred);
      // The share is right of another whole the text does not name: the wrong whole was named.
      // Of the wholes that explain it, the one whose name is closest to the words the text used.
      const near = (c: Candidate): number => [...normLabel(c.fact.subject)].filter((ch) => (named ?? base.fact.subject).includes(ch)).length;
      const other = broad.filter((c) => !c.value.isZero() && fits(n, c.value, stated, places)).sort((a, b) => near(b) - near(a))[0];
      if (other) {
        ctx.find(
          "arithmetic.share-base",
          {
            zh: `${part.fact.subject} ${fmt(n)} 占 ${base.fact.subject} ${fmt(base.value)} 应为 ${computed.toFixed(places)}%；说明写的 ${share.fact.source.raw}% 是按 ${other.fact.subject} ${fmt(other.value)} 算的`,
            en: `${part.fact.subject} ${fmt(n)} of ${base.fact.subject} ${fmt(base.value)} is ${computed.toFixed(places)}%; the ${share.fact.source.raw}% written is of ${other.fact.subject} ${fmt(other.value)}`,
          },
          `${computed.toFixed(places)}%`,
          `${share.fact.source.raw}%`,
          [ctx.citeFact(share.fact), ctx.citeFact(base.fact), ctx.citeFact(other.fact)],
        );
        continue;
      }
      ctx.find(
        "arithmetic.share",
        {
          zh: `${part.fact.subject} ${fmt(n)} 占 ${base.fact.subject} ${fmt(base.value)} 的比重应为 ${computed.toFixed(places)}%，说明写作 ${share.fact.source.raw}%`,
          en: `${part.fact.subject} ${fmt(n)} of ${base.fact.subject} ${fmt(base.value)} is ${computed.toFixed(places)}%, the narrative says ${share.fact.source.raw}%`,
        },
        `${computed.toFixed(places)}%`,
        `${share.fact.source.raw}%`,
        [ctx.citeFact(share.fact), ctx.citeFact(base.fact)],
      );
    }
  });
}

// The part's whole by the item table, as the narrative states it (else a table).
function parentOf(ctx: AuditContext, part: Fact): Candidate | undefined {
  const parent = part.item ? PARENT[part.item] : undefined;
  if (!parent) return undefined;
  // A table's cell qualifies by its column ("决算数", "合计"): any column but a budget, a prior year or a change.
  const plain = (x: Fact): boolean => x.qualifier.length === 0 || (x.source.kind === "table" && x.qualifier.every((q) => !/预算|上年|年初|全年|增|减|较|占|其中/.test(q)));
  const f = ctx.facts
    .filter((x) => x.item === parent && x.measure === "决算" && isMoneyUnit(x.unit) && plain(x) && (part.scope === undefined || x.scope === undefined || x.scope === part.scope))
    .sort((a, b) => (a.source.kind === "narrative" ? 0 : 1) - (b.source.kind === "narrative" ? 0 : 1))[0];
  return f ? { value: inWan(f), fact: f } : undefined;
}

function inWan(f: Fact): Decimal {
  return f.unit === "元" ? new Decimal(f.value).div(10000) : new Decimal(f.value);
}

function fits(n: Decimal, d: Decimal, stated: Decimal, places: number): boolean {
  return n.div(d).mul(hundred).minus(stated).abs().lt(new Decimal(10).pow(-places));
}

// "占本年支出合计的" → "本年支出合计".
function namedWhole(share: Fact): string | null {
  const q = share.qualifier.find((x) => x.startsWith("占"));
  if (!q) return null;
  const w = normLabel(q.replace(/^占/, "").replace(/(的)?(比重|比例)?$/, ""));
  return w.length >= 2 ? w : null;
}

function namedCandidates(ctx: AuditContext, whole: string): Candidate[] {
  const first = WHOLES.find((w) => w.words.test(whole));
  const items = first ? first.items : [];
  // "一般公共预算项目支出总额": the 口径 the words name comes first.
  const scope = /一般公共预算/.test(whole) ? "一般公共预算" : /政府性基金/.test(whole) ? "政府性基金" : /财政拨款/.test(whole) ? "财政拨款" : null;
  const rank = (f: Fact): number => (scope !== null && f.scope === scope ? 0 : 2) + (f.source.kind === "narrative" ? 0 : 1);
  return ctx.facts
    .filter((f) => f.measure === "决算" && isMoneyUnit(f.unit) && f.qualifier.every((q) => !/较上年|占/.test(q)))
    .filter((f) => (f.item !== null && items.includes(f.item)) || normLabel(f.subject).includes(whole) || whole.includes(normLabel(f.subject)))
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => ({ value: inWan(f), fact: f }));
}

// Money figures of this paragraph and the three before it in the same section, and the
// document's totals wherever stated: any of them may be the whole a share was taken of.
function leadCandidates(ctx: AuditContext, paragraphs: readonly Paragraph[], i: number, p: Paragraph, share: Placed): Candidate[] {
  const section = p.sectionPath.join(">");
  const near = paragraphs.slice(Math.max(0, i - 3), i + 1).filter((x) => x.sectionPath.join(">") === section);
  const lines = new Set(near.flatMap((x) => range(x.line, x.lineEnd)));
  return ctx.facts
    .filter((f) => f.measure === "决算" && isMoneyUnit(f.unit) && f !== share.fact)
    .filter((f) => (f.source.kind === "narrative" && lines.has(f.source.line)) || (f.item !== null && TOTALS.has(f.item)))
    .map((f) => ({ value: inWan(f), fact: f }));
}

// The nearest earlier money figure that is not itself a part with a share ("支出 X 万元，主要用于：").
function leadFigure(ctx: AuditContext, paragraphs: readonly Paragraph[], i: number, share: Placed, n: Decimal): Candidate | undefined {
  const p = paragraphs[i] as Paragraph;
  const section = p.sectionPath.join(">");
  for (let j = i; j >= Math.max(0, i - 6); j--) {
    const q = paragraphs[j] as Paragraph;
    if (q.sectionPath.join(">") !== section) break;
    const groups = sentenceGroups(q, ctx.facts).filter((g) => j < i || g.start < share.start || (g.start === share.start && (g.placed[0]?.at ?? 0) < share.at));
    for (const g of [...groups].reverse()) {
      // Not the part itself ("住房保障支出 76.91 万元。占 0.64%。"), nor a sibling part with its own share.
      if (g.base === baseOf(share.fact.key) || g.placed.some((x) => x.fact.measure === "占比")) continue;
      const money = g.placed.find((x) => x.fact.measure === "决算" && isMoneyUnit(x.fact.unit) && x.fact.qualifier.length === 0);
      if (money && inWan(money.fact).gte(n)) return { value: inWan(money.fact), fact: money.fact };
    }
  }
  return undefined;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let x = a; x <= b; x++) out.push(x);
  return out;
}
