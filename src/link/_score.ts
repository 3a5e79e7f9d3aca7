import type { Fact } from "../facts/types.js";
import { isAmount } from "../core/money.js";
import { norm } from "../answer/_text.js";
import { contentMask } from "./_fillers.js";
import { contextCovers, coversFor, keptCovers, namesOwn } from "./_covers.js";
import { soundTypos, type Cover } from "./_match.js";
import { reachOf, type PoolIndex, type Prepared } from "./_pool.js";
import type { Descriptor, Scored } from "./types.js";

/** What the question says of itself, computed once per question. */
export interface Subject {
  /** The normalised subject text (recognised parts blanked out). */
  readonly text: string;
  /** Content characters (outside fillers). */
  readonly mask: readonly boolean[];

  readonly code: string | null;
  /** The question names a funding scope (一般公共预算, 财政拨款, 政府性基金 …). */
  readonly scoped: boolean;
  /** The question speaks of income. */
  readonly income: boolean;
  /**
   * …only by naming a grant (财政拨款): the 口径 of a spending figure too ("一般公共预算财政拨款全年预算"),
   * so a spending figure is its second reading, not another quantity.
   */
  readonly grantOnly: boolean;
  /** The question speaks of spending (支出/花/开支) and not of income. */
  readonly spending: boolean;
  /** The question asks for money ("花了多少钱", "经费", "金额"): a count never answers it. */
  readonly money: boolean;
  /** A unit the question asks the figure in ("多少亿元"), when not the default 万元. */
  readonly unit: string | null;
  /** Spans ("start:end") some label of the pool matches exactly: a typo reading of the same span never overrides them. */
  readonly exact: Set<string>;
  /** The pool whose labels are read. */
  readonly pool: PoolIndex;
  /** Covers of what the pool reads, by its number, computed once per question (labels repeat across facts). */
  readonly memo: (readonly Cover[] | undefined)[];
  /** The numbers whose covers are in `memo`. */
  readonly computed: number[];
  /** What readings of what the pool reads can account for any of the text, by its number (see `reachOf`). */
  readonly reach: Uint8Array;
  /** How many character positions of what the pool reads hold a character of the text, by its number (see `reachOf`). */
  readonly shared: Uint8Array;
  /** Per position, the row labels of the pool that account for it (see `markRows`). */
  readonly rows: Map<number, Set<string>>;
  /**
   * Descriptors found not to name the fact before their other labels were read: those labels'
   * covers are still part of what the pool accounts for (`claimed`), and are read when asked.
   * (Those none of whose own labels can account for any word are not even scored: `scoreAll`
   * hands them to `claimed` itself.)
   */
  readonly deferred: Prepared[];
  /** The framing words the question says outside its content (see `echoes`), read once per question. */
  readonly framing: readonly string[];
  /** Pairs of the question's characters the pool's own labels write, as they are asked (see `heard`). */
  readonly written: Map<string, boolean>;
}

/**
 * Characters of the fact's own row name (asides and generic tails aside) the question does not say,
 * for a fact named only through its item's vocabulary ("公务用车" for 购置(更新)公务用车).
 */
function rowExcess(bare: string, text: string): number {
  let n = 0;
  for (const ch of bare) if (!text.includes(ch)) n++;
  return n;
}

// Words a question frames its quantity with, outside the content a label must account for.
const FRAMING = ["绩效自评", "自评", "绩效目标", "实际完成", "完成", "年初预算", "预算", "决算", "增长", "下降", "增加", "减少", "发放", "拨付", "安排", "补贴", "奖励"];

/** Whether the figure's sentence (its own clause, the clauses before it, its paragraph's lead) repeats a framing word the question says outside its content. */
function echoes(s: Subject, p: Prepared): boolean {
  if (s.framing.length === 0) return false;
  const own = p.labels.find((l) => l.role === "sentence")?.text ?? "";
  const texts = [own, ...p.contexts.map((c) => c.text)];
  return s.framing.some((w) => texts.some((t) => t.includes(w)));
}

/** The framing words `text` says outside its content (`mask`). */
function framingOf(text: string, mask: readonly boolean[]): string[] {
  return FRAMING.filter((w) => {
    const i = text.indexOf(w);
    return i >= 0 && !mask.slice(i, i + w.length).some(Boolean);
  });
}

// Characters every other label ends with: said alone, they name nothing ("费", "数").
const GENERIC_CHARS = "费数额金率量元项个次人支出收入";

/** Whether every content character of the question lies within the cover. */
function allContentWithin(mask: readonly boolean[], c: Cover): boolean {
  return mask.every((m, k) => !m || (k >= c.start && k < c.end));
}

/** Whether `typed` is a pair of characters of `label` with one of them swapped for one that sounds alike. */
function heardAs(typed: string, label: string): boolean {
  for (let i = 0; i + 2 <= label.length; i++) if (soundTypos(typed, label.slice(i, i + 2)).length > 0) return true;
  return false;
}

/**
 * Whether `ch` says a word of the row short: the first character of a two-character word ("菜" of
 * 菜品), or the head noun ending a short name ("车" of 公务用车).
 */
function shortWord(row: string, ch: string): boolean {
  if (row.length <= 4 && row.endsWith(ch)) return true;
  const i = row.indexOf(ch);
  return i >= 0 && i + 1 < row.length && /[\u4e00-\u9fa5]/.test(row[i + 1] ?? "");
}


// Units a question may ask a figure in; 万元 is the default and says nothing.
const UNITS = ["亿美元", "万美元", "美元", "亿元", "平方米", "人次", "吨"] as const;
// "多少亿" is 亿元 typed short.
const SHORT_UNITS: Readonly<Record<string, string>> = { 亿: "亿元" };

/**
 * Counts loose words left over (see `_loose.ts`) as phrasing: a descriptor accounts for the
 * subject when what it leaves over is loose, provided it names something. `loose` marks them.
 */
export function account(x: Scored, s: Subject, loose: readonly boolean[]): Scored {
  if (x.missed.length === 0 || !x.missed.some((k) => loose[k])) return x;
  const content = s.mask.filter(Boolean).length;
  const hard = x.missed.filter((k) => !loose[k]);
  const hit = content - x.missed.length;
  return { ...x, accounted: hit === 0 ? 0 : (content - hard.length) / content, uncovered: hard.map((k) => s.text[k] ?? "").join("") };
}

// 财政拨款 followed by what it qualifies (not by the question's own words): a 口径, not the income.
const GRANT_SCOPE = /财政拨款(?=\p{Script=Han})(?!多少|是|有|一共|共|总|合计|呢|吗|多|收)/gu;

// "几个团组多少人次": how many units a question asks its counts in (each is answered, see answer/_select.ts).
const COUNTED_IN = /(?:多少|几)(人次|批次|亿美元|万美元|美元|亿元|平方米|吨|个|辆|人|名|家|项|次|台|批|场)/g;

function askedInUnits(text: string): number {
  return new Set([...text.matchAll(COUNTED_IN)].map((m) => m[1])).size;
}

// An indicator's value by its role, as questions name it ("年初目标是几个": the 目标值).
const ROLES: Readonly<Record<string, RegExp>> = { 目标值: /目标|计划|预期/, 实际完成值: /实际|完成|做到|达到/ };

function namesRole(label: string, text: string): boolean {
  return ROLES[label]?.test(text) ?? false;
}

// Columns of a completion rate, in the words of the templates.
const RATE_COLUMN = /^(?:预算)?(?:执行率|完成率|完成预算率|完成预算比例|预算执行率|执行进度)$/;

// Money coming in: named (收入, 来源, 拨款) or received (收了, 进账, 到账 …).
const RECEIVED = /收入|收到|收了|收的|收进|收取|进账|到账|入账/;
const INCOME = new RegExp(`${RECEIVED.source}|来源|拨款|财政给|拨给`);

/** Reads the subject text once: its content mask and the scope and side it names. */
export function readSubject(text: string, code: string | null, pool: PoolIndex): Subject {
  const mask = contentMask(text);
  return {
    text,
    mask,
    code,
    scoped: /一般公共预算|财政拨款|政府性基金|国有资本|基金预算/.test(text),
    income: INCOME.test(text),
    grantOnly: /财政拨款/.test(text) && !INCOME.test(text.replace(GRANT_SCOPE, "")),
    spending: /支出|花|开支|用于/.test(text) && !RECEIVED.test(text),
    // "…费多少", "…费比…": a fee is money, whatever else of the item is counted (公务用车购置费 vs 购置 2 辆).
    money: (/钱|花了|花费|多少万元|多少元|金额|投资额|多少亿(?!人|次|个)/.test(text) || /费(?=$|[^\p{Script=Han}]|多少|是|有|的|一共|合计|总共|比|和|与|加|呢)/u.test(text)) && !/得分|几分|多少分|百分|比例|比重|率|几辆|几个|几次|多少辆|多少个|多少次|多少人/.test(text),
    unit: askedInUnits(text) > 1 ? null : (UNITS.find((u) => text.includes(`多少${u}`) || text.includes(`几${u}`)) ?? Object.entries(SHORT_UNITS).find(([k]) => new RegExp(`多少${k}(?![\\u4e00-\\u9fff])`).test(text))?.[1] ?? null),
    exact: new Set<string>(),
    pool,
    memo: new Array<readonly Cover[] | undefined>(pool.keys.length),
    computed: [],
    ...reachOf(pool, text),
    rows: new Map<number, Set<string>>(),
    deferred: [],
    framing: framingOf(text, mask),
    written: new Map<string, boolean>(),
  };
}

/** Whether some label of the pool writes `pair`: then it is a word of the document as typed, not a typo. */
function writtenInPool(s: Subject, pair: string): boolean {
  let w = s.written.get(pair);
  if (w === undefined) {
    w = s.pool.keys.some((k) => k.includes(pair));
    s.written.set(pair, w);
  }
  return w;
}

// Qualifiers that only say which statement of the quantity it is (its measure or basis), not a part of it.
// An indicator's 实际完成值 is its figure as a question asks it; its 目标值 is the breakdown.
const BASIS = new Set(["全年预算", "年初预算", "调整预算", "预算数", "决算数", "决算", "执行数", "较上年", "较年初预算", "较预算", "上年", "本年", "合计", "总计", "实际完成值"]);

// Words every other label ends with: they name no column group by themselves.
const GENERIC_WORDS = /支出|收入|费用|经费|资金|合计|小计/g;

// The column holding a column group's own total.
const GROUP_TOTAL = /^(?:小计|合计)$/;

const STATUS: Record<Fact["status"], number> = { verified: 0.01, repaired: 0.005, "single-source": 0, conflict: -0.05 };

/** Whether the descriptor's figure is of the unit, the kind (money) and the side (income, spending) the question asks. */
export function admits(d: Descriptor, p: Prepared, s: Subject, tableNamed: boolean): boolean {
  const f = d.fact;
  if (s.unit !== null && f.unit !== s.unit) return false;
  if (s.money && !isAmount(f.unit) && f.unit !== "%") return false;
  // Spending asked, an income figure offered (or the reverse): another quantity.
  const side = p.side;
  // A table the question names says which side already ("收入决算表里…支出", "收入支出决算总表中…支出").
  return tableNamed || !((side === "收入" && s.spending) || (side === "支出" && s.income && !s.spending && !s.grantOnly));
}

/**
 * Scores one descriptor against the subject: the share of content characters its labels account
 * for, and a preference among equals. Null when the descriptor's own row (or item) is not named,
 * or when the question's 科目编码 is another row's.
 */
export function scoreDescriptor(d: Descriptor, p: Prepared, s: Subject, tableNamed: boolean, measure: string | null = null): Scored | null {
  const f = d.fact;
  if (!admits(d, p, s, tableNamed)) return null;
  const side = p.side;
  let own = false;
  if (s.code !== null) {
    if (f.code !== s.code) return null;
    own = true;
  } else if (!namesOwn(s, p)) {
    // Not named: no score, but its labels may still account for words of the question.
    s.deferred.push(p);
    return null;
  }
  const covered = new Array<boolean>(s.text.length).fill(false);
  let ownExact = false;
  let rowVerbatim = false;
  let literal = false;
  let rowHit = false;
  let rowWords = Infinity;
  let excess = Infinity;
  let columnNamed = false;
  const lastColumn = p.lastColumn;
  let lastColumnNamed = false;
  let qualifierLeft = false;
  let tableHit = false;
  // A column that only names the rate asked ("完成预算率" for 执行率多少) is named by asking that rate.
  const rateAsked = measure === "完成率" && f.measure === "完成率";
  // The spans the row is read from, and those its columns (a project's name over its indicators) are.
  const rowSpans: Cover[] = [];
  const columnSpans: Cover[] = [];
  // …and those the column groups above its own column are (项目支出 of 项目支出 > 小计).
  const groupSpans: Cover[] = [];
  const group = new Set(f.source.kind === "table" ? f.source.column.slice(0, -1).map(norm) : []);
  // Words the figure's own clause leaves to the clause before: accounted for, at a small cost.
  let leaned = false;
  // Words another figure's own row names (a sibling in a list, the whole the list breaks down)
  // describe that figure, not this one.
  // …unless this figure's own name is a short word for that row's thing ("累计建设站点60家" after
  // "新增中小企业服务工作站5家": 站点 are the 工作站 counted again).
  const anaphor = (r: string): boolean => p.rows.some((own) => own.length <= 2 && own !== r && own[0] !== undefined && r.endsWith(own[0]));
  const mine = (k: number): boolean => {
    const owners = s.rows.get(k);
    return owners === undefined || p.rows.some((r) => owners.has(r)) || [...owners].some(anaphor);
  };
  for (const context of p.contexts)
    for (const c of contextCovers(s, context))
      for (let k = c.start; k < c.end; k++)
        if (!covered[k] && s.mask[k] && (!context.owned || mine(k))) {
          covered[k] = true;
          if (context.cost) leaned = true;
        }
  // Content the figure's own labels account for (not a heading above it or the sentence around it).
  const said = new Array<boolean>(s.text.length).fill(false);
  for (const l of p.labels) {
    const covers = coversFor(s, l);
    if (covers.length === 0 && l.role === "column" && !BASIS.has(l.label) && !(rateAsked && RATE_COLUMN.test(l.label)) && !namesRole(l.label, s.text)) qualifierLeft = true;
    if (covers.length === 0) continue;
    const kept = keptCovers(s, covers);
    if (kept.length === 0) continue;
    if (l.role === "row" || l.role === "item") {
      own = true;
      if (l.role === "row") {
        rowHit = true;
        rowSpans.push(...kept);
        // An abbreviation's gaps are said in short; a synonym's extra words are not said at all.
        for (const c of kept) rowWords = Math.min(rowWords, c.how === "abbrev" ? 0 : c.excess);
      }
      if (kept.some((c) => c.how === "exact")) ownExact = true;
      // The question's content is the figure's own row name, verbatim: the document's own words for
      // it, not the vocabulary's name of an item other rows share ("公务用车保有量" of the 三公 sentence,
      // not the state-asset 车辆 the item also calls so).
      if (l.role === "row" && kept.some((c) => c.how === "exact" && s.text.slice(c.start, c.end) === l.label && c.end - c.start >= 4 && allContentWithin(s.mask, c))) rowVerbatim = true;
      // Its name read on into words taken for phrasing ("办公费" of "办公费用了多少", where 费用 read
      // as a filler leaves 办公 to 办公经费 too): the question's own words, read longest.
      if (kept.some((c) => c.how === "exact" && s.mask.slice(c.start, c.end).some((m) => !m))) literal = true;
      for (const c of kept) excess = Math.min(excess, c.excess);
    }
    // A column is named as written, or in other words of content: question words a typo away from
    // its name do not name it ("在这一项上支出多少" is no 项目支出).
    if (l.role === "column") columnSpans.push(...kept);
    if (l.role === "column" && group.has(l.label)) groupSpans.push(...kept);
    if (l.role === "column" && kept.some((c) => (c.how !== "typo" && c.how !== "abbrev") || s.mask.slice(c.start, c.end).some(Boolean))) {
      columnNamed = true;
      if (l.label === lastColumn) lastColumnNamed = true;
    }
    if (l.role === "table") tableHit = true;
    for (const c of kept)
      for (let k = c.start; k < c.end; k++) {
        covered[k] = true;
        if (l.role !== "section") said[k] = true;
      }
  }
  if (!own) return null;
  if (tableNamed && !tableHit) return null;
  // (The question's own words: those carried over from the previous question only prefer.)
  const carriedFrom = s.text.indexOf("\u0001");
  const borrowed = s.mask.some((m, k) => m && covered[k] && !said[k] && (carriedFrom < 0 || k < carriedFrom));
  // The income table lists income by the function class it pays for ("实验室及相关设施…收入了多少"):
  // the question's 收入 is the table's side, which its rows do not repeat.
  if (f.source.kind === "table" && f.source.tableKind === "收入决算表")
    for (let i = s.text.indexOf("收入"); i >= 0; i = s.text.indexOf("收入", i + 1)) if (s.mask[i]) covered[i] = covered[i + 1] = true;
  // A lone character left between words already read, that the figure's own row holds ("卖了多少吨菜"
  // of 补贴销售菜品数量): the row's word said short. At a small cost.
  let lone = false;
  const anyCovered = covered.some(Boolean);
  for (let k = 0; anyCovered && k < s.text.length; k++) {
    if (!s.mask[k] || covered[k] || (s.mask[k - 1] === true && !covered[k - 1]) || (s.mask[k + 1] === true && !covered[k + 1])) continue;
    const ch = s.text[k] ?? "";
    if (/[\u4e00-\u9fa5]/.test(ch) && !GENERIC_CHARS.includes(ch) && p.rows.some((r) => shortWord(r, ch))) {
      covered[k] = true;
      lone = true;
    }
  }
  // Two characters typed by sound ("当校" for 党校, "自平" for 自评, "伙时" for 伙食): a pair of the
  // question's words left over, one sounding-alike character away from a pair of the figure's own
  // row or column, the pair itself no word the document writes ("办公" is no typo of 一般公共). At a small cost.
  let heard = false;
  for (let k = 0; anyCovered && k + 1 < s.text.length; k++) {
    if (!s.mask[k] || !s.mask[k + 1] || (covered[k] && covered[k + 1])) continue;
    const typed = s.text.slice(k, k + 2);
    if (/^[\u4e00-\u9fa5]{2}$/.test(typed) && p.labels.some((l) => (l.role === "row" || l.role === "column") && heardAs(typed, l.label)) && !writtenInPool(s, typed)) {
      covered[k] = covered[k + 1] = true;
      heard = true;
    }
  }
  let content = 0;
  let hit = 0;
  const missed: number[] = [];
  s.mask.forEach((m, k) => {
    if (!m) return;
    content++;
    if (covered[k]) hit++;
    else missed.push(k);
  });
  const coverage = content === 0 ? 1 : hit / content;
  // Label words the question leaves out make the row more specific than asked ("其他社会保障和就业支出").
  let preference = (ownExact ? 0.02 : 0) - 0.01 * (Number.isFinite(excess) ? excess : 0) - (lone ? 0.01 : 0) - (heard ? 0.01 : 0) + (literal ? 0.01 : 0) + (rowVerbatim ? 0.2 : 0);
  if (f.source.kind === "table") {
    if (rateAsked && RATE_COLUMN.test(lastColumn)) columnNamed = lastColumnNamed = true;
    if (!d.headline && !columnNamed) preference -= 0.3;
    // A column group named, its breakdown column not: the group's own figure, not a part of it
    // (which its 小计 column is: "项目支出 > 小计" is the 项目支出 asked, "项目支出 > 其中:基本建设…" a part).
    // (Named by its own words, not by a generic tail: "教育支出" names no 项目支出.)
    else if (!d.headline && !lastColumnNamed && !(GROUP_TOTAL.test(lastColumn) && groupSpans.some((c) => s.text.slice(c.start, c.end).replace(GENERIC_WORDS, "").length >= 2))) preference -= 0.1;
    // A figure of one fund's table (政府性基金, 一般公共预算) is another 口径 than the question's.
    if (f.scope && f.scope !== "全部" && !s.scoped) preference -= 0.1;
    if (f.source.tableKind === "收入决算表" && !s.income) preference -= 0.1;
  }
  if (side === "支出" && s.grantOnly && !s.spending && !tableNamed) preference -= 0.1;
  // A narrative figure qualified in words the question does not say (购置 vs 保有, 分值 vs 得分) is a
  // breakdown not asked for, as a table's breakdown column is.
  if (f.source.kind === "narrative" && qualifierLeft) preference -= 0.1;
  // A figure whose own words say what is asked beats one that borrows them from its heading ("整体" of
  // 部门整体支出合计, not of the 项目支出 sentence under the heading "部门整体…").
  if (borrowed) preference -= 0.1;
  // An indicator's target is not its outcome: a question that names no 目标 asks what was achieved.
  if (f.qualifier[0] === "目标值" && !namesRole("目标值", s.text)) preference -= 0.05;
  // …nor its outcome the target a question names ("年初目标是几个"), unless it asks what was achieved too.
  if (f.qualifier[0] === "实际完成值" && namesRole("目标值", s.text) && !namesRole("实际完成值", s.text)) preference -= 0.1;
  // Nor is an indicator's weight (分值) its score: "得了几分" asks what it scored.
  if (f.qualifier[0] === "分值" && !/分值|满分|权重|占多少分|值多少分/.test(s.text)) preference -= 0.05;
  if (leaned) preference -= 0.05;
  // "这个项目自评多少分": the project's own score, not one of its indicators' (得分 > 项目名).
  if (f.measure === "得分" && f.qualifier.length >= 2 && !/总/.test(f.qualifier[0] ?? "") && /(?:这个|那个|该|此|本)项目/.test(s.text)) preference -= 0.05;
  // A row read only from words inside its column's longer name ("政府购买服务人员(数量)" inside the
  // project 政府购买服务人员经费 the question names) is not what the question names: the project is.
  if (rowSpans.length > 0 && rowSpans.every((r) => columnSpans.some((c) => c.start <= r.start && r.end <= c.end && c.end - c.start > r.end - r.start))) preference -= 0.05;
  // Framing words the question need not have a label for ("做了绩效自评", "实际完成") that the
  // figure's own sentence repeats tell two sentences' figures apart: that sentence is the one meant.
  if (f.source.kind === "narrative" && echoes(s, p)) preference += 0.01;
  // "那公务用车呢" after a money question: the money figure, not the count of cars.
  if (measure !== null && f.measure !== measure) preference -= 0.05;
  const rank = preference + STATUS[f.status] + (f.source.kind === "table" ? 0.005 : 0);
  const uncovered = missed.map((k) => s.text[k] ?? "").join("");
  return { d, coverage, accounted: coverage, preference, rank, uncovered, missed, excess: rowHit ? (Number.isFinite(rowWords) ? rowWords : 0) : rowExcess(p.bareRow, s.text) };
}
