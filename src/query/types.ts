import type { ConversationState, Lang } from "../answer/types.js";
import type { ItemKey } from "../facts/items.js";

/** One disclosure as `buildCatalog` takes it (typically a `DocumentIdentity` plus its file). */
export interface CatalogDoc {
  readonly department: string;
  readonly aliases: readonly string[];
  readonly year: number;
  readonly type: string | null;
  readonly file: string;
  /** Region chain, e.g. "武汉市洪山区"; derived from the name when absent. */
  readonly region?: string | null;
}

/** A department the corpus covers, with every year and file it has. */
export interface CatalogDepartment {
  readonly name: string;
  /** Given aliases plus rule-derived ones (never the name itself). */
  readonly aliases: readonly string[];
  /** Ascending. */
  readonly years: readonly number[];
  readonly type: string | null;
  readonly files: readonly string[];
  /** Region levels from the top down, e.g. ["武汉市", "洪山区"]. */
  readonly regions: readonly string[];
}

/** The departments the corpus covers and a precomputed alias index (build once with `buildCatalog`). */
export interface Catalog {
  readonly departments: readonly CatalogDepartment[];
  /** Latest year over the whole corpus; null for an empty catalog. */
  readonly latestYear: number | null;
  /** @internal Matching index; treat as opaque. */
  readonly index: CatalogIndex;
  /**
   * The documents' own label words (rows, subjects, columns), when the index is loaded: a phrase
   * that is one of them names an amount ("数字经济发展专项"), whatever word it ends in.
   */
  readonly vocabulary?: ReadonlySet<string>;
}

/** @internal One alias as the matcher sees it. */
export interface AliasEntry {
  /** Normalised alias text (NFKC, no spaces in Chinese, lowercase Latin). */
  readonly text: string;
  /** Indexes into `Catalog.departments` (2+ when departments share the alias). */
  readonly departments: readonly number[];
  /** True for a Latin-script alias (matched on word boundaries, no fuzzy). */
  readonly latin: boolean;
  /** True when the alias names no region and no proper place name ("商务局", "投促局"). */
  readonly bare: boolean;
}

/** @internal The alias index: aliases longest first, and every region form with its departments. */
export interface CatalogIndex {
  readonly aliases: readonly AliasEntry[];
  /** Region form ("洪山区", "洪山", "武汉市") → departments whose most specific region it names. */
  readonly regionOwn: ReadonlyMap<string, readonly number[]>;
  /** Region form → departments anywhere under it. */
  readonly regionUnder: ReadonlyMap<string, readonly number[]>;
  /** All region forms, longest first. */
  readonly regionForms: readonly string[];
  /**
   * Positions in `aliases` (ascending) by an alias's first and by its second UTF-16 code unit: a
   * question reads only the aliases that can start at one of its characters, not the archive's all.
   */
  readonly byFirst: ReadonlyMap<string, readonly number[]>;
  readonly bySecond: ReadonlyMap<string, readonly number[]>;
}

/** What figure about an item is wanted; "决算" (the actual outturn) unless the question says otherwise. */
export type Aspect = "决算" | "预算" | "完成率" | "增减" | "增长率" | "占比" | "数量" | "得分";

/** What the user wants done. */
export type Intent =
  /** A number (多少/几/how much); also "有没有…？花了多少" (see `existence`). */
  | "figure"
  /** A reason (为什么/原因/why). */
  | "explain"
  /** A definition (是什么意思/名词解释/what does … mean). */
  | "define"
  /** An enumeration (有哪些/包括哪些/list). */
  | "list"
  /** Two departments or two years side by side (对比/哪个多/compare, or "A和B的…"). */
  | "compare"
  /** A total of two or more items (加起来/一共/合计 with 2+ items). */
  | "sum"
  /** Departments ordered by an item (哪个部门…最多/排名/which department … most). */
  | "rank"
  /** Nothing recognisable was asked. */
  | "unknown";

/** Which departments the question is about. */
export type DepartmentRef =
  | {
      readonly kind: "resolved";
      /** Full names from the catalog; 2+ for comparisons. */
      readonly names: readonly string[];
      readonly via: "explicit" | "conversation";
      /** The text that named them (normalised), empty when via conversation. */
      readonly phrases: readonly string[];
    }
  | { readonly kind: "none" }
  | { readonly kind: "ambiguous"; readonly asked: string; readonly candidates: readonly string[] }
  /** The question names an organisation (or region) the corpus does not cover. */
  | { readonly kind: "unknown"; readonly asked: string };

/** Which budget year; `value` is already resolved against the catalog where possible. */
export type YearRef =
  | {
      readonly kind: "explicit";
      readonly value: number;
      /** Every distinct year named, in order of mention (2+ for year comparisons). */
      readonly values: readonly number[];
      readonly phrase: string;
      /**
       * The year a change is measured from, when the question names one ("比2023年增加了多少"):
       * never a target itself. Without another year the target is baseYear + 1.
       */
      readonly baseYear?: number;
    }
  | {
      readonly kind: "relative";
      /** -1 for 去年/上年/last year, -2 for 前年, 0 for 今年/本年度. */
      readonly offset: number;
      /** The year the offset applies to (the conversation's year, else the department's latest); null when unknown. */
      readonly base: number | null;
      /**
       * Where `base` came from: the conversation, the latest year of the department (corpus when
       * none), or the question's comparison base ("比2023年增加" → base 2023, offset +1) when the
       * catalog lacks the year after it.
       */
      readonly baseFrom: "conversation" | "latest" | "question";
      /** base + offset, or null when the base is unknown. */
      readonly value: number | null;
      readonly phrase: string;
    }
  | { readonly kind: "conversation"; readonly value: number }
  /** No year given: the latest year the corpus holds for the department (the reply should say which). */
  | { readonly kind: "default"; readonly value: number | null };

/** An item of the canonical vocabulary found in the question. */
export interface ItemHit {
  readonly key: ItemKey;
  /** The text that matched (in `Understanding.normalized`, or the inherited topic when `via` is "conversation"). */
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  /** "name"/"synonym"/"en": lexicon form; "fuzzy": one edit away; "shared_head": "购置费和运行费" → 公务用车运行费; "conversation": from the previous turn's topic. */
  readonly via: "name" | "synonym" | "en" | "fuzzy" | "shared_head" | "conversation";
}

/** The figure aspect with the count unit when it is a count. */
export interface AspectRef {
  readonly value: Aspect;
  /** Count unit for 数量 (辆/个/人次/名/条/项/家 …), else null. */
  readonly unit: string | null;
  readonly via: "explicit" | "item" | "conversation" | "default";
  readonly phrase: string | null;
  /** For 数量: further counts asked in other units ("几批次多少人" → ["人"]). */
  readonly alsoUnits?: readonly string[];
}

/** Which budget figure "预算" means when the question says: 年初预算 (initial), 全年预算 (full-year), 调整预算 (adjusted). */
export type BudgetQualifier = "年初预算" | "全年预算" | "调整预算";

/**
 * What a change (增减/增长率) is measured against, in the facts' own qualifier words:
 * 较上年 (the previous year, also "比2023年"), 较年初预算, 较预算.
 */
export type ChangeBasis = "较上年" | "较年初预算" | "较预算";

/** One operand of a compare/sum/rank: what to look up for it. */
export interface Operand {
  readonly department?: string;
  readonly year?: number;
  readonly item?: ItemKey;
  readonly topic?: string;
  /**
   * The figure of this operand when the operands differ in it, not in item ("三公经费预算比实际支出
   * 多了多少" → 预算 vs 决算); absent means `Understanding.aspect`.
   */
  readonly aspect?: Aspect;
  /** With `aspect` 预算: which budget figure ("决算比年初预算多了多少" → 年初预算). */
  readonly qualifier?: BudgetQualifier;
}

/** Everything understood from one question (plus conversation state); pure data, JSON-serialisable. */
export interface Understanding {
  /** The question as asked. */
  readonly text: string;
  /** NFKC, lowercase Latin, no spaces next to Chinese: item positions refer to this string. */
  readonly normalized: string;
  readonly lang: Lang;
  readonly department: DepartmentRef;
  readonly year: YearRef;
  /** Items the answer is about (operands of a sum, the part of a share). */
  readonly items: readonly ItemHit[];
  /** Items that only qualify the main ones: "政府采购" in "政府采购里货物支出", the whole in a share. */
  readonly context: readonly ItemHit[];
  /** A 科目编码 / 经济分类编码 in the question ("2210201", "30217"). */
  readonly code: string | null;
  /** The item phrase left after removing department, year, aspect and question words; typos kept. */
  readonly topic: string | null;
  readonly topicVia: "question" | "conversation" | null;
  /** Phrases the user put in quotes (“洪山企业之家”). */
  readonly quoted: readonly string[];
  /**
   * Document words an English question adds about where the quantity sits ("under the industrial
   * development fund" → 工业发展): figures that keep them are preferred, none is required to.
   */
  readonly preferences?: readonly string[];
  readonly aspect: AspectRef;
  /** The budget figure named ("年初预算是多少" → 年初预算), with any aspect; null when none is named. */
  readonly aspectQualifier?: BudgetQualifier | null;
  /** For 增减/增长率: what the change is measured against, when the question says; else null. */
  readonly changeBasis?: ChangeBasis | null;
  readonly intent: Intent;
  /** "有没有/是否/did … have": the user also asks whether the thing exists at all. */
  readonly existence: boolean;
  /** For compare/sum/rank: one entry per department, year or item to look up; [] otherwise. */
  readonly operands: readonly Operand[];
  /** The question leans on the conversation for its department, item, year or aspect. */
  readonly followUp: boolean;
  /** The conversation state the question was read against (null for a fresh conversation). */
  readonly previous: ConversationState | null;
}
