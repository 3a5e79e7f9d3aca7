/**
 * Narrative facts placed back in their paragraph: each at its sentence and offset, grouped by
 * sentence and quantity, so that a rate meets the figures it was computed from.
 */
import type { Fact, Measure } from "../facts/index.js";
import type { Paragraph } from "../parse/types.js";

/** A narrative fact and where its figure stands in the paragraph text. */
export interface Placed {
  readonly fact: Fact;
  /** Offset of the sentence in the paragraph text. */
  readonly start: number;
  /** Offset of the figure within the sentence (−1 when not found). */
  readonly at: number;
}

/** The figures one sentence states about one quantity, with the same quantity's earlier figures in the paragraph. */
export interface Group {
  readonly start: number;
  readonly sentence: string;
  /** Quantity key without document, measure and facet. */
  readonly base: string;
  readonly placed: readonly Placed[];
  /** Figures of a measure in this sentence, else the latest earlier ones of the paragraph. */
  of(measure: Measure): readonly Placed[];
}

/** Base of a quantity key: "item:sangong_total", "code:支出:2080505", "name:…". */
export function baseOf(key: string): string {
  return key.split("|")[1] ?? "";
}

// Per fact list: narrative facts by line, and each paragraph's groups once computed.
const memo = new WeakMap<readonly Fact[], { byLine: Map<number, Fact[]>; groups: WeakMap<Paragraph, Group[]> }>();

function memoOf(facts: readonly Fact[]): { byLine: Map<number, Fact[]>; groups: WeakMap<Paragraph, Group[]> } {
  let m = memo.get(facts);
  if (!m) {
    const byLine = new Map<number, Fact[]>();
    for (const f of facts) {
      if (f.source.kind !== "narrative") continue;
      const list = byLine.get(f.source.line);
      if (list) list.push(f);
      else byLine.set(f.source.line, [f]);
    }
    m = { byLine, groups: new WeakMap() };
    memo.set(facts, m);
  }
  return m;
}

/** The paragraph's narrative facts grouped by sentence and quantity, in text order. */
export function sentenceGroups(p: Paragraph, facts: readonly Fact[]): Group[] {
  const m = memoOf(facts);
  const hit = m.groups.get(p);
  if (hit) return hit;
  const groups = computeGroups(p, m.byLine);
  m.groups.set(p, groups);
  return groups;
}

function computeGroups(p: Paragraph, byLine: ReadonlyMap<number, readonly Fact[]>): Group[] {
  const placed: Placed[] = [];
  const cursor = new Map<number, number>();
  const mine: Fact[] = [];
  // By line, and within a line in extraction order: equal figures of a sentence go left to right.
  for (let l = p.line; l <= p.lineEnd; l++) mine.push(...(byLine.get(l) ?? []));
  for (const f of mine) {
    if (f.source.kind !== "narrative") continue;
    const start = p.text.indexOf(f.source.quote);
    if (start < 0) continue;
    const from = cursor.get(start) ?? 0;
    const at = f.source.quote.indexOf(f.source.raw, from);
    if (at >= 0) cursor.set(start, at);
    placed.push({ fact: f, start, at });
  }
  const groups = new Map<string, Placed[]>();
  for (const x of placed) {
    const k = `${x.start}|${baseOf(x.fact.key)}`;
    groups.set(k, [...(groups.get(k) ?? []), x]);
  }
  const out: Group[] = [];
  for (const [k, list] of groups) {
    const [startText, ...rest] = k.split("|");
    const start = Number(startText);
    const base = rest.join("|");
    const first = list[0] as Placed;
    const sentence = first.fact.source.kind === "narrative" ? first.fact.source.quote : "";
    out.push({
      start,
      sentence,
      base,
      placed: list,
      of(measure) {
        const here = list.filter((x) => x.fact.measure === measure);
        if (here.length > 0) return here;
        const earlier = placed.filter((x) => x.start < start && x.fact.measure === measure && baseOf(x.fact.key) === base);
        const last = earlier[earlier.length - 1];
        return last ? earlier.filter((x) => x.start === last.start) : [];
      },
    });
  }
  return out.sort((a, b) => a.start - b.start || (a.placed[0]?.at ?? 0) - (b.placed[0]?.at ?? 0));
}

/** Which budget a 预算 figure is: its qualifier, else the words just before it ("全年预算为 321.02"). */
export function budgetKind(x: Placed): "年初" | "全年" | null {
  const q = x.fact.qualifier.join(" ");
  if (/年初/.test(q)) return "年初";
  if (/全年|调整/.test(q)) return "全年";
  if (x.at < 0 || x.fact.source.kind !== "narrative") return null;
  const before = x.fact.source.quote.slice(Math.max(0, x.at - 10), x.at);
  const m = [...before.matchAll(/年初|全年|调整后/g)].pop();
  return m ? (m[0] === "年初" ? "年初" : "全年") : null;
}
