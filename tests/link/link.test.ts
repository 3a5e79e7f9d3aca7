import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/facts/types.js";
import { linkSubject, quantityLabel, quantityOf, vocabularyOf } from "../../src/link/index.js";
import { contentMask } from "../../src/link/_fillers.js";
import { coversOf, mayCover } from "../../src/link/_match.js";
import { tableCovers } from "../../src/link/_context.js";
import { DEPT, narrativeFact, tableFact } from "../fixtures/answer/facts.js";

/** A table cell of a named table (number + title + kind), as the facts stage builds it. */
function cell(p: { row: string; code?: string; value: string; line: number; table: string; kind: string; column?: string[]; scope?: Fact["scope"] }): Fact {
  const f = tableFact({ subject: p.row, value: p.value, line: p.line, ...(p.code ? { code: p.code } : {}), table: p.table, column: p.column ?? ["本年支出合计"] });
  const number = /^公开\d+表/.exec(p.table)?.[0] ?? null;
  return { ...f, ...(p.scope ? { scope: p.scope } : {}), source: { ...f.source, tableNumber: number, tableKind: p.kind } as Fact["source"] };
}

const T03 = { table: "公开03表 支出决算表", kind: "支出决算表" };
const T02 = { table: "公开02表 收入决算表", kind: "收入决算表" };
const T06 = { table: "公开06表 一般公共预算财政拨款基本支出决算明细表", kind: "一般公共预算财政拨款基本支出决算明细表", scope: "一般公共预算" as const };

const POOL: Fact[] = [
  cell({ row: "一般公共服务支出", code: "201", value: "7054.06", line: 190, ...T03 }),
  cell({ row: "一般公共服务支出", code: "201", value: "3718.02", line: 190, ...T03, column: ["项目支出"] }),
  cell({ row: "人大事务", code: "20101", value: "50.00", line: 191, ...T03 }),
  cell({ row: "行政运行", code: "2010101", value: "40.00", line: 192, ...T03 }),
  cell({ row: "商贸事务", code: "20113", value: "900.00", line: 193, ...T03 }),
  cell({ row: "行政运行", code: "2011301", value: "631.91", line: 194, ...T03 }),
  cell({ row: "事业运行", code: "2010350", value: "1371.72", line: 195, ...T03 }),
  cell({ row: "事业运行", code: "2010350", value: "1370.98", line: 144, ...T02, column: ["本年收入合计"] }),
  cell({ row: "社会保障和就业支出", code: "208", value: "1583.60", line: 222, ...T03 }),
  cell({ row: "其他社会保障和就业支出", code: "20899", value: "44.09", line: 230, ...T03 }),
  cell({ row: "会议费", code: "30215", value: "1.17", line: 377, ...T06, column: ["决算数"] }),
  cell({ row: "差旅费", code: "30211", value: "103.21", line: 374, ...T06, column: ["决算数"] }),
  cell({ row: "租赁费", code: "30214", value: "907.58", line: 376, ...T06, column: ["决算数"] }),
  cell({ row: "物业管理费", code: "30209", value: "156.37", line: 372, ...T06, column: ["决算数"] }),
  cell({ row: "印刷费", code: "30202", value: "2.36", line: 365, ...T06, column: ["决算数"] }),
  cell({ row: "基本工资", code: "30101", value: "415.49", line: 339, ...T06, column: ["决算数"] }),
  cell({ row: "年初结转和结余", value: "0.00", line: 20, table: "公开01表 收入支出决算总表", kind: "收入支出决算总表", column: ["决算数"] }),
  narrativeFact({ subject: "公务接待费", value: "3.87", line: 586, item: "reception", quote: "3.公务接待费全年预算为4.37万元,支出决算为3.87万元" }),
  narrativeFact({ subject: "项目交易总额", value: "1533.56", unit: "亿元", measure: "数量", line: 628, quote: "全年完成项目交易总额1533.56亿元" }),
];

const accept = (): boolean => true;
const link = (q: string, code: string | null = null) => linkSubject(POOL, q, { code, accept });
const value = (q: string, code: string | null = null): string | null => {
  const l = link(q, code);
  return l.kind === "match" ? l.best.d.fact.value : null;
};

describe("contentMask", () => {
  it.each([
    ["花了多少钱", ""],
    ["一年电费交了多少", "电费"],
    ["支出决算表中的项目支出是多少", "项目"],
    ["拨款项目", "拨款项目"],
    ["有没有因公出国", "因公出国"],
    // Examples before 这类 say what the kind holds; the kind names the quantity.
    ["学费住宿费这类教育收费", "教育收费"],
    ["修车保险这类花了多少", "修车保险"],
    // A project's 绩效指标 is where the indicator stands, not a word of its name.
    ["专项资金的绩效指标里累计建成换电站", "专项累计建成换电站"],
    // A self-evaluation table named is where the figure stands; 日常 says nothing of which figure.
    ["业务经费项目自评表中政务热线接通率", "业务政务热线接通率"],
    ["公车日常运行", "公车运行"],
    ["学费住宿费这些教育收费", "教育收费"],
    // A question's own gloss (…，就是B) leaves B to name the quantity.
    ["养人花了多少,就是人员经费", "人员"],
    // Which of the bodies named ("这三家", "谁高") is a question, not a word of the quantity.
    ["这三家谁的差旅费最高", "差旅费"],
    ["这几家里差旅费哪个多", "差旅费"],
    ["差旅费谁高", "差旅费"],
    ["差旅费哪家更低", "差旅费"],
  ])("keeps the content of %s", (text, kept) => {
    const mask = contentMask(text);
    expect([...text].filter((_, i) => mask[i]).join("")).toBe(kept);
  });
});

describe("mayCover", () => {
  it.each([
    ["开会花了多少", "会议费", true],
    ["租凭费多少", "租赁费", true],
    ["公务接侍费", "公务接待费", true],
    ["社保就业支出", "社会保障和就业支出", true],
    ["开会花了多少", "基本工资", false],
    ["印刷费", "差旅费", true],
    ["公务用车", "基本工资", false],
  ])("says whether any reading of %s can come from %s (%s)", (text, label, may) => {
    expect(mayCover(text, label)).toBe(may);
  });

  it.each([
    ["开会花了多少", "基本工资"],
    ["公务用车", "基本工资"],
    ["出差", "物业管理费"],
  ])("a label that may not cover %s has no reading of it (%s)", (text, label) => {
    expect(mayCover(text, label)).toBe(false);
    expect(coversOf(text, label, { fuzzy: true, content: contentMask(text) })).toEqual([]);
  });
});

describe("coversOf", () => {
  it.each([
    ["开会花了多少", "会议费", "synonym"],
    ["出差一年花多少", "差旅费", "synonym"],
    ["租房子花了多少", "租赁费", "synonym"],
    ["社保就业支出", "社会保障和就业支出", "abbrev"],
    ["公务接侍费", "公务接待费", "typo"],
    ["租凭费", "租赁费", "typo"],
    ["交通运输支出", "交通运输支出", "exact"],
    ["因公出国(境)一共涉及多少个团组", "因公出国(境)团组", "abbrev"],
    ["职业年金缴费支出财政拨款花了多少", "机关事业单位职业年金缴费支出", "abbrev"], // by its end, the kind of body left out
  ])("links %s to the label %s (%s)", (text, label, how) => {
    expect(coversOf(text, label, { fuzzy: true, content: contentMask(text) }).map((c) => c.how)).toContain(how);
  });

  it.each([
    ["年末结转和结余", "年初结转和结余"],
    ["公务用车运行维护费", "公务用车购置及运行维护费"],
    ["公共资源交易全年完成项目交易总额", "公共资源交易专项工作经费"],
  ])("does not read %s as %s", (text, label) => {
    const whole = coversOf(text, label, { fuzzy: true, content: contentMask(text) }).filter((c) => c.end - c.start >= 6);
    expect(whole).toEqual([]);
  });

  it("finds a table named by part of its title", () => {
    expect(tableCovers("基本支出那张表里的会议费", "一般公共预算财政拨款基本支出决算明细表")).toHaveLength(1);
    const text = "收入决算表里的事业运行";
    expect(tableCovers(text, "支出决算表", contentMask(text))).toEqual([]);
  });
});

describe("linkSubject", () => {
  it.each([
    ["开会花了多少", "1.17"],
    ["出差一年花了多少", "103.21"],
    ["租房子花了多少钱", "907.58"],
    ["物业费一年多少钱", "156.37"],
    ["印东西花了多少钱", "2.36"],
    ["发基本工资花了多少", "415.49"],
    ["公务接侍费多少", "3.87"],
  ])("links everyday words and typos: %s → %s", (q, v) => {
    expect(value(q)).toBe(v);
  });

  it("reads a label's counting word (个数, 人数, 次数) as what 几个 / 多少人 ask", () => {
    const counted = [
      narrativeFact({ subject: "实际到资金额5000万美元以上项目个数", value: "8", unit: "个", measure: "数量", line: 1531, quote: "实际到资金额 5000 万美元以上项目个数：实际完成 8 个" }),
      narrativeFact({ subject: "签约项目总数", value: "159", unit: "个", measure: "数量", line: 1532, quote: "签约项目总数159个" }),
    ];
    const l = linkSubject(counted, "实际到资金额5000万美元以上的项目有几个", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("8");
  });

  it("prefers the figure whose sentence repeats the question's framing words (做了绩效自评)", () => {
    const pool = [
      narrativeFact({ subject: "项目", value: "18", unit: "个", measure: "数量", line: 406, quote: "组织对2022年度一般公共预算项目支出全面开展绩效自评，共涉及项目18个" }),
      narrativeFact({ subject: "项目", value: "42", unit: "个", measure: "数量", line: 4484, quote: "完成年度绩效目标5：全区开工项目42个" }),
    ];
    const l = linkSubject(pool, "一共对多少个项目做了绩效自评", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("18");
    // Without the framing words the two stay a choice.
    expect(linkSubject(pool, "一共多少个项目", { code: null, accept }).kind).toBe("clarify");
  });

  it("reads no column from question words a typo away from its name (这一项上支出 is no 项目支出)", () => {
    expect(value("是什么科目?在这一项上支出多少?", "201")).toBe("7054.06");
    expect(value("项目支出是多少", "201")).toBe("3718.02");
  });

  it("answers the project named, not an indicator whose row repeats part of the project's name", () => {
    const pool = [
      narrativeFact({ subject: "政府购买服务人员数量", value: "10", unit: "分", measure: "得分", qualifier: ["得分", "政府购买服务人员经费"], line: 1510, quote: "≥7人 7人 10" }),
      narrativeFact({ subject: "政府购买服务人员经费", value: "98.24", unit: "分", measure: "得分", qualifier: ["自评总分"], line: 1555, quote: "总分 98.24" }),
    ];
    const l = linkSubject(pool, "政府购买服务人员经费项目自评多少分", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("98.24");
    const ind = linkSubject(pool, "政府购买服务人员经费项目里政府购买服务人员数量得了几分", { code: null, accept });
    expect(ind.kind === "match" ? ind.best.d.fact.value : ind.kind).toBe("10");
  });

  it("reads a label's whole (全区, 全市) as said or left to the body asked (社零额 of 全区社零额)", () => {
    const pool = [narrativeFact({ subject: "全区社零额", value: "497.9", unit: "亿元", measure: "数量", line: 4474, quote: "全区社零额完成497.9亿元" })];
    const l = linkSubject(pool, "社零额完成了多少亿元", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("497.9");
  });

  it("reads a sub-body named by the head of its project's name (科创局 of 科创局业务经费), never as the figure itself", () => {
    const pool = [
      narrativeFact({ subject: "认定通过高企数量", value: "2023", unit: "家", measure: "数量", qualifier: ["实际完成值", "科创局业务经费"], line: 2788, quote: "认定通过高企数量 2050家 2023家" }),
      narrativeFact({ subject: "认定通过高企数量", value: "80", unit: "家", measure: "数量", qualifier: ["实际完成值", "招商局业务经费"], line: 2900, quote: "认定通过高企数量 80家" }),
    ];
    const l = linkSubject(pool, "科创局认定通过的高企有多少家", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("2023");
    // The body's name alone names none of its figures.
    expect(linkSubject(pool, "科创局有多少家", { code: null, accept }).kind).not.toBe("match");
  });

  it("reads everyday verbs (卖 → 销售) and a lone character of the row's own word (菜 of 菜品)", () => {
    const pool = [
      narrativeFact({ subject: "补贴销售菜品数量", value: "155.86", unit: "吨", measure: "数量", qualifier: ["实际完成值", "平价菜销售补贴资金"], line: 2360, quote: "补贴销售菜品数量 ≥150吨 155.86" }),
      narrativeFact({ subject: "补贴企业数量", value: "12", unit: "家", measure: "数量", qualifier: ["实际完成值", "平价菜销售补贴资金"], line: 2361, quote: "补贴企业数量 12家" }),
    ];
    const l = linkSubject(pool, "平价菜补贴一共卖了多少吨菜", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("155.86");
  });

  it.each([
    ["培训班开展完成率 党校 typed 当校", "当校培训班开展完成率多少", "83"],
    ["a project's score with 自评 typed 自平", "开办经费项目自平多少分", "97.87"],
  ])("reads two characters typed by sound of the figure's own labels (%s)", (_name, q, want) => {
    const pool = [
      narrativeFact({ subject: "培训班开展完成率", value: "83", unit: "%", measure: "完成率", qualifier: ["实际完成值", "党校业务经费"], line: 2864, quote: "培训班开展完成率 83%" }),
      narrativeFact({ subject: "开办经费", value: "97.87", unit: "分", measure: "得分", qualifier: ["自评总分"], line: 854, quote: "佛山市轨道交通局开办经费 97.87" }),
    ];
    const l = linkSubject(pool, q, { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe(want);
  });

  it("gives the same figure the document states in another unit as its other form (434.73 万元 and 4,347,300 元)", () => {
    const name = "2021年促进消费升级市级奖励资金";
    const pool = [
      narrativeFact({ subject: name, value: "434.73", line: 2438, quote: `${name} 434.73` }),
      narrativeFact({ subject: name, value: "4347300", unit: "元", line: 4190, quote: `${name} 4347300` }),
    ];
    const l = linkSubject(pool, `${name}执行了多少`, { code: null, accept });
    expect(l.kind === "match" ? [l.best.d.fact.value, ...(l.forms ?? []).map((x) => x.d.fact.value)].sort() : l.kind).toEqual(["434.73", "4347300"]);
  });

  it("prefers the row the document names as the question does over a row the vocabulary's item name covers (公务用车保有量 vs 车辆)", () => {
    const pool = [
      narrativeFact({ subject: "车辆", item: "vehicles", value: "2", unit: "辆", measure: "数量", line: 602, quote: "本级共有车辆2辆" }),
      narrativeFact({ subject: "公务用车保有量", item: "vehicles", value: "0", unit: "辆", measure: "数量", qualifier: ["保有", "开支财政拨款的"], line: 584, quote: "开支财政拨款的公务用车保有量为0辆" }),
    ];
    const l = linkSubject(pool, "公务用车保有量", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("0");
  });

  it("never reads a contrast pair as a typo by sound (年末 is no 年初)", () => {
    const pool = [narrativeFact({ subject: "年初结转和结余", value: "248.68", line: 137, quote: "年初结转和结余248.68万元" })];
    expect(linkSubject(pool, "年末结转和结余多少", { code: null, accept }).kind).not.toBe("match");
  });

  it("reads a short word for a thing its sentence named in full before (站点 → 中小企业服务工作站)", () => {
    const quote = "年内新增中小企业服务工作站5家，累计建设站点60家，培养服务专员158名";
    const pool = [
      narrativeFact({ subject: "中小企业服务工作站", value: "5", unit: "家", measure: "数量", qualifier: ["新增"], line: 529, quote }),
      { ...narrativeFact({ subject: "站点", value: "60", unit: "家", measure: "数量", qualifier: ["累计"], line: 529, quote }), predicate: "累计建设" },
      narrativeFact({ subject: "服务专员", value: "158", unit: "名", measure: "数量", line: 529, quote }),
    ];
    const v = (q: string): string => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("累计建了多少个中小企业服务工作站")).toBe("60");
    expect(v("新增了几家中小企业服务工作站")).toBe("5");
  });

  it("reads a label by its beginning and a fund's name as a project's (补贴销售… of 平价菜销售补贴资金项目)", () => {
    const pool = [
      narrativeFact({ subject: "补贴销售菜品数量", value: "155.86", unit: "吨", measure: "数量", qualifier: ["实际完成值", "平价菜销售补贴资金"], line: 2360, quote: "补贴销售菜品数量 ≥150吨 155.86" }),
      narrativeFact({ subject: "补贴销售菜品数量", value: "90", unit: "吨", measure: "数量", qualifier: ["实际完成值", "蔬菜储备资金"], line: 2460, quote: "补贴销售菜品数量 90" }),
    ];
    const v = (q: string): string => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("平价菜销售补贴项目补贴销售了多少吨菜")).toBe("155.86");
    expect(v("平价菜补贴项目补贴销售了多少吨菜")).toBe("155.86");
    // A beginning followed by other words of content names another thing.
    expect(coversOf("补贴销售额多少", "补贴销售菜品数量", { fuzzy: true, content: contentMask("补贴销售额多少") }).filter((c) => c.end - c.start === 4)).toEqual([]);
  });

  it("reads a label's words in another order, its verbs counted when said (换电站 累计建成)", () => {
    const covers = coversOf("换电站 累计建成", "累计建成换电站数量", { fuzzy: true, content: contentMask("换电站 累计建成") });
    expect(covers.map((c) => "换电站 累计建成".slice(c.start, c.end)).sort()).toEqual(["建成", "电站", "累计"]);
    // One noun alone, no verb said: not named in other words.
    expect(coversOf("换电站多少", "累计建成换电站数量", { fuzzy: true, content: contentMask("换电站多少") })).toEqual([]);
  });

  it("tells 本年支出合计 from the table's 合计 (本年 names the year's own spending, not carry-over)", () => {
    const T1 = { table: "表1 高等学校收支决算总表", kind: "收入支出决算总表", column: ["决算数"] };
    const pool = [cell({ row: "本年支出合计", value: "481483.46", line: 176, ...T1 }), cell({ row: "合计", value: "609139.01", line: 180, ...T1 })];
    const l = linkSubject(pool, "本年支出合计是多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("481483.46");
  });

  it("never reads a canonical item named in full as a typo of another row (机关运行经费 is no 机构运行)", () => {
    const pool = [cell({ row: "机构运行", code: "2060201", value: "823.93", line: 300, ...T03 })];
    expect(linkSubject(pool, "机关运行经费是多少", { code: null, accept }).kind).toBe("none");
    expect(linkSubject(pool, "机购运行是多少", { code: null, accept }).kind).toBe("match");
  });

  it("answers what an indicator scored, not its weight, unless the weight is asked (得了几分 vs 分值)", () => {
    const quote = "全国制造业单项冠军奖励企业 1 0.40";
    const pool = [
      narrativeFact({ subject: "全国制造业单项冠军奖励企业", value: "1", unit: "分", measure: "得分", qualifier: ["分值", "部门整体支出"], line: 777, quote }),
      narrativeFact({ subject: "全国制造业单项冠军奖励企业", value: "0.40", unit: "分", measure: "得分", qualifier: ["得分", "部门整体支出"], line: 777, quote }),
    ];
    const v = (q: string): string => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("全国制造业单项冠军奖励企业得了几分")).toBe("0.40");
    expect(v("全国制造业单项冠军奖励企业的分值是多少")).toBe("1");
  });

  it("reads a five-character name said with one character left out (正高职称 of 正高级职称), no more", () => {
    const covers = (t: string, l: string) => coversOf(t, l, { fuzzy: true, content: contentMask(t) }).filter((c) => c.how === "abbrev");
    expect(covers("正高职称的老师", "正高级职称").length).toBeGreaterThan(0);
    expect(covers("公务费多少", "公务接待费")).toEqual([]);
  });

  it("reads an everyday word for one part of a combined quantity as that part (买公车 → 购置费, not 购置及运行维护费)", () => {
    const T09 = { table: "公开09表 财政拨款“三公”经费支出决算表", kind: "财政拨款三公经费支出决算表" };
    const pool = [
      cell({ row: "公务用车购置及运行维护费", value: "208.15", line: 494, ...T09, column: ["决算数", "公务用车购置及运行维护费", "小计"] }),
      cell({ row: "公务用车购置费", value: "48.19", line: 494, ...T09, column: ["决算数", "公务用车购置及运行维护费", "公务用车购置费"] }),
      cell({ row: "公务用车运行维护费", value: "159.96", line: 494, ...T09, column: ["决算数", "公务用车购置及运行维护费", "公务用车运行维护费"] }),
    ];
    const l = linkSubject(pool, "买公车花了多少钱", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("48.19");
  });

  it("never reads a breakdown column's 小计 or another fund's table as a row's figure", () => {
    const T4 = { table: "表4 高等学校财政拨款支出决算表", kind: "财政拨款支出决算表" };
    const pool = [
      cell({ row: "科学技术支出", code: "206", value: "1989.00", line: 336, ...T4, column: ["合计"] }),
      cell({ row: "科学技术支出", code: "206", value: "1165.07", line: 336, ...T4, column: ["项目支出", "小计"] }),
      cell({ row: "社会保障和就业支出", code: "208", value: "76.23", line: 266, ...T03 }),
      cell({ row: "社会保障和就业支出", code: "208", value: "0.00", line: 644, table: "表8 政府性基金预算财政拨款收入支出决算表", kind: "政府性基金预算财政拨款收入支出决算表", column: ["本年支出", "小计"], scope: "政府性基金" }),
    ];
    const v = (q: string): string => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("科学技术支出多少")).toBe("1989.00");
    expect(v("社保这块支出多少")).toBe("76.23");
  });

  it("names a source of income without 收入 only by four characters or more (财政拨款 of 财政拨款收入, never 其他 of 其他收入)", () => {
    const said = (t: string, l: string) => coversOf(t, l, { fuzzy: true, content: contentMask(t) }).map((c) => t.slice(c.start, c.end));
    expect(said("用财政拨款交的", "财政拨款收入")).toContain("财政拨款");
    expect(said("其他是多少", "其他收入")).toEqual([]);
  });

  it.each([
    ["国内来访几次", "发生国内接待", "1"],
    ["总收入比上年多了多少", "收入总计", "46722.70"],
    ["卫健那块多少", "卫生健康支出", "12.00"],
    ["养车花了多少", "公务用车运行维护费", "0.92"],
    ["交基本养老保险花了多少", "机关事业单位基本养老保险缴费支出", "9637.93"],
    ["发绩效发了多少", "绩效工资", "10.16"],
    ["年底还剩多少钱结转到下一年", "年末结转和结余", "123319.86"],
    ["在校生有多少人", "在校学生", "58500"],
    ["内设几个科室", "内设机构", "4"],
    ["日常运转的基本支出花了多少", "基本支出", "746.39"],
  ])("links everyday words %s to %s", (q, subject, value) => {
    const count = subject.includes("接待") ? "次" : subject.includes("机构") ? "个" : null;
    const pool = [narrativeFact({ subject, value, unit: count ?? "万元", measure: count ? "数量" : "决算", line: 9, quote: `${subject}${value}` })];
    const l = linkSubject(pool, q, { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe(value);
  });

  it("reads a table named without 表 by five characters or more up to its last word (基本支出明细里)", () => {
    const t = "一般公共预算财政拨款基本支出决算明细表";
    expect(tableCovers("基本支出明细里住房公积金", t).length).toBe(1);
    expect(tableCovers("支出决算里差旅费", "支出决算表")).toEqual([]);
  });

  it("reads a table named by the end of its own words before 决算表, four characters or more (基本支出里)", () => {
    expect(tableCovers("基本支出里其他交通费用", "一般公共预算财政拨款基本支出决算表")).toEqual([{ start: 0, end: 5, how: "abbrev", excess: 0 }]);
    expect(tableCovers("项目支出里其他交通费用", "一般公共预算财政拨款基本支出决算表")).toEqual([]);
    expect(tableCovers("支出里其他交通费用", "一般公共预算财政拨款基本支出决算表")).toEqual([]);
  });

  it.each([
    // Its stem, 明细 and 里/中: the breakdown the table gives.
    ["基本支出明细里差旅费多少", "一般公共预算财政拨款基本支出决算表", [{ start: 0, end: 7, how: "abbrev", excess: 0 }]],
    // Its number just before its (quoted) title: the 表 of 09表 is no other table named.
    ["公开09表三公经费支出决算表中公务接待费多少", "财政拨款三公经费支出决算表", [{ start: 5, end: 14, how: "abbrev", excess: 0 }]],
  ])("reads a table named in %s as %s", (text, title, covers) => {
    expect(tableCovers(text, title, contentMask(text))).toEqual(covers);
  });

  it("restricts the answer to a table named by its stem and 明细 (基本支出明细里)", () => {
    const B = { table: "公开06表 一般公共预算财政拨款基本支出决算表", kind: "一般公共预算财政拨款基本支出决算表" };
    const P = { table: "公开07表 项目支出决算表", kind: "项目支出决算表" };
    const pool = [
      cell({ row: "差旅费", value: "103.21", line: 374, ...B, column: ["决算数"] }),
      cell({ row: "差旅费", value: "55.00", line: 500, ...P, column: ["决算数"] }),
      // A sentence saying the same words stands in no table.
      narrativeFact({ subject: "差旅费", value: "98.00", line: 300, quote: "基本支出明细里差旅费98.00万元" }),
    ];
    const l = linkSubject(pool, "基本支出明细里差旅费多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("103.21");
  });

  it("restricts the answer to a table named by its number and title (公开09表“三公”经费支出决算表中)", () => {
    const S = { table: "公开09表 财政拨款“三公”经费支出决算表", kind: "三公经费支出决算表" };
    const pool = [
      cell({ row: "公务接待费", value: "3.87", line: 600, ...S, column: ["决算数"] }),
      narrativeFact({ subject: "公务接待费", value: "3.50", line: 586, quote: "公务接待费支出决算为3.50万元" }),
    ];
    const l = linkSubject(pool, "公开09表三公经费支出决算表中公务接待费多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("3.87");
  });

  it("counts a sentence's verb among the documents' words (never repaired as a typo)", () => {
    const cut = narrativeFact({ subject: "咨询顾问项目", value: "-78.84", line: 700, measure: "增减", predicate: "调减", quote: "“咨询顾问”项目预算年中调减78.84万元" });
    expect(vocabularyOf([[cut]]).has("调减")).toBe(true);
  });

  it("answers the 项 of the 款 named, not its parent or a namesake", () => {
    expect(value("一般公共服务支出下商贸事务(款)的行政运行是多少")).toBe("631.91");
    expect(value("人大事务的行政运行")).toBe("40.00");
  });

  it("offers every 行政运行 when no 款 is named", () => {
    const l = link("行政运行是多少");
    expect(l.kind).toBe("clarify");
    if (l.kind === "clarify") expect(l.candidates.map((c) => c.d.fact.value).sort()).toEqual(["40.00", "631.91"]);
  });

  it("answers the column named, and the headline column otherwise", () => {
    expect(value("一般公共服务支出(类)的项目支出是多少")).toBe("3718.02");
    expect(value("一般公共服务支出是多少")).toBe("7054.06");
  });

  it("takes the table the question names", () => {
    expect(value("收入决算表里事业运行的本年收入合计")).toBe("1370.98");
    expect(value("事业运行支出多少")).toBe("1371.72");
  });

  it("never reads a label's abbreviation over another label the words spell exactly", () => {
    const pool = [
      cell({ row: "办公费", code: "30201", value: "3.78", line: 360, ...T06, column: ["决算数"] }),
      narrativeFact({ subject: "公用经费", value: "80.82", line: 314, item: "public_expenses", quote: "公用经费80.82万元" }),
    ];
    const l = linkSubject(pool, "办公费支出多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("3.78");
  });

  it("prefers the row that says no more than was asked", () => {
    expect(value("社保就业支出多少")).toBe("1583.60");
  });

  it("reads a code typed beside its row's name as naming that row", () => {
    expect(value("公开03表中2011301行政运行")).toBe("631.91");
  });

  it("links a 科目编码 to its own row only", () => {
    expect(value("这一项是多少", "2011301")).toBe("631.91");
  });

  it("never answers a broader figure when words are left over", () => {
    const l = link("局长一年基本工资多少钱");
    expect(l.kind).toBe("clarify");
    if (l.kind === "clarify") expect(l.uncovered).toBe("局长");
  });

  it("never reads 年末 as a typo of 年初", () => {
    expect(link("年末结转和结余是多少").kind).not.toBe("match");
  });

  it("keeps the unit asked for", () => {
    expect(value("全年完成项目交易总额多少亿元")).toBe("1533.56");
  });

  it("never links a fund of another year (regression: 2020年度 summed as 2021年度)", () => {
    const pool = [narrativeFact({ subject: "2021年度小进限企业奖励资金", value: "110", line: 500, quote: "2021年度小进限企业奖励资金110万元" })];
    expect(linkSubject(pool, "2020年度小进限企业奖励资金多少", { code: null, accept }).kind).not.toBe("match");
    expect(linkSubject(pool, "2021年度小进限企业奖励资金多少", { code: null, accept }).kind).toBe("match");
  });

  it("answers a money question only with money (never the count of a project's items)", () => {
    const pool = [narrativeFact({ subject: "质量抽检和试验检测管理", value: "7", unit: "个", measure: "数量", line: 820, quote: "质量抽检和试验检测管理项目完成7个" })];
    expect(linkSubject(pool, "质量抽检和试验检测管理项目花了多少钱", { code: null, accept }).kind).toBe("none");
    expect(linkSubject(pool, "质量抽检和试验检测管理项目完成了几个", { code: null, accept }).kind).toBe("match");
  });

  it("completes a parent row its cell cut short from the classification's own name", () => {
    const pool = [
      cell({ row: "对个人和家庭的补", code: "303", value: "10.00", line: 300, ...T06, column: ["决算数"] }),
      cell({ row: "抚恤金", code: "30304", value: "8.93", line: 301, ...T06, column: ["决算数"] }),
    ];
    expect(quantityLabel(quantityOf(pool, pool[1]!))).toContain("对个人和家庭的补助 > 抚恤金（30304）");
  });

  it("reads the department's overall self-assessment by the framework's names (整体绩效)", () => {
    const pool = [
      narrativeFact({ subject: "部门整体支出", value: "97.12", unit: "分", measure: "得分", line: 686, quote: "总分:97.12", qualifier: ["自评总分"] }),
      narrativeFact({ subject: "预算执行", value: "17.12", unit: "分", measure: "得分", line: 690, quote: "预算执行 17.12", qualifier: ["得分", "部门整体支出"] }),
    ];
    const l = linkSubject(pool, "整体绩效自评总分多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("97.12");
  });

  it("reads 部门 with a measure and nothing else (部门年初预算) as the department's whole", () => {
    const quote = "部门年初预算90,801.05万元,调整后预算95,205.29万元";
    const pool = [
      narrativeFact({ subject: "部门整体支出", value: "90801.05", measure: "预算", line: 1091, quote, qualifier: ["年初预算"] }),
      narrativeFact({ subject: "预算绩效管理工作经费", value: "130", measure: "预算", line: 824, quote: "预算绩效管理工作经费130万元" }),
    ];
    const l = linkSubject(pool, "部门年初预算是多少", { code: null, accept: () => true });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("90801.05");
  });

  it("names the quantity it answered", () => {
    const f = POOL[5];
    if (!f) throw new Error("fixture");
    expect(quantityLabel(quantityOf(POOL, f))).toBe("公开03表 支出决算表 › 一般公共服务支出 > 商贸事务 > 行政运行（2011301） › 本年支出合计");
  });
});

describe("linkSubject: phrasing around the quantity", () => {
  it.each([
    ["帮多少家企业做了企业规模认证", "22"],
    ["现在做了多少家企业规模认证", "22"],
  ])("verbs and adverbs no label uses are phrasing: %s", (q, v) => {
    const pool = [narrativeFact({ subject: "企业规模认证", value: "22", unit: "家", measure: "数量", line: 607, quote: "中心为辖区内22家企业完成了企业规模认证" })];
    const l = linkSubject(pool, q, { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe(v);
  });

  it.each([
    ["调减了多少企业规模认证", "调减"],
    ["没花掉多少企业规模认证", "没"],
    ["不含陪同人员的企业规模认证多少", "不含"],
  ])("words that change the quantity stay content: %s", (q, left) => {
    const pool = [narrativeFact({ subject: "企业规模认证", value: "22", unit: "家", measure: "数量", line: 607, quote: "中心为辖区内22家企业完成了企业规模认证" })];
    const l = linkSubject(pool, q, { code: null, accept });
    expect(l.kind).toBe("clarify");
    if (l.kind === "clarify") expect(l.uncovered).toContain(left);
  });

  it("a verb that some label of the pool says tells figures apart (加油 is 燃料费)", () => {
    const pool = [
      narrativeFact({ subject: "公务用车运行维护费", value: "159.96", line: 696, quote: "公务用车运行维护费159.96万元" }),
      cell({ row: "燃料费", code: "30231", value: "66.97", line: 400, ...T06, column: ["决算数"] }),
    ];
    const l = linkSubject(pool, "公车加油花了多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).not.toBe("159.96");
  });

  it("names a label by its nouns in another order, verbs and amount words left out", () => {
    const pool = [narrativeFact({ subject: "授予中小企业合同金额", value: "12127.08", line: 455, quote: "政府采购支出总额15,346.40万元,其中:授予中小企业合同金额12,127.08万元" })];
    const l = linkSubject(pool, "政府采购合同里给了中小企业多少钱", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("12127.08");
    const words = coversOf("整体绩效自评综合得分", "综合绩效", { fuzzy: true, content: contentMask("整体绩效自评综合得分") });
    expect(words).toEqual([]);
  });

  it("a figure's clause leans on the clause before for what it counts", () => {
    const quote = "2024年本部门实行绩效目标管理,编报绩效目标的2024年度项目1个,涉及预算金额175.52万元";
    const pool = [
      narrativeFact({ subject: "2024年度项目", value: "1", unit: "个", measure: "数量", line: 611, quote }),
      narrativeFact({ subject: "预算金额", value: "175.52", line: 611, quote }),
    ];
    const l = linkSubject(pool, "编报了绩效目标的项目涉及多少预算金额", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("175.52");
  });

  it("a figure in a later sentence of a paragraph leans on the paragraph's opening clause for what it is about", () => {
    const pool = [
      narrativeFact({ subject: "政府采购支出总额", value: "15346.40", line: 451, quote: "学校2024年度政府采购支出总额15,346.40万元" }),
      narrativeFact({ subject: "授予中小企业合同金额", value: "12127.08", line: 455, quote: "授予中小企业合同金额12,127.08万元", lead: "学校2024年度政府采购支出总额15,346.40万元" }),
      // A part of it, named by words the question does not say (小微): never the same quantity.
      narrativeFact({ subject: "授予小微企业合同金额", value: "7295.12", line: 456, quote: "授予中小企业合同金额12,127.08万元,其中:授予小微企业合同金额7,295.12万元", lead: "学校2024年度政府采购支出总额15,346.40万元" }),
    ];
    const v = (q: string) => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("政府采购合同里给了中小企业多少钱")).toBe("12127.08");
    // The paragraph's words never name a figure of their own: the total is the one named by its row.
    expect(v("政府采购支出总额")).toBe("15346.40");
  });

  it("reads a 其中 row as a part of the row above it in its table (收支总表: the half it shares words with)", () => {
    const T1 = { table: "表1 高等学校收支决算总表", kind: "收入支出决算总表", column: ["决算数"] };
    const pool = [
      cell({ row: "一、财政拨款收入", value: "279818.00", line: 147, ...T1 }),
      cell({ row: "一、一般公共服务支出", value: "12.00", line: 147, ...T1 }),
      cell({ row: "其中：政府性基金预算财政拨款", value: "21887.50", line: 148, ...T1 }),
    ];
    const l = linkSubject(pool, "收支决算总表里政府性基金预算财政拨款收入是多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("21887.50");
    expect(l.kind === "match" ? l.best.d.quantity.row : null).toBe("一、财政拨款收入 > 其中：政府性基金预算财政拨款");
  });

  it("names a total row's cell by its column (\"合计\" × \"其中:教育收费\")", () => {
    const T2 = { table: "表2 高等学校收入决算表", kind: "收入决算表" };
    const pool = [
      cell({ row: "合计", value: "81823.76", line: 244, ...T2, column: ["事业收入", "其中:教育收费"] }),
      cell({ row: "合计", value: "477447.73", line: 244, ...T2, column: ["本年收入合计"] }),
    ];
    const l = linkSubject(pool, "一年的教育收费有多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("81823.76");
  });

  it("reads 项目 after a label named by its end as the same project (\"聘请专家人员经费项目\")", () => {
    const pool = [narrativeFact({ subject: "2019年度聘请专家人员经费", value: "96.53", unit: "分", measure: "得分", line: 853, quote: "2019年度聘请专家人员经费 96.53" })];
    const l = linkSubject(pool, "\u0000\u0000\u0000\u0000\u0000\u0000聘请专家人员经费项目的绩效自评得了多少分", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("96.53");
  });

  it("never answers 副高级职称 for 正高级职称 (no typo, no label cut short, no leaning on a sibling figure)", () => {
    const quote = "现有专任教师3277人,其中正高级职称871人、副高级职称1304人";
    const pool = [
      narrativeFact({ subject: "专任教师", value: "3277", unit: "人", measure: "数量", line: 78, quote }),
      narrativeFact({ subject: "正高级职称", value: "871", unit: "人", measure: "数量", line: 78, quote, qualifier: ["其中"] }),
      narrativeFact({ subject: "副高级职称", value: "1304", unit: "人", measure: "数量", line: 79, quote }),
    ];
    const l = linkSubject(pool, "正高级职称的老师有多少人", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("871");
  });

  it("never lets a part of a list claim words its siblings or its whole name (燃料费, 维修费 of 公务用车运行费)", () => {
    const quote = "(2)公务用车运行费159.96万元,完成预算的100%,主要用于燃料费66.97万元,维修费72.66万元,保险费20.04万元";
    const pool = [
      narrativeFact({ subject: "公务用车运行费", value: "159.96", line: 696, item: "vehicle_operation", quote }),
      narrativeFact({ subject: "燃料费", value: "66.97", line: 696, quote }),
      narrativeFact({ subject: "维修费", value: "72.66", line: 696, quote }),
    ];
    const v = (q: string) => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("公车加油加修车一共多少钱")).not.toBe("72.66");
    expect(v("公务用车运行维护费")).toBe("159.96");
    expect(v("公务用车运行费里维修费多少")).toBe("72.66");
  });

  it("reads a label said with a 的 inside it, and 人员经费 as the 301/303 rows of a basic-expenditure table", () => {
    const cars = narrativeFact({ subject: "离退休干部服务用车", value: "15", unit: "辆", measure: "数量", line: 600, quote: "离退休干部服务用车15辆" });
    const l = linkSubject([cars], "给离退休干部服务用的车有几辆", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("15");
    const medical = cell({ row: "职工基本医疗保险缴费", code: "30110", value: "149.28", line: 346, ...T06, column: ["决算数"] });
    const office = cell({ row: "办公费", code: "30201", value: "20.00", line: 360, ...T06, column: ["决算数"] });
    const m = linkSubject([medical, office], "公开06表人员经费中职工基本医疗保险缴费的决算数", { code: "30110", accept });
    expect(m.kind === "match" ? m.best.d.fact.value : m.kind).toBe("149.28");
    expect(linkSubject([medical, office], "公用经费中的职工基本医疗保险缴费", { code: null, accept }).kind).not.toBe("match");
  });

  it("never reads a table title carried over from the previous answer as a table the question names", () => {
    const pool = [
      narrativeFact({ subject: "公务用车购置及运行费", value: "28.94", line: 582, item: "vehicle_total", quote: "公务用车购置及运行费28.94万元" }),
      cell({ row: "公务接待费", value: "3.87", line: 440, table: "公开09表 财政拨款三公经费支出决算表", kind: "三公经费支出决算表", column: ["决算数", "公务接待费"] }),
    ];
    const l = linkSubject(pool, "那公务用车呢\u0001公务接待费 财政拨款三公经费支出决算表", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("28.94");
  });

  it("prefers an indicator's outcome to its target unless the target is asked", () => {
    const quote = "累计建成换电站数量:年初目标值为100座,实际完成131座";
    const pool = [
      narrativeFact({ subject: "累计建成换电站数量", value: "100", unit: "座", measure: "数量", line: 892, quote, qualifier: ["目标值", "支持工业发展专项资金"] }),
      narrativeFact({ subject: "累计建成换电站数量", value: "131", unit: "座", measure: "数量", line: 892, quote, qualifier: ["实际完成值", "支持工业发展专项资金"] }),
    ];
    const v = (q: string) => {
      const l = linkSubject(pool, q, { code: null, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("累计建成的换电站有多少座")).toBe("131");
    expect(v("累计建成换电站的目标值是多少座")).toBe("100");
  });

  it("reads everyday words for an official term of the sentence (老师 for 教师) and area words as phrasing", () => {
    const pool = [narrativeFact({ subject: "专任教师", value: "3277", unit: "人", measure: "数量", line: 78, quote: "现有专任教师3277人" })];
    const l = linkSubject(pool, "专任的老师有多少人", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("3277");
    expect(contentMask("住房保障方面").filter(Boolean).length).toBe(4);
  });

  it("reads a row named with the body's own name by the rest of it", () => {
    const pool = [
      narrativeFact({ subject: `${DEPT}开办经费`, value: "97.87", unit: "分", measure: "得分", line: 854, quote: "开办经费 97.87" }),
      narrativeFact({ subject: "2019年度聘请专家人员经费", value: "96.53", unit: "分", measure: "得分", line: 853, quote: "聘请专家 96.53" }),
    ];
    const l = linkSubject(pool, "开办经费项目自评得了多少分", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("97.87");
  });

  it.each([
    ["扶恤金多少", "抚恤金", "8.93"], // a short name's first character by sound
    ["维修(户)费是多少", "维修(护)费", "7.14"], // a typo inside the label's brackets
  ])("reads %s as %s", (q, row, value) => {
    const l = linkSubject([cell({ row, value, line: 300, ...T06, column: ["决算数"] })], q, { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe(value);
  });

  it("reads a mistyped character that sounds like the label's before one that does not (公会 → 工会, not 公用)", () => {
    const pool = [
      cell({ row: "工会经费", code: "30228", value: "6.18", line: 520, ...T06, column: ["决算数"] }),
      cell({ row: "公用经费合计", value: "97.19", line: 599, ...T06, column: ["决算数"] }),
    ];
    const l = linkSubject(pool, "公会经费多少", { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe("6.18");
  });

  it("reads a row without its lead (其中:, 十九、) and prefers a column group's own figure to its breakdown", () => {
    const T2 = { table: "表2 高等学校收入决算表", kind: "收入决算表" };
    const pool = [
      cell({ row: "其中:捐赠收入", value: "1001.99", line: 154, table: "表1 高等学校收支决算总表", kind: "收入支出决算总表", column: ["决算数"] }),
      cell({ row: "高等教育", code: "2050205", value: "142972.32", line: 202, ...T2, column: ["事业收入", "金额"] }),
      cell({ row: "高等教育", code: "2050205", value: "80863.21", line: 202, ...T2, column: ["事业收入", "其中:教育收费"] }),
    ];
    const v = (q: string, code: string | null = null) => {
      const l = linkSubject(pool, q, { code, accept });
      return l.kind === "match" ? l.best.d.fact.value : l.kind;
    };
    expect(v("收到的捐赠收入有多少")).toBe("1001.99");
    expect(v("收入决算表中高等教育的事业收入是多少", "2050205")).toBe("142972.32");
    expect(v("收入决算表中高等教育事业收入里的教育收费", "2050205")).toBe("80863.21");
  });
});

describe("linkSubject: a label named by its end", () => {
  it("answers the one row whose name ends so, and prefers a row named exactly", () => {
    const pool = [cell({ row: "机关事业单位职业年金缴费支出", code: "2080506", value: "5502.38", line: 355, ...T03 })];
    const only = linkSubject(pool, "职业年金缴费支出多少", { code: null, accept });
    expect(only.kind === "match" ? only.best.d.fact.value : only.kind).toBe("5502.38");
    const both = [...pool, cell({ row: "职业年金缴费支出", value: "31.18", line: 356, ...T03 })];
    const exact = linkSubject(both, "职业年金缴费支出多少", { code: null, accept });
    expect(exact.kind === "match" ? exact.best.d.fact.value : exact.kind).toBe("31.18");
  });
});

describe("linkSubject: a short name's end said short", () => {
  const T01 = { table: "公开01表 收入支出决算总表", kind: "收入支出决算总表", column: ["决算数"] };
  const yearEnd = cell({ row: "年末结转和结余", value: "10.00", line: 30, ...T01 });
  const yearStart = cell({ row: "年初结转和结余", value: "20.00", line: 20, ...T01 });
  const said = (q: string, pool: Fact[]) => {
    const l = linkSubject(pool, q, { code: null, accept });
    return l.kind === "match" ? l.best.d.fact.value : l.kind === "clarify" ? l.candidates.map((c) => c.d.fact.value).sort() : l.kind;
  };

  it("reads 结转结余 as 年末结转和结余 said short", () => {
    expect(coversOf("结转结余多少", "年末结转和结余", { fuzzy: true, content: contentMask("结转结余多少") }).map((c) => c.how)).toContain("abbrev");
    expect(said("结转结余多少", [yearEnd])).toBe("10.00");
  });

  it("asks which when the pool holds both 年初 and 年末结转和结余", () => {
    expect(said("结转结余多少", [yearEnd, yearStart])).toEqual(["10.00", "20.00"]);
  });

  it("never reads a long name's end said short (结对帮扶招商引资资金 names too little of it)", () => {
    const label = "向宜昌市五峰县拨付结对帮扶招商引资项目资金";
    const q = "结对帮扶招商引资资金多少";
    expect(coversOf(q, label, { fuzzy: true, content: contentMask(q) })).toEqual([]);
    expect(said(q, [cell({ row: label, value: "50.00", line: 40, ...T03 })])).not.toBe("50.00");
  });
});

describe("linkSubject: a name the document gives another figure of the item", () => {
  // 公务用车保有量 (the 三公 count of cars paid from appropriations) and 车辆 (what the body holds) are
  // both of the item "vehicles", whose names list both: each figure keeps only its own.
  const held = narrativeFact({ subject: "公务用车保有量", value: "0", unit: "辆", measure: "数量", item: "vehicles", line: 584, quote: "截至2024年12月31日，开支财政拨款的公务用车保有量为0辆。" });
  const assets = narrativeFact({ subject: "车辆", value: "2", unit: "辆", measure: "数量", item: "vehicles", line: 602, quote: "截至2024年12月31日，本级共有车辆2辆，其中应急保障用车2辆。" });
  const pool = [held, assets];
  const said = (q: string): string | string[] => {
    const l = linkSubject(pool, q, { code: null, accept });
    return l.kind === "match" ? l.best.d.fact.value : l.kind === "clarify" ? l.candidates.map((c) => c.d.fact.value).sort() : l.kind;
  };

  it.each([
    ["公务用车保有量是多少辆", "0"],
    ["公务用车保有量多少", "0"],
  ])("%s → %s", (q, v) => {
    expect(said(q)).toBe(v);
  });

  it("never answers what the body holds for 公务用车 asked (the held count preferred, as a question reads it)", () => {
    expect(said("有几辆公务用车\u0001保有")).toBe("0");
  });

  it("reads what a body holds (共有) as held (保有): 本级一共有几辆车 is not the 三公 count alone", () => {
    expect(said("本级一共有几辆车\u0001保有")).not.toBe("0");
  });

  it("never answers the 三公 count for 车辆 asked in the document's other words", () => {
    expect(said("车辆有多少辆")).not.toBe("0");
  });

  it("labels each figure with its own row only", () => {
    expect(quantityOf(pool, assets).row).toBe("车辆");
    expect(quantityLabel(quantityOf(pool, held))).toContain("公务用车保有量");
  });
});

describe("linkSubject: who heads a body, as people say it", () => {
  const ambassadors = narrativeFact({ subject: "招商大使", value: "15", unit: "家", measure: "数量", line: 688, quote: "二是聘请区内15家龙头企业主要负责人为东西湖区“招商大使”，深挖产业链上下游项目资源。" });
  it.each([["聘了几家龙头企业老总当招商大使"], ["请了多少家企业的老板当招商大使"]])("%s → the sentence's 主要负责人", (q) => {
    const l = linkSubject([ambassadors], q, { code: null, accept });
    expect(l.kind).toBe("match");
  });
});

describe("linkSubject: everyday words for meals, trips abroad and foreign investment", () => {
  const meals = tableFact({ subject: "伙食补助费", value: "1006.36", line: 422, code: "30106", table: "公开06表 一般公共预算财政拨款基本支出决算明细表" });
  const abroad = narrativeFact({ subject: "因公出国(境)费", value: "0", line: 580, quote: "因公出国(境)费支出0万元。" });
  const fdi = narrativeFact({ subject: "实际利用外资(FDI)", value: "21210", unit: "万美元", measure: "数量", line: 1684, quote: "实际利用外资(FDI)累计完成21210万美元。" });
  it.each([
    ["食堂伙食补助一年多少钱", "1006.36"],
    ["公款出国花了多少", "0"],
    ["FDI完成了多少", "21210"],
  ])("%s → %s", (q, want) => {
    const l = linkSubject([meals, abroad, fdi], q.toLowerCase(), { code: null, accept });
    expect(l.kind === "match" ? l.best.d.fact.value : l.kind).toBe(want);
  });
});
