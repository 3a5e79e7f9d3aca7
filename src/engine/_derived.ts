import type { AnswerRequest, FigureTarget } from "../answer/index.js";
import { contentMask } from "../link/index.js";
import type { Understanding } from "../query/index.js";

/**
 * Figures a question asks for that a document may not state, and how to compute them from two it
 * does: a share (part ÷ whole), the gap between a budget and its outturn, and the outturn as a
 * percentage of the budget. The stated figure is looked up first; this is the fallback.
 */
export function derivedFallback(question: string, u: Understanding, main: FigureTarget): { target: FigureTarget; fallback?: AnswerRequest } {
  const gap = budgetGap(main);
  const target = gap ?? main;
  const f = budgetFallback(question, u, target) ?? shareFallback(question, u, target) ?? rateFallback(question, u, target) ?? offsetFallback(question, u, target);
  return f ? { target, fallback: f } : { target };
}

/** "机关运行经费的年初预算是多少": where the budget is not stated, the outturn less its stated change against it. */
function offsetFallback(question: string, u: Understanding, main: FigureTarget): AnswerRequest | null {
  if (main.aspect !== "预算") return null;
  return { kind: "offset", question, lang: u.lang, target: { ...main, subject: bare(main.subject) } };
}

// A change asked in money ("少了多少万元", "多花了多少钱"): only an amount answers it.
const MONEY_ASKED = /万元|亿元|(?<!百分)元|钱/;

/**
 * "比上年降了多少" asks for the change in whatever form the document states it: where it states only
 * the rate ("比2023年度决算数降低31.78%"), the rate answers (named as such), never a computed amount.
 */
function rateFallback(question: string, u: Understanding, main: FigureTarget): AnswerRequest | null {
  if (main.aspect !== "增减" || MONEY_ASKED.test(question)) return null;
  return { kind: "figure", question, lang: u.lang, target: { ...main, aspect: "增长率" }, defaultYear: false };
}

/**
 * "全年预算和实际决算相差多少": the gap between budget and outturn, as a stated change against the
 * budget (looked up first), whatever aspect the words read as.
 */
function budgetGap(main: FigureTarget): FigureTarget | null {
  if (main.aspect === "增减" || !NAMES_BUDGET.test(main.subject) || !GAP.test(main.subject) || /上年|去年|上一年/.test(main.subject)) return null;
  return { ...main, aspect: "增减", qualifier: /年初预算/.test(main.subject) ? "较年初预算" : "较预算", aspectDefault: false };
}

// The words of a budget basis in a question ("比年初预算", "全年预算的", "预算数和"): the budget operand's.
// 预算 of a fund's name (一般公共预算财政拨款, 政府性基金预算) is no budget basis.
const BUDGET = "(?<!一般公共|基金|经营|资本)预算(?!财政|拨款|支出|收入|单位)";
const BUDGET_WORDS = new RegExp(`(?:比|较|与|和|跟|同|是|占|为)?其?(?:年初|全年|调整后?的?)?${BUDGET}(?:数|金额)?(?:的|和|与)?`, "g");
const NAMES_BUDGET = new RegExp(BUDGET);
// A gap between budget and outturn asked for in words.
// (The words ask a question: "能源节约利用" names an item, "节约了多少" asks for a gap.)
const GAP = /(?:相差|差额|差距|差|多花|少花|多出|少出|高出|没花完|没花掉|没用完|节约|节省|结余|剩下?)(?:了|出)?(?:多少|几|百分之)(?:钱|万元|元)?|(?:多少|几)(?:钱|万元)?(?:没花完|没花掉|没用完|没用掉|没花|没用|结余|剩下?)|(?:还剩|剩下|剩余)(?:了|的)?(?:多少|几)/;
// The outturn as a share of the budget.
const RATIO = /百分之|百分比|%|比例|完成率|执行率|几成/;

function bare(subject: string): string {
  const blank = (m: string): string => " ".repeat(m.length);
  return subject.replace(BUDGET_WORDS, blank).replace(new RegExp(GAP.source, "g"), blank).replace(new RegExp(UNSPENT.source, "g"), blank);
}

// Money left unspent ("还剩多少没花", "有多少没用完"): the gap between a budget and its outturn, said
// without naming the budget.
const UNSPENT = /没花完|没花掉|没用完|没花|没用掉|没用/;

function budgetFallback(question: string, u: Understanding, main: FigureTarget): AnswerRequest | null {
  const s = main.subject;
  if (!(NAMES_BUDGET.test(s) || (UNSPENT.test(s) && GAP.test(s))) || /上年|去年|上一年/.test(s)) return null;
  const basis = u.aspectQualifier ?? null;
  const outturn: FigureTarget = { ...main, aspect: "决算", subject: bare(s), qualifier: null, aspectDefault: true };
  const budget: FigureTarget = { ...main, aspect: "预算", subject: bare(s), qualifier: basis, aspectDefault: false };
  const changeAgainstBudget = main.aspect === "增减" && (main.qualifier === "较年初预算" || main.qualifier === "较预算");
  if (changeAgainstBudget || GAP.test(s)) return { kind: "compare", question, lang: u.lang, targets: [outturn, budget] };
  if ((main.aspect === "占比" || main.aspect === "完成率") && RATIO.test(s)) return { kind: "share", question, lang: u.lang, targets: [outturn, budget] };
  return null;
}

// "Y中X占…", "Y里，X占…": the whole named first, the part after it.
const WITHIN = /^(.*)(?:中|里面|里|当中|之中|内)[,，]?(.+)$/;
// "X在Y中占比": the part first, the whole after 在.
const IN = /^(.+?)在(.+?)(?:中|里面|里|当中|之中|内)$/;

/** "X占Y的比重", or "Y中X占多大比例": when the document states no such share, X ÷ Y. */
function shareFallback(question: string, u: Understanding, main: FigureTarget): AnswerRequest | null {
  const subject = main.subject;
  const at = subject.indexOf("占");
  if (u.aspect.value !== "占比" || at <= 0) return null;
  let part = subject.slice(0, at);
  let whole = subject.slice(at + 1);
  // Nothing named after 占 ("占了百分之多少"): the whole is the container named with the part,
  // before it ("Y中X占…") or after it ("X在Y中占比").
  if (!contentMask(whole).some(Boolean)) {
    const inside = IN.exec(part);
    const m = inside ? null : WITHIN.exec(part);
    if (inside?.[1] && inside[2]) [part, whole] = [inside[1], inside[2]];
    else if (m?.[1] && m[2]) [whole, part] = [m[1], m[2]];
    else return null;
  }
  const of = (text: string): FigureTarget => ({ ...main, aspect: "决算", subject: text, qualifier: null, aspectDefault: true });
  return { kind: "share", question, lang: u.lang, targets: [of(part), of(whole)], partOfWhole: true };
}
