/** Test helper: builds a parser-like paragraph from consecutive source lines (soft breaks joined). */
export function paragraphOf(
  lines: readonly string[],
  firstLine: number,
  sectionPath: readonly string[] = [],
): { text: string; line: number; lineEnd: number; lineMap: { offset: number; line: number }[]; sectionPath: readonly string[] } {
  let text = "";
  const lineMap: { offset: number; line: number }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === "") return;
    lineMap.push({ offset: text.length, line: firstLine + i });
    text += l.trim();
  });
  return { text, line: firstLine, lineEnd: firstLine + lines.length - 1, lineMap, sectionPath };
}
