import { soundsAlike } from "../core/pinyin.js";
import { contentMask, FILLER_WORDS } from "./_fillers.js";
import { contrast, oneDifference } from "./_match.js";
import { SYNONYMS } from "./_synonyms.js";

/**
 * Typo repair against the documents' own vocabulary: a run of four to six Chinese characters that
 * no label contains, but that one label word contains with a single inner character changed, is read
 * as that word ("政俯采购" → 政府采购, "事页运行" → 事业运行, "因工出国" → 因公出国). Never a contrast pair
 * (年初/年末, 收入/支出), and only when the repair is unique.
 */

const MIN = 4;
// Prepositions, particles, conjunctions and question words: never a typo of a label's character
// ("花在哪了" is no 拿了).
const FUNCTION_CHARS = "用的了在是和与给把被从对为以及或等向跟同里中哪啥谁几";
const MAX = 6;
const CJK = /^[\u3400-\u9fff]+$/;
const ORG = /[区市县省州局委厅办院会心部]/;

/** The vocabulary's runs and a wildcard index of them (build once with `buildSpelling`). */
export interface Spelling {
  readonly runs: ReadonlySet<string>;
  /** "政?采购" → the runs it stands for. */
  readonly wild: ReadonlyMap<string, readonly string[]>;
  /** Every character the vocabulary uses. */
  readonly chars: ReadonlySet<string>;
  /** The whole words (labels and question words), Chinese pieces only. */
  readonly words: ReadonlySet<string>;
  /** Their beginnings and endings (a repair at a run's right edge must begin a word, at its left edge end one). */
  readonly heads: ReadonlySet<string>;
  readonly tails: ReadonlySet<string>;
  /** The two-character fees of the vocabulary ("电费", "水费"), whole words. */
  readonly short2: readonly string[];
  /** Two-word names said by their words' first characters ("政采" of 政府采购, "社保" of 社会保障). */
  readonly shortNames: ReadonlySet<string>;
}

// Words of questions about these documents besides their labels: how a self-evaluation, a fee or a
// budget is spoken of ("绩效自评", "教育收费" are in no label of some templates).
const QUESTION_WORDS = ["绩效自评", "自评得分", "自评总分", "绩效目标", "整体绩效", "部门决算", "年初预算", "全年预算", "教育收费", "收费", "决算数", "预算数"];

/** Indexes every run of 2–6 characters of the vocabulary's words (and the closed-class question words). */
export function buildSpelling(words: Iterable<string>): Spelling {
  // Repairs lead to the documents' words and the question words; filler words are known (never
  // repaired away) but never a repair's result ("多少万辆" is not 多少万元).
  const targets = new Set<string>();
  const whole = new Set<string>();
  for (const w of [...words, ...QUESTION_WORDS]) {
    for (const piece of w.split(/[^\u3400-\u9fff]+/)) {
      whole.add(piece);
      for (let len = 2; len <= MAX; len++) for (let i = 0; i + len <= piece.length; i++) targets.add(piece.slice(i, i + len));
    }
  }
  const runs = new Set<string>(targets);
  // Filler words and the everyday words of the synonym table ("老总", "加油") are typed as meant.
  for (const f of [...FILLER_WORDS, ...SYNONYMS.flatMap((s) => s.says)]) if (f.length >= 2 && /^[\u3400-\u9fff]+$/.test(f)) runs.add(f);
  const wild = new Map<string, string[]>();
  for (const r of targets) {
    if (r.length < MIN) continue;
    for (let p = 0; p < r.length; p++) {
      const key = `${r.slice(0, p)}?${r.slice(p + 1)}`;
      const list = wild.get(key);
      if (list) list.push(r);
      else wild.set(key, [r]);
    }
  }
  const chars = new Set<string>();
  for (const r of targets) for (const c of r) chars.add(c);
  const heads = new Set<string>();
  const tails = new Set<string>();
  for (const w of whole)
    for (let n = MIN; n <= Math.min(MAX, w.length); n++) {
      heads.add(w.slice(0, n));
      tails.add(w.slice(w.length - n));
    }
  const short2 = [...whole].filter((w) => w.length === 2 && w.endsWith("费"));
  // (Of a word's first two words: "政府采购服务" → 政采.)
  const shortNames = new Set<string>();
  for (const w of whole) if (w.length >= 4) shortNames.add(`${w[0]}${w[2]}`);
  return { runs, wild, chars, words: whole, heads, tails, short2, shortNames };
}


/** Words a repair never changes (an archive's department names), indexed once by their first character. */
export interface KeptWords {
  readonly byFirst: ReadonlyMap<string, readonly string[]>;
}

/** Indexes the words `correctSpelling` keeps as typed (build once; a question reads only those starting at its characters). */
export function keptWords(words: Iterable<string>): KeptWords {
  const byFirst = new Map<string, string[]>();
  for (const w of new Set(words)) {
    if (!w) continue;
    const list = byFirst.get(w[0] ?? "");
    if (list) list.push(w);
    else byFirst.set(w[0] ?? "", [w]);
  }
  return { byFirst };
}

/**
 * The question with vocabulary typos repaired (same length; positions kept). Characters of filler
 * words, of words the vocabulary holds (two characters or more) and of `keep` and `kept` words
 * (department names) are never changed.
 */
export function correctSpelling(text: string, sp: Spelling, keep: readonly string[] = [], kept: KeptWords = keptWords([])): string {
  const chars = [...text];
  if (chars.length !== text.length) return text;
  const fixed = contentMask(text).map((m) => !m);
  const hold = (i: number, w: string): void => {
    for (let k = i; k < i + w.length; k++) fixed[k] = true;
  };
  for (const w of keep) for (let i = text.indexOf(w); i >= 0 && w; i = text.indexOf(w, i + 1)) hold(i, w);
  for (let i = 0; i < text.length; i++) for (const w of kept.byFirst.get(text[i] ?? "") ?? []) if (text.startsWith(w, i)) hold(i, w);
  // Function words of a question ("用财政拨款交的", "在…里", "给…发") are typed as meant.
  for (let k = 0; k < chars.length; k++) if (FUNCTION_CHARS.includes(chars[k] ?? "")) fixed[k] = true;
  // "2024年", "5个": a word after a number is a unit or a year.
  for (let k = 1; k < chars.length; k++) if (/\d/.test(chars[k - 1] ?? "")) fixed[k] = true;
  // Every window proposes repairs; a position is repaired only when all its proposals agree.
  const proposals = new Map<number, Set<string>>();
  for (let len = MAX; len >= MIN; len--) {
    for (let i = 0; i + len <= chars.length; i++) {
      const w = chars.slice(i, i + len).join("");
      // Names of places and bodies are the department recogniser's ("汉阳区" is no typo of another district).
      if (!CJK.test(w) || sp.runs.has(w) || ORG.test(w)) continue;
      const repairs = new Set<string>();
      let at = -1;
      for (let p = 0; p < len; p++) {
        // At the edge of the run the character may belong to the next word: only one the
        // vocabulary never uses is a typo there ("全年预箅" → 全年预算), or one whose run without it is
        // a word of three characters or more that the typed character does not continue
        // ("积效自评" → 绩效自评: "效自评" is a word, "年积" is none).
        if ((p === 0 || p === len - 1) && sp.chars.has(w[p] ?? "") && !edgeTypo(chars, i, len, p, sp)) continue;
        const atEdge = p === 0 || p === len - 1;
        const edge = atEdge && sp.chars.has(w[p] ?? "");
        for (const r of sp.wild.get(`${w.slice(0, p)}?${w.slice(p + 1)}`) ?? []) {
          if (contrast(w[p] ?? "", r[p] ?? "")) continue;
          // A repaired edge must make a whole word ("绩效自评"), not a piece of one ("预算项目支"),
          // with a character that sounds like the one typed (积/绩, 平/评; not 完/较).
          // ("公务接带了" → 公务接待, "发展专想" → 发展专项: the repaired run begins or ends a word).
          const aligned = sp.words.has(r) || sp.heads.has(r) || sp.tails.has(r);
          if (edge && (!aligned || !soundsAlike(w[p] ?? "", r[p] ?? ""))) continue;
          // A character no label uses, at the edge: a whole word, or a word's start that sounds alike
          // ("全年预箅" → 全年预算; never "比上年涨" → 比上年决).
          if (atEdge && !edge && !sp.words.has(r) && !(aligned && soundsAlike(w[p] ?? "", r[p] ?? ""))) continue;
          repairs.add(`${p}:${r[p]}`);
          at = p;
        }
      }
      if (repairs.size !== 1 || at < 0 || fixed[i + at]) continue;
      const [pos, ch] = [...repairs][0]!.split(":") as [string, string];
      const k = i + Number(pos);
      // A character already part of a word the vocabulary knows stays as typed; so does one that
      // says a two-word name short with its neighbour ("政采服务" is 政府采购 服务, not 政务服务).
      if (covered(chars, k, sp) || saysShort(chars, k, sp)) continue;
      const set = proposals.get(k) ?? new Set<string>();
      set.add(ch);
      proposals.set(k, set);
    }
  }
  for (const [k, set] of proposals) if (set.size === 1) chars[k] = [...set][0] ?? chars[k] ?? "";
  feeTypos(chars, fixed, sp);
  fillerTypos(chars, fixed, sp);
  return chars.join("");
}

// The verbs of paying and doing as typed with 了 ("化了" for 花了): the question words repaired by sound.
// (Not every question word: "多少没花掉" is no 多少万.)
// Only verbs of paying: a verb of change (降了, 涨了) or of doing (建了) typed is meant as typed.
// And the words of a change as typed by sound ("增价了多少" → 增加), where the typed word is none of the vocabulary's.
// So are the rates asked ("执形率" → 执行率, "降底了" → 降低).
const SAID = [...new Set(FILLER_WORDS.filter((f) => /^[花用交缴付发给拿]了$/.test(f))), "增加", "减少", "增长", "下降", "降低", "执行率", "完成率", "增长率"];

/**
 * A question word typed by sound ("设备化了多少钱" → 花了): a window one sounding-alike character away
 * from a filler word, whose typed character makes no word of the vocabulary with its neighbours
 * ("变化了" stays: 变化 is a word).
 */
function fillerTypos(chars: string[], fixed: readonly boolean[], sp: Spelling): void {
  for (const f of SAID) {
    for (let i = 0; i + f.length <= chars.length; i++) {
      const at = oneDifference(chars, i, f);
      if (at < 0 || fixed[i + at] === true) continue;
      const k = i + at;
      const typed = chars[k] ?? "";
      if (!/[\u3400-\u9fff]/.test(typed) || !soundsAlike(typed, f[at] ?? "") || covered(chars, k, sp)) continue;
      chars[k] = f[at] ?? typed;
    }
  }
}

/**
 * A two-character fee typed by sound and said alone ("投促局一年店费多少" → 电费): a word X费 the
 * vocabulary does not hold, standing between words the question frames it with, whose X sounds like
 * the first character of exactly one two-character fee the vocabulary holds.
 */
function feeTypos(chars: string[], fixed: readonly boolean[], sp: Spelling): void {
  for (let i = 0; i + 1 < chars.length; i++) {
    const w = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    if (chars[i + 1] !== "费" || !CJK.test(w) || sp.runs.has(w) || fixed[i]) continue;
    // Said alone: nothing of the question's content runs on into it on either side.
    if ((i > 0 && !fixed[i - 1] && CJK.test(chars[i - 1] ?? "")) || (i + 2 < chars.length && !fixed[i + 2] && CJK.test(chars[i + 2] ?? ""))) continue;
    const meant = sp.short2.filter((r) => r !== w && soundsAlike(chars[i] ?? "", r[0] ?? "") && !contrast(chars[i] ?? "", r[0] ?? ""));
    if (meant.length === 1) chars[i] = meant[0]?.[0] ?? chars[i] ?? "";
  }
}

/** An edge character read as a typo: the rest of the window is a word of 3+ characters and the character makes no word with its outside neighbour. */
function edgeTypo(chars: readonly string[], i: number, len: number, p: number, sp: Spelling): boolean {
  const rest = p === 0 ? chars.slice(i + 1, i + len).join("") : chars.slice(i, i + len - 1).join("");
  if (rest.length < 3 || !sp.runs.has(rest)) return false;
  const k = i + p;
  const outside = p === 0 ? `${chars[k - 1] ?? ""}${chars[k] ?? ""}` : `${chars[k] ?? ""}${chars[k + 1] ?? ""}`;
  return outside.length === 2 && !sp.runs.has(outside);
}

/** Whether the character at k ends, with the one before it, a two-word name said short ("政采"). */
function saysShort(chars: readonly string[], k: number, sp: Spelling): boolean {
  return sp.shortNames.has(`${chars[k - 1] ?? ""}${chars[k] ?? ""}`);
}

/** Whether the character at k stands in a run of the text (two characters or more) that the vocabulary holds. */
function covered(chars: readonly string[], k: number, sp: Spelling): boolean {
  for (let len = 2; len <= MAX; len++) {
    for (let i = Math.max(0, k - len + 1); i <= k && i + len <= chars.length; i++) {
      if (sp.runs.has(chars.slice(i, i + len).join(""))) return true;
    }
  }
  return false;
}
