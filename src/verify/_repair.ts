/**
 * Repairs of OCR-damaged cells, only where the document itself determines the value: another
 * source stating the same quantity exactly, or a sum identity with that cell as its one unknown.
 */
import { Decimal } from "../core/money.js";
import type { Finding } from "../facts/index.js";
import type { CellRef } from "./_cells.js";
import type { Identity } from "./_identities.js";
import { describeSource, explainsDamage, type Work } from "./_state.js";
import { sumTolerance } from "./_tolerance.js";

/** The current value of a cell: repaired, clean, or null when still damaged. */
export function cellValue(ref: CellRef, work: ReadonlyMap<string, Work>): Decimal | null {
  const w = ref.fact ? work.get(ref.fact.id) : undefined;
  if (w) return w.damaged ? null : new Decimal(w.value);
  return ref.value;
}

/** Repairs damaged facts from agreeing facts of the same key; returns how many were repaired. */
export function repairByAgreement(work: Map<string, Work>, byKey: ReadonlyMap<string, readonly Work[]>): number {
  let n = 0;
  for (const w of work.values()) {
    if (!w.damaged) continue;
    const peers = (byKey.get(w.fact.key) ?? []).filter(
      (o) => o !== w && !o.damaged && o.fact.source.line !== w.fact.source.line && sameScope(o, w),
    );
    for (const o of peers) {
      const fixed = explainsDamage(w, new Decimal(o.value));
      if (!fixed) continue;
      apply(w, fixed, `“${rawOf(w)}”读作 ${fixed}: ${describeSource(o.fact.source)} 同一数值为 ${o.value}`, [o.fact.id]);
      n += 1;
      break;
    }
  }
  return n;
}

/** Repairs damaged cells that are the single unknown of an identity; returns how many were repaired. */
export function repairByIdentity(identities: readonly Identity[], work: Map<string, Work>): number {
  let n = 0;
  for (const id of identities) {
    const terms = [id.total, ...id.addends];
    const unknown = terms.filter((t) => cellValue(t, work) === null);
    if (unknown.length !== 1) continue;
    const target = unknown[0] as CellRef;
    const w = target.fact ? work.get(target.fact.id) : undefined;
    if (!w || !w.damaged) continue;
    const known = (t: CellRef): Decimal => cellValue(t, work) ?? new Decimal(0);
    const sum = id.addends.filter((t) => t !== target).reduce((a, t) => a.plus(known(t)), new Decimal(0));
    const x = target === id.total ? sum : known(id.total).minus(sum);
    const slack = sumTolerance(id.addends.length, target.unit);
    const fixed = explainsDamage(w, x, slack);
    if (!fixed) continue;
    const others = terms.filter((t) => t !== target);
    apply(w, fixed, `“${rawOf(w)}”读作 ${fixed}: ${id.name} 推得 ${x.toFixed()}`, others.flatMap((t) => (t.fact ? [t.fact.id] : [])));
    n += 1;
  }
  return n;
}

/** Findings for every repair and every damage left unrepaired. */
export function damageFindings(work: ReadonlyMap<string, Work>): Finding[] {
  const out: Finding[] = [];
  for (const w of work.values()) {
    const src = w.fact.source;
    if (w.repairedFrom !== null) {
      const ev = w.evidence.find((e) => e.kind === "repair");
      out.push({ doc: w.fact.doc, kind: "repair", note: `${describeSource(src)}: ${ev?.note ?? `修复为 ${w.value}`}`, lines: [src.line], facts: [w.fact.id, ...(ev?.facts ?? [])] });
    } else if (w.damaged) {
      out.push({
        doc: w.fact.doc,
        kind: "unrepaired_damage",
        note: `${describeSource(src)}: “${rawOf(w)}”疑似识别错误(${(w.fact.ocr?.flags ?? []).join(", ")}), 无其他来源或勾稽关系可确定其数值`,
        lines: [src.line],
        facts: [w.fact.id],
      });
    }
  }
  return out;
}

function apply(w: Work, fixed: string, note: string, facts: readonly string[]): void {
  w.repairedFrom = rawOf(w);
  w.value = fixed;
  w.damaged = false;
  w.evidence.push({ kind: "repair", note, facts });
}

function rawOf(w: Work): string {
  return w.fact.source.kind === "table" ? w.fact.source.raw : w.fact.source.raw;
}

function sameScope(a: Work, b: Work): boolean {
  return a.fact.scope === undefined || b.fact.scope === undefined || a.fact.scope === b.fact.scope;
}
