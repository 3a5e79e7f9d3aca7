/** Organisation words a short name of a body may be followed by ("东湖高新" + 管委会), longest first. */
export const ORG_WORDS: readonly string[] = ["管理委员会", "管委会", "委员会", "服务中心", "中心", "办公室", "局"];

/** Every start of `part` in `text` (none for an empty part). */
export function allIndexes(text: string, part: string): number[] {
  const out: number[] = [];
  if (!part) return out;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/** Levenshtein distance, cut off early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = 1): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
