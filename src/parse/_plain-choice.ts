/**
 * Where a plain line's words go: the slots of a template table's row (code, label, 行次, figures,
 * one group per side or per 基本支出 group), every order-keeping placement of the words by their
 * type, ranked by what the words say (the side a label names, the group an economic class belongs
 * to); `_plain-search.ts` chooses among them by the table's identities.
 */
import type { TableKind } from "./types.js";
import { PERSONNEL_CLASSES } from "./_kinds.js";
import { compact } from "./_lines.js";
import { isCrumb, readCell } from "./_ocr.js";
import { type Decimal, parseDecimal } from "../core/money.js";

/** A figure as printed (OCR may read a thousands separator as a point: "2.432.62"). */
export const FIGURE = /^-?[\d,]*\d[.,]\d+%?$|^-?\d{1,3}(?:,\d{3})+$|^-?\d{1,3}(?:\.\d{3})+\.\d{1,2}$/;

/** The amount a figure's text stands for (its OCR reading's value or candidate), or null. */
export function figureValue(text: string): Decimal | null {
  if (!FIGURE.test(text)) return null;
  const r = readCell(text);
  return r.kind === "number" ? parseDecimal(r.value ?? r.candidate ?? "") : null;
}

/** Fraction digits a figure is printed with ("101.6" → 1). */
export function decimalsOf(text: string): number {
  return /[.,](\d+)%?$/.exec(text)?.[1]?.length ?? 0;
}
/** A 科目编码. */
export const CODE = /^\d{3,7}$/;
/** A 行次 / 栏次 number. */
export const ROW_NO = /^\d{1,2}$/;

/** What a row slot holds. */
export type SlotType = "code" | "label" | "rowNo" | "value";

/** One cell of a row, in a side or group (0 for one-part tables). */
export interface Slot {
  readonly type: SlotType;
  readonly group: number;
}

// The side of a 总表 a label stands on. A label piece alone on its line (a wrapped label: "七、文化
// 旅游体育与传媒支" / "出") is of the 支出 side unless it names income.
const EXPENDITURE_SIDE = /支出|年末|结余分配|^总计$/;
const INCOME_SIDE = /收入|拨款|年初|上年|结转/;

function sideOfLabel(label: string, alone: boolean): 0 | 1 {
  const l = label.replace(/^[一二三四五六七八九十]+、/, "");
  if (EXPENDITURE_SIDE.test(l) || (alone && !INCOME_SIDE.test(l))) return 1;
  return 0;
}

type TokenType = "code" | "text" | "rowNo" | "figure" | "crumb";

function typeOf(token: string): TokenType {
  if (FIGURE.test(token)) return "figure";
  // A stray mark stands where OCR saw an empty cell ("1,332.39 · 1,332.39"): it takes a value slot.
  if (isCrumb(token) && !/^[A-Za-z]+$/.test(token)) return "crumb";
  if (ROW_NO.test(token)) return "rowNo";
  if (CODE.test(token)) return "code";
  return "text";
}

const FITS: Readonly<Record<TokenType, SlotType>> = { code: "code", text: "label", rowNo: "rowNo", figure: "value", crumb: "value" };

/** Every way to put a line's tokens into the slots in order (text pieces may share a label slot). */
export function placements(tokens: readonly string[], slots: readonly Slot[], limit = 4000): number[][] {
  const types = tokens.map(typeOf);
  const out: number[][] = [];
  const walk = (t: number, from: number, acc: number[]): void => {
    if (out.length >= limit) return;
    if (t === tokens.length) {
      out.push([...acc]);
      return;
    }
    const type = types[t] ?? "text";
    // Words of one label stay in its slot ("项 目", "其他 支出").
    const prev = acc[acc.length - 1];
    if (type === "text" && prev !== undefined && types[t - 1] === "text" && slots[prev]?.type === "label") walk(t + 1, from, [...acc, prev]);
    for (let s = from; s < slots.length; s++) {
      const slot = slots[s];
      if (slot && slot.type === FITS[type]) walk(t + 1, s + 1, [...acc, s]);
    }
  };
  walk(0, 0, []);
  return out;
}

/**
 * Candidate placements, most likely first: labels on the side their words name, a coded row of the
 * 基本支出 table in the group its economic class belongs to (人员经费 first, 公用经费 after), figures
 * packed towards the first value columns of their side.
 */
export function rank(options: number[][], line: readonly string[], slots: readonly Slot[], kind: TableKind): number[][] {
  const twoSided = kind === "收入支出决算总表" || kind === "财政拨款收入支出决算总表";
  const grouped = kind === "一般公共预算财政拨款基本支出决算明细表";
  const cost = (o: readonly number[]): number => {
    let c = 0;
    o.forEach((s, t) => {
      const slot = slots[s];
      if (!slot) return;
      const word = compact(line[t] ?? "");
      if (twoSided && slot.type === "label") {
        const expenditure = sideOfLabel(word, line.every((w) => typeOf(w) === "text")) === 1;
        if (expenditure !== (slot.group === 1)) c += word === "总计" ? 1 : 100;
      }
      if (grouped && slot.type === "code" && PERSONNEL_CLASSES.has(word.slice(0, 3)) !== (slot.group === 0)) c += 10;
      if (grouped && slot.type === "label" && /^(?:人员|公用)经费(?:合计)?$/.test(word) && word.startsWith("人员") !== (slot.group === 0)) c += 10;
      c += s / 1000;
    });
    return c;
  };
  return [...options].sort((a, b) => cost(a) - cost(b));
}
