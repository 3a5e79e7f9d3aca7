import { Decimal } from "../core/money.js";
import type { Fact } from "../facts/types.js";
import { contentMask, descriptorsOf, tableCovers } from "../link/index.js";
import { norm } from "./_text.js";

/** Which rows a ranking within one disclosure runs over. */
export interface MemberQuery {
  /** The row whose children are ranked ("商品和服务支出"), when one is named and found. */
  readonly container: Fact | null;
  /** Code length of the rows ranked (3 类, 5 款, 7 项), "leaf" for the most detailed rows, null for the level below the container. */
  readonly level: 3 | 5 | 7 | "leaf" | null;
  /** The question's words, for a table it names. */
  readonly subject: string;
}

/** The table titles of a pool a question names, and where it names them (each title tried once). */
export function namedTables(pool: readonly Fact[], subject: string): { titles: Set<string>; spans: { start: number; end: number }[] } {
  const mask = contentMask(subject);
  const titles = new Set<string>();
  const spans: { start: number; end: number }[] = [];
  const all = new Set(descriptorsOf(pool).flatMap((d) => d.labels.filter((l) => l.role === "table").map((l) => l.text)));
  for (const title of all) {
    const covers = tableCovers(subject, title, mask);
    if (covers.length === 0) continue;
    titles.add(title);
    spans.push(...covers);
  }
  return { titles, spans };
}

/**
 * The rows of one table a ranking within a disclosure compares: the children of the container row
 * (same table, same column, codes under its code), or every row of a classification level in the
 * table the question names (else the first table holding that level), each row once.
 */
export function membersOf(pool: readonly Fact[], q: MemberQuery): Fact[] {
  const ds = descriptorsOf(pool).filter((d) => d.fact.source.kind === "table" && d.fact.code !== null);
  const c = q.container;
  if (c && c.source.kind === "table" && c.code) {
    const table = c.source.table;
    const column = c.source.column.join(">");
    const code = c.code;
    const under = ds
      .map((d) => d.fact)
      .filter((f) => f.source.kind === "table" && f.source.table === table && f.source.column.join(">") === column && f.code !== null && f.code.startsWith(code) && f.code.length > code.length);
    return pickLevel(under, q.level);
  }
  if (q.level === null) return [];
  // No container: the level's rows in the table named, else in the first table that has them.
  const { titles } = namedTables(pool, q.subject);
  const named = ds.filter((d) => d.labels.some((l) => l.role === "table" && titles.has(l.text)));
  const from = (named.length > 0 ? named : ds).filter((d) => d.headline);
  const tables = [...new Set(from.map((d) => (d.fact.source.kind === "table" ? d.fact.source.table : "")))];
  for (const t of tables) {
    const rows = pickLevel(
      from.filter((d) => d.fact.source.kind === "table" && d.fact.source.table === t).map((d) => d.fact),
      q.level,
    );
    if (rows.length >= 2) return rows;
  }
  return [];
}

function pickLevel(rows: readonly Fact[], level: MemberQuery["level"]): Fact[] {
  const unique = distinctCodes(rows);
  if (unique.length === 0) return [];
  const lengths = unique.map((f) => f.code?.length ?? 0);
  if (level === "leaf") return unique.filter((f) => !unique.some((g) => g !== f && (g.code ?? "").startsWith(f.code ?? "") && (g.code ?? "").length > (f.code ?? "").length));
  const want = level ?? Math.min(...lengths);
  return unique.filter((f) => f.code?.length === want);
}

function distinctCodes(rows: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  return rows.filter((f) => {
    const k = f.code ?? norm(f.subject);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Members ordered by value (largest first, or smallest when ascending); ties keep document order. */
export function ranked(members: readonly Fact[], ascending: boolean): Fact[] {
  return [...members].sort((a, b) => {
    const d = new Decimal(b.value).cmp(new Decimal(a.value));
    return ascending ? -d : d;
  });
}
