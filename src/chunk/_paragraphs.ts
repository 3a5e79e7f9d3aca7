import type { Disclosure, Paragraph } from "../parse/types.js";
import type { Chunk, ChunkIdentity } from "./index.js";
import { lineAt, MAX_CHARS, MIN_CHARS, splitSpans } from "./_text.js";

// A numbered item ("9.卫生健康支出…", "（二）…", "(3)…", "十、…") starts a new chunk after a finished
// sentence even when the previous item is short: one item per chunk keeps each one findable.
const LIST_ITEM = /^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;
const SENTENCE_DONE = /[。；;！!？?]\s*$/;
const TOP_ITEM = /^\d+[.、．]/;
const REPORT_TITLE = /^(.{4,60}?(?:绩效自评表|自评表|自评结果|自评报告|绩效评价报告))/;
const SUB_ITEM = /^[（(]\d+[)）]/;

/** A piece of narrative on its way to becoming a chunk. */
interface Piece {
  readonly text: string;
  readonly line: number;
  readonly lineEnd: number;
  readonly path: readonly string[];
}

/** True for headings of the 名词解释 part, whose entries become one chunk each. */
export function isGlossaryPath(path: readonly string[]): boolean {
  return path.some((h) => h.includes("名词解释"));
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Splits a paragraph at sentence ends into pieces of at most MAX_CHARS, each with its own line range. */
function piecesOf(p: Paragraph): Piece[] {
  return splitSpans(p.text).map((s) => ({
    text: p.text.slice(s.start, s.end).trim(),
    line: lineAt(p, s.start),
    lineEnd: lineAt(p, Math.max(s.start, s.end - 1)),
    path: p.sectionPath,
  }));
}

/** The words of a section path put into a chunk's text: the last two headings, which name the topic. */
export function pathLabel(path: readonly string[]): string {
  const last = path.slice(-2);
  // "第三部分 武汉市经济和信息化局2024年度部门决算情况说明" restates department and year (already in
  // the chunk's text) at ~25 tokens per chunk; a deeper heading says what the passage is about.
  return (last.length > 1 ? last.filter((h) => !PART_HEADING.test(h)) : last).join(" ");
}

const PART_HEADING = /^第[一二三四五六七八九十\d]+部分/;

/** Narrative and glossary chunks of one disclosure, in document order. */
export function paragraphChunks(doc: Disclosure, id: ChunkIdentity): Chunk[] {
  const toc = doc.toc;
  const paragraphs = doc.paragraphs.filter(
    (p) => p.text.trim().length > 0 && !(toc && p.line >= toc.line && p.lineEnd <= toc.lineEnd),
  );
  const tableLines = doc.tables.map((t) => [t.line, t.lineEnd] as const);
  const tableBetween = (a: number, b: number): boolean => tableLines.some(([s, e]) => s > a && e < b);

  const out: Chunk[] = [];
  const prefix = `${id.department} ${id.year}年`;
  // Text inside a table (a 绩效自评表 read as prose) is about what the table's title names: "…低空共享
  // 无人机应用示范区建设项目自评表" says which project a row like "偏差大或目标未完成原因分析…" concerns.
  const titleAt = (line: number): string => {
    const t = doc.tables.find((x) => x.line <= line && line <= x.lineEnd);
    return t ? t.title.replace(/\s+/g, "") : "";
  };
  // Self-evaluation reports in the 附件 repeat the same headings ("一、自评结论") for every project: the
  // report's own title line ("2023年度…示范区建设项目自评表…") says which project the text is about.
  let report = "";
  const reportOf = (piece: Piece): string => {
    const m = REPORT_TITLE.exec(piece.text.replace(/\s+/g, ""));
    if (m?.[1]) report = m[1];
    return report;
  };
  // "（2）发现的问题及原因：…" under "3、党校项目绩效自评综述：…": the sub-item is about its parent item.
  let parent: { path: readonly string[]; label: string } | null = null;
  const parentOf = (piece: Piece): string => {
    if (TOP_ITEM.test(piece.text)) parent = { path: piece.path, label: piece.text.split(/[：:，,。]/)[0]?.slice(0, 40) ?? "" };
    else if (parent && !samePath(parent.path, piece.path)) parent = null;
    return parent && SUB_ITEM.test(piece.text) ? parent.label : "";
  };
  const emit = (kind: "paragraph" | "definition", pieces: readonly Piece[]): void => {
    const first = pieces[0];
    const lastPiece = pieces[pieces.length - 1];
    if (!first || !lastPiece) return;
    const quote = pieces.map((x) => x.text).join("\n");
    const label =
      kind === "definition" ? "名词解释" : [pathLabel(first.path), titleAt(first.line) || reportOf(first), parentOf(first)].filter((x) => x.length > 0).join(" ");
    out.push({
      id: `${doc.id}:${kind === "definition" ? "d" : "p"}${out.length}`,
      doc: doc.id,
      file: doc.file,
      department: id.department,
      year: id.year,
      kind,
      text: [prefix, label, quote.replace(/\n/g, " ")].filter((s) => s.length > 0).join(" "),
      quote,
      line: first.line,
      lineEnd: lastPiece.lineEnd,
      table: null,
      section: first.path.length > 0 ? first.path.join(" > ") : null,
    });
  };

  let group: Piece[] = [];
  let groupLen = 0;
  const flush = (): void => {
    if (group.length > 0) emit("paragraph", group);
    group = [];
    groupLen = 0;
  };
  for (const p of paragraphs) {
    if (isGlossaryPath(p.sectionPath)) {
      flush();
      for (const piece of piecesOf(p)) emit("definition", [piece]);
      continue;
    }
    const pieces = piecesOf(p);
    if (pieces.length > 1) {
      flush();
      for (const piece of pieces) emit("paragraph", [piece]);
      continue;
    }
    const piece = pieces[0];
    if (!piece) continue;
    const prev = group[group.length - 1];
    // Fragments (a lead-in like "其中:", a sub-heading the parser kept as text) are merged into what
    // follows; a paragraph of MIN_CHARS or more stands alone, since list items merged together
    // ("4.发改局业务经费…" + "5.财政局业务经费…") blur each other's ranking.
    const fits =
      prev !== undefined &&
      groupLen < MIN_CHARS &&
      samePath(prev.path, piece.path) &&
      groupLen + 1 + piece.text.length <= MAX_CHARS &&
      !(LIST_ITEM.test(piece.text) && SENTENCE_DONE.test(prev.text));
    if (prev !== undefined && (!fits || tableBetween(prev.lineEnd, piece.line))) flush();
    group.push(piece);
    groupLen += (group.length > 1 ? 1 : 0) + piece.text.length;
  }
  flush();
  return out;
}
