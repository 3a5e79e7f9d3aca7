/**
 * Mutable verification state of each fact while identities, repairs and agreements are worked
 * out; frozen back into `Fact`s at the end.
 */
import { Decimal } from "../core/money.js";
import type { Evidence, Fact, FactSource } from "../facts/index.js";

/** One fact under verification. */
export interface Work {
  readonly fact: Fact;
  value: string;
  repairedFrom: string | null;
  /** Damaged and not (yet) repaired: its value is not a reading of the document. */
  damaged: boolean;
  readonly evidence: Evidence[];
  readonly conflicting: Set<string>;
  conflict: boolean;
}

/** Starts the work list: damaged cells are marked, nothing is confirmed yet. */
export function startWork(facts: readonly Fact[]): Map<string, Work> {
  const out = new Map<string, Work>();
  for (const f of facts) {
    const damaged = (f.ocr?.flags ?? []).some((k) => k === "separator_misread" || k === "truncated" || k === "unparsable");
    out.set(f.id, { fact: f, value: f.value, repairedFrom: null, damaged, evidence: [], conflicting: new Set(), conflict: false });
  }
  return out;
}

/** "公开03表 支出决算表 第221行 死亡抚恤" or "情况说明 第586行". */
export function describeSource(s: FactSource): string {
  return s.kind === "table" ? `${s.table} 第${s.line}行 ${s.row}${s.column.length ? `(${s.column.join(">")})` : ""}` : `${lastSection(s.section)} 第${s.line}行`;
}

function lastSection(section: string): string {
  const parts = section.split(" > ");
  return parts[parts.length - 1] || "说明";
}

/**
 * Whether a trusted value `x` is what the damaged text of `w` reads as: the candidate of a
 * misread separator ("2.432.62" → 2432.62), a truncation ("1,099.0" → 1099.07), or the same digits
 * ("1,2.3"); `slack` allows a rounding drift when `x` comes from a sum.
 */
export function explainsDamage(w: Work, x: Decimal, slack: Decimal = new Decimal(0)): string | null {
  const ocr = w.fact.ocr;
  if (!ocr) return null;
  const raw = w.fact.source.kind === "table" ? w.fact.source.raw : w.fact.value;
  if (ocr.flags.includes("separator_misread") && ocr.candidate !== null) {
    const c = new Decimal(ocr.candidate);
    return c.minus(x).abs().lte(slack) ? ocr.candidate : null;
  }
  if (ocr.flags.includes("truncated")) {
    const v = new Decimal(w.fact.value);
    const decimals = (w.fact.value.split(".")[1] ?? "").length;
    const step = new Decimal(10).pow(-decimals);
    // "1,099.0" covers [1099.0, 1099.1): the lost digit is the only unknown.
    if (x.gte(v) && x.lt(v.plus(step))) return x.toFixed(Math.max(2, x.decimalPlaces()));
    return null;
  }
  if (ocr.flags.includes("unparsable")) {
    const digits = raw.replace(/\D/g, "");
    const fixed = x.toFixed(2);
    return digits !== "" && digits === fixed.replace(/\D/g, "") ? fixed : null;
  }
  return null;
}
