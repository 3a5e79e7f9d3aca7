import { Decimal } from "../core/money.js";
import { ITEMS } from "../facts/items.js";
import type { Fact } from "../facts/types.js";
import { citeFacts, type LineReader } from "./_citations.js";
import { citationsBlock, figureText } from "./_render.js";
import type { Selection } from "./_select.js";
import { measureText, statusText, WORDS } from "./messages.js";
import type { Answer, Lang } from "./types.js";

/** How the reply should present a selected figure. */
export interface FigureContext {
  readonly question: string;
  readonly lang: Lang;
  readonly department: string;
  readonly year: number;
  readonly defaultYear: boolean;
  readonly inferredDepartment: boolean;
}

/** Words for the status with its evidence ("公开09表、公开06表与说明3处一致"). */
export function statusDetail(sel: Selection, lang: Lang): string {
  const f = sel.best;
  const zh = lang === "zh";
  switch (f.status) {
    case "verified": {
      const n = sel.sources.length;
      if (n >= 2) return statusText("verified", lang, zh ? `${n}处来源数字一致` : `${n} sources agree`);
      const ev = f.evidence.find((e) => e.kind === "identity" || e.kind === "agreement");
      return statusText("verified", lang, ev ? shortNote(ev.note) : undefined);
    }
    case "repaired": {
      const ev = f.evidence.find((e) => e.kind === "repair");
      const raw = f.repairedFrom ? (zh ? `原文“${f.repairedFrom}”` : `source text “${f.repairedFrom}”`) : "";
      return statusText("repaired", lang, [raw, ev ? shortNote(ev.note) : ""].filter(Boolean).join(zh ? "，依据：" : "; evidence: "));
    }
    case "conflict":
      return statusText("conflict", lang, (zh ? "另有数字 " : "other figures ") + f.conflicting.join(zh ? "、" : ", "));
    case "single-source":
      return statusText("single-source", lang);
  }
}

/** An evidence note for a reply: the relation without its long list of addends. */
export function shortNote(note: string): string {
  const cut = note.indexOf(" (");
  return cut > 0 && note.length > 90 ? note.slice(0, cut) : note;
}

/** The subject's name for a reply: the vocabulary name when the fact is a canonical item. */
export function subjectName(f: Fact, lang: Lang): string {
  if (f.item !== null) {
    const it = ITEMS[f.item];
    return lang === "zh" ? it.zh : `${it.zh} (${it.en})`;
  }
  // "企业" counted by the verb before it in its sentence ("走访企业1141家"): 走访企业.
  if (f.source.kind === "narrative" && f.predicate && f.source.quote.includes(`${f.predicate}${f.subject}`)) return `${f.predicate}${f.subject}`;
  return f.subject;
}

function headline(f: Fact, ctx: FigureContext): { line: string; value: string } {
  const zh = ctx.lang === "zh";
  const subject = subjectName(f, ctx.lang);
  const yearNote = (ctx.defaultYear ? WORDS[ctx.lang].defaultYear(ctx.year) : "") + (ctx.inferredDepartment ? WORDS[ctx.lang].inferredDepartment : "");
  const who = zh ? `${ctx.department} ${ctx.year}年度` : `${ctx.department}, ${ctx.year}`;
  if (f.measure === "增减" || f.measure === "增长率") {
    const d = new Decimal(f.value);
    // The magnitude as the document writes it ("46,722.70", not 46,722.7).
    const value = f.value.replace(/^[-+]/, "");
    const shown = figureText(value, f.unit);
    const dir = d.isNegative()
      ? zh ? (f.measure === "增减" ? "减少" : "下降") : "down"
      : zh ? (f.measure === "增减" ? "增加" : "增长") : "up";
    // The basis the document states the change against (较上年, 较年初预算, 较预算); a sentence that
    // states none is quoted by its own verb ("项目预算年中调减 78.84 万元" is no change on the previous year).
    const stated = f.qualifier.map((q) => q.trim()).find((q) => q.startsWith("较"));
    const verb = stated === undefined && f.source.kind === "narrative" && f.predicate && f.source.quote.includes(f.predicate) ? f.predicate : null;
    const basis = stated ?? "较上年";
    const basisEn: Record<string, string> = { 较上年: "on the previous year", 较年初预算: "against the initial budget", 较预算: "against the budget" };
    const line = verb !== null
      ? zh ? `${who} ${subject}${verb} ${shown}${yearNote}` : `${who}: ${subject} ${dir} ${shown} (“${verb}”)${yearNote}`
      : zh
        ? `${who} ${subject}${basis}${dir} ${shown}${yearNote}`
        : `${who}: ${subject} ${dir} ${shown} ${basisEn[basis] ?? "on the previous year"}${yearNote}`;
    return { line, value };
  }
  const shown = figureText(f.value, f.unit);
  // A name that says its own measure ("…项目预算金额") is not labelled with another one.
  const named = f.measure === "决算" && /预算|决算/.test(subject);
  const line = zh
    ? `${who} ${subject}${named ? "" : `（${measureText(f.measure, "zh")}）`}：${shown}${yearNote}`
    : `${who}: ${subject}${named ? "" : `, ${measureText(f.measure, "en")}`}: ${shown}${yearNote}`;
  return { line, value: f.value };
}

/** A figure answer: the figure first, then its status in words, then every source. */
export function composeFigure(sel: Selection, ctx: FigureContext, read: LineReader): Answer {
  const f = sel.best;
  const { line, value } = headline(f, ctx);
  const citations = citeFacts(sel.sources, read);
  const w = WORDS[ctx.lang];
  const text = [line, `${w.status}${ctx.lang === "zh" ? "：" : ": "}${statusDetail(sel, ctx.lang)}`, citationsBlock(citations, ctx.lang)]
    .filter(Boolean)
    .join("\n");
  return {
    question: ctx.question,
    kind: "number",
    text,
    value,
    unit: f.unit,
    department: ctx.department,
    year: ctx.year,
    status: f.status,
    citations,
    error: null,
    lang: ctx.lang,
  };
}
