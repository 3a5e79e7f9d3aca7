import type { DocumentAudit } from "../audit/types.js";
import type { FactStatus } from "../facts/types.js";

/** What kind of reply this is: a figure, a cited passage, or a refusal. */
export type AnswerKind = "number" | "text" | "refuse" | "clarify";

/** Reply language: Chinese by default, English when the question is English. */
export type Lang = "zh" | "en";

/** Where a stated figure or passage stands in the corpus (1-based, inclusive lines). */
export interface Citation {
  /** Path as cited, e.g. "corpus/2024-wuhan-jingxinju.txt". */
  readonly file: string;
  readonly line: number;
  readonly lineEnd: number;
  /** "公开09表 财政拨款“三公”经费支出决算表" for a table figure, else null. */
  readonly table: string | null;
  /** Section path for a narrative passage, else null. */
  readonly section: string | null;
  /** The source text: the table row, or the sentence/passage. */
  readonly quote: string;
  /** 1-based page, when the source is a PDF (lines are those of its extracted text under index/). */
  readonly page?: number;
}

/** Which quantity a figure is, in the document's own labels (null parts allowed). */
export interface QuantityRef {
  readonly table: string | null;
  /** Row path from the top down (类 > 款 > 项), or the narrative subject. */
  readonly row: string | null;
  readonly code: string | null;
  readonly column: string | null;
  readonly measure: string | null;
}

/** One figure a clarification offers, labelled with its quantity. */
export interface Candidate {
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly citation: Citation;
  readonly quantity: QuantityRef;
}

/** Expected failures of `ask`, each with the data a helpful reply needs. */
export type AnswerError =
  | { readonly code: "empty_question" }
  | { readonly code: "no_such_department"; readonly asked: string | null; readonly known: readonly string[] }
  | { readonly code: "ambiguous"; readonly asked: string; readonly candidates: readonly string[] }
  | { readonly code: "year_not_covered"; readonly department: string; readonly year: number; readonly available: readonly number[] }
  | { readonly code: "not_disclosed"; readonly department: string; readonly year: number; readonly item: string }
  | { readonly code: "not_understood" }
  /** A ranking across more departments than are linked one by one, of a figure no headline answers. */
  | { readonly code: "rank_too_wide"; readonly departments: number }
  | { readonly code: "index_stale"; readonly reason: string }
  | { readonly code: "model_unavailable"; readonly reason: string }
  | { readonly code: "guard_rejected"; readonly numbers: readonly string[] }
  /** A defect of ours met while answering: logged, the question refused, nothing else affected. */
  | { readonly code: "internal_error" };

/** Codes of `AnswerError`. */
export type AnswerErrorCode = AnswerError["code"];

/** The reply to one question: the CLI JSON contract (see README) plus the language. */
export interface Answer {
  readonly id?: string;
  readonly question: string;
  readonly kind: AnswerKind;
  /** The full reply as a user sees it (plain text). */
  readonly text: string;
  /** Plain decimal string of the stated (or computed) figure, no separators. */
  readonly value: string | null;
  readonly unit: string | null;
  /** Full department name. */
  readonly department: string | null;
  readonly year: number | null;
  readonly status: FactStatus | null;
  readonly citations: readonly Citation[];
  readonly error: AnswerError | null;
  readonly lang: Lang;
  /** For a number: which quantity was answered. */
  readonly quantity?: QuantityRef | null;
  /** For a clarification: the figures the question may mean. */
  readonly candidates?: readonly Candidate[];
  /** The same answer in its other forms (the rate beside the amount of a change), one per unit. */
  readonly alternatives?: readonly { readonly value: string; readonly unit: string }[];
}

/** What a conversation remembers between turns (serialisable JSON; kept per chat). */
export interface ConversationState {
  readonly department: string | null;
  readonly year: number | null;
  /** The item phrase of the last figure question, e.g. "公务接待费". */
  readonly topic: string | null;
  /** The aspect of the last figure question, e.g. "决算" or "预算". */
  readonly aspect: string | null;
  /** The count unit of the last 数量 question ("人次", "辆"), so "那接待呢？" keeps counting. */
  readonly aspectUnit?: string | null;
  /**
   * The words of the last figure question that said which quantity (its subject, see
   * query/_subject.ts): "那购房补贴呢" after "财政拨款支出中住房公积金是多少" keeps 财政拨款支出.
   */
  readonly subject?: string | null;
  readonly lang: Lang;
}

/** A fresh conversation. */
export const EMPTY_CONVERSATION: ConversationState = {
  department: null,
  year: null,
  topic: null,
  aspect: null,
  lang: "zh",
};

/** A department the corpus covers, for /depts and /start. */
export interface DepartmentInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly years: readonly number[];
  readonly type: "部门决算" | "单位决算" | null;
  readonly files: readonly string[];
}

/** One department's audit: each of its disclosures with findings and the checks not possible. */
export interface DepartmentAudit {
  readonly department: string;
  readonly documents: readonly DocumentAudit[];
}

/** The answering engine as the interfaces (CLI, console, bot) see it. */
export interface Engine {
  /** Answers one turn; returns the reply and the conversation state for the next turn. */
  ask(question: string, state?: ConversationState): Promise<{ answer: Answer; state: ConversationState }>;
  /** Departments and years the corpus covers. */
  departments(): readonly DepartmentInfo[];
  /** The audit of one department's disclosures (name or alias), messages in `lang`; null when unknown. */
  audit(department: string, opts?: { readonly lang?: Lang }): DepartmentAudit | null;
  /** Whether semantic search is on, and where the model came from. */
  status(): { semantic: boolean; modelSource: string | null; facts: number; chunks: number };
  /**
   * Reads department-years' facts and prepares them for linking, one department at a time
   * (yielding between them), as many as stay prepared in memory (all of a small corpus), then
   * rehearses a few of their questions, so a long-running bot or chat answers its first question
   * as fast as its next. A one-shot `ask` never needs it.
   */
  warm(): Promise<void>;
}
