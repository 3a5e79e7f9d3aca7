import { describe, expect, it } from "vitest";
import { buildSpelling, correctSpelling, keptWords } from "../../src/link/index.js";

const VOCAB = ["公务接待费", "比上年决算数", "政府采购支出总额", "较年初预算", "预算项目支出", "完成率", "共同", "事业运行", "因公出国(境)费", "职业年金缴费", "科学技术支出", "年初结转和结余", "收入决算表", "支出决算表", "伙食补助费", "全年预算", "捐赠收入", "调降", "调减", "学校财政拨款收入"];
const sp = buildSpelling(VOCAB);

describe("correctSpelling", () => {
  it.each([
    ["普陀社工部政俯采购一共花了多少钱", "普陀社工部政府采购一共花了多少钱"],
    ["行政运行比事页运行多花了多少", "行政运行比事业运行多花了多少"],
    ["2023年因工出国累计多少人次", "2023年因公出国累计多少人次"],
    ["基本支出明细表里职业年今缴费是多少", "基本支出明细表里职业年金缴费是多少"],
    ["事业运行的全年预箅是多少", "事业运行的全年预算是多少"], // 箅 stands in no label: a typo even at the edge
    ["收到的损赠收入有多少", "收到的捐赠收入有多少"],
    // At a word's edge only a whole word of the vocabulary, with a character that sounds alike.
    ["2019年积效自评的项目一共涉及多少资金", "2019年绩效自评的项目一共涉及多少资金"],
    ["开展绩效自平的项目共涉及资金多少", "开展绩效自评的项目共涉及资金多少"],
    ["西大一年的教育收废有多少", "西大一年的教育收费有多少"],
    ["2024年公务接带了多少人次", "2024年公务接待了多少人次"], // the repaired run begins a word (公务接待费)
    ["买办公设备化了多少钱", "买办公设备花了多少钱"], // a question word typed by sound
    ["支出总计比上年增价了多少", "支出总计比上年增加了多少"], // a change word typed by sound
  ])("repairs %s", (q, want) => {
    expect(correctSpelling(q, sp)).toBe(want);
  });

  it.each([
    ["年末结转和结余是多少"], // 末 and 初 are a contrast pair, not a typo
    ["经信局死亡抚恤支出多少"], // words next to a label are not typos of it
    ["2024年一般公共预算财政拨款收入多少"],
    ["项目支出比基本支出多多少"],
    ["汉阳区商务局的伙食补助费"], // place and body names are the department recogniser's
    ["死亡抚恤为什么没花完年初预算"], // 完 does not sound like 较: no 较年初预算 at the edge
    ["新能源汽车产量实际完成了多少万辆"], // a question word is never a repair's result
    ["预算项目共涉及资金多少"], // a repair at the edge makes a whole word, never a piece of one
    ["因公出国费比上年涨了百分之多少"], // 涨 does not sound like 决: never 比上年决(算)
    ["支出结构变化了多少"], // 变化 is a word: its 化 is no typo of 花
    ["全年预算有多少没花掉"], // 没 is no typo of 万 (多少万)
    ["咨询顾问项目年中调减了多少预算"], // 调减 is a sentence's verb of the documents (vocabulary below)
    ["西南大学用财政拨款交的养老保险"], // a function word (用) is never a typo of a label's character (学校财政拨款)
    ["西大在全国建了多少个科技小院"], // 建了 is meant: only verbs of paying are repaired by sound (never 降了)
  ])("leaves %s as typed", (q) => {
    expect(correctSpelling(q, sp)).toBe(q);
  });

  it.each([
    ["一年店费多少钱", "一年电费多少钱"],
    ["店费一年多少", "电费一年多少"],
  ])("repairs a two-character fee typed by sound and said alone: %s", (q, fixed) => {
    const withFees = buildSpelling([...VOCAB, "电费", "水费"]);
    expect(correctSpelling(q, withFees)).toBe(fixed);
  });

  it.each([["商店费用多少"], ["门店费多少"]])("leaves a fee word that runs on from the question's other words: %s", (q) => {
    const withFees = buildSpelling([...VOCAB, "电费", "水费"]);
    expect(correctSpelling(q, withFees)).toBe(q);
  });

  it("never changes a department name it is told to keep", () => {
    expect(correctSpelling("科学技木局的伙食补助费", sp, ["科学技木局"])).toBe("科学技木局的伙食补助费");
  });

  it("keeps the words of an index built once (an archive's names), wherever they stand", () => {
    const kept = keptWords(["事页运行中心", "科学技木局", "宜昌市审计局", ""]);
    expect(correctSpelling("行政运行比事页运行多花了多少", sp)).toBe("行政运行比事业运行多花了多少");
    expect(correctSpelling("事页运行中心比事页运行多花了多少", sp, [], kept)).toBe("事页运行中心比事业运行多花了多少");
    expect(kept.byFirst.get("事")).toEqual(["事页运行中心"]);
  });
});

describe("correctSpelling: names said short and rates typed by sound", () => {
  const withNames = buildSpelling([...VOCAB, "政务服务", "执行率", "降低"]);
  it.each([
    // 政采 says 政府采购 short (the vocabulary's 政府采购支出总额): no typo of 政务服务.
    ["政采服务类项目花了多少"],
    ["政采服务一共多少钱"],
  ])("leaves a two-word name said short as typed: %s", (q) => {
    expect(correctSpelling(q, withNames)).toBe(q);
  });

  it.each([
    ["项目执形率是多少", "项目执行率是多少"],
    ["预算执形率多少", "预算执行率多少"],
    ["支出比上年降底了多少", "支出比上年降低了多少"],
    // Real typos still repair beside the short names.
    ["政府采够支出总额多少", "政府采购支出总额多少"],
    ["政务服物花了多少", "政务服务花了多少"],
  ])("repairs %s", (q, want) => {
    expect(correctSpelling(q, withNames)).toBe(want);
  });
});

describe("correctSpelling: question words and everyday words are typed as meant", () => {
  const sp = buildSpelling(VOCAB);
  it.each([
    // 哪 sounds like 拿 (of the verb 拿了): a question word is never repaired.
    ["公务接待费主要花在哪了"],
    ["这笔钱用在哪了"],
  ])("%s", (q) => {
    expect(correctSpelling(q, sp)).toBe(q);
  });
});

describe("correctSpelling: a short name is read from a word's first two words only", () => {
  // A label whose later words pair with the typo ("后勤服务物业费": 服·物), or whose first two begin at
  // it ("物资支出": 物·支), says no short name that a repair would change.
  it.each([[["后勤服务物业费"]], [["物资支出"]]])("repairs 政府采购服物 to 服务 beside %j", (extra) => {
    const sp = buildSpelling([...VOCAB, "政府采购服务支出", "政务服务", ...extra]);
    expect(correctSpelling("政府采购服物支出多少", sp)).toBe("政府采购服务支出多少");
    expect(correctSpelling("政采服务类项目花了多少", sp)).toBe("政采服务类项目花了多少");
  });
});
