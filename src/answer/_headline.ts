/**
 * Headline figures: what a plain question naming one canonical item asks of a document ("三公经费
 * 是多少", by default and as a 决算 named; a count item also as a count in its own unit). The build
 * answers these once per document over its whole facts and stores the selections; a ranking
 * across departments that asks one of them reads every department's stored answer instead of
 * linking every department's facts (an archive holds hundreds).
 */
import { ITEMS, type ItemKey } from "../facts/items.js";
import { contentMask } from "../link/index.js";
import type { FigureTarget } from "./_select.js";
import { norm } from "./_text.js";

/** A figure target but whose: what a headline figure asks of every document. */
export type HeadlineAsk = Omit<FigureTarget, "department" | "year">;

/**
 * The content words of a subject (the characters linking must account for), runs joined by "_":
 * a ranking whose subject has the content words of an item's name asks that item plainly
 * ("哪个部门的三公经费最多" and "三公经费" both say 三公), and gets each department's headline
 * figure. (Linking the question's own words can differ in ties its other words weigh in: over
 * every department of the eval corpora, 2 % of such department answers, none on the eval sets.)
 */
export function contentWords(subject: string): string {
  const chars = [...subject];
  const mask = contentMask(subject);
  let out = "";
  let gap = false;
  chars.forEach((ch, i) => {
    if (mask[i]) {
      if (gap && out) out += "_";
      out += ch;
      gap = false;
    } else gap = true;
  });
  return out;
}

function keyOf(t: Pick<FigureTarget, "items" | "aspect" | "aspectDefault" | "unitHint">): string {
  return [t.items.join(","), t.aspect, t.aspectDefault === true ? "default" : "named", t.unitHint ?? ""].join("|");
}

function asksOf(): ReadonlyMap<string, HeadlineAsk> {
  const out = new Map<string, HeadlineAsk>();
  for (const [key, item] of Object.entries(ITEMS) as [ItemKey, (typeof ITEMS)[ItemKey]][]) {
    const subject = norm(item.zh);
    const plain = { items: [key], code: null, topic: subject, qualifier: null, subject } as const;
    const asks: HeadlineAsk[] = [
      { ...plain, aspect: "决算", unitHint: null, aspectDefault: true },
      { ...plain, aspect: "决算", unitHint: null, aspectDefault: false },
    ];
    // A count item is asked as a count too ("几辆", "多少人次").
    if (item.unit !== "万元") asks.push({ ...plain, aspect: "数量", unitHint: item.unit, aspectDefault: false });
    for (const a of asks) out.set(keyOf(a), a);
  }
  return out;
}

let asks: ReadonlyMap<string, HeadlineAsk> | null = null;

/** Every headline ask by its key (the build answers each of them for every document). */
export function headlineAsks(): ReadonlyMap<string, HeadlineAsk> {
  asks ??= asksOf();
  return asks;
}

/**
 * The key of the headline ask a target asks, or null: one item, named by one of its names or
 * everyday words and nothing else (every content word of the subject is a name of it), with a
 * measure, basis and unit asked of headline figures; no code, no qualifier.
 */
export function headlineKey(t: FigureTarget): string | null {
  const item = t.items[0];
  if (item === undefined || t.items.length !== 1 || t.code !== null || (t.qualifier ?? null) !== null) return null;
  const key = keyOf(t);
  if (!headlineAsks().has(key)) return null;
  const ask = headlineAsks().get(key);
  return ask && contentWords(ask.subject) === contentWords(t.subject) ? key : null;
}
