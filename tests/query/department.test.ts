import { describe, expect, it } from "vitest";
import { buildCatalog, departmentPhrases, nextState, understandQuestion } from "../../src/query/index.js";
import {
  DONGHU,
  DONGXIHU,
  FAGAI,
  HONGSHAN,
  JINGXIN,
  PUTUO,
  SYNTHETIC_DOCS,
  TOUCHU,
  mixedCatalog,
  seedCatalog,
} from "../fixtures/query/catalogs.js";

const SHARED = SYNTHETIC_DOCS.filter((d) => d.department === PUTUO);

const dept = (q: string, catalog = seedCatalog) => understandQuestion(q, undefined, catalog).department;

describe("understandQuestion: department", () => {
  it.each([
    ["经信局工会经费有多少", JINGXIN, "经信局"],
    ["武汉市经济和信息化局三公经费", JINGXIN, "武汉市经济和信息化局"],
    ["武汉经信局三公经费", JINGXIN, "武汉经信局"],
    ["市投促局三公经费", TOUCHU, "市投促局"],
    ["政务服务局三公经费", TOUCHU, "政务服务局"],
    ["洪山区企业服务中心住房保障支出多少", HONGSHAN, "洪山区企业服务中心"],
    ["洪山企业服务中心三公经费", HONGSHAN, "洪山企业服务中心"],
    ["东西湖商务局2022年收入合计多少", DONGXIHU, "东西湖商务局"],
    ["武汉市东西湖区商务局三公经费", DONGXIHU, "武汉市东西湖区商务局"],
    ["东湖高新区农林水支出多少", DONGHU, "东湖高新区"],
    ["东湖高新三公经费", DONGHU, "东湖高新"],
    ["光谷三公经费", DONGHU, "光谷"],
    ["东湖开发区三公", DONGHU, "东湖开发区"],
    ["请问武汉市经信局的三公经费是多少？", JINGXIN, "武汉市经信局"],
    // A body word typed by sound after a name cut short without it.
    ["东西湖区商务居日常运转的机关运行经费花了多少", DONGXIHU, "东西湖区商务居"],
    // The first character typed by sound.
    ["精信局出差花了多少钱", JINGXIN, "精信局"],
    // A region's bare name where the corpus holds one body under it, with the body's words in short.
    ["东西湖平价菜补贴一共卖了多少吨菜", DONGXIHU, "东西湖"],
    ["洪山企服绩效工资发了多少", HONGSHAN, "洪山企服"],
    // …its first character typed by sound, with the body's words after it or its level word.
    ["红山企服物业这块花了多少", HONGSHAN, "红山企服"],
    ["红山区三公经费多少", HONGSHAN, "红山区"],
    // A region named elsewhere contradicts a short match of another region's body ("商务" of 东西湖区商务局).
    ["洪山区租赁和商务服务业入网营收增速是多少", HONGSHAN, "洪山区"],
  ])("resolves %s by name or alias", (q, name, phrase) => {
    expect(dept(q)).toEqual({ kind: "resolved", names: [name], via: "explicit", phrases: [phrase] });
  });

  it.each([
    ["经心局三公经费", JINGXIN, "经心局"],
    ["经信三公经费", JINGXIN, "经信"],
    ["经信的三公经费", JINGXIN, "经信"],
    ["投促三公", TOUCHU, "投促"],
    ["东湖高新区管委三公经费", DONGHU, "东湖高新区管委"],
    ["洪山区企服务中心三公经费", HONGSHAN, "洪山区企服务中心"],
    ["东西湖区商物局三公经费", DONGXIHU, "东西湖区商物局"],
  ])("tolerates one wrong, missing or extra character: %s", (q, name, phrase) => {
    expect(dept(q)).toEqual({ kind: "resolved", names: [name], via: "explicit", phrases: [phrase] });
  });

  it.each([
    ["What did the Wuhan Investment Promotion Bureau spend on official receptions in 2024?", TOUCHU],
    ["What share of the Hongshan District Enterprise Service Center's 2024 expenditure was basic expenditure?", HONGSHAN],
    ["How much did the Hongshan District Enterprise Centre spend?", null],
    ["Optics Valley reception costs", DONGHU],
  ])("resolves English names through aliases: %s", (q, name) => {
    const d = dept(q);
    if (name === null) expect(d.kind).not.toBe("resolved");
    else expect(d).toMatchObject({ kind: "resolved", names: [name], via: "explicit" });
  });

  it.each([
    ["武汉市商务局2024年政府采购支出多少？", "武汉市商务局"],
    ["武汉经开区2023年三公经费多少", "武汉经开区"],
    ["经开区三公经费", "经开区"],
    ["上海市财政局三公经费", "上海市财政局"],
    ["财政局三公经费", "财政局"],
    ["How much did the Wuhan Commerce Bureau spend?", "wuhan commerce bureau"],
    ["经信局和武汉市商务局三公对比", "武汉市商务局"],
  ])("gives unknown for an organisation the corpus lacks: %s", (q, asked) => {
    expect(dept(q)).toEqual({ kind: "unknown", asked });
  });

  it.each([
    ["东湖高新区管委会里财政局业务经费多少", DONGHU],
    ["东湖高新区政法委业务经费项目自评得分", DONGHU],
    ["投促局机关党委有多少党员", TOUCHU],
  ])("reads an organisation word inside an item as part of the item: %s", (q, name) => {
    expect(dept(q, mixedCatalog)).toMatchObject({ kind: "resolved", names: [name] });
  });

  it("gives none when no organisation is named", () => {
    expect(dept("三公经费是什么意思")).toEqual({ kind: "none" });
    expect(dept("财政拨款收入多少", mixedCatalog)).toEqual({ kind: "none" });
  });

  it("takes the one department of a region named alone, and asks which when it holds several", () => {
    expect(dept("洪山区三公经费")).toEqual({ kind: "resolved", names: [HONGSHAN], via: "explicit", phrases: ["洪山区"] });
    const twoInPutuo = buildCatalog([...SYNTHETIC_DOCS, { department: "上海市普陀区教育局", aliases: [], year: 2023, type: "部门决算", file: "2023-putuo-jiaoyuju.txt" }]);
    const ref = dept("普陀区三公经费", twoInPutuo);
    expect(ref.kind).toBe("ambiguous");
    expect(ref.kind === "ambiguous" ? [...ref.candidates].sort() : []).toEqual(["上海市普陀区教育局", PUTUO].sort());
  });

  it("resolves two departments in order of mention for a comparison", () => {
    expect(dept("投促局和经信局的三公经费对比")).toEqual({
      kind: "resolved",
      names: [TOUCHU, JINGXIN],
      via: "explicit",
      phrases: ["投促局", "经信局"],
    });
  });
});

describe("understandQuestion: department, outside the manifest", () => {
  it.each([
    ["普陀区财政局三公经费", PUTUO],
    ["普陀财政局三公经费", PUTUO],
    ["上海市普陀区财政局三公经费", PUTUO],
    ["财政局三公经费", PUTUO],
    ["湖北省发改委三公经费", FAGAI],
    ["发改委三公经费", FAGAI],
    ["发展和改革委员会三公经费", FAGAI],
  ])("resolves %s through derived aliases", (q, name) => {
    expect(dept(q, mixedCatalog)).toMatchObject({ kind: "resolved", names: [name] });
  });

  it.each([
    ["上海市财政局三公经费", "上海市财政局"],
    ["静安区财政局三公经费", "静安区财政局"],
    ["武汉市发改委三公经费", "武汉市发改委"],
  ])("keeps a different region's bureau apart: %s", (q, asked) => {
    expect(dept(q, mixedCatalog)).toEqual({ kind: "unknown", asked });
  });

  it("calls a name shared by two departments ambiguous", () => {
    const both = [
      ...SHARED,
      { department: "上海市静安区财政局", aliases: [], year: 2023, type: "部门决算", file: "jingan.txt" },
    ];
    const catalog = buildCatalog(both);
    expect(understandQuestion("财政局三公经费", undefined, catalog).department).toEqual({
      kind: "ambiguous",
      asked: "财政局",
      candidates: [PUTUO, "上海市静安区财政局"],
    });
    expect(understandQuestion("静安财政局三公经费", undefined, catalog).department).toMatchObject({
      kind: "resolved",
      names: ["上海市静安区财政局"],
    });
  });
});

describe("understandQuestion: places outside the corpus", () => {
  it.each([
    ["北京市经信局2024年因公出国费多少钱", "北京市经信局"],
    ["北京经信局三公经费", "北京经信局"],
    ["湖北省经信局三公经费", "湖北省经信局"],
    ["广州市商务局三公经费", "广州市商务局"],
    ["恩施州商务局三公经费", "恩施州商务局"],
    ["成都投促局去年接待费", "成都投促局"],
    ["江岸区商务局三公经费", "江岸区商务局"],
    ["北京市东城区商务局三公经费", "北京市东城区商务局"],
    ["上海市2024年三公经费多少", "上海市"],
    ["How much did the Beijing Investment Promotion Bureau spend on receptions?", "beijing investment promotion bureau"],
  ])("gives unknown for a department of another city, province or district: %s", (q, asked) => {
    expect(dept(q)).toEqual({ kind: "unknown", asked });
  });

  it.each([
    ["武汉经信局三公经费", JINGXIN],
    ["武汉市经信局三公经费", JINGXIN],
    ["湖北省武汉市经信局三公经费", JINGXIN],
    ["湖北武汉投促局三公经费", TOUCHU],
    ["How much did the Wuhan Investment Promotion Bureau spend on receptions?", TOUCHU],
  ])("still resolves the catalog's own city, with its province before it: %s", (q, name) => {
    expect(dept(q)).toMatchObject({ kind: "resolved", names: [name] });
  });

  it("keeps the topic clean of a province named before the department", () => {
    expect(understandQuestion("湖北省武汉市经信局三公经费", undefined, seedCatalog).topic).toBe("三公经费");
  });

  it("refuses another city's bureau mid-conversation too", () => {
    const first = understandQuestion("经信局三公经费多少", undefined, seedCatalog);
    const next = understandQuestion("北京经信局呢", { department: JINGXIN, year: 2024, topic: first.topic, aspect: "决算", lang: "zh" }, seedCatalog);
    expect(next.department).toEqual({ kind: "unknown", asked: "北京经信局" });
  });

  it("resolves a catalog department of another province", () => {
    expect(dept("上海市普陀区财政局三公经费", mixedCatalog)).toMatchObject({ kind: "resolved", names: [PUTUO] });
    expect(dept("湖北省发改委三公经费", mixedCatalog)).toMatchObject({ kind: "resolved", names: [FAGAI] });
    expect(dept("北京市发改委三公经费", mixedCatalog)).toEqual({ kind: "unknown", asked: "北京市发改委" });
  });
});

describe("English names of bodies from other regions and templates", () => {
  const others = buildCatalog(
    ["佛山市轨道交通局", "中共上海市普陀区委社会工作部", "西南大学", "武汉东湖新技术开发区管理委员会（本级）", "武汉市东西湖区商务局"].map((department, i) => ({ department, aliases: [], year: 2024, type: "部门决算" as const, file: `f${i}.txt` })),
  );
  it.each([
    ["How much did the Foshan Rail Transit Bureau spend in 2019?", "佛山市轨道交通局"],
    ["How much did Foshan's rail transit bureau spend on printing?", "佛山市轨道交通局"],
    ["How much did the Foshan Urban Rail Transit Bureau spend on the housing provident fund?", "佛山市轨道交通局"],
    ["What was the basic expenditure of the CPC Putuo District Committee Social Work Department?", "中共上海市普陀区委社会工作部"],
    ["What did the Social Work Department of the CPC Shanghai Putuo District Committee spend?", "中共上海市普陀区委社会工作部"],
    ["How much did the Putuo District Social Work Department pay in annuities?", "中共上海市普陀区委社会工作部"],
    ["How many vehicles did the Wuhan East Lake High-tech Development Zone Management Committee have?", "武汉东湖新技术开发区管理委员会（本级）"],
  ])("%s → %s", (q, name) => {
    expect(dept(q, others)).toMatchObject({ kind: "resolved", names: [name] });
  });
  it.each([["How much did the Wuhan Commerce Bureau spend?"], ["What did the Putuo District Finance Bureau spend?"]])("%s names a body the corpus lacks", (q) => {
    expect(dept(q, others).kind).toBe("unknown");
  });
});

describe("a university the corpus lacks, named mid-conversation", () => {
  it("is another body, never the conversation's", () => {
    const uni = buildCatalog([{ department: "西南大学", aliases: [], year: 2024, type: "部门决算", file: "x.txt" }]);
    const first = understandQuestion("西南大学2024年事业收入是多少？", undefined, uni);
    const st = nextState(first);
    expect(understandQuestion("那重庆大学同一年的事业收入呢？", st, uni).department).toMatchObject({ kind: "unknown", asked: "重庆大学" });
  });
});

describe("understandQuestion: a level is not a body", () => {
  it("reads 省部级 as a level, not another department (西大有多少个省部级平台)", () => {
    expect(understandQuestion("西大有多少个省部级平台", undefined, mixedCatalog).department.kind).not.toBe("unknown");
  });
});

describe("understandQuestion: a region typed by sound", () => {
  it("is not read bare, without its body's words or its level word (红山 may be a name of its own)", () => {
    expect(understandQuestion("红山三公经费", undefined, seedCatalog).department.kind).not.toBe("resolved");
  });
});

describe("departmentPhrases", () => {
  it.each([
    ["经信居福利费多少", "经信居"],
    ["东湖高薪区工资福利支出多少", "东湖高薪区"],
    // A name's last character typed by sound is no name cut short before it.
    ["东湖高薪物业费多少", "东湖高薪"],
  ])("gives the words naming a department, typos included, so item typo repair leaves them: %s", (q, phrase) => {
    expect(departmentPhrases(q, seedCatalog)).toContain(phrase);
  });
  it("gives none where no department is named", () => {
    expect(departmentPhrases("工资福利支出多少", seedCatalog)).toEqual([]);
  });
});

describe("understandQuestion: a bare region that begins a name of the documents", () => {
  it.each([
    // 洪山 alone names the one body under it, unless the documents hold a name beginning with it and the words after.
    [["洪山企业之家平台", "工资福利支出"], "none"],
    [["洪山企业服务平台", "工资福利支出"], "none"],
    [["洪山区企业服务中心", "洪山企", "洪山企之"], "resolved"],
    [["洪山", "工资"], "resolved"],
    [[], "resolved"],
  ])("reads 洪山企业之家发布了多少条信息 against the vocabulary %j as %s", (words, kind) => {
    const catalog = { ...seedCatalog, vocabulary: new Set(words) };
    expect(understandQuestion("洪山企业之家发布了多少条信息", undefined, catalog).department.kind).toBe(kind);
  });
});

describe("understandQuestion: a region with its body's words in short, beside other bodies", () => {
  it.each([
    ["投促局、经信局、洪山企服这几家里谁的差旅费最高", "rank", [TOUCHU, JINGXIN, HONGSHAN], ["投促局", "经信局", "洪山企服"]],
    ["投促局、经信局、洪山企服这三家谁的差旅费最多", "rank", [TOUCHU, JINGXIN, HONGSHAN], ["投促局", "经信局", "洪山企服"]],
    ["经信局和洪山企服差旅费谁高", "compare", [JINGXIN, HONGSHAN], ["经信局", "洪山企服"]],
    ["经信局和洪山企服差旅费哪个多", "compare", [JINGXIN, HONGSHAN], ["经信局", "洪山企服"]],
  ] as const)("%s → %s of each", (q, intent, names, phrases) => {
    const x = understandQuestion(q, undefined, seedCatalog);
    expect(x.intent).toBe(intent);
    expect(x.department).toEqual({ kind: "resolved", names, via: "explicit", phrases });
    // The more/less word of the comparison is no item text.
    expect(x.topic).toBe("差旅费");
    expect(x.operands.map((o) => [o.department, o.topic])).toEqual(names.map((n) => [n, "差旅费"]));
  });
});
