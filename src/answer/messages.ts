import type { FactStatus, Measure } from "../facts/types.js";
import { assertNever } from "../core/result.js";
import type { AnswerError, Lang } from "./types.js";

/** All user-facing wording of answers lives here, typed against the error codes and statuses. */

/** The refusal / error sentence for an `AnswerError`. */
export function errorMessage(e: AnswerError, lang: Lang): string {
  const zh = lang === "zh";
  switch (e.code) {
    case "empty_question":
      return zh ? "请输入一个问题，例如“经信局公务接待费多少”。" : "Please ask a question, e.g. “How much did 经信局 spend on official receptions?”";
    case "no_such_department":
      return e.asked
        ? zh
          ? `语料中没有“${e.asked}”的决算公开。目前可查询：${e.known.join("、")}。`
          : `The corpus has no final-account disclosure of “${e.asked}”. Available: ${e.known.join(", ")}.`
        : zh
          ? `请说明是哪个部门。目前可查询：${e.known.join("、")}。`
          : `Which department do you mean? Available: ${e.known.join(", ")}.`;
    case "ambiguous":
      return zh
        ? `“${e.asked}”可能指：${e.candidates.join("、")}。请说得更具体一些。`
        : `“${e.asked}” could mean: ${e.candidates.join(", ")}. Please be more specific.`;
    case "year_not_covered":
      return zh
        ? `语料中没有${e.department} ${e.year}年度的决算公开，现有年度：${e.available.join("、")}。`
        : `The corpus has no ${e.year} disclosure of ${e.department}; available year(s): ${e.available.join(", ")}.`;
    case "not_disclosed":
      return zh
        ? `${e.department} ${e.year}年度决算公开中没有找到“${e.item}”的数字，文件未披露该项。`
        : `The ${e.year} disclosure of ${e.department} does not state a figure for “${e.item}”.`;
    case "not_understood":
      return zh
        ? "没能理解这个问题。可以问某部门某项支出的金额，例如“经信局公务接待费多少”，或问原因、名词解释。"
        : "Sorry, I could not understand the question. Ask for a figure (e.g. “经信局 official reception expenses”), a reason, or a definition.";
    case "rank_too_wide":
      return zh
        ? `在${e.departments}个部门之间排名，只能按各部门的标准数字排（直接问该项目，例如“哪个部门三公经费最多”“哪个部门公务接待费最少”）；这个问题请限定几个部门再比较，例如“经信局和投促局哪家多”。`
        : `Across ${e.departments} departments, rankings are made of each department's standard figures only (ask for the item itself, e.g. “which department spent the most on official receptions”); for this question, please name the departments to compare.`;
    case "index_stale":
      return zh ? `索引已过期，需要重建：${e.reason}` : `The index is stale and must be rebuilt: ${e.reason}`;
    case "model_unavailable":
      return zh ? `语义检索不可用（${e.reason}），已改用关键词检索。` : `Semantic search is off (${e.reason}); keyword search is used instead.`;
    case "guard_rejected":
      return zh
        ? "抱歉，这个回答未能通过数字核对，已拦截，未予显示。"
        : "Sorry, this reply failed the number check and was withheld.";
    case "internal_error":
      return zh ? "抱歉，回答这个问题时程序出错，已记录。可以换个说法再问。" : "Sorry, something went wrong on our side answering this; it has been logged. Please try rephrasing.";
    default:
      return assertNever(e, "answer error");
  }
}

/** The verification status in words. */
export function statusText(status: FactStatus, lang: Lang, detail?: string): string {
  const zh = lang === "zh";
  const tail = detail ? (zh ? `：${detail}` : `: ${detail}`) : "";
  switch (status) {
    case "verified":
      return zh ? `已核验${tail}` : `verified${tail}`;
    case "repaired":
      return zh ? `OCR修复${tail}` : `repaired OCR damage${tail}`;
    case "single-source":
      return zh ? "单一来源（文件中仅此一处，未能交叉核对）" : "single source (stated once; not cross-checked)";
    case "conflict":
      return zh ? `来源不一致${tail}` : `sources disagree${tail}`;
    default:
      return assertNever(status, "status");
  }
}

/** The 口径 of a measure in words. */
export function measureText(m: Measure, lang: Lang): string {
  const zh: Record<Measure, string> = {
    决算: "决算数",
    预算: "预算数",
    完成率: "完成预算比例",
    增减: "较上年增减",
    增长率: "较上年增长率",
    占比: "占比",
    上年决算: "上年决算数",
    数量: "数量",
    得分: "得分",
  };
  const en: Record<Measure, string> = {
    决算: "actual (决算)",
    预算: "budget (预算)",
    完成率: "share of budget spent",
    增减: "change on the previous year",
    增长率: "growth on the previous year",
    占比: "share",
    上年决算: "previous year's actual",
    数量: "count",
    得分: "score",
  };
  return lang === "zh" ? zh[m] : en[m];
}

/** Label words used when composing replies. */
export const WORDS = {
  zh: {
    source: "来源",
    line: "第",
    lineSuffix: "行",
    year: "年度",
    status: "核验",
    basis: "口径",
    formula: "计算",
    defaultYear: (y: number) => `（未指明年度，按语料中最新的${y}年度）`,
    inferredDepartment: "（问题未指明部门，语料中只有该部门披露了这一项）",
    passagesIntro: "文件中的相关说明：",
    noPassage: "文件中没有找到相关说明。",
    rankIntro: (item: string, ascending = false) => `各部门${item}（从${ascending ? "低到高" : "高到低"}）：`,
    rankMore: (shown: number, all: number) => `……（共${all}个部门，列出前${shown}个）`,
    semanticOff: "（语义检索未启用，仅用关键词检索）",
  },
  en: {
    source: "Source",
    line: "line ",
    lineSuffix: "",
    year: "",
    status: "Status",
    basis: "Basis",
    formula: "Computed",
    defaultYear: (y: number) => ` (no year given; using the latest in the corpus, ${y})`,
    inferredDepartment: " (no department named; only this department's disclosure states it)",
    passagesIntro: "What the disclosure says:",
    noPassage: "No relevant passage was found in the documents.",
    rankIntro: (item: string, ascending = false) => `${item} by department (${ascending ? "lowest" : "highest"} first):`,
    rankMore: (shown: number, all: number) => `… (the first ${shown} of ${all} departments)`,
    semanticOff: "(semantic search is off; keyword search only)",
  },
} as const;
