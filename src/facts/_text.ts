/**
 * Text normalisation with an offset map, and figure scanning. Narrative text arrives with
 * full-width punctuation, spacing noise ("2,049.35 万元", "1, 099.07", "万 元") and markup crumbs;
 * matching runs on a normalised copy whose every character maps back to the original offset.
 */
import { isUnit, UNITS, type Unit } from "../core/money.js";

/** A normalised string and, for each of its characters, the offset in the original text. */
export interface NormText {
  readonly s: string;
  readonly pos: readonly number[];
}

const ZERO_WIDTH = /[\u200b-\u200d\ufeff]/;

/**
 * Normalises text for matching: NFKC (full-width → ASCII), whitespace dropped except a single
 * space between two digits ("14.03 14.03" stays two figures), markup crumbs (`<u>`, `**`, `$`)
 * removed, and "收、支" read as "收支".
 */
export function normalizeWithMap(text: string): NormText {
  const chars: string[] = [];
  const pos: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    // Markup crumbs: "<u>", "</del>", "<b>", "<p>", "<br/>".
    if (ch === "<") {
      const m = /^<\/?[a-zA-Z][^<>]{0,40}>/.exec(text.slice(i, i + 48));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (ch === "*" && text[i + 1] === "*") {
      i += 2;
      continue;
    }
    if (ch === "$" || ZERO_WIDTH.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === "\\" && text.startsWith("\\%", i)) {
      i += 1;
      continue;
    }
    if (ch === "\\" && text.startsWith("\\geq", i)) {
      push("≥", i);
      i += 4;
      continue;
    }
    if (/\s/.test(ch) || ch === "\u3000") {
      if (pendingSpace < 0) pendingSpace = i;
      i += 1;
      continue;
    }
    const norm = ch.normalize("NFKC");
    const out = norm === "" ? ch : norm;
    if (pendingSpace >= 0) {
      const prev = chars[chars.length - 1] ?? "";
      if (/\d/.test(prev) && /^\d/.test(out)) push(" ", pendingSpace);
      pendingSpace = -1;
    }
    for (const c of out) push(c, i);
    i += 1;
  }
  let s = chars.join("");
  // "收、支总计" is one noun; the 、 would otherwise split it into two clauses.
  const finalChars: string[] = [];
  const finalPos: number[] = [];
  for (let k = 0; k < s.length; k += 1) {
    if (s[k] === "、" && s[k - 1] === "收" && s[k + 1] === "支") continue;
    finalChars.push(s[k] ?? "");
    finalPos.push(pos[k] ?? 0);
  }
  s = finalChars.join("");
  return { s, pos: finalPos };

  function push(c: string, at: number): void {
    chars.push(c);
    pos.push(at);
  }
}

/** Normalises a label for comparison: NFKC, no spaces/quotes/markup, ASCII brackets. */
export function normLabel(s: string): string {
  return normalizeWithMap(s)
    .s.replace(/\s+/g, "")
    .replace(/[“”"'‘’「」『』]/g, "")
    .replace(/[【\[]/g, "(")
    .replace(/[】\]]/g, ")");
}

/** A figure found in normalised text: its span, the number as written, value and unit. */
export interface FigureToken {
  /** Start and end (exclusive) of the number in the normalised string. */
  readonly start: number;
  readonly end: number;
  /** End of the unit in the normalised string. */
  readonly unitEnd: number;
  /** The number as written (normalised), e.g. "113,311.47". */
  readonly raw: string;
  /** Plain decimal: separators removed, trailing zeros kept. */
  readonly value: string;
  readonly unit: Unit;
  /** "余" / "多" written between the number and its unit ("50 余项"). */
  readonly approx?: string;
}

// Units are stored as written ("批次", "场次", "亿元"): no unit is converted into another.
const UNIT_FORMS: readonly Unit[] = UNITS;

// Words that begin with a unit's character but are not that unit: "3个月", "2人员", "5项目", "3部门".
const NOT_UNIT: Partial<Record<string, RegExp>> = {
  分: /^分(之|钟|别|期|批|类|级|解|配|包|局|析|项|管|布|摊|享)/,
  个: /^个(月|工作日|别|体|性|税|人)/,
  人: /^人(员|民|才|大|社|力|口|群|数|工|事|均)/,
  项: /^项(目|级)/,
  家: /^家(庭|属|具|居|电|政)/,
  部: /^部(门|分|署|长|委|级|位|件|署)/,
  期: /^期(间|限|末|初|内|刊|货)/,
  条: /^条(件|例|款|线|码)/,
  类: /^类(别|型|似)/,
  所: /^所(有|属|在|得|以|需|辖)/,
  位: /^位(于|置|列|居)/,
  处: /^处(理|置|室|长|罚|于|级)/,
  种: /^种(类|植|子|养)/,
  支: /^支(出|付|持|撑|援|部|队伍)/,
  本: /^本(年|级|部门|单位|期|次|项|市|区|局|着|科)/,
  间: /^间(接|隔)/,
  单: /^单(位|价|项|独|一|元|个|笔|体)/,
  门: /^门(户|槛|诊|类|店)/,
  天: /^天(然|津|河|门|气|空|地)/,
  座: /^座(谈)/,
  名: /^名(称|单|义|录|额|优|牌|列|师|校)/,
  户: /^户(籍|口|外|型)/,
  场: /^场(景|所|地|馆|站)/,
  份: /^份(额)/,
  元: /^元(旦|素|宇宙)/,
  次: /^次(年|日|月|要|级|生)/,
  届: /^届(满|时)/,
  册: /^册(子)/,
  万: /^万(一|众|物|象|达)/,
  亿: /^亿(万)/,
  起: /^起(草|步|点|诉|始|来|到|码|止|算|跑|飞|航|因|见|源)/,
  组: /^组(织|建|成|长|团|合|别)/,
  根: /^根(据|本|源)/,
  幅: /^幅(度)/,
  卷: /^卷(入|烟)/,
  米: /^米(粮)/,
  周: /^周(边|期|年|末|转|密|围)/,
};

/** The unit as written ("场次", "台(套)"), or null when the text is not one. */
export function unitOf(written: string): Unit | null {
  const w = written.normalize("NFKC").replace(/\s+/g, "");
  return isUnit(w) ? w : null;
}

// A figure: grouped ("113,311.47") or plain ("16179", "0.41"); OCR sometimes writes "1,2" etc.,
// which does not match and is left alone.
const NUMBER = /(?<![\d.])(?<!\d,)[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])/g;

/** Finds every "number + unit" figure in normalised text; years, dates and bare numbers are skipped. */
export function scanFigures(s: string): FigureToken[] {
  const out: FigureToken[] = [];
  for (const m of s.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    let raw = m[0];
    let end = start + raw.length;
    // "1,099.07," at a clause end: the regex cannot take a trailing comma, nothing to fix.
    // A dotted "1." list marker has no digits after the point and never matches as a decimal.
    if (raw.endsWith(".")) {
      raw = raw.slice(0, -1);
      end -= 1;
    }
    // "50 余项", "300 多家": an approximate count; the unit follows the 余.
    const approx = /^(余|多)(?=[^\d])/.exec(s.slice(end, end + 2))?.[1] ?? null;
    const unitAt = end + (approx ? 1 : 0);
    const after = s.slice(unitAt, unitAt + 6);
    const written = UNIT_FORMS.find((w) => after.startsWith(w) && !NOT_UNIT[w]?.test(after));
    if (!written) continue;
    // "连续 5 年", "近 13 年": a count of years; any other "N年" is a date.
    if (written === "年" && !/(连续|近|满|长达|超过|超|逾|≤|≥|<|>)\s*$/.test(s.slice(Math.max(0, start - 3), start))) continue;
    // "2024年", "12月" are dates; "第3名"/"1号" never reach here because 年/月/日/号 are not units.
    // "第5个", "第3名": an ordinal, not a count.
    if (start > 0 && s[start - 1] === "第") continue;
    // "2024-2025年度" and "5.1%-2.3%": a range, not a statement of one figure.
    if (s[start - 1] === "-" || s[start - 1] === "~") continue;
    const value = raw.replace(/,/g, "").replace("−", "-");
    out.push({ start, end, unitEnd: unitAt + written.length, raw, value, unit: written, ...(approx ? { approx } : {}) });
  }
  return out;
}

/** The original-text offset of a normalised position. */
export function origin(n: NormText, at: number): number {
  return n.pos[Math.min(Math.max(at, 0), n.pos.length - 1)] ?? 0;
}

/** The 1-based line of a paragraph text offset, from the paragraph's line map. */
export function lineAt(lineMap: readonly { readonly offset: number; readonly line: number }[], offset: number, fallback: number): number {
  let line = fallback;
  for (const e of lineMap) {
    if (e.offset <= offset) line = e.line;
    else break;
  }
  return line;
}
