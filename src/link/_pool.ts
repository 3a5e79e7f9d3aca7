import { norm } from "../answer/_text.js";
import { labelForms, mayCover, synonymPhrases } from "./_match.js";
import type { Descriptor } from "./types.js";

// Clause breaks; an ASCII comma or colon between digits is a thousands separator, not a break.
const CLAUSE = /[，；。：、]|[,;:](?!\d)/;

/**
 * The clauses of a sentence that describe one of its figures: its own clause, the sentence's first
 * clause when that is another (its subject: "政府采购支出总额…，其中：…工程支出1,873.31万元"
 * describes the parts by the whole), and the clause just before its own when that is a third
 * ("年内新增中小企业服务工作站5家，累计建设站点60家": 站点 are the 工作站 of the clause before).
 */
export function clausesOf(sentence: string, raw: string): { own: string; first: string; before: string } {
  const clauses = sentence.split(CLAUSE);
  const at = clauses.findIndex((c) => c.includes(raw));
  if (at < 0) return { own: sentence, first: "", before: "" };
  return { own: clauses[at] ?? "", first: at > 0 ? (clauses[0] ?? "") : "", before: at > 1 ? (clauses[at - 1] ?? "") : "" };
}

/** A label as scoring reads it: the text matched (a sentence's own clause) and its own text. */
export interface ReadLabel {
  readonly role: Descriptor["labels"][number]["role"];
  readonly text: string;
  readonly label: string;
  /** The pool's number for what is read (role and text): covers are worked out once per number and question. */
  readonly id: number;
}

/** A narrative figure's context clause (see `scoreDescriptor`). */
export interface Context {
  readonly text: string;
  /** The pool's number for the clause read as a context. */
  readonly id: number;
  /** Only words no other figure's row names count (the clause before). */
  readonly owned: boolean;
  /** Leaning on it costs a little. */
  readonly cost: boolean;
}

/** What scoring reads of a descriptor whatever the question: worked out once per descriptor. */
export interface Prepared {
  readonly side: "收入" | "支出" | null;
  readonly lastColumn: string;
  readonly contexts: readonly Context[];
  readonly labels: readonly ReadLabel[];
  /** The labels that name the fact itself (row, item): one of them must account for some words. */
  readonly own: readonly ReadLabel[];
  /** The texts of its row labels. */
  readonly rows: readonly string[];
  readonly bareRow: string;
}

/**
 * One department-year's descriptors as scoring reads them: each descriptor prepared once (`preparedAt`),
 * what is read numbered (`keys`) and indexed by the characters and everyday phrases it holds (what a
 * question may share with it, see `reachOf`), the labels read exactly by the first pair of characters
 * of each of their forms (an exact reading holds it), and the row labels grouped by text with the
 * descriptors holding them.
 */
export interface PoolIndex {
  readonly ds: readonly Descriptor[];
  /** The texts read (a label's text, a sentence's own clause, a context clause), by number. */
  readonly keys: readonly string[];
  readonly exact: { readonly texts: readonly string[]; readonly holders: readonly (readonly number[])[]; readonly byPair: ReadonlyMap<string, readonly number[]> };
  /** Distinct row labels (by text) and the descriptors holding each. */
  readonly rows: { readonly labels: readonly ReadLabel[]; readonly holders: readonly (readonly number[])[] };
  /**
   * The numbers of the keys holding each UTF-16 code unit, once per position that holds it (a key
   * with a surrogate pair is listed in `astral` instead), and of those admitting each everyday phrase.
   */
  readonly byUnit: ReadonlyMap<number, Int32Array>;
  readonly phrases: { readonly says: readonly string[]; readonly ids: readonly Int32Array[] };
  readonly astral: readonly number[];
  /** The keys read as labels naming the fact itself (row, item), and for each the descriptors holding it so, in order. */
  readonly own: { readonly ids: Int32Array; readonly holders: readonly Int32Array[] };
  /** The descriptors a link's `accept` admits, by its `acceptKey` (see `LinkOptions`). */
  readonly admitted: Map<string, { readonly mask: Uint8Array; readonly at: readonly number[] }>;
  /** The prepared descriptor at `i`. */
  preparedAt(i: number): Prepared;
}

/** How far a key can account for a question's text (see `reachOf`). */
export const REACH_NONE = 0;
export const REACH_PHRASE = 1;
export const REACH_FULL = 2;

/** What a question shares with each key of the pool (see `reachOf`). */
export interface Reach {
  /** How far each key can account for the text: REACH_NONE, REACH_PHRASE or REACH_FULL. */
  readonly reach: Uint8Array;
  /** How many of each key's character positions hold a character of the text (255: that many or more). */
  readonly shared: Uint8Array;
}

/** The count `Reach.shared` saturates at. */
export const SHARED_MANY = 255;

/**
 * Per key of the pool, what readings can account for any of `text`: none (it shares no character
 * with it and admits none of its everyday phrases, see `mayCover`), everyday phrases only (it shares
 * fewer than two character positions with it: every other reading — exact, typo, abbreviation, head,
 * tail, pieces, bag, a table's title, a sentence's runs, a body's head — repeats two or more of its
 * characters), or every reading. A key with a surrogate pair is read by every reading when `mayCover`
 * holds (its count is then SHARED_MANY).
 */
export function reachOf(pool: PoolIndex, text: string): Reach {
  const n = pool.keys.length;
  const shared = new Uint8Array(n);
  const units = new Set<number>();
  for (let i = 0; i < text.length; i++) units.add(text.charCodeAt(i));
  units.forEach((u) => {
    const ids = pool.byUnit.get(u);
    if (ids === undefined) return;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j] as number;
      if (shared[id] !== SHARED_MANY) shared[id] = (shared[id] as number) + 1;
    }
  });
  const reach = new Uint8Array(n);
  for (let id = 0; id < n; id++) reach[id] = shared[id] === 0 ? REACH_NONE : shared[id] === 1 ? REACH_PHRASE : REACH_FULL;
  const { says, ids } = pool.phrases;
  for (let p = 0; p < says.length; p++) {
    if (!text.includes(says[p] as string)) continue;
    const holders = ids[p] as Int32Array;
    for (let j = 0; j < holders.length; j++) if (reach[holders[j] as number] === REACH_NONE) reach[holders[j] as number] = REACH_PHRASE;
  }
  for (let j = 0; j < pool.astral.length; j++) {
    const id = pool.astral[j] as number;
    reach[id] = mayCover(text, pool.keys[id] ?? "") ? REACH_FULL : REACH_NONE;
    shared[id] = SHARED_MANY;
  }
  return { reach, shared };
}

/** 收入 for a fact whose own words speak of income only, 支出 for spending only, else null. */
function sideOf(d: Descriptor): "收入" | "支出" | null {
  // The income table lists income by the function it pays for ("…支出" rows are income there).
  if (d.fact.source.kind === "table" && d.fact.source.tableKind === "收入决算表") return "收入";
  const own = d.labels.filter((l) => l.role === "row" || l.role === "item").map((l) => l.text).join(" ");
  const income = own.includes("收入");
  const spending = own.includes("支出");
  return income && !spending ? "收入" : spending && !income ? "支出" : null;
}

/** The row name `rowExcess` compares, asides, 口径 words and generic tails left off. */
function bareRow(d: Descriptor): string {
  const row = d.labels.find((l) => l.role === "row")?.text ?? "";
  // 口径 words (财政拨款, 一般公共预算 …) say whose money, not which quantity.
  return row
    .replace(/\([^)]{1,8}\)/g, "")
    .replace(/一般公共预算|政府性基金预算|财政拨款|合计|决算/g, "")
    .replace(/(支出|费用|经费|资金|数)$/, "");
}

/**
 * Numbers what is read (a role's text, a context clause) as it is met, and keeps one `ReadLabel`
 * per role, text and label (a column or table label recurs on thousands of cells).
 */
class KeyTable {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, Map<string, number>>();
  private readonly read = new Map<string, Map<string, ReadLabel>>();

  id(kind: string, text: string): number {
    let byText = this.ids.get(kind);
    if (!byText) {
      byText = new Map();
      this.ids.set(kind, byText);
    }
    let id = byText.get(text);
    if (id === undefined) {
      id = this.texts.length;
      byText.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  label(role: ReadLabel["role"], text: string, label: string): ReadLabel {
    const kind = text === label ? role : `${role}|${label}`;
    let byText = this.read.get(kind);
    if (!byText) {
      byText = new Map();
      this.read.set(kind, byText);
    }
    let l = byText.get(text);
    if (!l) {
      l = { role, text, label, id: this.id(role, text) };
      byText.set(text, l);
    }
    return l;
  }
}

function prepare(d: Descriptor, keys: KeyTable): Prepared {
  const f = d.fact;
  // The cell's own column (the last of its path): "事业收入 > 其中:教育收费" is a breakdown of 事业收入.
  const lastColumn = f.source.kind === "table" ? norm(f.source.column.at(-1) ?? "") : "";
  const raw = f.source.kind === "narrative" ? norm(f.source.raw) : "";
  const contexts: Context[] = [];
  if (f.source.kind === "narrative") {
    const sentence = d.labels.find((l) => l.role === "sentence")?.text ?? "";
    const { first, before } = clausesOf(sentence, raw);
    const found: Omit<Context, "id">[] = [
      // The sentence's subject: the whole whose part the figure is.
      { text: first, owned: false, cost: false },
      // The clause before, and the paragraph's opening clause (what it is about): at a small cost.
      { text: before, owned: true, cost: true },
      { text: f.source.lead ? norm(f.source.lead) : "", owned: false, cost: true },
    ];
    for (const c of found) if (c.text) contexts.push({ ...c, id: keys.id("context", c.text) });
  }
  const labels = d.labels.map((l) => keys.label(l.role, l.role === "sentence" ? clausesOf(l.text, raw).own : l.text, l.text));
  return {
    side: sideOf(d),
    lastColumn,
    contexts,
    labels,
    own: labels.filter((l) => l.role === "row" || l.role === "item"),
    rows: labels.filter((l) => l.role === "row").map((l) => l.label),
    bareRow: bareRow(d),
  };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Adds `holder` to the holders of `text`; returns the text's number when it is seen first, else null. */
function group(ids: Map<string, number>, holders: number[][], text: string, holder: number): number | null {
  const known = ids.get(text);
  if (known !== undefined) {
    const list = holders[known] as number[];
    if (list[list.length - 1] !== holder) list.push(holder);
    return null;
  }
  const id = holders.length;
  ids.set(text, id);
  holders.push([holder]);
  return id;
}

const indexes = new WeakMap<readonly Descriptor[], PoolIndex>();

/** The pool index of one department-year's descriptors (built once per pool). */
export function poolIndex(ds: readonly Descriptor[]): PoolIndex {
  const known = indexes.get(ds);
  if (known) return known;
  const keys = new KeyTable();
  const exactIds = new Map<string, number>();
  const exactTexts: string[] = [];
  const exactHolders: number[][] = [];
  const byPair = new Map<string, number[]>();
  const rowIds = new Map<string, number>();
  const rowLabels: ReadLabel[] = [];
  const rowHolders: number[][] = [];
  ds.forEach((d, i) => {
    for (const l of d.labels) {
      // The labels an exact reading of the question is looked for in (not sentences, sections or tables).
      if (l.role !== "sentence" && l.role !== "section" && l.role !== "table" && group(exactIds, exactHolders, l.text, i) !== null) {
        exactTexts.push(l.text);
        // An exact reading is one of the label's forms standing in the question (or in it read without
        // its 的): it holds the form's first two characters.
        for (const pair of new Set(labelForms(l.text).map((f) => f.slice(0, 2)))) push(byPair, pair, exactTexts.length - 1);
      }
      if (l.role === "row" && group(rowIds, rowHolders, l.text, i) !== null) rowLabels.push(keys.label("row", l.text, l.text));
    }
  });
  // Every descriptor is prepared now: all that is read is numbered before any question is.
  const prepared = ds.map((d) => prepare(d, keys));
  const units = new Map<number, number[]>();
  const byPhrase = new Map<string, number[]>();
  const astral: number[] = [];
  keys.texts.forEach((text, id) => {
    if (/[\ud800-\udfff]/.test(text)) astral.push(id);
    else for (let i = 0; i < text.length; i++) push(units, text.charCodeAt(i), id);
    for (const say of new Set(synonymPhrases(text))) push(byPhrase, say, id);
  });
  const byUnit = new Map<number, Int32Array>();
  for (const [u, ids] of units) byUnit.set(u, Int32Array.from(ids));
  const owners = new Map<number, number[]>();
  prepared.forEach((p, i) => {
    for (const id of new Set(p.own.map((l) => l.id))) push(owners, id, i);
  });
  const own = { ids: Int32Array.from(owners.keys()), holders: [...owners.values()].map((h) => Int32Array.from(h)) };
  const index: PoolIndex = {
    ds,
    keys: keys.texts,
    exact: { texts: exactTexts, holders: exactHolders, byPair },
    rows: { labels: rowLabels, holders: rowHolders },
    byUnit,
    phrases: { says: [...byPhrase.keys()], ids: [...byPhrase.values()].map((h) => Int32Array.from(h)) },
    astral,
    own,
    admitted: new Map(),
    preparedAt: (i) => prepared[i] as Prepared,
  };
  indexes.set(ds, index);
  return index;
}
