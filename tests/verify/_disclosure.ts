/** Test helper: small hand-built disclosures (tables and paragraphs) for facts and verify tests. */
import type { Cell, Disclosure, OcrFlag, Paragraph, Table, TableKind, TablePart, TableRow } from "../../src/parse/types.js";

/** A cell as written: "1,099.07", "2.432.62" (separator misread), "1,099.0!" (flagged truncated), "" empty. */
export function cell(column: number, written: string): Cell {
  const raw = written.replace(/!$/, "");
  const flags: OcrFlag[] = [];
  let value: string | null = null;
  let candidate: string | null = null;
  const sep = /^(\d{1,3})((?:\.\d{3})+)\.(\d{2})$/.exec(raw);
  if (raw === "") value = null;
  else if (sep) {
    candidate = `${sep[1]}${(sep[2] ?? "").replace(/\./g, "")}.${sep[3]}`;
    flags.push({ kind: "separator_misread", note: "test" });
  } else {
    value = raw.replace(/,/g, "");
    if (written.endsWith("!")) flags.push({ kind: "truncated", note: "test" });
  }
  return { column, raw, value, candidate, flags };
}

export interface RowSpec {
  readonly line: number;
  readonly code?: string;
  readonly label: string;
  readonly rawLabel?: string;
  readonly cells: readonly string[];
}

export function part(name: string | null, columns: readonly (readonly string[])[], rows: readonly RowSpec[]): TablePart {
  return {
    name,
    columns: columns.map((path, index) => ({ index, path, lineNo: null })),
    rows: rows.map(
      (r): TableRow => ({
        line: r.line,
        code: r.code ?? null,
        codeLevel: r.code ? (r.code.length === 3 ? "类" : r.code.length === 5 ? "款" : "项") : null,
        label: r.label,
        rawLabel: r.rawLabel ?? r.label,
        rowNo: null,
        cells: r.cells.map((c, i) => cell(i, c)),
        flags: [],
      }),
    ),
  };
}

export function table(number: string, kind: TableKind, title: string, parts: readonly TablePart[]): Table {
  const lines = parts.flatMap((p) => p.rows.map((r) => r.line));
  return { id: number, number, kind, title, unit: "万元", departmentLine: null, line: Math.min(...lines) - 2, lineEnd: Math.max(...lines), parts, flags: [] };
}

export function paragraph(line: number, text: string, section: string): Paragraph {
  return { id: `p${line}`, text, line, lineEnd: line, sectionPath: ["第三部分 情况说明", section], lineMap: [{ offset: 0, line }] };
}

export function disclosure(tables: readonly Table[], paragraphs: readonly Paragraph[] = [], id = "test-doc"): Disclosure {
  const last = Math.max(10, ...tables.map((t) => t.lineEnd), ...paragraphs.map((p) => p.lineEnd));
  return {
    id,
    file: `corpus/${id}.txt`,
    sha256: "0".repeat(64),
    meta: { title: null, department: "测试局", year: 2024, kind: "部门决算", unit: "万元", publishedOn: null },
    lines: Array.from({ length: last }, () => ""),
    sections: [],
    tables,
    paragraphs,
    toc: null,
  };
}

/** 公开09表 with one data row: 预算 six columns then 决算 six columns. */
export function sangong(line: number, budget: readonly string[], actual: readonly string[]): Table {
  const leaves = [["合计"], ["因公出国(境)费"], ["公务用车购置及运行维护费", "小计"], ["公务用车购置及运行维护费", "公务用车购置费"], ["公务用车购置及运行维护费", "公务用车运行维护费"], ["公务接待费"]];
  const columns = [...leaves.map((l) => ["预算数", ...l]), ...leaves.map((l) => ["决算数", ...l])];
  return table("公开09表", "三公经费支出决算表", "2024年度财政拨款“三公”经费支出决算表", [part(null, columns, [{ line, label: "", cells: [...budget, ...actual] }])]);
}
