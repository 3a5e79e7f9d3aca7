/**
 * Verification: every fact gets a status. Sum identities of the tables and independent sources
 * stating the same quantity confirm figures; OCR-damaged cells are repaired only where the document
 * itself determines the value; disagreements are kept, never resolved by guessing.
 */
import { Decimal, formatFigure } from "../core/money.js";
import { keyStrength, type Fact, type FactStatus, type Finding } from "../facts/index.js";
import type { Disclosure } from "../parse/types.js";
import { buildGrid, type CellRef } from "./_cells.js";
import { identitiesOf, type Identity, type IdentityFamily } from "./_identities.js";
import { cellValue, damageFindings, repairByAgreement, repairByIdentity } from "./_repair.js";
import { describeSource, startWork, type Work } from "./_state.js";
import { sumTolerance } from "./_tolerance.js";

export { TOLERANCE_PER_ADDEND_WAN, sumTolerance } from "./_tolerance.js";
export type { CellRef } from "./_cells.js";
export type { IdentityFamily } from "./_identities.js";

/** One sum identity of a disclosure's tables, checked on verified values (repairs applied). */
export interface IdentityCheck {
  readonly family: IdentityFamily;
  /** Chinese name with the table and the terms, e.g. "公开05表 基本支出: 21011 行政事业单位医疗 = Σ 项 (…)". */
  readonly name: string;
  readonly total: CellRef;
  readonly addends: readonly CellRef[];
  /** Verified value of each term (total first); null where a cell is damaged and unrepaired. */
  readonly values: readonly (Decimal | null)[];
  /** holds: exact; tail: off by at most the rounding tolerance; fails: off by more; unknown: a term has no value. */
  readonly outcome: "holds" | "tail" | "fails" | "unknown";
  /** total − Σ addends, when every term has a value. */
  readonly difference: Decimal | null;
  readonly tolerance: Decimal;
}

/**
 * The table identities of one disclosure checked on its verified facts (`verifyFacts` output):
 * the arithmetic that gives facts their status, in its extended reading (see `IdentityOptions`).
 */
export function checkTableIdentities(doc: Disclosure, facts: readonly Fact[]): IdentityCheck[] {
  const grid = buildGrid(doc, facts.filter((f) => f.doc === doc.id));
  const valueOf = (t: CellRef): Decimal | null => (t.fact ? new Decimal(t.fact.value) : t.value);
  return identitiesOf(doc, grid, { extended: true }).map((id) => {
    const terms = [id.total, ...id.addends];
    const values = terms.map(valueOf);
    const tolerance = sumTolerance(id.addends.length, id.total.unit);
    const known = values.every((v) => v !== null);
    const difference = known ? (values[0] as Decimal).minus(values.slice(1).reduce((a: Decimal, v) => a.plus(v as Decimal), new Decimal(0))) : null;
    const outcome = difference === null ? "unknown" : difference.isZero() ? "holds" : difference.abs().lte(tolerance) ? "tail" : "fails";
    return { family: id.family, name: id.name, total: id.total, addends: id.addends, values, outcome, difference, tolerance };
  });
}

/** Facts with status, evidence, repairs and conflicts filled in, and the audit findings. */
export interface Verification {
  readonly facts: Fact[];
  readonly findings: Finding[];
}

/**
 * Verifies the facts of the given disclosures (facts of other documents pass through unverified).
 * Damaged cells that nothing repairs and whose text is not a figure are dropped from the facts.
 */
export function verifyFacts(facts: readonly Fact[], docs: readonly Disclosure[]): Verification {
  const work = startWork(facts);
  const byKey = new Map<string, Work[]>();
  for (const w of work.values()) {
    const list = byKey.get(w.fact.key) ?? [];
    list.push(w);
    byKey.set(w.fact.key, list);
  }
  const identities: Identity[] = [];
  for (const doc of docs) {
    const grid = buildGrid(doc, facts.filter((f) => f.doc === doc.id));
    identities.push(...identitiesOf(doc, grid));
  }
  for (let round = 0; round < 4; round += 1) {
    const repaired = repairByAgreement(work, byKey) + repairByIdentity(identities, work);
    if (repaired === 0) break;
  }
  const findings: Finding[] = [...checkIdentities(identities, work), ...checkAgreement(byKey), ...damageFindings(work)];
  const out: Fact[] = [];
  for (const w of work.values()) {
    // "2.432.62" with nothing to confirm a reading stays out of answers' reach; a truncated
    // "1,099.0" is still a reading of the text and stays, never verified.
    if (w.damaged && !w.fact.ocr?.flags.includes("truncated")) continue;
    out.push({
      ...w.fact,
      value: w.value,
      status: statusOf(w),
      evidence: w.evidence,
      repairedFrom: w.repairedFrom,
      conflicting: [...w.conflicting],
    });
  }
  return { facts: out, findings };
}

function statusOf(w: Work): FactStatus {
  if (w.conflict) return "conflict";
  if (w.repairedFrom !== null) return "repaired";
  if (w.damaged) return "single-source";
  if (w.evidence.some((e) => e.kind === "identity" || e.kind === "agreement")) return "verified";
  return "single-source";
}

function checkIdentities(identities: readonly Identity[], work: Map<string, Work>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const id of identities) {
    const terms = [id.total, ...id.addends];
    const values = terms.map((t) => cellValue(t, work));
    if (values.some((v) => v === null)) continue;
    const [total, ...addends] = values as Decimal[];
    if (!total) continue;
    const sum = addends.reduce((a, v) => a.plus(v), new Decimal(0));
    if (total.isZero() && sum.isZero()) continue;
    const facts = terms.flatMap((t) => (t.fact ? [t.fact.id] : []));
    const sig = `${facts.join(",")}|${id.name}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    const shown = `${fmt(total)} ${total.minus(sum).abs().lte(sumTolerance(addends.length, id.total.unit)) ? "=" : "≠"} ${addends.map(fmt).join(" + ")}`;
    if (total.minus(sum).abs().lte(sumTolerance(addends.length, id.total.unit))) {
      for (const t of terms) pushEvidence(t, work, { kind: "identity", note: `${id.name} (${shown})`, facts: facts.filter((f) => f !== t.fact?.id) });
    } else {
      const lines = [...new Set(terms.map((t) => t.row.line))].sort((a, b) => a - b);
      findings.push({ doc: id.total.doc, kind: "identity_failed", note: `${id.name}: ${shown} (差 ${fmt(total.minus(sum))})`, lines, facts });
      for (const t of terms) pushEvidence(t, work, { kind: "identity_failed", note: `${id.name} 不成立 (${shown})`, facts: facts.filter((f) => f !== t.fact?.id) });
    }
  }
  return findings;
}

function pushEvidence(t: CellRef, work: Map<string, Work>, e: Work["evidence"][number]): void {
  const w = t.fact ? work.get(t.fact.id) : undefined;
  if (w) w.evidence.push(e);
}

// Same key from different places: equal values confirm each other; unequal values of a strong key
// (item or 科目编码) in the same scope are a conflict; name-only keys never conflict.
function checkAgreement(byKey: ReadonlyMap<string, readonly Work[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [key, group] of byKey) {
    const live = group.filter((w) => !w.damaged);
    if (live.length < 2) continue;
    const strong = keyStrength(key) !== "name";
    // A name-only key confirms only specific money figures (a project's 执行数, a 科目 without a
    // code); "产出指标 40分" in two projects, or "资金" twice, merely share words.
    if (!strong && !specificName(live[0] as Work)) continue;
    const disagreeing: Work[] = [];
    for (const w of live) {
      for (const o of live) {
        if (o === w || sameSpot(o, w)) continue;
        const equal = new Decimal(o.value).eq(new Decimal(w.value));
        if (equal) {
          w.evidence.push({ kind: "agreement", note: `与 ${describeSource(o.fact.source)} 一致 (${o.value}${o.fact.unit})`, facts: [o.fact.id] });
        } else if (strong && w.fact.unit === o.fact.unit && w.fact.scope !== undefined && w.fact.scope === o.fact.scope && !roundedForm(w.value, o.value)) {
          w.evidence.push({ kind: "disagreement", note: `${describeSource(o.fact.source)} 为 ${o.value}${o.fact.unit}`, facts: [o.fact.id] });
          w.conflicting.add(o.value);
          w.conflict = true;
          if (!disagreeing.includes(w)) disagreeing.push(w);
        }
      }
    }
    if (disagreeing.length > 0) {
      const first = disagreeing[0] as Work;
      findings.push({
        doc: first.fact.doc,
        kind: "conflict",
        note: `${first.fact.subject}(${first.fact.measure}, ${first.fact.scope ?? ""}) 各处数值不一: ${disagreeing.map((w) => `${describeSource(w.fact.source)} ${w.value}`).join("; ")}`,
        lines: [...new Set(disagreeing.map((w) => w.fact.source.line))].sort((a, b) => a - b),
        facts: disagreeing.map((w) => w.fact.id),
      });
    }
  }
  return findings;
}

// "113,033.6" in the narrative for 113,033.61 in a table: the same figure at a coarser precision,
// neither a confirmation nor a conflict.
function roundedForm(a: string, b: string): boolean {
  const da = (a.split(".")[1] ?? "").length;
  const db = (b.split(".")[1] ?? "").length;
  if (da === db) return false;
  const [coarse, fine, places] = da < db ? [a, b, da] : [b, a, db];
  return new Decimal(fine).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).eq(new Decimal(coarse));
}

function specificName(w: Work): boolean {
  const f = w.fact;
  const subject = f.subject.replace(/[\s“”"()（）]/g, "");
  if (/指标$|^(资金|合计|小计|总计|完成|执行|结余|部门整体|整体|本年收入|本年支出)$/.test(subject)) return false;
  if (f.measure === "得分") return subject.length >= 6;
  return (f.measure === "决算" || f.measure === "预算") && subject.length >= 4;
}

function sameSpot(a: Work, b: Work): boolean {
  return a.fact.source.line === b.fact.source.line && a.fact.source.kind === b.fact.source.kind;
}

function fmt(d: Decimal): string {
  return formatFigure(d.toFixed());
}
