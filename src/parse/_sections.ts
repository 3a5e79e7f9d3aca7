/**
 * Headings and their hierarchy: 第N部分 → 一、 → (一) → 1., each with its 1-based inclusive line
 * range. Headings OCR split over lines ("第二部分 … 2022 年度" / "部门决算表") are joined.
 */
import type { Section, SectionLevel } from "./types.js";
import { cleanLine, compact, isBlank, repairSpaces } from "./_lines.js";

interface Heading {
  readonly level: SectionLevel;
  readonly marker: string;
  readonly title: string;
  /** 0-based line of the heading and of any continuation lines it consumed. */
  readonly index: number;
  readonly consumed: readonly number[];
}

const L1 = /^(第[一二三四五六七八九十]+部分)\s*(.*)$/;
const L2 = /^([一二三四五六七八九十]+、)\s*(.*)$/;
const L3 = /^([(（][一二三四五六七八九十]+[)）])\s*(.*)$/;
const L4 = /^(\d{1,2}[.、．])(?!\d)\s*(.*)$/;

// Headings are short and carry no sentence punctuation or figures of a narrative sentence.
function headingLike(title: string, max: number): boolean {
  const t = compact(title);
  return (
    t.length > 0 &&
    t.length <= max &&
    !/[。；;！!？?]/.test(t) &&
    !/[,，]/.test(t.slice(0, -1)) &&
    !/\d+(?:\.\d+)?(?:万元|元|%)/.test(t) &&
    // "(一)一般公共预算财政拨款收入：指…" is a definition; "（一）…（二）…" a run-on list.
    !/[:：]./.test(t) &&
    !/[(（][一二三四五六七八九十]+[)）]/.test(t)
  );
}

/**
 * The width OCR wrapped narrative lines at (003 wraps every ~30 characters), or Infinity when
 * the text keeps one paragraph per line. A heading candidate this long may be a wrapped sentence.
 */
function wrapWidth(lines: readonly string[]): number {
  const lens = lines
    .filter((l) => !l.includes("\t"))
    .map((l) => compact(cleanLine(l)))
    .filter((t) => t.length >= 15);
  const open = lens.filter((t) => !/[。；;：:！!？?]$/.test(t)).map((t) => t.length).sort((a, b) => a - b);
  if (lens.length < 20 || open.length < lens.length * 0.5) return Infinity;
  return open[Math.floor(open.length / 2)] ?? Infinity;
}

function match(text: string): { level: SectionLevel; marker: string; title: string } | null {
  let m = L1.exec(text);
  if (m) return { level: 1, marker: m[1] ?? "", title: m[2] ?? "" };
  m = L2.exec(text);
  if (m && headingLike(m[2] ?? "", 40)) return { level: 2, marker: m[1] ?? "", title: m[2] ?? "" };
  m = L3.exec(text);
  if (m && headingLike(m[2] ?? "", 40)) return { level: 3, marker: m[1] ?? "", title: m[2] ?? "" };
  m = L4.exec(text);
  if (m && headingLike(m[2] ?? "", 30) && !/[:：]/.test(m[2] ?? "")) return { level: 4, marker: m[1] ?? "", title: m[2] ?? "" };
  return null;
}

/** Finds headings outside `excluded` lines (TOC, tables) and builds the section tree. */
export function findSections(lines: readonly string[], excluded: (i: number) => boolean): { sections: Section[]; headingLines: Set<number> } {
  const headings: Heading[] = [];
  const width = wrapWidth(lines);
  for (let i = 0; i < lines.length; i++) {
    if (excluded(i) || (lines[i] ?? "").includes("\t")) continue;
    const text = cleanLine(lines[i] ?? "");
    let m = match(text);
    if (!m) continue;
    const consumed: number[] = [];
    if (m.level > 1 && compact(text).length >= width - 2) {
      // Wrapped: "2. 一般公共服务支出(类)政府办公室及相关机构事务(款)" / "一般行政运行(项)。年初预算为…"
      // is a sentence; "二、2022 年度…整体绩效自评结" / "果（缩略版）" a heading.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      const next = cleanLine(lines[j] ?? "");
      if (j < lines.length && !excluded(j) && !match(next) && !/^[-*]\s/.test(lines[j] ?? "")) {
        m = match(`${text}${next}`);
        if (!m) continue;
        consumed.push(j);
      }
    }
    let title = m.title.trim();
    if (m.level === 1) {
      // "第二部分  武汉市东西湖区商务局 2022 年度" / "" / "部门决算表" (003).
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j++;
      const next = cleanLine(lines[j] ?? "");
      if (j < lines.length && !excluded(j) && /年度$/.test(compact(title)) && compact(next).length <= 16 && !match(next)) {
        title = `${title}${next}`;
        consumed.push(j);
      }
    }
    headings.push({ level: m.level, marker: m.marker, title: repairSpaces(title), index: i, consumed });
  }
  // "1.武汉市东西湖区商务局(本级)" / "2.…" with nothing between them is a list, not headings.
  const kept = headings.filter((h, k) => {
    if (h.level !== 4) return true;
    const prev = headings[k - 1];
    const next = headings[k + 1];
    const adjacent = (a: Heading | undefined, b: Heading | undefined) =>
      a !== undefined && b !== undefined && a.level === 4 && b.level === 4 && onlyBlankBetween(lines, a.index, b.index);
    return !adjacent(prev, h) && !adjacent(h, next);
  });
  const sections: Section[] = [];
  const stack: { level: SectionLevel; text: string }[] = [];
  const lastLine = lastNonBlank(lines);
  kept.forEach((h, k) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= h.level) stack.pop();
    const text = h.level === 1 ? `${h.marker} ${h.title}` : `${h.marker}${h.title}`;
    stack.push({ level: h.level, text });
    const nextSame = kept.slice(k + 1).find((o) => o.level <= h.level);
    let end = nextSame ? nextSame.index - 1 : lastLine;
    while (end > h.index && isBlank(lines[end])) end--;
    sections.push({
      id: `s${sections.length + 1}`,
      level: h.level,
      marker: h.marker,
      title: h.title,
      path: stack.map((s) => s.text),
      line: h.index + 1,
      lineEnd: end + 1,
    });
  });
  const headingLines = new Set<number>(kept.flatMap((h) => [h.index, ...h.consumed]));
  return { sections, headingLines };
}

function onlyBlankBetween(lines: readonly string[], a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!isBlank(lines[i])) return false;
  return true;
}

function lastNonBlank(lines: readonly string[]): number {
  let i = lines.length - 1;
  while (i > 0 && isBlank(lines[i])) i--;
  return i;
}
