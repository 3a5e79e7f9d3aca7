/**
 * 科目编码 as the document means them. OCR repeats or truncates codes ("21508 / 行政运行" in 001
 * 公开02, "221020 / 提租补贴", 购房补贴 printed as 2210202 where the other tables say 2210203);
 * a code that is repeated, malformed or contradicted by the other tables is replaced by the code
 * the other tables give the same label under the same 款, or dropped.
 */
import type { Disclosure, TableRow } from "../parse/types.js";
import { classCode } from "./_classes.js";
import { normLabel } from "./_text.js";

/** The trusted code of every table row of a disclosure (null when none can be trusted). */
export function rowCodes(doc: Disclosure): Map<TableRow, string | null> {
  const out = new Map<TableRow, string | null>();
  const all: { row: TableRow; table: number; label: string }[] = [];
  doc.tables.forEach((t, ti) => {
    for (const p of t.parts) for (const r of p.rows) all.push({ row: r, table: ti, label: normLabel(r.label) });
  });
  const functional = (c: string | null): boolean => c !== null && /^2\d+$/.test(c);
  doc.tables.forEach((t, ti) => {
    for (const p of t.parts) {
      const counts = new Map<string, number>();
      for (const r of p.rows) if (r.code) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
      for (const r of p.rows) {
        const label = normLabel(r.label);
        if (!r.code) {
          out.set(r, label ? classCode(label) : null);
          continue;
        }
        if (!functional(r.code)) {
          out.set(r, (counts.get(r.code) ?? 0) > 1 ? null : r.code);
          continue;
        }
        const elsewhere = all.filter((e) => e.table !== ti && functional(e.row.code));
        const sameLabel = (e: { label: string }): boolean => e.label === label || (label.length >= 6 && (e.label.startsWith(label) || label.startsWith(e.label)) && e.label.length >= 6);
        const byLabel = (prefix: string): string | null => {
          const codes = new Set(elsewhere.filter((e) => sameLabel(e) && (e.row.code ?? "").startsWith(prefix)).map((e) => e.row.code as string));
          return codes.size === 1 ? ([...codes][0] ?? null) : null;
        };
        const wellFormed = [3, 5, 7].includes(r.code.length) && (counts.get(r.code) ?? 0) === 1;
        if (!wellFormed) {
          out.set(r, byLabel(r.code.slice(0, Math.min(5, r.code.length))) ?? (r.code.length === 3 ? r.code : classCode(label)));
          continue;
        }
        // A well-formed code the other tables give to another label, while they give this label another code.
        const clash = elsewhere.some((e) => e.row.code === r.code && e.label && !sameLabel(e));
        if (clash && r.code.length === 7) {
          const other = byLabel(r.code.slice(0, 5));
          if (other && other !== r.code) {
            out.set(r, other);
            continue;
          }
        }
        out.set(r, r.code);
      }
    }
  });
  return out;
}
