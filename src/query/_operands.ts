import { everydayWords } from "../link/index.js";
import { findItems } from "./_items.js";
import type { LexMatch } from "./_lexicon.js";
import { topicOf } from "./_topic.js";
import type { ItemHit } from "./types.js";

const BLANK = "\u0000";
// Where a sum or comparison joins its operands; 比 only compares ("A比B多多少").
// "A加B": 加 joins amounts, but not inside words (增加, 加班, 加油, 加起来 is a sum cue of its own).
const JOINERS = /加上|以及|[和与及、跟+]|(?<![增追附参叠施])加(?![班油强快大起上入])/g;
const GLUE = /[的里中之在了有是]/;
// The head nouns a phrase for an amount ends in: "行政单位医疗", "提租补贴", "伙食费".
const AMOUNT_HEAD =
  /(费|费用|经费|支出|收入|补贴|补助|医疗|资金|保险|缴费|工资|津贴|奖金|奖励|年金|公积金|基金|拨款|合同|金额|总额|收支|结余|结转|采购|设备|项目|工程|款|钱)$/;

/** One operand of a sum or comparison as the question phrases it. */
export interface OperandPart {
  /** The main item when items cover the part whole ("因公出国费"); null for a free phrase. */
  readonly item: ItemHit | null;
  /** Items qualifying the part: "因公出国" in "因公出国住宿费", "政府采购" in "政府采购货物". */
  readonly context: readonly ItemHit[];
  /** The part's phrase without its qualifiers ("住宿费"), or the item phrase. */
  readonly topic: string;
}

/** The operands of one topic run, and whether 比 (a comparison) or a conjunction joined them. */
export interface PartSplit {
  readonly parts: readonly OperandPart[];
  readonly by: "compare" | "join";
  /** One word names the sum ("水电费"): a sum whether or not the question says 一共. */
  readonly implied?: boolean;
}

/**
 * Splits the topic area's phrase into the operands of a sum or comparison: on 比 ("A比B多多少")
 * or on 和/与/及/跟/、/加上 ("A和B加起来"). Only when every part reads as an amount of its own
 * (items cover it, or it ends in an amount noun such as 费/补贴/医疗, or all parts end alike), so
 * "其他商品和服务支出" stays one name. Item words inside a part are kept as its qualifiers.
 */
export function splitParts(area: string, lex: readonly LexMatch[], base: string, vocabulary?: ReadonlySet<string>): PartSplit | null {
  let offset = 0;
  for (const run of area.split(BLANK)) {
    const runStart = offset;
    offset += run.length + 1;
    // "水电费": one word for the sum of two rows of the classification.
    const compound = COMPOUNDS.find((c) => run.includes(c.says));
    if (compound) return { parts: compound.parts.map((topic) => ({ item: null, context: [], topic })), by: "join", implied: true };
    if (run.trim().length < 4) continue;
    const inItem = (i: number): boolean => lex.some((m) => i >= m.start && i < m.end);
    const at = (re: RegExp): { start: number; end: number }[] =>
      [...run.matchAll(re)]
        .map((m) => ({ start: runStart + m.index, end: runStart + m.index + m[0].length }))
        .filter((s) => !inItem(s.start));
    const compare = at(/比/g);
    const by: PartSplit["by"] = compare.length === 1 ? "compare" : "join";
    const cuts = by === "compare" ? compare : at(JOINERS);
    // "水费电费加起来": two names of the documents typed back to back, each ending in its amount word.
    if (cuts.length === 0) cuts.push(...adjacentNames(run, runStart, vocabulary).filter((c) => !inItem(c.start)));
    if (cuts.length === 0) continue;
    const bounds: { start: number; end: number }[] = [];
    let from = runStart;
    for (const c of cuts) {
      bounds.push({ start: from, end: c.start });
      from = c.end;
    }
    let end = runStart + run.length;
    // "A比B多(花了多少)": the more/less word after B is the comparison's, not B's.
    if (by === "compare") end -= /(?:多出|超出|多|少|高|低|大|小)$/.exec(area.slice(from, end))?.[0].length ?? 0;
    bounds.push({ start: from, end });
    const parts = completeParts(area, lex, base, bounds, vocabulary);
    if (parts) return { parts: sharedSubject(sharedQualifier(parts)), by };
  }
  return null;
}

// A part that names only a side or a measure of money ("…的收入比支出多多少": 支出).
const BARE_SIDE = /^(收入|支出|预算|决算|预算数|决算数|拨款|结余|结转结余)$/;

/**
 * "超长期特别国债安排的收入比支出多多少": a later part naming only a side or a measure is of what the
 * first part names before its 的 (超长期特别国债安排的支出).
 */
function sharedSubject(parts: readonly OperandPart[]): OperandPart[] {
  const first = parts[0];
  const at = first ? first.topic.lastIndexOf("的") : -1;
  if (!first || at < 2 || !BARE_SIDE.test(first.topic.slice(at + 1))) return [...parts];
  const head = first.topic.slice(0, at + 1);
  // (The bare 支出 is then no total of the body's: its item, read from that word alone, goes.)
  return parts.map((p, i) => (i > 0 && BARE_SIDE.test(p.topic) ? { ...p, item: null, topic: `${head}${p.topic}` } : p));
}

// What a question says of every part after a 的: a 口径, a column, a measure.
const SAID_OF_ALL = /^(财政拨款|一般公共预算|政府性基金|国有资本经营|基本支出|项目支出|年初预算|全年预算|调整预算|预算|决算|本年支出|支出|收入|合计)/;

/**
 * "小学教育和高中教育的财政拨款支出": what the last part says after its 的 (a column, a 口径) is said
 * of every part, when no other part says a 的 of its own.
 */
function sharedQualifier(parts: readonly OperandPart[]): OperandPart[] {
  const last = parts.at(-1);
  const at = last ? last.topic.indexOf("的") : -1;
  // (Only a column or 口径 said of it: "对个人和家庭的补助" is one name.)
  if (!last || at < 2 || !SAID_OF_ALL.test(last.topic.slice(at + 1)) || parts.slice(0, -1).some((p) => p.topic.includes("的"))) return [...parts];
  const tail = last.topic.slice(at);
  return parts.map((p, i) => (i === parts.length - 1 ? p : { ...p, topic: `${p.topic}${tail}` }));
}

// Everyday words that name the sum of two rows ("水电费" is 水费 + 电费).
const COMPOUNDS: readonly { says: string; parts: readonly string[] }[] = [
  { says: "水电费", parts: ["水费", "电费"] },
  { says: "水电", parts: ["水费", "电费"] },
];

/** Zero-width cuts between two names of the vocabulary typed back to back ("水费|电费"). */
function adjacentNames(run: string, runStart: number, vocabulary: ReadonlySet<string> | undefined): { start: number; end: number }[] {
  if (!vocabulary) return [];
  for (let p = 2; p <= run.length - 2; p++) {
    if (run[p - 1] !== "费") continue;
    const left = /[\u4e00-\u9fa5]{2,8}$/.exec(run.slice(0, p))?.[0] ?? "";
    const right = /^[\u4e00-\u9fa5]{1,8}?费/.exec(run.slice(p))?.[0] ?? "";
    if (left.length < 2 || !right || !vocabulary.has(right)) continue;
    // The left name is the run's end from some character on ("买水费" → 水费).
    for (let k = 0; k + 2 <= left.length; k++) if (vocabulary.has(left.slice(k))) return [{ start: runStart + p, end: runStart + p }];
  }
  return [];
}

/**
 * Reads the parts between the cuts; a part that is no amount of its own joins the next one
 * ("工资福利支出和商品和服务支出" → 工资福利支出 | 商品和服务支出). Null unless 2+ parts remain.
 */
function completeParts(
  area: string,
  lex: readonly LexMatch[],
  base: string,
  bounds: readonly { start: number; end: number }[],
  vocabulary?: ReadonlySet<string>,
): OperandPart[] | null {
  const read = (b: { start: number; end: number }): OperandPart | null => readPart(area, lex, base, b.start, b.end);
  const first = bounds.map(read);
  const plain = first.filter((p): p is OperandPart => p !== null);
  // "A培训和B培训": parts that end alike are alike, whatever their head noun.
  if (plain.length === first.length && plain.length >= 2 && new Set(plain.map((p) => p.topic.at(-1))).size === 1) return sharedHead(plain);
  // "中央和省级外经贸发展专项资金": levels of government before one name; each names it at its level.
  const levels = sharedTail(first.map((p, i) => p ?? rawPart(area, bounds[i])));
  if (levels) return levels;
  const out: OperandPart[] = [];
  let pending: { start: number; end: number } | null = null;
  for (const b of bounds) {
    const span: { start: number; end: number } = pending ? { start: pending.start, end: b.end } : b;
    const p = read(span);
    if (p && (p.item !== null || AMOUNT_HEAD.test(p.topic) || labelled(p.topic, vocabulary) || EVERYDAY.has(p.topic))) {
      out.push(p);
      pending = null;
    } else {
      pending = span;
    }
  }
  return pending === null && out.length >= 2 ? out : null;
}

// Everyday words for items ("出差", "开会"): each names an amount of its own.
const EVERYDAY: ReadonlySet<string> = new Set(everydayWords());

/** Whether a phrase is (the start of) a label of the documents: a name of an amount in their own words. */
function labelled(topic: string, vocabulary: ReadonlySet<string> | undefined): boolean {
  if (!vocabulary || topic.length < 3) return false;
  if (vocabulary.has(topic)) return true;
  for (const w of vocabulary) if (w.length <= topic.length + 4 && w.startsWith(topic)) return true;
  return false;
}

// Levels of government a fund is granted at.
const LEVEL = /^(中央|国家级|省级|市级|区级|县级|省|市|区)(?=[\u4e00-\u9fa5]{2})/;

/**
 * "中央和省级外经贸发展专项资金" → 中央外经贸发展专项资金 | 省级外经贸发展专项资金 (words before the
 * first level, "2021年中央和省级…", name every part); null unless every part but the last ends in a level.
 */
function sharedTail(parts: readonly (OperandPart | null)[]): OperandPart[] | null {
  const last = parts.at(-1);
  const level = last ? LEVEL.exec(last.topic)?.[0] : undefined;
  if (!last || !level || parts.length < 2) return null;
  const rest = last.topic.slice(level.length);
  const out: OperandPart[] = [];
  let prefix = "";
  for (const [i, p] of parts.slice(0, -1).entries()) {
    const m = p ? LEVEL_END.exec(p.topic) : null;
    if (!p || !m || (i > 0 && m[1] !== "")) return null;
    if (i === 0) prefix = m[1] ?? "";
    out.push({ item: null, context: p.context, topic: `${p.topic}${rest}` });
  }
  return [...out, { ...last, topic: `${prefix}${last.topic}` }];
}

/** A part as typed, when it reads as no amount ("中央" of "中央和省级…"). */
function rawPart(area: string, b: { start: number; end: number } | undefined): OperandPart | null {
  const t = b ? area.slice(b.start, b.end).replace(/\u0000/g, "").trim() : "";
  return t.length >= 2 ? { item: null, context: [], topic: t } : null;
}

const LEVEL_END = /^(.{0,8}?)(中央|国家级|省级|市级|区级|县级)$/;

/**
 * "小进限企业奖励资金区级和市级": a short later part that only swaps the first part's last word
 * (same length, same last character) names the same thing with that word: "…奖励资金市级".
 */
function sharedHead(parts: readonly OperandPart[]): OperandPart[] {
  const head = parts[0];
  if (!head) return [...parts];
  return parts.map((p, i) => {
    const n = p.topic.length;
    if (i === 0 || p.item !== null || n > 3 || head.topic.length < n + 2) return p;
    return { ...p, topic: head.topic.slice(0, -n) + p.topic };
  });
}

function readPart(area: string, lex: readonly LexMatch[], base: string, start: number, end: number): OperandPart | null {
  let s = start;
  let e = end;
  while (s < e && GLUE.test(area[s] ?? "")) s++;
  while (e > s && GLUE.test(area[e - 1] ?? "")) e--;
  if (e - s < 2) return null;
  const only = [...area].map((ch, i) => (i >= s && i < e ? ch : BLANK)).join("");
  const found = findItems(lex, base, only, "zh", null);
  const main = found.items.at(-1);
  if (main && found.items.length === 1) {
    return { item: main, context: found.context, topic: topicOf(area.slice(s, e), "zh") ?? main.phrase };
  }
  // "因公出国住宿费": leading item words qualify the rest.
  const inPart = lex.filter((m) => m.start >= s && m.end <= e).sort((a, b) => a.start - b.start);
  const leading: ItemHit[] = [];
  let cursor = s;
  for (const m of inPart) {
    while (cursor < m.start && GLUE.test(area[cursor] ?? "")) cursor++;
    if (m.start !== cursor) break;
    leading.push({ key: m.entry.key, phrase: m.entry.text, start: m.start, end: m.end, via: m.entry.via });
    cursor = m.end;
  }
  while (cursor < e && GLUE.test(area[cursor] ?? "")) cursor++;
  const rest = area.slice(cursor, e);
  if (leading.length > 0 && rest.length >= 2 && !inPart.some((m) => m.start >= cursor)) {
    return { item: null, context: leading, topic: topicOf(rest, "zh") ?? rest };
  }
  const topic = topicOf(area.slice(s, e), "zh");
  return topic ? { item: null, context: [], topic } : null;
}
