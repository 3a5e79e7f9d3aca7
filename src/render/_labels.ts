import type { Lang } from "../answer/types.js";
import type { FactStatus } from "../facts/types.js";

/** Wording the renderers add around an answer, in both reply languages. */
export interface RenderLabels {
  readonly basis: string;
  readonly status: string;
  readonly sources: string;
  readonly colon: string;
  readonly lines: (line: number, lineEnd: number) => string;
  /** "第3页" / "page 3" for a citation of a PDF. */
  readonly page: (page: number) => string;
  readonly year: (year: number) => string;
  readonly unit: (unit: string) => string;
  readonly statusWords: Record<FactStatus, string>;
  readonly noSources: string;
  readonly moreSources: (n: number) => string;
}

/** Status marks readable at a glance on a phone. */
export const STATUS_ICON = {
  verified: "✅",
  repaired: "🔧",
  "single-source": "ℹ️",
  conflict: "⚠️",
} as const satisfies Record<FactStatus, string>;

/** Labels by reply language. */
export const LABELS = {
  zh: {
    basis: "口径",
    status: "核验",
    sources: "来源",
    colon: "：",
    lines: (a, b) => (b > a ? `第${a}–${b}行` : `第${a}行`),
    page: (p) => `第${p}页`,
    year: (y) => `${y}年度`,
    unit: (u) => `单位：${u}`,
    statusWords: {
      verified: "已核验（与合计或其他出处一致）",
      repaired: "已修复（原文 OCR 损坏，已按勾稽关系还原）",
      "single-source": "单一来源（文件中仅此一处，未能交叉核对）",
      conflict: "来源不一致（文件各处数字不同，请核对原文）",
    },
    noSources: "这条回答没有引用出处。",
    moreSources: (n) => `……另有 ${n} 处出处，发送 /sources 查看全部。`,
  },
  en: {
    basis: "Basis",
    status: "Status",
    sources: "Sources",
    colon: ": ",
    lines: (a, b) => (b > a ? `lines ${a}–${b}` : `line ${a}`),
    page: (p) => `page ${p}`,
    year: (y) => `FY${y}`,
    unit: (u) => `unit: ${u}`,
    statusWords: {
      verified: "verified (agrees with totals or another source)",
      repaired: "repaired (OCR damage restored from the table's totals)",
      "single-source": "single source (stated once; not cross-checked)",
      conflict: "sources disagree (the document states different figures; check it)",
    },
    noSources: "This reply cites no source.",
    moreSources: (n) => `…and ${n} more; send /sources to see them all.`,
  },
} as const satisfies Record<Lang, RenderLabels>;
