/**
 * Where a plain line's words go: the slots of a template table's row (code, label, 行次, figures,
 * one group per side or per 基本支出 group), every order-keeping placement of the words by their
 * type, ranked by what the words say (the side a label names, the group an economic class belongs
 * to), and the placement under which most of the table's identities hold chosen.
 */
import { Decimal, parseDecimal } from "../core/money.js";
import type { TableKind } from "./types.js";
import { hierarchySums, type SumRow } from "./_continuation.js";
import { PERSONNEL_CLASSES } from "./_kinds.js";
import { compact } from "./_lines.js";

/** A figure as printed. */
export const FIGURE = /^-?[\d,]*\d[.,]\d+%?$|^-?\d{1,3}(?:,\d{3})+$/;
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

type TokenType = "code" | "text" | "rowNo" | "figure";

function typeOf(token: string): TokenType {
  if (FIGURE.test(token)) return "figure";
  if (ROW_NO.test(token)) return "rowNo";
  if (CODE.test(token)) return "code";
  return "text";
}

const FITS: Readonly<Record<TokenType, SlotType>> = { code: "code", text: "label", rowNo: "rowNo", figure: "value" };

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

interface Group {
  readonly code: number;
  readonly label: number;
  readonly values: readonly number[];
}

/**
 * Rows with more than one placement take the one under which most identities of the table hold:
 * every row's total (the first value column when the others add up to it elsewhere) and, group by
 * group, the 类/款/项 sums column by column and a 合计 row = Σ 类. A few rounds of improving one
 * row at a time.
 */
export function chooseByIdentities(choices: readonly { line: number; options: number[][] }[], tokens: readonly (readonly string[])[], slots: readonly Slot[]): { line: number; option: number[] }[] {
  const picked = choices.map(() => 0);
  const chosen = (): { line: number; option: number[] }[] => choices.map((c, i) => ({ line: c.line, option: c.options[picked[i] ?? 0] ?? [] }));
  const groups: Group[] = [...new Set(slots.map((s) => s.group))].map((g) => ({
    code: slots.findIndex((s) => s.type === "code" && s.group === g),
    label: slots.findIndex((s) => s.type === "label" && s.group === g),
    values: slots.flatMap((s, k) => (s.type === "value" && s.group === g ? [k] : [])),
  }));
  // Tables without codes (the 总表s) have no sums to tell placements apart.
  if (groups.some((g) => g.code < 0) || !choices.some((c) => c.options.length > 1)) return chosen();
  const cache = new Map<string, (SumRow | null)[]>();
  const sumRowsOf = (i: number, o: readonly number[]): (SumRow | null)[] => {
    const key = `${i}|${o.join(",")}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const rows = readSumRows(i, o);
    cache.set(key, rows);
    return rows;
  };
  const readSumRows = (i: number, o: readonly number[]): (SumRow | null)[] => {
    const line = tokens[choices[i]?.line ?? 0] ?? [];
    const cells = slots.map(() => "");
    o.forEach((s, t) => (cells[s] = cells[s] ? `${cells[s]}${line[t] ?? ""}` : (line[t] ?? "")));
    return groups.map((g) => {
      const code = compact(cells[g.code] ?? "");
      const label = compact(cells[g.label] ?? "");
      const values = g.values.map((p) => (FIGURE.test(cells[p] ?? "") ? parseDecimal(cells[p] ?? "") : null));
      if (code === "" && label === "" && values.every((v) => v === null)) return null;
      return { code: CODE.test(code) ? code : null, total: /(?:合计|总计)$/.test(label), values };
    });
  };
  const rowTotalHolds = (r: SumRow | null): boolean => {
    if (!r) return false;
    const [first, ...rest] = r.values;
    const sum = rest.reduce<Decimal>((a, v) => a.plus(v ?? 0), new Decimal(0));
    return rest.length > 0 && first !== null && first !== undefined && sum.minus(first).abs().lte(0.005 * (rest.length + 1));
  };
  const totalsAdd = choices.some((c, i) => c.options.length === 1 && sumRowsOf(i, c.options[0] ?? []).some(rowTotalHolds));
  // Sums holding count first; among equal counts, the smaller total gap of the failing sums (a
  // placement that brings a sum closer is a step towards one that holds).
  const score = (): number => {
    const rows = choices.map((c, i) => sumRowsOf(i, c.options[picked[i] ?? 0] ?? []));
    let s = 0;
    let gap = new Decimal(0);
    groups.forEach((g, k) => {
      const [hold, fail, off] = hierarchySums(rows.flatMap((r) => (r[k] ? [r[k]] : [])), g.values.length);
      s += hold - fail;
      gap = gap.plus(off);
    });
    const count = s + (totalsAdd ? rows.filter((r) => r.some(rowTotalHolds)).length : 0);
    return count - 0.5 * (gap.toNumber() / (gap.toNumber() + 1));
  };
  // The rows under a coded row (its 款 and 项) that may take the same slots: a class and its items
  // printed with the same figures move together ("20598" and "2059802", both 项目支出 only).
  const codeOf = choices.map((c, i) => sumRowsOf(i, c.options[0] ?? [])[0]?.code ?? null);
  const slotsKey = (o: readonly number[]): string => [...new Set(o.filter((x) => slots[x]?.type !== "label"))].join(",");
  const subtree = (i: number): number[] => {
    const code = codeOf[i];
    const out: number[] = [];
    if (!code) return out;
    for (let j = i + 1; j < choices.length; j++) {
      const other = codeOf[j];
      if (other === null || other === undefined) continue;
      if (!other.startsWith(code) || other.length <= code.length) break;
      out.push(j);
    }
    return out;
  };
  let best = score();
  for (let round = 0; round < 3; round++) {
    let changed = false;
    choices.forEach((c, i) => {
      if (c.options.length < 2) return;
      const keep = picked[i] ?? 0;
      const under = subtree(i);
      for (let o = 0; o < Math.min(c.options.length, 64); o++) {
        if (o === keep) continue;
        const kept = under.map((j) => picked[j] ?? 0);
        for (const together of under.length > 0 ? [false, true] : [false]) {
          picked[i] = o;
          under.forEach((j, k) => {
            const same = together ? (choices[j]?.options ?? []).findIndex((x) => slotsKey(x) === slotsKey(c.options[o] ?? [])) : -1;
            picked[j] = same >= 0 ? same : (kept[k] ?? 0);
          });
          const s = score();
          if (s > best) {
            best = s;
            changed = true;
            return;
          }
        }
        under.forEach((j, k) => (picked[j] = kept[k] ?? 0));
      }
      picked[i] = keep;
    });
    if (!changed) break;
  }
  return chosen();
}
