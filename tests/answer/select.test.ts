import { describe, expect, it } from "vitest";
import { selectFigure, type FigureTarget } from "../../src/answer/index.js";
import { ITEMS } from "../../src/facts/items.js";
import { DEPT, narrativeFact, tableFact } from "../fixtures/answer/facts.js";

function target(p: Partial<FigureTarget>): FigureTarget {
  const named = p.items?.[0] ? ITEMS[p.items[0]].zh : "";
  return { department: DEPT, year: 2024, items: [], code: null, topic: null, aspect: "决算", unitHint: null, subject: p.topic ?? named, ...p };
}

const reception09 = tableFact({ subject: "公务接待费", value: "3.87", line: 440, item: "reception", column: ["决算数", "公务接待费"], status: "verified", key: "reception:决算" });
const receptionBudget = tableFact({ subject: "公务接待费", value: "4.37", line: 440, item: "reception", measure: "预算", column: ["预算数", "公务接待费"], key: "reception:预算" });
const reception06 = tableFact({ subject: "公务接待费", value: "3.87", line: 379, item: "reception", code: "30217", table: "公开06表 一般公共预算财政拨款基本支出决算明细表", status: "verified", key: "reception:决算" });
const receptionText = narrativeFact({ subject: "公务接待费", value: "3.87", line: 586, item: "reception", quote: "3.公务接待费全年预算为4.37万元,支出决算为3.87万元", status: "verified", key: "reception:决算" });
const union = tableFact({ subject: "工会经费", value: "105.73", line: 385, code: "30228", table: "公开06表 一般公共预算财政拨款基本支出决算明细表" });
const housing = tableFact({ subject: "住房保障支出", value: "1099.07", line: 129, table: "公开01表 收入支出决算总表" });
const housingBasic = tableFact({ subject: "住房保障支出", value: "1000.00", line: 230, column: ["本年支出", "基本支出"], table: "公开03表 支出决算表" });
const cars = narrativeFact({ subject: "离退休干部服务用车", value: "15", unit: "辆", measure: "数量", line: 600, quote: "离退休干部服务用车15辆" });
const groups = narrativeFact({ subject: "出国(境)团组", value: "4", unit: "个", measure: "数量", line: 578, item: "outbound_groups", quote: "参团组4个,累计5人次" });
const visits = narrativeFact({ subject: "出国(境)人次", value: "5", unit: "人次", measure: "数量", line: 578, item: "outbound_visits", quote: "参团组4个,累计5人次" });
const POOL = [reception09, receptionBudget, reception06, receptionText, union, housing, housingBasic, cars, groups, visits];

describe("selectFigure", () => {
  it("finds an item's 决算 and gathers every source of the same quantity", () => {
    const sel = selectFigure(POOL, target({ items: ["reception"], topic: "招待费" }));
    expect(sel?.best.value).toBe("3.87");
    expect(sel?.sources.map((f) => f.source.line).sort()).toEqual([379, 440, 586]);
  });

  it("answers the budget when the question asks for 预算", () => {
    expect(selectFigure(POOL, target({ items: ["reception"], aspect: "预算" }))?.best.value).toBe("4.37");
  });

  it.each([
    ["工会经费", "105.73"],
    ["住房保障支出", "1099.07"],
    ["住房保障", "1099.07"],
  ])("matches the row named %s", (topic, value) => {
    expect(selectFigure(POOL, target({ topic }))?.best.value).toBe(value);
  });

  it("prefers the headline column over a breakdown the question does not name", () => {
    expect(selectFigure(POOL, target({ topic: "住房保障支出" }))?.best.source.line).toBe(129);
  });

  it("takes the breakdown column the question names", () => {
    expect(selectFigure(POOL, target({ topic: "住房保障支出", subject: "住房保障支出基本支出多少" }))?.best.value).toBe("1000.00");
  });

  it("matches a 科目编码", () => {
    expect(selectFigure(POOL, target({ code: "30228" }))?.best.value).toBe("105.73");
  });

  it("uses the count unit to pick between figures of one sentence", () => {
    expect(selectFigure(POOL, target({ items: ["outbound_visits", "outbound_groups"], aspect: "数量", unitHint: "人次", topic: "出国" }))?.best.value).toBe("5");
    expect(selectFigure(POOL, target({ items: ["outbound_groups"], aspect: "数量", unitHint: "个", topic: "出国" }))?.best.value).toBe("4");
    expect(selectFigure(POOL, target({ topic: "离退休干部服务用车", aspect: "数量", unitHint: "辆" }))?.best.value).toBe("15");
  });

  it.each([["辆", "2"], ["台", "2"], ["个", undefined]])("answers a count of cars stated in 台 when asked in %s only if that word counts cars", (hint, want) => {
    const cars = narrativeFact({ subject: "公务用车", value: "2", unit: "台", measure: "数量", line: 582, quote: "完成了2台公务用车的购置工作" });
    expect(selectFigure([cars], target({ topic: "公务用车", aspect: "数量", unitHint: hint }))?.best.value).toBe(want);
  });

  it.each([
    ["7个绩效自评项目里有几个拿了满分", undefined],
    ["绩效自评项目有几个", "7"],
    ["绩效自评项目是7个吗", "7"],
  ])("never answers %s with a figure the question itself states", (subject, want) => {
    const projects = narrativeFact({ subject: "绩效自评项目", value: "7", unit: "个", measure: "数量", line: 842, quote: "我局通过对7个项目的自评" });
    expect(selectFigure([projects], target({ topic: "绩效自评项目", aspect: "数量", unitHint: "个", subject }))?.best.value).toBe(want);
  });

  describe("an indicator's target and outcome, as the question names them", () => {
    const quote = "外商直接投资额:年初目标值为≥25亿美元,2024年实际完成14.75亿美元。";
    const goal = narrativeFact({ subject: "外商直接投资额", value: "25", unit: "亿美元", measure: "数量", line: 798, qualifier: ["目标值"], quote });
    const done = narrativeFact({ subject: "外商直接投资额", value: "14.75", unit: "亿美元", measure: "数量", line: 798, qualifier: ["实际完成值"], quote });
    it.each([
      ["外商直接投资额年初目标是多少", "25"],
      ["外商直接投资额实际完成多少", "14.75"],
      // The target stated in the question (any unit the documents write) is given, not asked.
      ["外商直接投资额实际完成多少？年初目标是25亿美元的那个", "14.75"],
      ["外商直接投资额目标是25亿美元，实际完成了多少", "14.75"],
    ])("%s → %s", (subject, want) => {
      expect(selectFigure([goal, done], target({ topic: "外商直接投资额", aspect: "数量", unitHint: null, subject }))?.best.value).toBe(want);
    });
  });

  it.each([["办公用房面积"], ["在职人员"], ["工资"]])("finds nothing for %s rather than guessing", (topic) => {
    expect(selectFigure(POOL, target({ topic }))).toBeNull();
  });

  it("finds nothing when the aspect is not stated", () => {
    expect(selectFigure(POOL, target({ topic: "工会经费", aspect: "预算" }))).toBeNull();
  });
});

describe("selectFigure on damaged figures", () => {
  it("never states an unconfirmed figure that fails a table identity (regression: 公开07 row shifted into 年初结转和结余)", () => {
    const shifted = { ...tableFact({ subject: "制造业", value: "16179.00", line: 407, code: "2159802", column: ["年初结转和结余"] }), evidence: [{ kind: "identity_failed" as const, note: "小计 = 基本支出 + 项目支出: 16,179 ≠ 0 + 0", facts: [] }] };
    const stated = narrativeFact({ subject: "年初结转和结余", value: "0", line: 560, quote: "政府性基金预算财政拨款年初结转和结余 0 万元" });
    const sel = selectFigure([shifted, stated], target({ topic: "制造业年初结转和结余", code: "2159802" }));
    expect(sel?.best.value ?? null).not.toBe("16179.00");
  });
});

describe("selectFigure: a quantity whose own name says 预算", () => {
  const reserved = narrativeFact({ subject: "面向小微企业预留政府采购项目预算金额", value: "21.07", line: 640, quote: "面向小微企业预留政府采购项目预算金额21.07万元" });
  it.each([
    ["面向小微企业预留的政府采购项目预算金额", "21.07"],
    // Words its labels do not account for are not it.
    ["公务接待费", null],
  ])("%s", (topic, value) => {
    const sel = selectFigure([reserved], target({ topic, aspect: "预算" }));
    expect(sel && "best" in sel ? sel.best.value : null).toBe(value);
  });
});

describe("selectFigure: counters of people", () => {
  const people = narrativeFact({ subject: "接待人数", value: "13", unit: "人", measure: "数量", line: 799, quote: "国内公务接待1次，接待人数13人" });
  const times = narrativeFact({ subject: "国内接待", value: "1", unit: "次", measure: "数量", line: 799, quote: "国内公务接待1次，接待人数13人" });
  it("answers 多少人次 with a count of 人, never with a count of 次", () => {
    const sel = selectFigure([people, times], target({ topic: "国内公务接待 接待", aspect: "数量", unitHint: "人次" }));
    expect(sel?.best.value).toBe("13");
  });
});

describe("selectFigure: a counter with its alternative in brackets", () => {
  it.each([["台"], ["套"]])("answers 几%s with a count in 台(套)", (unitHint) => {
    const sets = narrativeFact({ subject: "单价100万元以上设备", value: "0", unit: "台(套)" as never, measure: "数量", item: "large_equipment", line: 660, quote: "单价100万元（含）以上设备（不含车辆）0台（套）" });
    expect(selectFigure([sets], target({ items: ["large_equipment"], aspect: "数量", unitHint }))?.best.value).toBe("0");
  });
  it("answers 多少家 with a count in 万家, in the document's unit", () => {
    const firms = narrativeFact({ subject: "中小企业", value: "16.1", unit: "万家" as never, measure: "数量", line: 642, quote: "全年净增中小企业16.1万家" });
    const sel = selectFigure([firms], target({ topic: "净增中小企业", aspect: "数量", unitHint: "家" }));
    expect([sel?.best.value, sel?.best.unit]).toEqual(["16.1", "万家"]);
  });
  it("answers 多少个 with a count of things in 家 (个 counts anything), never 多少家 with a count in 项", () => {
    const stations = narrativeFact({ subject: "中小企业服务工作站", value: "5", unit: "家" as never, measure: "数量", line: 529, quote: "新增中小企业服务工作站5家" });
    expect(selectFigure([stations], target({ topic: "中小企业服务工作站", aspect: "数量", unitHint: "个" }))?.best.value).toBe("5");
    const projects = narrativeFact({ subject: "中小企业服务工作站", value: "7", unit: "项" as never, measure: "数量", line: 530, quote: "中小企业服务工作站7项" });
    expect(selectFigure([projects], target({ topic: "中小企业服务工作站", aspect: "数量", unitHint: "家" }))).toBeNull();
  });
  it("answers 几批 with a count in 批次", () => {
    const batches = narrativeFact({ subject: "开展海外招商", value: "10", unit: "批次" as never, measure: "数量", line: 700, quote: "开展海外招商10批次" });
    expect(selectFigure([batches], target({ topic: "海外招商", aspect: "数量", unitHint: "批" }))?.best.value).toBe("10");
  });
  it("never with a count in another counter", () => {
    const cars = narrativeFact({ subject: "单价100万元以上设备", value: "2", unit: "辆" as never, measure: "数量", item: "large_equipment", line: 661, quote: "单价100万元以上设备2辆" });
    expect(selectFigure([cars], target({ items: ["large_equipment"], aspect: "数量", unitHint: "台" }))).toBeNull();
  });
});

describe("selectFigure: the base of a share", () => {
  const share = narrativeFact({ subject: "一般公共预算财政拨款支出", value: "100", unit: "%", measure: "占比", qualifier: ["占本年支出合计"], line: 300, quote: "一般公共预算财政拨款支出占本年支出合计的100%" });
  it("never answers a share of another base than the one asked", () => {
    expect(selectFigure([share], target({ topic: "一般公共预算财政拨款支出", aspect: "占比", subject: "一般公共预算财政拨款支出相当于年初预算的百分之几" }))).toBeNull();
  });
  it("reads no base from question words (占多少比例)", () => {
    expect(selectFigure([share], target({ topic: "一般公共预算财政拨款支出", aspect: "占比", subject: "一般公共预算财政拨款支出占多少比例" }))?.best.value).toBe("100");
  });
  it("answers a share of the base asked", () => {
    expect(selectFigure([share], target({ topic: "一般公共预算财政拨款支出", aspect: "占比", subject: "一般公共预算财政拨款支出占本年支出合计的百分之几" }))?.best.value).toBe("100");
  });
});

describe("selectFigure: a figure stated without a unit", () => {
  it("is never an answer (\"预算数为 0\")", () => {
    const bare = narrativeFact({ subject: "预算数", value: "0", unit: "", measure: "预算", line: 782, quote: "预算数为0" });
    expect(selectFigure([bare], target({ topic: "预算数", aspect: "预算" }))).toBeNull();
  });
});

describe("selectFigure: a rate asked by its own name", () => {
  const hotline = narrativeFact({ subject: "政务热线接通率", value: "94.71", unit: "%", measure: "占比", qualifier: ["实际完成值", "政务和大数据局业务经费"], line: 1779, quote: "政务热线接通率（2分）\t≥85%\t94.71%\t2分" });
  const loans = narrativeFact({ subject: "存贷款规模增长率", value: "14", unit: "%", measure: "占比", qualifier: ["实际完成值", "金融局部门工作经费"], line: 2624, quote: "存贷款规模增长率（3分）\t13%\t14%\t3分" });
  it.each([
    [{ topic: "政务热线接通率", aspectDefault: true }, "94.71"],
    [{ topic: "存贷款规模增长率", aspect: "增长率" as const, aspectDefault: false }, "14"],
  ])("%j → %s", (t, v) => {
    expect(selectFigure([hotline, loans], target({ ...t, subject: t.topic }))?.best.value).toBe(v);
  });
  it("is not what a money question asks", () => {
    expect(selectFigure([hotline], target({ topic: "政务热线接通", aspectDefault: false }))).toBeNull();
  });
});

describe("selectFigure: the budget basis asked", () => {
  const quote = "一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元";
  const budgets = [
    narrativeFact({ subject: "一般公共预算财政拨款支出", value: "0", measure: "预算", qualifier: ["年初预算"], line: 490, quote }),
    narrativeFact({ subject: "一般公共预算财政拨款支出", value: "321.02", measure: "预算", qualifier: ["全年预算"], line: 490, quote }),
  ];
  it.each([
    ["全年预算", "321.02"],
    ["年初预算", "0"],
  ] as const)("answers the %s a sentence states beside another budget", (qualifier, v) => {
    const t = target({ topic: "一般公共预算财政拨款支出", aspect: "预算", qualifier, subject: `一般公共预算财政拨款支出${qualifier}是多少` });
    expect(selectFigure(budgets, t)?.best.value).toBe(v);
  });
});
