import type { Unit } from "../core/money.js";
import type { OcrFlagKind, TableKind } from "../parse/types.js";
import type { ItemKey } from "./items.js";

/** What a figure measures: 决算 (actual, the default), 预算 (年初/全年预算), or a derived statement. */
export type Measure =
  | "决算"
  | "预算"
  | "完成率"
  | "增减"
  | "增长率"
  | "占比"
  | "上年决算"
  | "数量"
  | "得分";

/** Funding scope (口径): all funds, all fiscal appropriations, or one budget. */
export type FactScope = "全部" | "财政拨款" | "一般公共预算" | "政府性基金" | "国有资本经营";

/** Verification status of a fact, as shown to users. */
export type FactStatus = "verified" | "repaired" | "single-source" | "conflict";

/** A figure read from a table cell. */
export interface TableSource {
  readonly kind: "table";
  readonly file: string;
  readonly line: number;
  /** "公开09表 财政拨款“三公”经费支出决算表" (number + title without the year), or the title alone. */
  readonly table: string;
  readonly tableNumber: string | null;
  readonly tableKind: TableKind;
  /** Row label as written (科目名称 / 项目). */
  readonly row: string;
  readonly code: string | null;
  /** Column header path. */
  readonly column: readonly string[];
  /** The cell text exactly as in the file. */
  readonly raw: string;
  /** 1-based page of `line`, for a PDF. */
  readonly page?: number;
}

/** A figure stated in the narrative (情况说明 etc.). */
export interface NarrativeSource {
  readonly kind: "narrative";
  readonly file: string;
  readonly line: number;
  readonly lineEnd: number;
  /** Section path joined with " > ", e.g. "第三部分 … > 九、财政拨款“三公”经费支出决算情况说明". */
  readonly section: string;
  /** The sentence stating the figure (soft breaks repaired). */
  readonly quote: string;
  /** The figure as written, e.g. "3.87". */
  readonly raw: string;
  /** The opening clause of the paragraph, when the figure's sentence is a later one: what the paragraph is about. */
  readonly lead?: string;
  /** 1-based page of `line`, for a PDF. */
  readonly page?: number;
}

export type FactSource = TableSource | NarrativeSource;

/** Why a status was given: an identity, an agreeing source, a repair, or a failure. */
export interface Evidence {
  readonly kind: "identity" | "agreement" | "repair" | "identity_failed" | "disagreement";
  /** Human-readable, Chinese, e.g. "合计 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费 (69.55 = 36.74 + 28.94 + 3.87)". */
  readonly note: string;
  /** Ids of the other facts involved. */
  readonly facts: readonly string[];
}

/** One exact, cited figure. */
export interface Fact {
  readonly id: string;
  /** Disclosure id. */
  readonly doc: string;
  readonly department: string;
  readonly year: number;
  /** Canonical item when the figure is one of the vocabulary's quantities. */
  readonly item: ItemKey | null;
  /** What the figure is about as the document names it: "公务接待费", "死亡抚恤", "住房公积金". */
  readonly subject: string;
  /** 科目编码 / 经济分类编码 when known. */
  readonly code: string | null;
  readonly measure: Measure;
  /** Qualifier path: table column path, or narrative qualifiers such as ["国内"]; [] for the headline figure. */
  readonly qualifier: readonly string[];
  /**
   * What the sentence says was done with the subject, as written: "签约", "建成", "增长", "占",
   * "开展绩效自评"; absent for table cells and figures stated without a verb.
   */
  readonly predicate?: string;
  /** The period the sentence states for the figure, as written ("截至2024年底", "2022年1-10月"); absent when none. */
  readonly period?: string;
  /** Plain decimal string. */
  readonly value: string;
  readonly unit: Unit;
  /** Quantity key: facts with equal keys state the same quantity (see `quantityKey`). */
  readonly key: string;
  readonly source: FactSource;
  readonly status: FactStatus;
  readonly evidence: readonly Evidence[];
  /** The damaged text a repaired value replaced. */
  readonly repairedFrom: string | null;
  /** Other values stated for this quantity when sources conflict. */
  readonly conflicting: readonly string[];
  /**
   * Funding scope when known. Facts with equal keys but different scopes (公开06 一般公共预算 vs
   * 公开09 财政拨款) confirm each other when equal but may differ without conflict.
   */
  readonly scope?: FactScope;
  /** OCR damage flagged on the source cell and the parser's candidate reading. */
  readonly ocr?: { readonly flags: readonly OcrFlagKind[]; readonly candidate: string | null };
}

/** One consistency finding for the audit report. */
export interface Finding {
  readonly doc: string;
  readonly kind: "identity_failed" | "conflict" | "repair" | "unrepaired_damage";
  /** Chinese one-line description with the figures. */
  readonly note: string;
  readonly lines: readonly number[];
  readonly facts: readonly string[];
}
