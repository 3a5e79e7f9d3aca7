/**
 * Sentences and clauses of normalised narrative text, and the figures in them that state no
 * quantity of their own (limits, weights, asides).
 */
import type { FigureToken } from "./_text.js";

/** Splits [from, to) at delimiter characters that are not inside a figure ("1,099.07"). */
export function spans(s: string, from: number, to: number, delim: RegExp, figures: readonly FigureToken[], listAware = false): [number, number][] {
  const cuts: number[] = [];
  for (const m of s.slice(from, to).matchAll(delim)) {
    const at = from + (m.index ?? 0);
    if (figures.some((f) => at >= f.start && at < f.end)) continue;
    // "恩施州、宜昌市五峰县招商引资专项": a 、 separates list items only after a stated figure.
    if (listAware && s[at] === "、") {
      const prev = cuts.length > 0 ? (cuts[cuts.length - 1] ?? from) : from;
      if (!figures.some((f) => f.start >= prev && f.end <= at)) continue;
    }
    cuts.push(at);
  }
  const out: [number, number][] = [];
  let start = from;
  for (const c of cuts) {
    if (c > start) out.push([start, c]);
    start = c + 1;
  }
  if (start < to) out.push([start, to]);
  return out;
}

/**
 * "单位价值100万元以上设备", "100万元(含)以上": a threshold, not a stated figure; "(1万元/户)" is a
 * rate; "预算调整幅度未超年初预算数的10%" is a limit. Each belongs to the noun phrase it bounds.
 */
export function isLimit(s: string, f: FigureToken): boolean {
  // "10亿元以上重点项目" bounds a noun; "同比增长26.9%以上," states a figure.
  if (/^(\(含\))?的?(以上|以下|及以上|以内)的?[\u4e00-\u9fff“"]/.test(s.slice(f.unitEnd, f.unitEnd + 8))) return true;
  return s[f.unitEnd] === "/";
}

/** "预算调整幅度未超年初预算数的10%": a ceiling or floor a rule states (a figure, qualified as such). */
export function statedLimit(s: string, f: FigureToken): string | null {
  return /(未超过?|不超过|不低于|不高于)[^,;。:]{0,12}$/.exec(s.slice(Math.max(0, f.start - 14), f.start))?.[1] ?? null;
}

/** A limit, an approximate bound ("左右"), or money left over ("存在80.8万元结余收回"), which is not money spent. */
export function isThreshold(s: string, f: FigureToken): boolean {
  if (isLimit(s, f) || statedLimit(s, f) || /^(\(含\))?(以上|以下|及以上|以内|左右)/.test(s.slice(f.unitEnd, f.unitEnd + 6))) return true;
  return (f.unit === "万元" || f.unit === "元") && /^的?(结余|结转)/.test(s.slice(f.unitEnd, f.unitEnd + 4));
}

/** "党校培训学员总人次(1.5分)", "得分(20分*执行率)": the weight of an indicator in a 绩效 table, not a score. */
export function isWeight(s: string, f: FigureToken): boolean {
  return f.unit === "分" && s[f.start - 1] === "(" && /^[)*×xX]/.test(s[f.unitEnd] ?? "");
}

/** "13人次(不包括陪同人员:3人次)": a figure inside a "not including" aside is not the sentence's figure. */
export function inAside(s: string, f: FigureToken): boolean {
  const open = s.lastIndexOf("(", f.start);
  if (open < 0 || f.start - open > 20) return false;
  const close = s.indexOf(")", open);
  return (close < 0 || close > f.start) && /^\((不包括|不含|不计)/.test(s.slice(open, open + 4));
}


/**
 * The opening clause of a paragraph (its first words up to the first clause mark), as written:
 * what a paragraph of several sentences is about ("公共资源交易专项工作经费项目881.84万元。…全年
 * 完成项目交易总额1,533.56亿元"). Null when the paragraph has a single sentence.
 */
export function paragraphLead(text: string): string | null {
  const flat = text.replace(/\s+/g, "");
  const end = flat.search(/[。；;！!？?]/);
  if (end < 0 || end >= flat.length - 1) return null;
  const first = flat.slice(0, end);
  // A comma between digits is a thousands separator, not a clause mark.
  const clause = first.split(/[，：]|[,:](?!\d)/)[0] ?? "";
  return clause.length >= 2 ? clause : null;
}
