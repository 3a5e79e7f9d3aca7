import type { Fact } from "../facts/types.js";
import { contentMask, quantityLabel, quantityOf } from "../link/index.js";
import { citeFacts, type LineReader } from "./_citations.js";
import { membersOf, namedTables, ranked, type MemberQuery } from "./_members.js";
import { citationsBlock, figureText } from "./_render.js";
import { resolveFigure, type FigureTarget } from "./_select.js";
import { statusText } from "./messages.js";
import type { Answer, Lang } from "./types.js";

/** "基本支出里哪个明细科目花得最多", "支出排第二的类": rows of one disclosure ranked by value. */
export interface RankWithin {
  readonly target: FigureTarget;
  readonly ascending: boolean;
  /** 1 for the largest (or smallest), 2 for the second … */
  readonly position: number;
  readonly level: MemberQuery["level"];
}

/**
 * The row whose children are ranked: null when the question names none (only a table or a level),
 * undefined when it names one that no coded row with children answers.
 */
function containerOf(pool: readonly Fact[], t: FigureTarget): Fact | null | undefined {
  const words = [...t.subject];
  for (const c of namedTables(pool, t.subject).spans) for (let k = c.start; k < c.end; k++) words[k] = "\u0000";
  const rest = words.join("");
  if (!contentMask(rest).some(Boolean)) return null;
  const found = resolveFigure(pool, { ...t, subject: rest, aspect: "决算", aspectDefault: true });
  const options = found === null ? [] : "best" in found ? [found.best] : found.candidates;
  const parents = options.filter((f) => f.source.kind === "table" && f.code !== null && membersOf(pool, { container: f, level: null, subject: "" }).length >= 2);
  const rows = new Set(parents.map((f) => `${f.code}|${f.subject}`));
  return rows.size === 1 ? parents[0] : undefined;
}

const LEVEL_ZH: Record<string, string> = { "3": "类级科目", "5": "款级科目", "7": "项级科目", leaf: "明细科目" };
const LEVEL_EN: Record<string, string> = { "3": "classes", "5": "sections", "7": "items", leaf: "detailed items" };
const SHOWN = 5;

/**
 * Ranks the rows a question names (the children of a row, or a classification level of a table)
 * and answers the one at the asked position, naming it, with the ranking it was taken from.
 * Null when fewer than two rows can be compared.
 */
export function composeRankWithin(question: string, lang: Lang, r: RankWithin, pool: readonly Fact[], read: LineReader): Answer | null {
  const t = r.target;
  let container = containerOf(pool, t);
  // A row named but not found: nothing to rank (never the rows of another table) — unless a level
  // of a table the question names is asked ("财政拨款支出决算表中哪个项级科目的财政拨款支出最多").
  if (container === undefined) {
    if (r.level === null || namedTables(pool, t.subject).titles.size === 0) return null;
    container = null;
  }
  const members = membersOf(pool, { container, level: r.level, subject: t.subject });
  if (members.length < 2) return null;
  const order = ranked(members, r.ascending);
  const pick = order[r.position - 1];
  if (!pick) return null;
  const zh = lang === "zh";
  const name = (f: Fact): string => (f.code ? `${f.subject}（${f.code}）` : f.subject);
  const scope = container ? container.subject : zh ? (LEVEL_ZH[String(r.level)] ?? "各科目") : (LEVEL_EN[String(r.level)] ?? "rows");
  const place = r.position === 1 ? (zh ? (r.ascending ? "最少" : "最多") : r.ascending ? "smallest" : "largest") : zh ? `第${r.position}${r.ascending ? "少" : "多"}` : `number ${r.position} by size`;
  const head = zh
    ? `${t.department} ${t.year}年度${scope}中${place}的是 ${name(pick)}：${figureText(pick.value, pick.unit)}`
    : `${t.department}, ${t.year}: of ${scope}, the ${place} is ${name(pick)}: ${figureText(pick.value, pick.unit)}`;
  const quantity = quantityOf(pool, pick);
  const which = `${zh ? "所答数字" : "Figure"}：${quantityLabel(quantity)}`;
  const list = order.slice(0, Math.max(SHOWN, r.position)).map((f, i) => `${i + 1}. ${name(f)}：${figureText(f.value, f.unit)}`);
  const intro = zh ? `排序（共${order.length}项）：` : `Ranking (${order.length} rows):`;
  const citations = citeFacts([pick, ...(container ? [container] : [])], read);
  const status = zh ? `核验：${statusText(pick.status, lang)}` : `Status: ${statusText(pick.status, lang)}`;
  const text = [head, which, intro, ...list, status, citationsBlock(citations, lang)].join("\n");
  return { question, kind: "number", text, value: pick.value, unit: pick.unit, department: t.department, year: t.year, status: pick.status, citations, error: null, lang, quantity };
}
