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
  return t.length > 0 && t.length <= max && !/[。；;！!？?]/.test(t) && !/[,，]/.test(t.slice(0, -1)) && !/\d+(?:\.\d+)?(?:万元|元|%)/.test(t);
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
  for (let i = 0; i < lines.length; i++) {
    if (excluded(i) || (lines[i] ?? "").includes("\t")) continue;
    const text = cleanLine(lines[i] ?? "");
    const m = match(text);
    if (!m) continue;
    const consumed: number[] = [];
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
