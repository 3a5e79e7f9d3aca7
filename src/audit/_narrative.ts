/**
 * Narrative against tables: every narrative figure the facts stage linked to a table quantity
 * (same item or 科目编码, same 口径) must equal it; a "none" or 0 where the table has an amount, a
 * figure in the wrong money unit, and a one-cent difference (尾差) are reported under their own rules.
 */
import { Decimal, formatFigure, isMoneyUnit } from "../core/money.js";
import { keyStrength, type Fact } from "../facts/index.js";
import type { TableKind } from "../parse/types.js";
import { resolve, type Anchor } from "./_across.js";
import type { AuditCell } from "./_cells.js";
import { normCell } from "./_cells.js";
import type { AuditContext } from "./_context.js";
import { TEMPLATE_KINDS } from "./_document.js";

// The template's tables and the university template's 财政拨款支出决算表.
const TEMPLATE_TABLES: ReadonlySet<TableKind> = new Set<TableKind>([...TEMPLATE_KINDS, "财政拨款支出决算表"]);

const fmt = (v: string | Decimal): string => formatFigure(typeof v === "string" ? v : v.toFixed());
const inWan = (f: Fact): Decimal => (f.unit === "元" ? new Decimal(f.value).div(10000) : new Decimal(f.value));
const baseOf = (key: string): string => key.split("|").slice(1).join("|");

/** Compares narrative figures with the table figures of the same quantity. */
export function auditNarrative(ctx: AuditContext): void {
  const tableFacts = new Map<string, Fact[]>();
  for (const f of ctx.facts) {
    if (f.source.kind !== "table" || !TEMPLATE_TABLES.has(f.source.tableKind) || !isMoneyUnit(f.unit)) continue;
    const k = baseOf(f.key);
    tableFacts.set(k, [...(tableFacts.get(k) ?? []), f]);
  }
  for (const n of ctx.facts) {
    if (n.source.kind !== "narrative" || !isMoneyUnit(n.unit) || (n.measure !== "决算" && n.measure !== "预算")) continue;
    if (keyStrength(n.key) === "name") {
      namedTotal(ctx, n);
      continue;
    }
    // Tables print 全年预算 (the adjusted budget); a 年初预算 in the narrative is another figure.
    if (n.measure === "预算" && n.qualifier.some((q) => /年初/.test(q))) continue;
    const all = tableFacts.get(baseOf(n.key)) ?? [];
    // The narrative figure equal to the same quantity in any table: at worst its 口径 was misread.
    if (all.some((t) => inWan(t).eq(inWan(n)))) continue;
    const hint = sectionScope(n);
    // No 口径 read and none in the section's heading: the figure is about all funds (全部).
    const scope = n.scope ?? hint ?? "全部";
    const peers = all.filter((t) => t.scope === undefined || t.scope === scope);
    if (peers.length === 0) continue;
    if (hint !== null && scope !== undefined && hint !== scope && !(hint === "财政拨款" && scope !== "全部")) {
      ctx.skip("narrative.figure", { zh: `说明所在章节为${hint}口径，与读出的${n.scope}口径不一致，未核对`, en: `the narrative's section is about ${hint} but the figure was read as ${n.scope}; not checked` }, [ctx.citeFact(n)]);
      continue;
    }
    checkAgainst(ctx, n, peers);
  }
}

// "各项支出总计 481,483.46 万元": a total the facts could not tie to one item is one of the cells
// that print it (总表's 本年合计 or 总计, the income/expenditure table's 合计 row).
const T = { t01: "收入支出决算总表", t02: "收入决算表", t03: "支出决算表", t04: "财政拨款收入支出决算总表", tf: "财政拨款支出决算表" } as const;
const TOTAL_ROW = /^(合计|总计)$/;
const NAMED_TOTALS: readonly (readonly [RegExp, Fact["scope"] | null, readonly Anchor[]])[] = [
  [/^(各项)?收入(总计|合计)$/, null, [{ table: T.t01, part: /收入/, row: /^本年收入合计$/ }, { table: T.t01, part: /收入/, row: /^总计$/ }, { table: T.t02, row: TOTAL_ROW }]],
  [/^(各项)?支出(总计|合计)$/, null, [{ table: T.t01, part: /支出/, row: /^本年支出合计$/ }, { table: T.t01, part: /支出/, row: /^总计$/ }, { table: T.t03, row: TOTAL_ROW }]],
  [/^收支(总计|合计)$/, null, [{ table: T.t01, part: /收入/, row: /^总计$/ }]],
  [/^财政拨款(收入)?支出(总计|合计)$/, "财政拨款", [{ table: T.t04, part: /支出/, row: /^本年支出合计$/ }, { table: T.t04, part: /支出/, row: /^总计$/ }, { table: T.tf, row: TOTAL_ROW }]],
];

function namedTotal(ctx: AuditContext, n: Fact): void {
  if (n.measure !== "决算" || n.qualifier.length > 0) return;
  const entry = NAMED_TOTALS.find(([re]) => re.test(normCell(n.subject)));
  if (!entry) return;
  const [, scope, anchors] = entry;
  // Only in its own 口径: not a fund's "本年支出" under a 政府性基金 heading.
  if (sectionScope(n) !== scope) return;
  const cells = anchors.flatMap((a) => resolve(ctx.cells, a) ?? []).filter((c) => c.value !== null);
  if (cells.length === 0) return;
  const nv = inWan(n);
  if (cells.some((c) => (c.value as Decimal).eq(nv) || coarser(n.value, (c.value as Decimal).toFixed(2)))) return;
  const nearest = [...cells].sort((a, b) => (a.value as Decimal).minus(nv).abs().comparedTo((b.value as Decimal).minus(nv).abs()))[0] as AuditCell;
  const citations = [ctx.cite(nearest.row.line), ctx.citeFact(n)];
  const doubt = ctx.reread.cellDoubt(nearest);
  if (doubt) {
    ctx.skip("narrative.figure", doubt, citations);
    return;
  }
  const tv = nearest.value as Decimal;
  const where = `${nearest.table.number ?? nearest.table.title}“${normCell(nearest.row.label)}”`;
  const cent = nv.minus(tv).abs().lte(new Decimal("0.01"));
  ctx.find(
    cent ? "rounding.figure" : nv.isZero() ? "narrative.zero-claim" : "narrative.figure",
    { zh: `说明中${n.subject}为 ${fmt(nv)} 万元，而${where}为 ${fmt(tv)} 万元`, en: `The narrative gives ${n.subject} as ${fmt(nv)} 万元, but ${where} has ${fmt(tv)} 万元` },
    fmt(tv),
    fmt(nv),
    citations,
  );
}

function checkAgainst(ctx: AuditContext, n: Fact, peers: readonly Fact[]): void {
  const nv = inWan(n);
  if (peers.some((t) => inWan(t).eq(nv) || coarser(n.value, t.value))) return;
  // Tables that disagree among themselves are the across-table rules' business.
  const values = new Set(peers.map((t) => inWan(t).toFixed()));
  if (values.size > 1) return;
  const t = peers[0] as Fact;
  const tv = inWan(t);
  const cell = ctx.cells.ofFact(t);
  const citations = [ctx.citeFact(t), ctx.citeFact(n)];
  const doubt = cell ? ctx.reread.cellDoubt(cell) : null;
  if (doubt) {
    ctx.skip("narrative.figure", doubt, citations);
    return;
  }
  const where = tableName(t, cell);
  const subject = n.subject;
  if (n.unit !== t.unit && new Decimal(n.value).eq(new Decimal(t.value))) {
    ctx.find(
      "narrative.unit",
      { zh: `说明称${subject}为 ${fmt(n.value)}${n.unit}，${where}为 ${fmt(t.value)}${t.unit}，单位不符`, en: `The narrative gives ${subject} as ${fmt(n.value)} ${n.unit}; ${where} has ${fmt(t.value)} ${t.unit}` },
      `${fmt(t.value)}${t.unit}`,
      `${fmt(n.value)}${n.unit}`,
      citations,
    );
    return;
  }
  if (nv.isZero() && !tv.isZero()) {
    ctx.find(
      "narrative.zero-claim",
      { zh: `说明称${subject}为 0（或无此项），而${where}为 ${fmt(tv)} 万元`, en: `The narrative gives ${subject} as none/0, but ${where} has ${fmt(tv)} 万元` },
      fmt(tv),
      fmt(nv),
      citations,
    );
    return;
  }
  const cent = nv.minus(tv).abs().lte(new Decimal("0.01"));
  ctx.find(
    cent ? "rounding.figure" : "narrative.figure",
    cent
      ? { zh: `说明中${subject}为 ${fmt(nv)} 万元，${where}为 ${fmt(tv)} 万元，相差 0.01（尾差）`, en: `The narrative gives ${subject} as ${fmt(nv)} 万元, ${where} ${fmt(tv)} 万元: off by 0.01 (rounding)` }
      : { zh: `说明中${subject}为 ${fmt(nv)} 万元，而${where}为 ${fmt(tv)} 万元`, en: `The narrative gives ${subject} as ${fmt(nv)} 万元, but ${where} has ${fmt(tv)} 万元` },
    fmt(tv),
    fmt(nv),
    citations,
  );
}

// The 口径 a 情况说明 section is about, from its headings ("财政拨款支出决算表说明" → 财政拨款).
function sectionScope(n: Fact): Fact["scope"] | null {
  if (n.source.kind !== "narrative") return null;
  const s = n.source.section.split(" > ").slice(1).join(" ");
  if (/一般公共预算/.test(s)) return "一般公共预算";
  if (/政府性基金/.test(s)) return "政府性基金";
  if (/国有资本/.test(s)) return "国有资本经营";
  if (/财政拨款|三公/.test(s)) return "财政拨款";
  return null;
}

function tableName(t: Fact, cell: AuditCell | null): string {
  if (t.source.kind !== "table") return "";
  const col = cell ? cell.column.path.join(">") : t.source.column.join(">");
  return `${t.source.tableNumber ?? t.source.tableKind}“${normCell(t.source.row)}”${col ? `（${col}）` : ""}`;
}

// "113,033.6" for 113,033.61: the same figure at a coarser precision.
function coarser(narrative: string, table: string): boolean {
  const dn = (narrative.split(".")[1] ?? "").length;
  const dt = (table.split(".")[1] ?? "").length;
  if (dn >= dt) return false;
  return new Decimal(table).toDecimalPlaces(dn, Decimal.ROUND_HALF_UP).eq(new Decimal(narrative));
}
