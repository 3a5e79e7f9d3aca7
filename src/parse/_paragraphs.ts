/**
 * Narrative paragraphs with soft line breaks repaired. 003 breaks sentences every line with blank
 * lines between ("…均为 12232.34 万元。与 2021 年度相" / "" / "比，收、支总计各增加…"); 001 breaks
 * words with a space ("机 关事业单位"). A line that does not end a sentence continues into the next
 * non-empty line; `lineMap` keeps every offset's original line.
 */
import type { Paragraph, Section } from "./types.js";
import { cleanLine, isBlank, repairSpaces } from "./_lines.js";

const SENTENCE_END = /[。！？；：!?;:]$/;
// A line that starts a new item: "- ", "1.", "（一）", "一、", "注：", "图 1".
const ITEM_START = /^(?:\d{1,2}[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]+、|注\s*[:：]|图\s*\d)/;

interface Piece {
  readonly text: string;
  readonly line: number;
}

/** Builds paragraphs from the lines outside `excluded` (TOC, template tables, headings). */
export function findParagraphs(lines: readonly string[], excluded: (i: number) => boolean, sections: readonly Section[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Piece[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    paragraphs.push(makeParagraph(`p${paragraphs.length + 1}`, current, sections));
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (excluded(i)) {
      flush();
      continue;
    }
    if (isBlank(raw)) continue;
    // A cell line outside the template tables (绩效自评表 rows): one paragraph, cells joined by spaces.
    if (raw.includes("\t")) {
      flush();
      const text = raw.split("\t").map((c) => repairSpaces(cleanLine(c))).filter((c) => c !== "").join(" ");
      if (text !== "") current = [{ text, line: i + 1 }];
      flush();
      continue;
    }
    const text = repairSpaces(cleanLine(raw));
    if (text === "") continue;
    const listItem = /^\s*(?:[-*+]\s|#{1,6}\s)/.test(raw);
    const prev = current[current.length - 1];
    // "…总额 15,346.40 万元，其中：" runs on into its parts unless they start items of their own.
    const runsOn = prev !== undefined && /其中[：:]$/.test(prev.text);
    if (prev && ((SENTENCE_END.test(prev.text) && !runsOn) || listItem || ITEM_START.test(text))) flush();
    current.push({ text, line: i + 1 });
  }
  flush();
  return paragraphs;
}

function makeParagraph(id: string, pieces: readonly Piece[], sections: readonly Section[]): Paragraph {
  let text = "";
  const lineMap: { offset: number; line: number }[] = [];
  for (const p of pieces) {
    // Latin words broken across lines keep a space; CJK text and numbers join directly.
    const sep = text !== "" && /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(p.text) ? " " : "";
    text += sep;
    lineMap.push({ offset: text.length, line: p.line });
    text += p.text;
  }
  const first = pieces[0]?.line ?? 0;
  const last = pieces[pieces.length - 1]?.line ?? first;
  return { id, text, line: first, lineEnd: last, sectionPath: sectionPathAt(sections, first), lineMap };
}

/** The path of the deepest section governing a 1-based line, or []. */
export function sectionPathAt(sections: readonly Section[], line: number): readonly string[] {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.line <= line && line <= s.lineEnd && (best === null || s.level >= best.level)) best = s;
  }
  return best ? best.path : [];
}

/** The original 1-based line holding a paragraph's text offset. */
export function lineAtOffset(p: Paragraph, offset: number): number {
  let line = p.line;
  for (const e of p.lineMap) {
    if (e.offset <= offset) line = e.line;
    else break;
  }
  return line;
}
