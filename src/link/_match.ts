import { SYNONYMS, WHOLES } from "./_synonyms.js";
import { ITEMS } from "../facts/items.js";
import { isWordChar } from "./_fillers.js";
import { soundsAlike } from "../core/pinyin.js";
import { allIndexes } from "../core/text.js";
import { bag, pieces } from "./_bag.js";

/** A half-open range of the question text a label accounts for, and how it was matched. */
export interface Cover {
  readonly start: number;
  readonly end: number;
  readonly how: "exact" | "abbrev" | "synonym" | "typo";
  /** Characters of the label the question leaves out (an abbreviation's gaps, the words around a synonym). */
  readonly excess: number;
}

// Generic tails a question may leave off ("交通运输" for 交通运输支出).
// ("办公设备" for 办公设备购置: what is bought names its purchase.)
const TAILS = ["建设项目", "支出决算数", "决算数", "保有量", "数量", "总数", "个数", "人数", "次数", "户数", "家数", "件数", "项数", "支出", "收入", "费用", "经费", "资金", "缴费", "补助", "购置", "得分", "费", "数"];
const TOTAL_TAIL = /(?:总计|合计)$/;
// Asides in brackets ("维修(护)费", "行政运行(项)") may or may not be typed.
export const ASIDE = /\([^)]{1,8}\)/g;

/** The forms of a label a question may type: as written, without asides, without a generic tail. */
const formsMemo = new Map<string, string[]>();
// Labels are many in an archive: the memo is forgotten all at once past a bound.
const FORMS_MAX = 200_000;

export function labelForms(label: string): string[] {
  const known = formsMemo.get(label);
  if (known) return known;
  const forms = computeForms(label);
  if (formsMemo.size >= FORMS_MAX) formsMemo.clear();
  formsMemo.set(label, forms);
  return forms;
}

// What a table row's label carries before its name: "其中:", "减:", list numbers "十九、", "(一)", "1.".
const LEAD = /^(?:(?:其中|减|加|含)[:：]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.](?!\d))+/;

// The whole a narrative quantity is of ("全区社零额", "全市新增…"): said or left to the question's body.
const SCOPE = /^全(?:区|市|省|县|国|年)(?=[\u4e00-\u9fa5]{2})/;

// The place a project is in, opening its name ("东湖高新区低空共享无人机应用示范区建设项目"): said or
// left to the question's department.
const PLACE = /^[\u4e00-\u9fa5]{2,5}?(?:高新区|开发区|新区|区|市|县)(?=[\u4e00-\u9fa5]{6})/;

function computeForms(label: string): string[] {
  const named = label.replace(LEAD, "");
  const out = new Set<string>([label, named, named.replace(SCOPE, ""), named.replace(PLACE, "")]);
  const bare = named.replace(ASIDE, "");
  if (bare.length >= 2) out.add(bare);
  // A total row is named by what it totals ("收入" of 收入总计, "人员经费" of 人员经费合计).
  // An amount inside a name is said without its 元 ("单价50万以上" of 单价50万元以上通用设备).
  if (/\d(?:万|亿)元/.test(bare)) out.add(bare.replace(/(\d)(万|亿)元/g, "$1$2"));
  const totals = [named, bare].filter((f) => TOTAL_TAIL.test(f) && f.length >= 4).map((f) => f.replace(TOTAL_TAIL, ""));
  for (const f of totals) out.add(f);
  for (const f of [named, bare, ...totals]) {
    for (const t of TAILS) {
      // Only equipment is named by what is bought: "公务用车" is not 公务用车购置 (it has its own figures).
      if (t === "购置" && !/设备购置$/.test(f)) continue;
      // A source of income is named without 收入 when four characters say which ("财政拨款" of
      // 财政拨款收入; never "其他" of 其他收入).
      if (t === "收入" && f.length - t.length < 4) continue;
      if (f.length >= t.length + 2 && f.endsWith(t)) {
        out.add(f.slice(0, -t.length));
        break;
      }
    }
  }
  return [...out].filter((f) => f.length >= 2);
}


/**
 * Every exact occurrence of one of the label's forms. A shortened form must end where the
 * question's word ends: "办公" of 办公经费 does not name the 办公费 in "办公费支出".
 */
function exact(text: string, forms: readonly string[], content: readonly boolean[] | undefined): Cover[] {
  const out: Cover[] = [];
  forms.forEach((f, n) => {
    for (let i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      // A form without its generic tail ("平价菜销售补贴" of …资金) is read where no other word follows
      // it, or where 项目 does ("平价菜销售补贴项目": a fund is a project).
      const project = projectWord(text, i + f.length, f);
      if (n === 0 || !content || !content[i + f.length] || project > 0) out.push({ start: i, end: i + f.length + project, how: "exact", excess: 0 });
    }
  });
  return out;
}

/**
 * A label said with a 的 inside it ("离退休干部服务用的车" for 离退休干部服务用车): the question read
 * without its 的, positions mapped back. Labels of four characters or more only.
 */
function withParticle(text: string, forms: readonly string[]): Cover[] {
  const at: number[] = [];
  let compact = "";
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "的") continue;
    at.push(i);
    compact += text[i];
  }
  return exact(compact, forms.filter((f) => f.length >= 4 && !f.includes("的")), undefined)
    .map((c) => ({ ...c, start: at[c.start] ?? c.start, end: (at[c.end - 1] ?? c.end - 1) + 1 }))
    .filter((c) => text.slice(c.start, c.end).includes("的"));
}

/** "招商经费项目": a name followed by 项目 names the same project (but 项目支出 is a column of its own). */
function projectWord(text: string, end: number, form: string): number {
  return !form.endsWith("项目") && text.startsWith("项目", end) && !/^(支出|经费|资金)/.test(text.slice(end + 2)) ? 2 : 0;
}

// Characters that turn a label into its counterpart: one of these swapped is another quantity, not a typo.
const CONTRASTS = ["初末", "收支", "内外", "增减", "上下", "前后", "大小", "多少", "借贷", "进出", "国省市区县", "中小", "年月", "正副", "高低", "新旧", "男女", "出入", "盈亏", "升降", "涨跌", "专兼", "本专", "硕博", "长短", "正负", "主辅", "离退", "在离", "公私", "省部"];

/** Two characters one of which turns a word into its counterpart (初/末, 收/支), or two digits: never a typo of each other. */
export function contrast(x: string, y: string): boolean {
  return /\d/.test(x + y) || CONTRASTS.some((c) => c.includes(x) && c.includes(y));
}

function contrasting(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    // A different digit is another year or number, never a typo ("2020年度…" is not 2021年度…).
    if (x !== y) return contrast(x, y);
  }
  return false;
}

// The canonical items' Chinese names: words a question may say exactly, never typos of another label
// ("机关运行经费" asked of a document that has none is no 机构运行).
const KNOWN_TERMS: readonly string[] = [...new Set(Object.values(ITEMS).flatMap((it) => [it.zh, ...it.names, ...it.synonyms]).filter((n) => /^[\u4e00-\u9fa5()（）]{4,}$/.test(n)))];

/** Whether the run at [i, i + n) lies inside a canonical item's name the question says in full. */
function insideKnownTerm(text: string, i: number, n: number): boolean {
  for (const t of KNOWN_TERMS) {
    if (t.length < n) continue;
    for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + 1)) if (at <= i && i + n <= at + t.length) return true;
  }
  return false;
}

/**
 * A typo: a run of the question as long as the label form, one character different ("公务接侍费"
 * for 公务接待费, "租凭费" for 租赁费), never a contrast pair (年初/年末, 收入/支出, 国内/国外).
 */
function typo(text: string, forms: readonly string[], content: readonly boolean[] | undefined, shared: number): Cover[] {
  const out: Cover[] = [];
  for (const f of forms) {
    // All of a form's characters but one stand in the question.
    if (f.length < 3 || f.length - 1 > shared) continue;
    for (let i = 0; i + f.length <= text.length; i++) {
      // Exactly one character different (counted in place: most windows differ in several).
      let diff = 0;
      for (let k = 0; k < f.length && diff < 2; k++) if (text[i + k] !== f[k]) diff++;
      if (diff !== 1) continue;
      const w = text.slice(i, i + f.length);
      // The first character may be the mistyped one in longer names ("公会经费" for 工会经费).
      // A short name's first character only by sound ("扶恤金" for 抚恤金); brackets as the label has them ("维修(户)费").
      if (w === f || (w[0] !== f[0] && f.length < 4 && !soundsAlike(w[0] ?? "", f[0] ?? "")) || ![...w].every((ch, k) => isWordChar(ch) || ch === f[k])) continue;
      if (contrasting(w, f) || insideKnownTerm(text, i, f.length)) continue;
      // In a short name, a mistyped character that is a word of the question's own (a particle,
      // a question word) is that word: "教育的" is no typo of 教育收(费); "人员经费和计" is of 合计.
      const at = [...w].findIndex((ch, k) => ch !== f[k]);
      if (f.length < 4 && content?.[i + at] === false) continue;
      // Phones type a character that sounds like the one meant ("公会" for 工会); another
      // character of the label's length fits less well (公用经费 is no reading of 公会经费 first).
      out.push({ start: i, end: i + f.length + projectWord(text, i + f.length, f), how: "typo", excess: soundsAlike(w[at] ?? "", f[at] ?? "") ? 0 : 1 });
    }
  }
  return out;
}

/**
 * An abbreviation: a run of the question whose characters stand in the label in order, starting
 * with the label's first character and ending with its last ("社保就业" ⊂ 社会保障和就业(支出), "企服中心" ⊂ 企业服务中心).
 * At least three characters, at least a third of the label, and no gap over two characters: an
 * abbreviation shortens words, it does not drop one ("公务用车运行维护费" is not 公务用车购置及运行维护费).
 */
const MAX_GAP = 2;

function abbreviation(text: string, form: string, shared: number): Cover[] {
  const out: Cover[] = [];
  const first = form[0];
  // Short names are typed whole or mistyped, not abbreviated ("办公费" is not 办公经费); a name of
  // five characters only by one left out ("正高职称" of 正高级职称). (Each character said is one of
  // the label's, at its own place: fewer than three, or than a third of it, is no abbreviation.)
  if (form.length < 5 || first === undefined || shared < 3 || shared * 3 < form.length) return out;
  for (let i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
    if (/\d/.test(text[i - 1] ?? "")) continue;
    let j = i;
    let k = 0;
    while (j < text.length) {
      const ch = text[j] ?? "";
      const at = form.indexOf(ch, k);
      // Digits are never left out: "20年度…" does not shorten 2021年度….
      if (at < 0 || !isWordChar(ch) || at - k > MAX_GAP || /\d/.test(form.slice(k, at))) break;
      k = at + 1;
      j++;
    }
    const n = j - i;
    // It must run to the form's last character: a truncated name ("公共资源交易" of 公共资源交易专项工作经费) names something else.
    if (form.length < 6 && k - n !== 1) continue;
    if (n >= 3 && n * 3 >= form.length && n < form.length && k === form.length) out.push({ start: i, end: j + projectWord(text, j, form), how: "abbrev", excess: k - n });
  }
  return out;
}

// The longest name whose end may be said short.
const SHORT_NAME = 8;

/**
 * A label named by its end, its first words (the kind of body, 机关事业单位) left out: "职业年金缴费支出"
 * for 机关事业单位职业年金缴费支出. At least four characters and half the label; the words left out
 * count as excess, so a row named exactly always wins.
 */
function tail(text: string, form: string, content: readonly boolean[] | undefined, shared: number): Cover[] {
  const out: Cover[] = [];
  for (let k = 1; form.length - k >= 4 && (form.length - k) * 2 >= form.length; k++) {
    const end = form.slice(k);
    // Words of its own before the end ("正高级职称" against 副高级职称) name another label, not this one cut short.
    // (An end longer than the characters the label shares with the question does not stand in it whole.)
    if (end.length <= shared) for (const i of allIndexes(text, end)) if (content?.[i - 1] !== true) out.push({ start: i, end: i + end.length + projectWord(text, i + end.length, form), how: "abbrev", excess: k });
    // …or, of a short name, that end said short ("结转结余" of 年末结转和结余; a long name's end said
    // short names too little of it).
    if (out.length === 0 && form.length <= SHORT_NAME) for (const c of abbreviation(text, end, shared)) if (content?.[c.start - 1] !== true) out.push({ ...c, excess: c.excess + k });
    if (out.length > 0) break;
  }
  return out;
}

/**
 * A label named by its beginning, its last word said short after the question's phrasing
 * ("补贴销售了多少吨菜" for 补贴销售菜品(数量)): at least four characters and half the label, followed
 * by no word of content, with the first character of the words left out said a little later (菜 of
 * 菜品). The words left out count as excess, so a label named whole always wins.
 */
function head(text: string, form: string, content: readonly boolean[] | undefined, shared: number): Cover[] {
  const out: Cover[] = [];
  for (let k = 1; form.length - k >= 4 && (form.length - k) * 2 >= form.length; k++) {
    if (form.length - k > shared) continue;
    const start = form.slice(0, form.length - k);
    const rest = form[form.length - k] ?? "";
    for (const i of allIndexes(text, start)) {
      const next = i + start.length;
      if (content?.[next] === true || !text.slice(next, next + 8).includes(rest)) continue;
      out.push({ start: i, end: next, how: "abbrev", excess: k });
    }
    if (out.length > 0) break;
  }
  return out;
}

/**
 * The everyday phrases of a label's official terms, with the label's characters beyond the term
 * (once per label; forgotten all at once past a bound, as an archive's labels are many).
 */
const synonymMemo = new Map<string, readonly { says: readonly string[]; excess: number }[]>();
const MEMO_MAX = 200_000;
const NONE: readonly { says: readonly string[]; excess: number }[] = [];

function synonymsOf(label: string): readonly { says: readonly string[]; excess: number }[] {
  let known = synonymMemo.get(label);
  if (!known) {
    const out: { says: readonly string[]; excess: number }[] = [];
    for (const s of SYNONYMS) {
      // A term joined to another by 及/和/与 ("公务用车购置及运行维护费") is one part of a combined
      // quantity: its everyday words name the part, not the combination.
      const official = s.official.find((o) => {
        const at = label.indexOf(o);
        return at >= 0 && !/^[及和与]/.test(label.slice(at + o.length));
      });
      if (official !== undefined) out.push({ says: s.says, excess: label.length - official.length });
    }
    known = out.length > 0 ? out : NONE;
    if (synonymMemo.size >= MEMO_MAX) synonymMemo.clear();
    synonymMemo.set(label, known);
  }
  return known;
}

/** Everyday phrases whose official term the label contains ("开会" for a 会议费 row). */
export function synonym(text: string, label: string): Cover[] {
  const out: Cover[] = [];
  for (const { says, excess } of synonymsOf(label)) {
    for (const say of says) {
      for (const i of allIndexes(text, say)) out.push({ start: i, end: i + say.length, how: "synonym", excess });
      // An everyday word of three characters or more typed by sound ("公基金" for 公积金).
      if (say.length >= 3) for (const i of soundTypos(text, say)) out.push({ start: i, end: i + say.length, how: "typo", excess });
    }
  }
  return [...out, ...partsOfWhole(text, label)];
}

const SUMMED = /一共|加起来|合计|总共|共计|之和|加上|总和/;

/** Two or more parts of a whole the label names, said together (see `WHOLES`): each is read as naming it. */
function partsOfWhole(text: string, label: string): Cover[] {
  const out: Cover[] = [];
  for (const { whole, parts } of WHOLES) {
    const named = whole.find((w) => label.includes(w));
    if (named === undefined) continue;
    const said = parts.map((words) => words.flatMap((w) => allIndexes(text, w).map((i) => ({ start: i, end: i + w.length }))));
    if (said.filter((at) => at.length > 0).length < 2) continue;
    // Parts summed ("加油和修车一共", "燃料费加维修费") ask for their sum, which the whole is not.
    const spans = said.flat();
    const from = Math.min(...spans.map((c) => c.start));
    const to = Math.max(...spans.map((c) => c.end));
    let gaps = "";
    for (let k = from; k < to; k++) if (!spans.some((c) => c.start <= k && k < c.end)) gaps += text[k];
    if (SUMMED.test(text) || /[和及与加]/.test(gaps)) continue;
    for (const at of said) for (const c of at) out.push({ ...c, how: "synonym", excess: label.length - named.length });
  }
  return out;
}

/** The one place where `chars` from `i` differ from `word`, or -1 when they differ in none or in more. */
export function oneDifference(chars: ArrayLike<string>, i: number, word: string): number {
  let at = -1;
  for (let p = 0; p < word.length; p++) {
    if (chars[i + p] === word[p]) continue;
    if (at >= 0) return -1;
    at = p;
  }
  return at;
}

/** Where `text` says `word` with one character swapped for one that sounds alike (never a contrast pair). */
export function soundTypos(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = 0; i + word.length <= text.length; i++) {
    const at = oneDifference(text, i, word);
    if (at < 0) continue;
    const [typed, meant] = [text[i + at] ?? "", word[at] ?? ""];
    if (/[\u4e00-\u9fa5]/.test(typed) && !contrast(typed, meant) && soundsAlike(typed, meant)) out.push(i);
  }
  return out;
}

/** The characters of the last text asked about (one question is linked against thousands of labels). */
let charsOf: { text: string; chars: Set<string> } = { text: "", chars: new Set() };

/** Whether `label` shares no character with `text`: then only an everyday phrase can name it. */
function disjoint(text: string, label: string): boolean {
  if (charsOf.text !== text) charsOf = { text, chars: new Set(text) };
  const chars = charsOf.chars;
  for (const ch of label) if (chars.has(ch)) return false;
  return true;
}

/** The everyday phrases that may name `label` (see `synonym`). */
export function synonymPhrases(label: string): readonly string[] {
  return synonymsOf(label).flatMap((x) => x.says);
}

/**
 * Whether `label` can account for any part of `text` by some reading (see `coversOf`; the same holds
 * for `bodyHeadCovers`, `tableCovers` and a sentence's covers): it shares a character with it, or
 * admits an everyday phrase the text says. When not, every reading of it is empty.
 */
export function mayCover(text: string, label: string): boolean {
  if (!disjoint(text, label)) return true;
  for (const { says } of synonymsOf(label)) for (const say of says) if (text.includes(say)) return true;
  return false;
}

/**
 * How a label accounts for parts of the question, by every method it admits. `shared`, when known,
 * bounds how many of the label's character positions hold a character of the text: a reading that
 * repeats more of them is not tried.
 */
export function coversOf(text: string, label: string, opts: { fuzzy: boolean; content?: readonly boolean[]; shared?: number }): Cover[] {
  // Every reading but an everyday phrase repeats at least one of the label's characters.
  if (disjoint(text, label)) return opts.fuzzy ? synonym(text, label) : [];
  const shared = opts.shared ?? Infinity;
  const forms = labelForms(label);
  const plain = exact(text, forms, opts.content);
  // (A form read past a 的 has four characters or more.)
  const found = plain.length > 0 || !text.includes("的") || shared < 4 ? plain : withParticle(text, forms);
  if (!opts.fuzzy) return found;
  const fuzzy = [...found];
  fuzzy.push(...synonym(text, label), ...typo(text, forms, opts.content, shared));
  for (const f of forms) fuzzy.push(...abbreviation(text, f, shared));
  if (found.length === 0) for (const f of forms) fuzzy.push(...tail(text, f, opts.content, shared), ...head(text, f, opts.content, shared));
  // Said in pieces only when no reading covers the label whole (every character of it but an aside, five or more).
  if (found.length > 0) return fuzzy;
  const inPieces = shared < 5 ? [] : pieces(text, forms[forms.length - 1] ?? label);
  if (inPieces.length > 0 || fuzzy.length > 0) fuzzy.push(...inPieces);
  else fuzzy.push(...bag(text, label, opts.content));
  return fuzzy;
}
