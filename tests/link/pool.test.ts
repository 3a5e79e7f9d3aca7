import { describe, expect, it } from "vitest";
import type { Fact } from "../../src/facts/types.js";
import { descriptorsOf, linkSubject } from "../../src/link/index.js";
import { contentMask } from "../../src/link/_fillers.js";
import { coversOf } from "../../src/link/_match.js";
import { poolIndex, reachOf, REACH_FULL, REACH_NONE, REACH_PHRASE } from "../../src/link/_pool.js";
import { narrativeFact, tableFact } from "../fixtures/answer/facts.js";

const T06 = { table: "公开06表 一般公共预算财政拨款基本支出决算明细表", column: ["决算数"] };

const POOL: Fact[] = [
  tableFact({ subject: "会议费", code: "30215", value: "1.17", line: 377, ...T06 }),
  tableFact({ subject: "基本工资", code: "30101", value: "415.49", line: 339, ...T06 }),
  tableFact({ subject: "社会保障和就业支出", code: "208", value: "1583.60", line: 222, ...T06 }),
  tableFact({ subject: "公务接待费", code: "30217", value: "3.87", line: 380, ...T06 }),
  narrativeFact({ subject: "服务采购金额", value: "0", line: 636, quote: "政府采购金额为21.07万元，其中：货物采购金额21.07万元、服务采购金额0万元" }),
];

/** How many of the label's characters (by position) the text holds. */
function sharedCount(text: string, label: string): number {
  let n = 0;
  for (const ch of label) if (text.includes(ch)) n++;
  return n;
}

describe("reachOf", () => {
  const index = poolIndex(descriptorsOf(POOL));
  const reachOfLabel = (text: string, label: string): number => {
    const id = index.keys.indexOf(label);
    expect(id).toBeGreaterThanOrEqual(0);
    return reachOf(index, text).reach[id] ?? -1;
  };

  it.each([
    // No character shared and no everyday phrase said: nothing can be read.
    ["公务用车", "基本工资", REACH_NONE],
    ["出差", "会议费", REACH_NONE],
    // One character shared (会 of 开会): only an everyday phrase can name it.
    ["开会花了多少", "会议费", REACH_PHRASE],
    // An everyday phrase with no character in common ("工资" shares 工资; "薪水" shares none).
    ["发薪水花了多少", "基本工资", REACH_PHRASE],
    // Two characters or more: every reading.
    ["社保就业支出", "社会保障和就业支出", REACH_FULL],
    ["公务接侍费多少", "公务接待费", REACH_FULL],
  ])("reads %s against %s as %s", (text, label, reach) => {
    expect(reachOfLabel(text, label)).toBe(reach);
  });

  it("counts the label's positions that hold a character of the text", () => {
    const id = index.keys.indexOf("社会保障和就业支出");
    expect(reachOf(index, "社保就业支出").shared[id]).toBe(sharedCount("社保就业支出", "社会保障和就业支出"));
  });
});

describe("coversOf with a bound on the characters shared", () => {
  it.each([
    ["公务接侍费多少", "公务接待费"], // typo
    ["社保就业支出", "社会保障和就业支出"], // abbreviation
    ["职业年金缴费支出财政拨款花了多少", "机关事业单位职业年金缴费支出"], // named by its end
    ["补贴销售了多少吨菜", "补贴销售菜品数量"], // named by its beginning
    ["因公出国(境)一共涉及多少个团组", "因公出国(境)团组"], // in pieces
    ["离退休干部服务用的车花了多少", "离退休干部服务用车"], // with a 的 inside
    // One word of the label read twice by the bag of words (a noun that is also a verb): two characters shared.
    ["上海市普陀区社会工作发展服务中心2024年自己单独的支出决算是多少？", "服务采购金额"],
    ["支出多少", "公务用车运行维护费"],
    ["开会花了多少", "会议费"],
  ])("reads %s against %s as it does without the bound", (text, label) => {
    const content = contentMask(text);
    const shared = sharedCount(text, label);
    for (const fuzzy of [true, false]) expect(coversOf(text, label, { fuzzy, content, shared })).toEqual(coversOf(text, label, { fuzzy, content }));
  });
});

describe("linkSubject: admitted descriptors kept per accept key", () => {
  it("asks `accept` once per fact for a key, and links as without it", () => {
    let asked = 0;
    const accept = (): boolean => {
      asked++;
      return true;
    };
    const pool = [...POOL];
    const plain = linkSubject(pool, "开会花了多少", { code: null, accept });
    const first = asked;
    expect(first).toBe(pool.length);
    const keyed = linkSubject(pool, "开会花了多少", { code: null, accept, acceptKey: "all" });
    expect(asked).toBe(2 * first);
    expect(linkSubject(pool, "公务接侍费多少", { code: null, accept, acceptKey: "all" }).kind).toBe("match");
    expect(asked).toBe(2 * first);
    expect(keyed).toEqual(plain);
  });
});
