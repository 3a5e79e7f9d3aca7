import { describe, expect, it } from "vitest";
import { translateEnglish } from "../../src/query/_english-words.js";
import { subjectOf, understandQuestion } from "../../src/query/index.js";
import { seedCatalog } from "../fixtures/query/catalogs.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);

describe("understandQuestion: English class names", () => {
  it.each([
    ["How much did the Investment Promotion Bureau spend on general public services?", "一般公共服务支出"],
    ["What went to social security and employment at the Economy and IT Bureau?", "社会保障和就业支出"],
    ["Energy conservation and environmental protection spending of the Donghu High-tech Zone", "节能环保支出"],
    ["How much did Optics Valley spend on agriculture, forestry and water?", "农林水支出"],
    ["Science and technology expenditure of the Hongshan Enterprise Service Center", "科学技术支出"],
    ["How much did the Optics Valley committee spend on health?", "卫生健康支出"],
    ["What was the Donghu High-tech Zone's spending on culture, tourism, sports and media?", "文化旅游体育与传媒支出"],
    ["What did the Investment Promotion Bureau pay in basic salaries?", "基本工资"],
    ["How much rental did the Dongxihu Commerce Bureau pay?", "租赁费"],
    ["What did the Economy and IT Bureau spend on business travel?", "差旅费"],
    ["Property management costs of the Investment Promotion Bureau", "物业管理费"],
    ["How much were the union dues of the Economy and IT Bureau?", "工会经费"],
    ["What were the Hongshan Enterprise Service Center's office expenses?", "办公费"],
    ["How much did the Economy and IT Bureau pay in bonuses?", "奖金"],
  ])("%s → topic %s", (q, topic) => {
    const x = u(q);
    expect(x.topic).toBe(topic);
    expect(x.items).toEqual([]);
  });

  it("lets an item that holds the class word win: overseas travel is not 差旅费", () => {
    const x = u("How much did the Investment Promotion Bureau spend on overseas travel?");
    expect(x.items.map((h) => h.key)).toEqual(["outbound_travel"]);
  });

  it("reads a Chinese table name in an English question as where the figure stands, not what it is", () => {
    const x = u("In the Investment Promotion Bureau's 2024 summary table (收入支出决算总表), what was the housing security expenditure?");
    expect(x.topic).toBe("住房保障支出 收入支出决算总表");
    expect(x.items).toEqual([]);
  });

  it("takes a Chinese term quoted in an English question as the topic", () => {
    const x = u("How much went to the staff canteen (职工食堂) at the Hongshan Enterprise Service Center?");
    expect(x.topic).toBe("职工食堂");
    const y = u("How much did the Economy and IT Bureau spend on 公务接待费 in 2024?");
    expect(y.items.map((h) => h.key)).toEqual(["reception"]);
  });
});

describe("understandQuestion: English scores and budget use", () => {
  it("reads an overall self-assessment score as the 部门整体 score", () => {
    expect(u("What was the Dongxihu Commerce Bureau's overall self-assessment score?")).toMatchObject({
      topic: "部门整体",
      aspect: { value: "得分" },
      intent: "figure",
    });
  });

  it.each([
    ["What proportion of the training budget did the Investment Promotion Bureau actually use?", "培训费", []],
    ["What percentage of its hospitality budget did the Economy and IT Bureau spend in 2024?", "hospitality", ["reception"]],
  ])("reads the share of a budget spent as 完成率: %s", (q, topic, keys) => {
    const x = u(q);
    expect(x.aspect.value).toBe("完成率");
    expect(x.topic).toBe(topic);
    expect(x.items.map((h) => h.key)).toEqual(keys);
  });

  it("keeps a plain English share a share", () => {
    expect(u("What share of total spending was basic expenditure at the Hongshan Enterprise Service Center?").aspect.value).toBe("占比");
  });

  it("reads 'compared with the previous year' as the change basis, not as the year asked", () => {
    const x = u("Why did the Economy and IT Bureau's reception spending fall compared with the previous year?");
    expect(x.year).toEqual({ kind: "default", value: 2024 });
    expect(x.intent).toBe("explain");
  });
});

describe("translateEnglish: the domain's English words in the documents' Chinese", () => {
  it.each([
    ["how many fuel-cell vehicles had been promoted cumulatively", ["燃料电池汽车", "推广", "累计"]],
    ["the self-evaluation score of its special fund project", ["自评得分", "专项资金"]],
    ["how many service specialists had it trained", ["服务专员", "培养"]],
    ["according to its performance self-evaluation, how many new energy vehicles were produced", ["绩效自评", "新能源汽车", "产量"]],
    ["according to its expenditure table", ["支出决算表"]],
    ["how many battery-swap stations had been built in total", ["换电站", "累计建成"]],
    ["how many new sme service workstations did it set up", ["中小企业服务工作站", "新增"]],
    ["how many municipal-level key investment promotion events did it hold", ["重点招商活动", "市级"]],
    ["how many party members did it have", ["党员"]],
    ["how much foreign trade (imports plus exports) did the district do", ["进出口"]],
    ["its special fund for supporting industrial development", ["支持", "专项资金", "工业发展"]],
    ["the average performance self-evaluation score of its projects", ["平均", "绩效自评"]],
    ["national natural science foundation of china projects won", ["国家自然科学基金"]],
    ["the low-altitude shared drone application demonstration zone project", ["低空", "无人机", "应用", "示范区"]],
    ["how many national-level talents does it have", ["国家级人才"]],
    ["how many master's supervisors does it have", ["硕士生导师"]],
    ["how many events did it organize or co-organize", ["参与组织"]],
    ["how much did it pay for water", ["水费"]],
    ["how many gazelle enterprises were certified", ["瞪羚企业", "认定"]],
  ])("%s → %j", (text, zh) => {
    expect(translateEnglish(text).zh).toEqual(expect.arrayContaining(zh));
  });
  it("leaves words it does not know", () => {
    expect(translateEnglish("the european-funded projects signed").zh).toEqual([]);
  });
});

describe("subjectOf (English): a head noun before an item it is for", () => {
  it.each([
    ["How much did the Economy and IT Bureau spend on fuel for its official vehicles?", "燃料费"],
    ["How much did the Economy and IT Bureau spend on insurance for its official cars?", "保险"],
  ])("%s → the item's short name beside %s, not its whole", (q, head) => {
    const s = subjectOf(u(q));
    expect(s).toContain(head);
    expect(s).toContain("公务用车");
    expect(s).not.toContain("购置及运行维护费");
  });
});
