import type { ConversationState } from "../answer/types.js";
import { latestYearOf } from "./catalog.js";
import type { Catalog, Understanding } from "./types.js";
import { CARRIED, subjectOf } from "./_subject.js";

/** What the answer settled on, when it differs from what the question said (e.g. a default year). */
export interface ResolvedTurn {
  readonly department?: string | null;
  readonly year?: number | null;
  readonly topic?: string | null;
  /** The table the answer's figure stands in: a bare follow-up prefers figures of the same table. */
  readonly table?: string | null;
}

/**
 * The year a question means: explicit and conversation years as given, a relative year against
 * the conversation's year or the department's latest, a missing year as the department's latest.
 */
export function resolveYear(u: Understanding, catalog: Catalog, department: string | null): number | null {
  switch (u.year.kind) {
    case "explicit":
    case "conversation":
      return u.year.value;
    case "relative": {
      const base = u.year.baseFrom === "latest" ? latestYearOf(catalog, department) : u.year.base;
      return base === null ? null : base + u.year.offset;
    }
    case "default":
      return latestYearOf(catalog, department);
  }
}

/** The conversation state after answering `u`: its department, year, topic, aspect and language. */
export function nextState(u: Understanding, resolved: ResolvedTurn = {}): ConversationState {
  const prev = u.previous;
  const fromQuestion =
    u.department.kind === "resolved" ? (u.department.names[0] ?? null) : u.department.kind === "none" ? (prev?.department ?? null) : null;
  const department = resolved.department !== undefined ? resolved.department : fromQuestion;
  const year = resolved.year !== undefined ? resolved.year : (u.year.value ?? prev?.year ?? null);
  const topic = resolved.topic !== undefined ? resolved.topic : (u.topic ?? prev?.topic ?? null);
  return {
    department,
    year,
    topic,
    aspect: u.aspect.value,
    aspectUnit: u.aspect.unit,
    subject: u.lang === "zh" ? [(subjectOf(u).split(CARRIED)[0] ?? "").replace(/\u0000+/g, " ").trim(), tableWords(resolved.table)].filter(Boolean).join(" ") : null,
    lang: u.lang,
  };
}

/** A table's title without its number ("公开09表 财政拨款“三公”经费支出决算表" → 财政拨款“三公”经费支出决算表). */
function tableWords(table: string | null | undefined): string {
  return table ? table.replace(/^(公开)?\S*\d+表\s*/, "").trim() : "";
}
