/**
 * A plain header that is the template's own: when the header lines' value words, line by line,
 * are the template's canonical columns as printed (each level on its line, a group word once over
 * its span: "预算数 决算数" / "合计 因公出国(境)费 公务用车购置及运行维护费 公务接待费 合计 …" /
 * "小计 公务用车购置费 公务用车运行维护费 小计 …"), the columns are the canonical ones, whatever a
 * reading by word scores would make of a header of repeated words. So are they when OCR garbled the
 * header's words and the table has as many columns as the template's.
 */
import type { TableKind } from "./types.js";
import { canonicalColumns } from "./_kinds.js";
import { knownHeaderWord } from "./_header.js";
import { compact } from "./_lines.js";
import { LABEL_WORDS, SIDE_WORDS } from "./_plain-header-words.js";
import type { Slot } from "./_plain-choice.js";

const norm = (w: string): string => compact(w).normalize("NFKC");

/** The canonical print's words per level: a group word at the first column of its span. */
function printed(paths: readonly (readonly string[])[]): { word: string; column: number }[][] {
  const depth = Math.max(0, ...paths.map((p) => p.length));
  return Array.from({ length: depth }, (_, d) =>
    paths.flatMap((p, k) => {
      if (p.length <= d) return [];
      const head = p.slice(0, d + 1).join(">");
      const before = paths[k - 1];
      return before && before.slice(0, d + 1).join(">") === head ? [] : [{ word: p[d] ?? "", column: k }];
    }),
  );
}

/**
 * When the header is the template's print for a one-sided kind, writes the print's words into the
 * header rows of `out` (value cells only) and returns the canonical paths; else null.
 */
export function templateHeader(header: readonly (readonly string[])[], slots: readonly Slot[], out: (string[] | null)[], kind: TableKind, read: readonly (readonly string[])[]): string[][] | null {
  const valueSlots = slots.flatMap((s, k) => (s.type === "value" ? [k] : []));
  const paths = canonicalColumns(kind, null);
  if (!paths || paths.length !== valueSlots.length || paths.every((p) => p.length === 1)) return null;
  const lines = header.map((t) => t.filter((w) => !LABEL_WORDS.test(compact(w)) && !SIDE_WORDS.test(compact(w))).map(norm));
  const levels = printed(paths);
  const withWords = lines.flatMap((l, h) => (l.length > 0 ? [h] : []));
  const same = withWords.length === levels.length && withWords.every((h, d) => (lines[h] ?? []).join("") === (levels[d] ?? []).map((x) => norm(x.word)).join(""));
  // A header OCR garbled ("公务月 用车购置及记", "合订") reads as the template's when it has as many
  // columns, as the OCR form's columns are read.
  const garbled = read.some((p) => p.length === 0 || p.some((w) => !knownHeaderWord(w) && !/^其中/.test(w)));
  if (!same && !garbled) return null;
  const rows = withWords.slice(-levels.length);
  if (rows.length < levels.length) return paths.map((p) => [...p]);
  rows.forEach((h, d) => {
    const row = out[h];
    if (!row) return;
    for (const s of valueSlots) row[s] = "";
    for (const { word, column } of levels[d] ?? []) row[valueSlots[column] ?? 0] = word;
  });
  return paths.map((p) => [...p]);
}
