/**
 * Which placement each plain table line takes, where its figures could stand in several columns:
 * the assignment under which most of the table's identities hold. Identities are the row's own
 * (a total column = Σ the columns it heads, a "其中" column no more than the column it is part
 * of), the figures another table states for this table's 合计 row (anchors), and the hierarchy
 * (合计 = Σ 类, 类 = Σ 款, 款 = Σ 项, column by column). The search is bounded: each row keeps the
 * placements its own identities allow; then, family by family from the top, the children's
 * placements are chosen together by a depth-first search that drops any partial assignment whose
 * column sums already exceed the parent's; a few rounds of single-row moves finish.
 */
import { Decimal } from "../core/money.js";
import type { ColumnRules } from "./_column-rules.js";
import { hierarchySums, levelCodes } from "./_continuation.js";
import { dominantDecimals } from "./_ocr.js";
import { decimalsOf, FIGURE, type Slot } from "./_plain-choice.js";
import { groupsOf, overBounds, readRows, rowIdentities, tolerance, type Anchor, type Row, type Tally } from "./_plain-identities.js";

/** The placements a line may take, most likely first. */
export interface Choice {
  readonly line: number;
  readonly options: number[][];
}

/** What the search knows about the table. */
export interface SearchContext {
  readonly tokens: readonly (readonly string[])[];
  readonly slots: readonly Slot[];
  /** Per group, the row identities its header implies. */
  readonly rules: readonly ColumnRules[];
  readonly anchors: readonly Anchor[];
}

// Depth-first nodes one family may visit; past it the best assignment found so far stands.
const NODE_BUDGET = 20000;

/** The option each line takes (by index into its options). */
export function chooseByIdentities(choices: readonly Choice[], ctx: SearchContext): { line: number; option: number[] }[] {
  const groups = groupsOf(ctx.slots);
  const figures = ctx.tokens.flat().filter((w) => FIGURE.test(w));
  const decimals = dominantDecimals(figures.map(decimalsOf)) ?? 0;
  const cache = new Map<string, (Row | null)[]>();
  const rowsOf = (i: number, o: number): (Row | null)[] => {
    const key = `${i}|${o}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const rows = readRows(ctx.tokens[choices[i]?.line ?? 0] ?? [], ctx.slots, groups, choices[i]?.options[o] ?? [], decimals);
    cache.set(key, rows);
    return rows;
  };
  const own = (i: number, o: number): Tally => {
    const t: Tally = { hold: 0, fail: 0, gap: new Decimal(0) };
    rowsOf(i, o).forEach((r, g) => r && rowIdentities(r, ctx.rules[g], ctx.anchors.filter((a) => a.group === g), t));
    return t;
  };
  // 1. Each row keeps the placements under which most of its own identities hold.
  const allowed = choices.map((c, i) => {
    const scores = c.options.map((_, o) => {
      const t = own(i, o);
      return t.hold - t.fail;
    });
    const best = Math.max(...scores);
    return c.options.flatMap((_, o) => (scores[o] === best ? [o] : []));
  });
  // In a table without negative figures no row exceeds the 合计 row in any column.
  if (groups.length === 1 && !figures.some((w) => w.startsWith("-"))) {
    const totals = choices.flatMap((_, i) => (rowsOf(i, allowed[i]?.[0] ?? 0)[0]?.total ? [i] : []));
    const patterns = (i: number): Set<string> => new Set((allowed[i] ?? []).map((o) => (rowsOf(i, o)[0]?.values ?? []).map((v) => v?.toFixed() ?? "").join("|")));
    const total = totals.length === 1 && patterns(totals[0] ?? 0).size === 1 ? rowsOf(totals[0] ?? 0, allowed[totals[0] ?? 0]?.[0] ?? 0)[0] : null;
    if (total)
      allowed.forEach((opts, i) => {
        const over = opts.map((o) => overBounds(rowsOf(i, o)[0] ?? total, total.values));
        const least = Math.min(...over);
        allowed[i] = opts.filter((_, k) => over[k] === least);
      });
  }
  const picked = allowed.map((a) => a[0] ?? 0);
  const chosen = (): { line: number; option: number[] }[] => choices.map((c, i) => ({ line: c.line, option: c.options[picked[i] ?? 0] ?? [] }));
  if (groups.some((g) => g.code < 0)) return chosen();
  // 2. Family by family from the top (one-group tables: a line is one row).
  if (groups.length === 1) searchFamilies(choices, allowed, picked, (i, o) => rowsOf(i, o)[0] ?? null);
  // 3. Single-row moves while the whole table's count grows.
  const score = (): number => {
    const t: Tally = { hold: 0, fail: 0, gap: new Decimal(0) };
    groups.forEach((g, k) => {
      const [h, f, off] = hierarchySums(choices.flatMap((_, i) => rowsOf(i, picked[i] ?? 0)[k] ?? []), g.values.length, true);
      t.hold += h;
      t.fail += f;
      t.gap = t.gap.plus(off);
    });
    choices.forEach((_, i) => {
      const o = own(i, picked[i] ?? 0);
      t.hold += o.hold;
      t.fail += o.fail;
    });
    return t.hold - t.fail - 0.5 * (t.gap.toNumber() / (t.gap.toNumber() + 1));
  };
  let best = score();
  for (let round = 0; round < 3; round++) {
    let changed = false;
    allowed.forEach((opts, i) => {
      if (opts.length < 2) return;
      const keep = picked[i] ?? 0;
      for (const o of opts.slice(0, 64)) {
        if (o === keep) continue;
        picked[i] = o;
        const s = score();
        if (s > best + 1e-9) {
          best = s;
          changed = true;
          return;
        }
      }
      picked[i] = keep;
    });
    if (!changed) break;
  }
  return chosen();
}

/**
 * The children of every family (合计 → 类, 类 → 款, 款 → 项) take the placements under which most
 * of the parent's column sums hold, chosen together; a family whose parent is nobody's child
 * tries each of the parent's own placements too.
 */
function searchFamilies(choices: readonly Choice[], allowed: readonly number[][], picked: number[], rowOf: (i: number, o: number) => Row | null): void {
  const read = choices.map((_, i) => rowOf(i, allowed[i]?.[0] ?? 0));
  const codes = levelCodes(read.map((r) => r?.code ?? null));
  const first = read.map((r, i) => (r ? { ...r, code: codes[i] ?? null } : null));
  const families: { parent: number; children: number[] }[] = [];
  first.forEach((row, i) => {
    if (!row) return;
    if (row.total) {
      families.push({ parent: i, children: first.flatMap((r, k) => (r && !r.total && r.code?.length === 3 ? [k] : [])) });
      return;
    }
    if (row.code === null || row.code.length >= 7) return;
    const children: number[] = [];
    for (let k = i + 1; k < first.length; k++) {
      const c = first[k];
      if (!c || c.total || c.code === null) continue;
      if (c.code.length <= row.code.length) break;
      if (c.code.length === row.code.length + 2 && c.code.startsWith(row.code)) children.push(k);
    }
    families.push({ parent: i, children });
  });
  const isChild = new Set(families.flatMap((f) => f.children));
  const depth = (i: number): number => (first[i]?.total ? 0 : (first[i]?.code?.length ?? 9));
  families.sort((a, b) => depth(a.parent) - depth(b.parent) || a.parent - b.parent);
  for (const f of families) {
    if (f.children.length === 0) continue;
    const parentOptions = isChild.has(f.parent) ? [picked[f.parent] ?? 0] : (allowed[f.parent] ?? []).slice(0, 12);
    let best: { holds: number; rank: number; parent: number; children: number[] } | null = null;
    for (const p of parentOptions) {
      const parent = rowOf(f.parent, p);
      if (!parent) continue;
      const found = bestChildren(parent, f.children.map((c) => ({ options: allowed[c] ?? [], current: picked[c] ?? 0, rowOf: (o: number) => rowOf(c, o) })));
      const rank = (allowed[f.parent] ?? []).indexOf(p) + found.rank;
      if (!best || found.holds > best.holds || (found.holds === best.holds && rank < best.rank)) best = { holds: found.holds, rank, parent: p, children: found.picks };
    }
    if (!best) continue;
    picked[f.parent] = best.parent;
    f.children.forEach((c, k) => (picked[c] = best.children[k] ?? picked[c] ?? 0));
  }
}

interface Child {
  readonly options: readonly number[];
  readonly current: number;
  readonly rowOf: (o: number) => Row | null;
}

// Depth-first over the children's placements; a partial sum above the parent's figure (all figures
// non-negative) ends a branch.
function bestChildren(parent: Row, children: readonly Child[]): { holds: number; rank: number; picks: number[] } {
  const width = parent.values.length;
  const tol = tolerance(children.length);
  const rows = children.map((c) => c.options.map((o) => c.rowOf(o)));
  const nonNegative = [parent, ...rows.flat()].every((r) => !r || r.values.every((v) => v === null || !v.isNegative()));
  // A column the parent leaves empty counts for nothing while the children leave it empty or zero.
  const holdsOf = (sums: readonly (Decimal | null)[]): number =>
    sums.reduce<number>((n, s, j) => {
      const total = parent.values[j] ?? null;
      if (total === null) return s === null || s.isZero() ? n : n - 1;
      return (s ?? new Decimal(0)).minus(total).abs().lte(tol) ? n + 1 : n;
    }, 0);
  const picks = children.map((c) => Math.max(0, c.options.indexOf(c.current)));
  let best = { holds: -1, rank: Infinity, picks: [...picks] };
  let nodes = 0;
  const walk = (k: number, sums: (Decimal | null)[], rank: number): void => {
    if (nodes++ > NODE_BUDGET) return;
    if (k === children.length) {
      const holds = holdsOf(sums);
      if (holds > best.holds || (holds === best.holds && rank < best.rank)) best = { holds, rank, picks: [...picks] };
      return;
    }
    const options = rows[k] ?? [];
    for (let o = 0; o < options.length; o++) {
      const r = options[o];
      const next = sums.map((s, j) => {
        const v = r?.values[j] ?? null;
        return v === null ? s : (s ?? new Decimal(0)).plus(v);
      });
      if (nonNegative && next.some((s, j) => s !== null && s.gt((parent.values[j] ?? new Decimal(0)).plus(tol)))) continue;
      picks[k] = o;
      walk(k + 1, next, rank + o);
    }
  };
  walk(0, Array.from({ length: width }, () => null), 0);
  return { holds: best.holds, rank: best.rank, picks: best.picks.map((p, k) => children[k]?.options[p] ?? children[k]?.current ?? 0) };
}
