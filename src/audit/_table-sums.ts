/**
 * Table identities, as verification states them (`checkTableIdentities`): 三公 structure, row
 * totals, 类/款/项 hierarchy, 总表 balance, 基本支出 detail. A failure is reported only after every
 * cell involved re-reads cleanly; a failure within rounding is a hint; a blank cell that both a
 * row and a column total require is reported once, as that cell.
 */
import { Decimal, formatFigure } from "../core/money.js";
import { checkTableIdentities, type CellRef, type IdentityCheck, type IdentityFamily } from "../verify/index.js";
import type { AuditContext, Bilingual } from "./_context.js";
import type { RuleId } from "./_rules.js";

const RULE_OF: Record<IdentityFamily, RuleId> = {
  三公: "table.sangong",
  行合计: "table.row-sum",
  科目层级: "table.hierarchy",
  总表平衡: "table.balance",
  基本支出明细: "table.basic-detail",
  基本支出构成: "across.basic",
};

const FAMILY_EN: Record<IdentityFamily, string> = {
  三公: "三公 structure",
  行合计: "row total",
  科目层级: "classification hierarchy",
  总表平衡: "summary balance",
  基本支出明细: "basic-expenditure detail",
  基本支出构成: "basic = personnel + public",
};

const fmt = (d: Decimal): string => formatFigure(d.toFixed());

/** Checks the table identities of the disclosure. */
export function auditTableSums(ctx: AuditContext): void {
  const reread = ctx.reread;
  const checks = checkTableIdentities(ctx.doc, ctx.facts);
  const failing: IdentityCheck[] = [];
  for (const c of checks) {
    if (c.outcome === "holds") continue;
    const terms = [c.total, ...c.addends];
    const rule = RULE_OF[c.family];
    const citations = [...new Set(terms.map((t) => t.row.line))].sort((a, b) => a - b).map((l) => ctx.cite(l));
    const doubt = nestedHeader(c) ?? terms.map((t) => reread.cellDoubt({ ...t, repaired: t.fact?.repairedFrom != null })).find((d) => d !== null);
    if (doubt) {
      if (c.outcome === "fails" || c.outcome === "unknown") ctx.skip(rule, doubt, citations);
      continue;
    }
    if (c.outcome === "unknown") continue;
    if (c.outcome === "tail") {
      const d = c.difference as Decimal;
      ctx.find(
        "rounding.sum",
        { zh: `${c.name}：差 ${fmt(d)}，在尾差范围内（${c.addends.length} 项 × 0.01）`, en: `${FAMILY_EN[c.family]}: ${c.name} is off by ${fmt(d)}, within rounding` },
        fmt(sumOf(c)),
        fmt(c.values[0] as Decimal),
        citations,
      );
      continue;
    }
    failing.push(c);
  }
  const blanks = blankCells(failing);
  for (const b of blanks) {
    const cites = [ctx.citeCell(b.ref), ...b.checks.flatMap((c) => [c.total, ...c.addends].map((t) => ctx.citeCell(t)))];
    ctx.find(
      "table.blank-cell",
      {
        zh: `第${b.ref.row.line}行“${b.ref.label}”为空白，但${b.checks.map((c) => c.name).join("；")}都要求此处为 ${fmt(b.value)}`,
        en: `line ${b.ref.row.line}: “${b.ref.label}” is blank, but ${b.checks.length} totals require ${fmt(b.value)} there`,
      },
      fmt(b.value),
      ctx.lang === "zh" ? "空白" : "blank",
      cites,
    );
  }
  const explained = new Set(blanks.flatMap((b) => b.checks));
  for (const c of failing) {
    if (explained.has(c)) continue;
    const d = c.difference as Decimal;
    const shown = `${fmt(c.values[0] as Decimal)} ≠ ${c.values.slice(1).map((v) => fmt(v as Decimal)).join(" + ")}`;
    ctx.find(
      RULE_OF[c.family],
      { zh: `${c.name}：${shown}（差 ${fmt(d)}）`, en: `${FAMILY_EN[c.family]} fails: ${c.name}: ${shown} (off by ${fmt(d)})` },
      fmt(sumOf(c)),
      fmt(c.values[0] as Decimal),
      [ctx.citeCell(c.total), ...[...new Set(c.addends.map((t) => t.row.line))].sort((a, b) => a - b).map((l) => ctx.cite(l))],
    );
  }
}

// A row total whose breakdown holds a bare 合计/小计 column, or a column beside its own parts
// ("项目支出" and "项目支出>…"): the header's levels were not read apart.
function nestedHeader(c: IdentityCheck): Bilingual | null {
  if (c.family !== "行合计") return null;
  const paths = c.addends.map((t) => t.column.path.map((s) => s.replace(/\s+/g, "")));
  const bare = c.addends.find((_, i) => (paths[i] ?? []).length === 1 && /^(合计|小计)$/.test(paths[i]?.[0] ?? ""));
  const nested = c.addends.find((_, i) => paths.some((q, j) => j !== i && q.length < (paths[i] ?? []).length && q.every((seg, k) => seg === paths[i]?.[k])));
  const sub = bare ?? nested;
  return sub ? { zh: `${sub.table.number ?? sub.table.title}的分列中含“${sub.column.path.join(">")}”，表头层次未能识别`, en: `the breakdown includes “${sub.column.path.join(">")}”: header levels not read apart` } : null;
}

function sumOf(c: IdentityCheck): Decimal {
  return c.values.slice(1).reduce((a: Decimal, v) => a.plus(v ?? 0), new Decimal(0));
}

interface Blank {
  readonly ref: CellRef;
  readonly value: Decimal;
  readonly checks: IdentityCheck[];
}

// An empty cell every failing identity through it would repair with the same figure.
function blankCells(failing: readonly IdentityCheck[]): Blank[] {
  const byCell = new Map<CellRef, { value: Decimal; checks: IdentityCheck[] }[]>();
  for (const c of failing) {
    const d = c.difference as Decimal;
    for (const [i, t] of [c.total, ...c.addends].entries()) {
      const empty = t.cell === null || t.cell.raw.trim() === "";
      if (!empty) continue;
      const implied = i === 0 ? d.negated() : d;
      if (implied.lte(0)) continue;
      const list = byCell.get(t) ?? [];
      const same = list.find((x) => x.value.eq(implied));
      if (same) same.checks.push(c);
      else list.push({ value: implied, checks: [c] });
      byCell.set(t, list);
    }
  }
  const out: Blank[] = [];
  for (const [ref, list] of byCell) for (const x of list) if (x.checks.length >= 2) out.push({ ref, value: x.value, checks: x.checks });
  return out;
}
