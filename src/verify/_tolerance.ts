import { Decimal } from "../core/money.js";
import type { Unit } from "../core/money.js";

/**
 * Rounding tolerance of a sum identity: ±0.01 万元 per addend (tables round each figure to the
 * cent of 万元, so a sum of n rounded figures may drift by up to n × 0.01).
 */
export const TOLERANCE_PER_ADDEND_WAN = new Decimal("0.01");

/** The tolerance of a sum of `addends` figures in `unit`. */
export function sumTolerance(addends: number, unit: Unit): Decimal {
  const perAddend = unit === "元" ? TOLERANCE_PER_ADDEND_WAN.mul(10000) : TOLERANCE_PER_ADDEND_WAN;
  return perAddend.mul(Math.max(1, addends));
}
