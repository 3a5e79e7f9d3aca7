import type { Fact } from "../facts/types.js";

/** Which part of a fact's descriptor a label comes from. */
export type LabelRole =
  /** The fact's own row (科目名称 / 项目) or narrative subject: a question must name it. */
  | "row"
  /** A canonical item's names and everyday synonyms, for facts of that item. */
  | "item"
  /** A parent row (类 / 款 of a 项, 类 of an economic 款). */
  | "parent"
  /** A column header of the fact's cell, or a narrative qualifier. */
  | "column"
  /** The table's number, title or kind. */
  | "table"
  /** The sentence stating a narrative figure. */
  | "sentence"
  /** The heading a narrative figure stands under ("一般公共预算财政拨款支出决算结构情况"). */
  | "section";

/** One piece of a descriptor, normalised for matching. */
export interface Label {
  readonly text: string;
  readonly role: LabelRole;
}

/** What a figure is, in the document's own words: table › row › column › 口径. */
export interface Quantity {
  readonly table: string | null;
  /** Row path from the top down, joined with " > " (类 > 款 > 项), or the narrative subject. */
  readonly row: string | null;
  readonly code: string | null;
  readonly column: string | null;
  /** 决算, 年初预算, 完成率 … (the fact's measure with its budget or change basis). */
  readonly measure: string | null;
}

/** A fact with the labels a question is linked to. */
export interface Descriptor {
  readonly fact: Fact;
  readonly labels: readonly Label[];
  readonly quantity: Quantity;
  /** True when the cell is the row's headline figure (合计 / 决算数 …), not a breakdown column. */
  readonly headline: boolean;
  /** Identifies the row entity: two descriptors with different rows are different quantities. */
  readonly rowKey: string;
}

/** A descriptor scored against a question's subject. */
export interface Scored {
  readonly d: Descriptor;
  /** Share of the subject's content characters the descriptor accounts for, 0..1. */
  readonly coverage: number;
  /** Share accounted for when loose words left over count as phrasing (see `_loose.ts`); decides match vs clarify. */
  readonly accounted: number;
  /** How well the quantity fits among equally covering ones (headline column, default 口径, table side, label words left out). */
  readonly preference: number;
  /** Order among statements of equal fit (verified first, tables before sentences). */
  readonly rank: number;
  /** The subject's content characters no label accounts for (loose words aside). */
  readonly uncovered: string;
  /** Positions of the subject's content characters no label of the descriptor accounts for. */
  readonly missed: readonly number[];
  /** Characters of the fact's own row name the question does not say: it is more specific than asked. */
  readonly excess: number;
}

/** How a subject links to the facts of one department-year. */
export type Link =
  /** Every content word is accounted for; `rivals` are other statements of the same figure. */
  | {
      readonly kind: "match";
      readonly best: Scored;
      readonly rivals: readonly Scored[];
      /** The same figure as the document states it in another unit (74.29 万元 of 742,940.22 元). */
      readonly forms?: readonly Scored[];
    }
  /** Several different quantities fit equally, or the best ones leave words unaccounted for. */
  | { readonly kind: "clarify"; readonly candidates: readonly Scored[]; readonly uncovered: string }
  | { readonly kind: "none" };
