import { describe, expect, it } from "vitest";
import type { FigureTarget } from "../../src/answer/index.js";
import { composeRankWithin } from "../../src/answer/_rank-within.js";
import { tableFact } from "../fixtures/answer/facts.js";

const T06 = "公开06表 一般公共预算财政拨款基本支出决算明细表";
const T03 = "公开03表 支出决算表";
const POOL = [
  tableFact({ subject: "商品和服务支出", code: "302", value: "20.50", line: 10, table: T06, column: ["决算数"] }),
  tableFact({ subject: "办公费", code: "30201", value: "3.78", line: 11, table: T06, column: ["决算数"] }),
  tableFact({ subject: "印刷费", code: "30202", value: "1.20", line: 12, table: T06, column: ["决算数"] }),
  tableFact({ subject: "差旅费", code: "30211", value: "2.50", line: 13, table: T06, column: ["决算数"] }),
  tableFact({ subject: "一般公共服务支出", code: "201", value: "264.87", line: 30, table: T03, column: ["本年支出合计"] }),
  tableFact({ subject: "住房保障支出", code: "221", value: "29.42", line: 31, table: T03, column: ["本年支出合计"] }),
  tableFact({ subject: "卫生健康支出", code: "210", value: "2.71", line: 32, table: T03, column: ["本年支出合计"] }),
];
const target = (subject: string): FigureTarget => ({ department: "测试局", year: 2024, items: [], code: null, topic: null, aspect: "决算", unitHint: null, subject });
const read = (): string => "line";
const rank = (subject: string, o: { ascending?: boolean; position?: number; level?: 3 | 5 | 7 | "leaf" | null } = {}) =>
  composeRankWithin("q", "zh", { target: target(subject), ascending: o.ascending ?? false, position: o.position ?? 1, level: o.level ?? null }, POOL, read)?.value ?? null;

describe("composeRankWithin", () => {
  it.each([
    ["商品和服务支出里哪个明细科目花钱最多", {}, "3.78"],
    ["商品和服务支出里哪个明细科目花钱最少", { ascending: true }, "1.20"],
    ["商品和服务支出里第二多的", { position: 2 }, "2.50"],
    ["支出决算表中支出第二多的是哪一类", { position: 2, level: 3 as const }, "29.42"],
  ])("ranks the rows named: %s → %s", (q, o, v) => {
    expect(rank(q, o)).toBe(v);
  });

  it("never ranks another table's rows when the row named is not found", () => {
    expect(rank("伙食补助费里哪个明细科目最多", { level: "leaf" })).toBeNull();
  });
});
