import type { Unit } from "../core/money.js";

/** What the document says about itself (parsed from its own text, never from the manifest). */
export interface DocumentMeta {
  /** The title line(s), e.g. "2024 年度武汉市经济和信息化局 部门决算公开". */
  readonly title: string | null;
  /** Department / unit name as the document states it. */
  readonly department: string | null;
  /** The budget year the disclosure covers. */
  readonly year: number | null;
  readonly kind: "部门决算" | "单位决算" | null;
  /** The money unit most tables declare. */
  readonly unit: "万元" | "元" | null;
  /** Publication date as written, when present. */
  readonly publishedOn: string | null;
}

/** Section levels: 1 = 第N部分, 2 = 一、, 3 = (一), 4 = 1. */
export type SectionLevel = 1 | 2 | 3 | 4;

/** A heading and the 1-based, inclusive line range it governs. */
export interface Section {
  readonly id: string;
  readonly level: SectionLevel;
  /** The numbering as written: "第三部分", "九、", "(二)", "1.". */
  readonly marker: string;
  /** Heading text without the marker, e.g. "财政拨款“三公”经费支出决算情况说明". */
  readonly title: string;
  /** Full headings from the top level down, e.g. ["第三部分 …情况说明", "九、财政拨款…"]. */
  readonly path: readonly string[];
  readonly line: number;
  readonly lineEnd: number;
}

/** A narrative paragraph with soft line breaks repaired. */
export interface Paragraph {
  readonly id: string;
  /** Text with soft breaks joined (no spurious spaces inside words or numbers). */
  readonly text: string;
  readonly line: number;
  readonly lineEnd: number;
  /** Headings governing the paragraph (as in `Section.path`). */
  readonly sectionPath: readonly string[];
  /** Maps text offsets back to original lines: entry i covers text from `offset` up to the next entry. */
  readonly lineMap: readonly { readonly offset: number; readonly line: number }[];
}

/** Kinds of OCR damage the parser recognises in a cell or line. */
export type OcrFlagKind =
  /** "2.432.62", "16.179.00": a thousands separator read as a decimal point. */
  | "separator_misread"
  /** "1,099.0", "101.6", "113,311.4": a decimal cut short (one fraction digit where the table uses two). */
  | "truncated"
  /** A header or cell of OCR garbage ("HP11. EQU", "合订"). */
  | "garbled"
  /** `<u>`, `<del>`, `<b>` and similar markup crumbs. */
  | "markup_crumb"
  /** A 科目编码 split across cells ("206049	9", "21110	)"). */
  | "split_code"
  /** Digits or text that do not form a number ("1,2.3", "ス"). */
  | "unparsable";

/** One recognised sign of OCR damage, with a human-readable note. */
export interface OcrFlag {
  readonly kind: OcrFlagKind;
  readonly note: string;
}

/** A table column, addressed by its header path from the top header row down. */
export interface Column {
  readonly index: number;
  /** e.g. ["决算数", "公务用车购置及运行维护费", "公务用车运行维护费"] or ["本年支出", "基本支出"]. */
  readonly path: readonly string[];
  /** The 栏次 number when the table prints one. */
  readonly lineNo: string | null;
}

/** One body cell: the raw text as written, the parsed figure, and any damage flags. */
export interface Cell {
  /** Index into the part's `columns`. */
  readonly column: number;
  readonly raw: string;
  /** Plain decimal string ("2432.62" only when unambiguous), null for empty or unparsable cells. */
  readonly value: string | null;
  /** Best reading of a damaged cell ("2.432.62" → "2432.62"), to be confirmed by verification. */
  readonly candidate: string | null;
  readonly flags: readonly OcrFlag[];
}

/** A table body row. */
export interface TableRow {
  readonly line: number;
  /** 科目编码 digits joined (split cells repaired), e.g. "2080505"; null when the row has none. */
  readonly code: string | null;
  readonly codeLevel: "类" | "款" | "项" | "经济分类" | null;
  /** 科目名称 or 项目 label as written, markup and numbering removed, e.g. "公务接待费", "一般公共预算财政拨款收入". */
  readonly label: string;
  /** The label with numbering kept, as the document shows it (e.g. "一、一般公共预算财政拨款收入"). */
  readonly rawLabel: string;
  /** Row number (行次) when printed. */
  readonly rowNo: string | null;
  readonly cells: readonly Cell[];
  readonly flags: readonly OcrFlag[];
}

/** A logical part of a table: one side of a two-sided table, or the whole table. */
export interface TablePart {
  /** e.g. "收入", "支出", "人员经费", "公用经费"; null for a one-part table. */
  readonly name: string | null;
  readonly columns: readonly Column[];
  readonly rows: readonly TableRow[];
}

/** Which template table this is, recognised from its title (and number when present). */
export type TableKind =
  | "收入支出决算总表"
  | "收入决算表"
  | "支出决算表"
  | "财政拨款收入支出决算总表"
  | "一般公共预算财政拨款支出决算表"
  /** All fiscal appropriations by function (高等学校 template: "财政拨款支出决算表"). */
  | "财政拨款支出决算表"
  | "一般公共预算财政拨款基本支出决算明细表"
  | "政府性基金预算财政拨款收入支出决算表"
  | "国有资本经营预算财政拨款支出决算表"
  | "三公经费支出决算表"
  | "绩效自评表"
  | "other";

/** A table found in the text. */
export interface Table {
  readonly id: string;
  /** "公开09表" (normalised, no spaces) when printed or implied by the template order; else null. */
  readonly number: string | null;
  readonly kind: TableKind;
  /** Title as written, e.g. "2024年度财政拨款“三公”经费支出决算表". */
  readonly title: string;
  readonly unit: "万元" | "元" | null;
  /** The 部门/单位 line as written. */
  readonly departmentLine: string | null;
  readonly line: number;
  readonly lineEnd: number;
  readonly parts: readonly TablePart[];
  readonly flags: readonly OcrFlag[];
}

/** A parsed disclosure: metadata, structure and the original lines (1-based via `lines[n - 1]`). */
export interface Disclosure {
  /** Stable id derived from the file name, e.g. "2024-wuhan-jingxinju". */
  readonly id: string;
  /** Path as cited, e.g. "corpus/2024-wuhan-jingxinju.txt". */
  readonly file: string;
  readonly sha256: string;
  readonly meta: DocumentMeta;
  readonly lines: readonly string[];
  readonly sections: readonly Section[];
  readonly tables: readonly Table[];
  readonly paragraphs: readonly Paragraph[];
  /** Line range of the table of contents (目录), when recognised. */
  readonly toc: { readonly line: number; readonly lineEnd: number } | null;
  /** For a PDF: the 1-based page of each line (`pages[line - 1]`). */
  readonly pages?: readonly number[];
}

/** Why a file could not be parsed as a disclosure. */
export type ParseError =
  | { readonly code: "not_a_disclosure"; readonly file: string; readonly reason: string }
  | { readonly code: "empty_file"; readonly file: string }
  | { readonly code: "not_utf8"; readonly file: string };

export type { Unit };
