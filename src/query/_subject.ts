import { ITEMS } from "../facts/items.js";
import type { Understanding } from "./types.js";

// Years and relative years: recognised parts, not words about the quantity.
const YEARS = /(?<!\d)(?:19|20)\d{2}(?!\d)\s*(?:年度|年)?|去年|前年|上一?年度?(?!结转|末|初)|今年|本年度/g;

function blankAll(text: string, part: string): string {
  return part ? text.split(part).join("\u0000".repeat(part.length)) : text;
}

/**
 * The words of a question that say which quantity is meant: the normalised question with the
 * department, years and 科目编码 blanked out (positions kept). English questions and follow-ups
 * that name no subject of their own use the items and topic understood for them.
 */
export function subjectOf(u: Understanding): string {
  if (u.lang === "en") {
    // English words are read by the English recognisers into items; only Chinese words (class
    // names from the glossary, quoted terms) are left for the labels to account for.
    const zhTopic = (u.topic ?? "").replace(/[A-Za-z'\-]+/g, " ").trim();
    return [...u.items.map((i) => ITEMS[i.key].zh), zhTopic].filter(Boolean).join(" ");
  }
  let q = u.normalized;
  if (u.department.kind === "resolved") for (const p of u.department.phrases) q = blankAll(q, p);
  if (u.code) q = blankAll(q, u.code);
  q = q.replace(YEARS, (m) => "\u0000".repeat(m.length));
  // "其中…是多少" after a question: a part of the conversation's subject.
  const part = u.previous?.topic && /^(其中|这里面|这当中|里面)/.test(u.normalized) ? u.previous.topic : null;
  if (u.topicVia === "conversation" && u.topic) return `${u.topic} ${q}`;
  if (part) return `${part} ${q}`;
  return q;
}

/** An operand's own words: its topic, or its item's name. */
export function operandSubject(topic: string | undefined, item: string | undefined): string | undefined {
  if (topic) return topic;
  const it = item ? (ITEMS as Record<string, { zh: string }>)[item] : undefined;
  return it?.zh;
}
