import { describe, expect, it } from "vitest";
import { buildSpelling, correctSpelling } from "../../src/link/index.js";

const VOCAB = ["政府采购支出总额", "事业运行", "因公出国(境)费", "职业年金缴费", "科学技术支出", "年初结转和结余", "收入决算表", "支出决算表", "伙食补助费", "全年预算", "捐赠收入"];
const sp = buildSpelling(VOCAB);

describe("correctSpelling", () => {
  it.each([
    ["普陀社工部政俯采购一共花了多少钱", "普陀社工部政府采购一共花了多少钱"],
    ["行政运行比事页运行多花了多少", "行政运行比事业运行多花了多少"],
    ["2023年因工出国累计多少人次", "2023年因公出国累计多少人次"],
    ["基本支出明细表里职业年今缴费是多少", "基本支出明细表里职业年金缴费是多少"],
    ["事业运行的全年预箅是多少", "事业运行的全年预算是多少"], // 箅 stands in no label: a typo even at the edge
    ["收到的损赠收入有多少", "收到的捐赠收入有多少"],
  ])("repairs %s", (q, want) => {
    expect(correctSpelling(q, sp)).toBe(want);
  });

  it.each([
    ["年末结转和结余是多少"], // 末 and 初 are a contrast pair, not a typo
    ["经信局死亡抚恤支出多少"], // words next to a label are not typos of it
    ["2024年一般公共预算财政拨款收入多少"],
    ["项目支出比基本支出多多少"],
    ["汉阳区商务局的伙食补助费"], // place and body names are the department recogniser's
  ])("leaves %s as typed", (q) => {
    expect(correctSpelling(q, sp)).toBe(q);
  });

  it("never changes a department name it is told to keep", () => {
    expect(correctSpelling("科学技木局的伙食补助费", sp, ["科学技木局"])).toBe("科学技木局的伙食补助费");
  });
});
