import { Decimal } from "../core/money.js";
import { assertNever } from "../core/result.js";
import type { Fact } from "../facts/types.js";
import { citeFacts, type LineReader } from "./_citations.js";
import { weakestStatus } from "./_derived.js";
import { citationsBlock, figureText } from "./_render.js";
import type { FigureTarget } from "./_select.js";
import { statusText } from "./messages.js";
import type { Answer, Lang } from "./types.js";

/** How a project's self-evaluation total is compared ("满分", "90分以上", "低于95分"). */
export interface ScoreCondition {
  readonly op: "eq" | "gte" | "gt" | "lte" | "lt";
  /** The score compared with, as written ("100"). */
  readonly value: string;
}

/** "自评的7个项目里有几个拿了满分": the projects of one disclosure whose self-evaluation total meets a condition, counted. */
export interface Tally {
  readonly target: FigureTarget;
  readonly condition: ScoreCondition;
}

// The qualifiers of a project's own self-evaluation total (a score sheet's row, a project's table).
const TOTAL = /^(自评总分|总得分)$/;
// The department's overall score and an average are no project's.
const NOT_A_PROJECT = /^(部门整体支出|平均得分)$/;

/** Each project's self-evaluation total in the pool, once per project (the first stated). */
export function projectTotals(pool: readonly Fact[]): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const f of pool) {
    if (f.measure !== "得分" || f.unit !== "分" || !f.qualifier.some((q) => TOTAL.test(q)) || NOT_A_PROJECT.test(f.subject) || seen.has(f.subject)) continue;
    seen.add(f.subject);
    out.push(f);
  }
  return out;
}

function meets(value: string, c: ScoreCondition): boolean {
  const cmp = new Decimal(value).cmp(new Decimal(c.value));
  switch (c.op) {
    case "eq":
      return cmp === 0;
    case "gte":
      return cmp >= 0;
    case "gt":
      return cmp > 0;
    case "lte":
      return cmp <= 0;
    case "lt":
      return cmp < 0;
    default:
      return assertNever(c.op, "score condition");
  }
}

const OP_ZH: Record<ScoreCondition["op"], string> = { eq: "为", gte: "不低于", gt: "高于", lte: "不高于", lt: "低于" };
const OP_EN: Record<ScoreCondition["op"], string> = { eq: "of", gte: "of at least", gt: "above", lte: "of at most", lt: "below" };

/**
 * Counts the projects (their totals, see `projectTotals`) whose self-evaluation total meets the
 * condition, naming each one counted and citing every total read. Null for fewer than two totals.
 */
export function composeTally(question: string, lang: Lang, r: Tally, members: readonly Fact[], read: LineReader): Answer | null {
  if (members.length < 2) return null;
  const hits = members.filter((f) => meets(f.value, r.condition));
  const t = r.target;
  const zh = lang === "zh";
  const score = figureText(r.condition.value, "分");
  const head = zh
    ? `${t.department} ${t.year}年度自评的 ${members.length} 个项目中，自评总分${OP_ZH[r.condition.op]}${score}的有 ${hits.length} 个`
    : `${t.department}, ${t.year}: of the ${members.length} projects self-evaluated, ${hits.length} scored a total ${OP_EN[r.condition.op]} ${score}`;
  const list = members.map((f, i) => `${i + 1}. ${f.subject}：${figureText(f.value, f.unit)}${hits.includes(f) ? " ✓" : ""}`);
  const status = weakestStatus(members);
  const citations = citeFacts(members, read);
  const which = `${zh ? "所答数字" : "Figure"}：${zh ? "按各项目自评总分计数" : "projects counted by their self-evaluation totals"}`;
  const text = [head, which, ...list, `${zh ? "核验" : "Status"}：${statusText(status, lang)}`, citationsBlock(citations, lang)].join("\n");
  const quantity = { table: null, row: zh ? "自评总分" : "self-evaluation total", code: null, column: null, measure: "数量" };
  return { question, kind: "number", text, value: String(hits.length), unit: "个", department: t.department, year: t.year, status, citations, error: null, lang, quantity };
}
