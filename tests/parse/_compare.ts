import type { Disclosure, Table, TableRow } from "../../src/parse/index.js";
import { compact } from "../../src/parse/_lines.js";

/** One difference between two parses of the same disclosure (TAB form vs layout form). */
export interface TableDiff {
  readonly table: string;
  readonly what: string;
}

function name(t: Table): string {
  return `${t.number ?? "(no number)"} ${t.kind} L${t.line}`;
}

function rowKey(r: TableRow): string {
  return `L${r.line} ${r.code ?? "-"} ${r.label}`;
}

function cellText(r: TableRow, column: number): string {
  const c = r.cells.find((x) => x.column === column);
  if (!c) return "";
  // A crumb of punctuation ("-", "ĺ") may fall in a neighbouring empty column of a layout line.
  const text = compact(c.raw);
  return c.value ?? c.candidate ?? (/[\p{L}\p{N}]{2}|\p{Script=Han}/u.test(text) ? text : "");
}

/** Table-by-table differences: numbers, kinds, lines, parts, column paths, rows, codes, labels and cells. */
export function compareTables(a: Disclosure, b: Disclosure): TableDiff[] {
  const diffs: TableDiff[] = [];
  const n = Math.max(a.tables.length, b.tables.length);
  for (let i = 0; i < n; i++) {
    const ta = a.tables[i];
    const tb = b.tables[i];
    if (!ta || !tb) {
      diffs.push({ table: ta ? name(ta) : tb ? name(tb) : "?", what: ta ? "missing in layout" : "extra in layout" });
      continue;
    }
    const t = name(ta);
    const head = (x: Table): string => `${x.number} ${x.kind} ${x.title} ${x.unit} L${x.line}-${x.lineEnd}`;
    if (head(ta) !== head(tb)) diffs.push({ table: t, what: `table ${head(ta)} vs ${head(tb)}` });
    const parts = Math.max(ta.parts.length, tb.parts.length);
    for (let p = 0; p < parts; p++) {
      const pa = ta.parts[p];
      const pb = tb.parts[p];
      if (!pa || !pb || pa.name !== pb.name) {
        diffs.push({ table: t, what: `part ${p}: ${pa?.name ?? "none"} vs ${pb?.name ?? "none"}` });
        continue;
      }
      const where = pa.name ?? "table";
      // Tables outside the template are read position by position ("第N列"); a column empty in
      // every line of a layout block leaves no trace, so only their filled cells are compared.
      const generic = ta.kind === "other" || ta.kind === "绩效自评表";
      const cols = (x: typeof pa): string => x.columns.map((c) => `${c.path.join(">")}(${c.lineNo ?? ""})`).join(" | ");
      if (!generic && cols(pa) !== cols(pb)) diffs.push({ table: t, what: `${where} columns: ${cols(pa)} vs ${cols(pb)}` });
      const byLine = (x: typeof pa): Map<string, TableRow> => new Map(x.rows.map((r) => [`${r.line}|${r.code ?? ""}|${r.label}`, r]));
      const ra = byLine(pa);
      const rb = byLine(pb);
      for (const [k, r] of ra) if (!rb.has(k)) diffs.push({ table: t, what: `${where} row only in TAB form: ${rowKey(r)} [${r.cells.map((_, c) => cellText(r, c)).join("|")}]` });
      for (const [k, r] of rb) if (!ra.has(k)) diffs.push({ table: t, what: `${where} row only in layout form: ${rowKey(r)} [${r.cells.map((_, c) => cellText(r, c)).join("|")}]` });
      for (const [k, r] of ra) {
        const s = rb.get(k);
        if (!s) continue;
        const width = Math.max(pa.columns.length, r.cells.length, s.cells.length);
        const texts = (x: TableRow): string[] => Array.from({ length: width }, (_, c) => cellText(x, c)).filter((c) => !generic || c !== "");
        const va = texts(r).join("|");
        const vb = texts(s).join("|");
        if (va !== vb) diffs.push({ table: t, what: `${where} ${rowKey(r)} cells [${va}] vs [${vb}]` });
        const meta = (x: TableRow): string => `${x.rowNo ?? "-"} ${x.codeLevel ?? "-"} ${compact(x.rawLabel)}`;
        if (meta(r) !== meta(s)) diffs.push({ table: t, what: `${where} ${rowKey(r)} row ${meta(r)} vs ${meta(s)}` });
      }
    }
  }
  return diffs;
}

/** Every figure of the template tables, keyed by table kind, part, row (code + label) and column path. */
export function figureCells(d: Disclosure, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of d.tables) {
    if (t.kind === "other" || t.kind === "绩效自评表" || skip.has(t.kind)) continue;
    for (const p of t.parts)
      for (const r of p.rows)
        for (const c of r.cells) {
          const v = c.value ?? c.candidate;
          if (v !== null) out.set(`${t.kind}|${p.name ?? ""}|${r.code ?? ""}|${r.label}|${p.columns[c.column]?.path.join(">") ?? c.column}`, v);
        }
  }
  return out;
}

/** Keys whose figures differ between two readings ("key: a vs b", "-" for a missing figure). */
export function figureDisagreements(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k) ?? "-"} vs ${b.get(k) ?? "-"}`);
}
