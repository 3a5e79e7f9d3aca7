/**
 * Text normalisation with an offset map, and figure scanning. Narrative text arrives with
 * full-width punctuation, spacing noise ("2,049.35 万元", "1, 099.07", "万 元") and markup crumbs;
 * matching runs on a normalised copy whose every character maps back to the original offset.
 */
import type { Unit } from "../core/money.js";

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
}

// Units as written → unit as stored. "台(套)" is one unit in 国有资产 sentences; "批次" counts 批.
const UNIT_FORMS: readonly (readonly [string, Unit])[] = [
  ["万元", "万元"],
  ["元", "元"],
  ["%", "%"],
  ["辆", "辆"],
  ["人次", "人次"],
  ["个", "个"],
  ["名", "名"],
  ["人", "人"],
  ["批次", "批"],
  ["批", "批"],
  ["次", "次"],
  ["条", "条"],
  ["项", "项"],
  ["分", "分"],
  ["家", "家"],
  ["台(套)", "台"],
  ["台", "台"],
  ["套", "套"],
  ["场次", "场"],
  ["场", "场"],
  ["户", "户"],
  ["平方米", "平方米"],
  // Activity statistics: "交易总额1,533.56亿元", "补贴销售菜品155.86吨", "累计办件255万次".
  ["亿元", "亿元"],
  ["亿美元", "亿美元"],
  ["吨", "吨"],
  ["万人次", "万人次"],
  ["万次", "万次"],
];

/** The stored unit of a unit as written ("场次" → 场, "台(套)" → 台), or null when it is not one. */
export function unitOf(written: string): Unit | null {
  const w = written.normalize("NFKC").replace(/\s+/g, "");
  return UNIT_FORMS.find(([form]) => form === w)?.[1] ?? null;
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
    const after = s.slice(end, end + 4);
    // "万 元" is normalised to "万元"; "万余次", "万户" are not units we store.
    const form = UNIT_FORMS.find(([w]) => after.startsWith(w));
    if (!form) continue;
    const [written, unit] = form;
    // "2024年", "12月" are dates; "第3名"/"1号" never reach here because 年/月/日/号 are not units.
    if (unit === "分" && /^分(之|钟|别|期|批|类|级|解|配|包|局|析)/.test(after)) continue;
    if (unit === "个" && /^个(月|工作日|别)/.test(after)) continue;
    if (unit === "人" && /^人(员|民|才|大|社|力)/.test(after)) continue;
    if (unit === "项" && /^项(目|级)/.test(after)) continue;
    if (unit === "家" && /^家(庭|属|具)/.test(after)) continue;
    if (unit === "元" && start > 0 && s[start - 1] === "第") continue;
    // "2024-2025年度" and "5.1%-2.3%": a range, not a statement of one figure.
    if (s[start - 1] === "-" || s[start - 1] === "~") continue;
    const value = raw.replace(/,/g, "").replace("−", "-");
    out.push({ start, end, unitEnd: end + written.length, raw, value, unit });
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
