import { describe, expect, it } from "vitest";
import { identifyDocument } from "../../src/corpus/identity.js";
import { buildCatalog, latestYearOf, understandQuestion } from "../../src/query/index.js";
import { DONGHU, HONGSHAN, PUTUO, manifestDocs, mixedCatalog, seedCatalog } from "../fixtures/query/catalogs.js";
import { SAMPLE_QUESTIONS } from "../fixtures/query/questions.js";

describe("buildCatalog", () => {
  it("lists each department once with its years, type and files", () => {
    expect(seedCatalog.departments.map((d) => [d.name, d.years, d.type, d.files])).toEqual(
      manifestDocs().map((d) => [d.department, [d.year], d.type, [d.file]]),
    );
    expect(seedCatalog.latestYear).toBe(2024);
  });

  it("merges the years of one department and sorts them", () => {
    const putuo = mixedCatalog.departments.find((d) => d.name === PUTUO);
    expect(putuo).toMatchObject({ years: [2022, 2023], regions: ["上海市", "普陀区"] });
    expect(latestYearOf(mixedCatalog, PUTUO)).toBe(2023);
    expect(latestYearOf(mixedCatalog, null)).toBe(2024);
  });

  it("adds derived aliases to the manifest's", () => {
    const hongshan = seedCatalog.departments.find((d) => d.name === HONGSHAN);
    expect(hongshan?.aliases).toEqual(expect.arrayContaining(["洪山企业服务中心", "洪山区企服中心", "企服中心"]));
    const donghu = seedCatalog.departments.find((d) => d.name === DONGHU);
    expect(donghu?.regions).toEqual(["武汉东湖新技术开发区"]);
    expect(donghu?.aliases).toEqual(expect.arrayContaining(["东湖高新区管委会", "光谷"]));
  });

  it("derives regions from the name when the document gives none", () => {
    const c = buildCatalog([{ department: "北京市朝阳区卫生健康委员会", aliases: [], year: 2023, type: null, file: "x.txt" }]);
    expect(c.departments[0]?.regions).toEqual(["北京市", "朝阳区"]);
    expect(understandQuestion("朝阳区卫健委三公经费", undefined, c).department).toMatchObject({ kind: "resolved" });
    expect(understandQuestion("北京市卫健委三公经费", undefined, c).department).toEqual({
      kind: "unknown",
      asked: "北京市卫健委",
    });
  });

  it("resolves Chinese names from derived aliases alone (no manifest)", () => {
    const docs = [
      ["武汉市投资促进局（武汉市政务服务局）", 2024],
      ["武汉市经济和信息化局", 2024],
      ["武汉市洪山区企业服务中心本级", 2024],
      ["武汉市东西湖区商务局", 2022],
      ["武汉东湖新技术开发区管理委员会（本级）", 2023],
    ] as const;
    const catalog = buildCatalog(
      docs.map(([name, year]) => {
        const id = identifyDocument(
          { title: null, department: name, year, kind: "部门决算", unit: "万元", publishedOn: null },
          undefined,
          `${year}.txt`,
        );
        return { department: id.department, aliases: id.aliases, year, type: id.type, file: `${year}.txt`, region: id.region };
      }),
    );
    const name = (q: string): string | null => {
      const d = understandQuestion(q, undefined, catalog).department;
      return d.kind === "resolved" ? (d.names[0] ?? null) : d.kind;
    };
    expect(name("投促局三公经费")).toBe("武汉市投资促进局（武汉市政务服务局）");
    expect(name("经信局工会经费有多少")).toBe("武汉市经济和信息化局");
    expect(name("洪山区企业服务中心住房保障支出多少")).toBe("武汉市洪山区企业服务中心本级");
    expect(name("东西湖商务局2022年收入合计多少")).toBe("武汉市东西湖区商务局");
    expect(name("东湖高新区管委会卫生健康支出")).toBe("武汉东湖新技术开发区管理委员会（本级）");
    expect(name("武汉市商务局三公经费")).toBe("unknown");
  });

  it("builds an empty catalog", () => {
    const c = buildCatalog([]);
    expect(c.latestYear).toBeNull();
    expect(understandQuestion("三公经费多少", undefined, c)).toMatchObject({
      department: { kind: "none" },
      year: { kind: "default", value: null },
    });
  });
});

describe("understandQuestion: speed", () => {
  it("reads a question in well under a millisecond (median)", () => {
    const questions = SAMPLE_QUESTIONS;
    for (const q of questions) understandQuestion(q, undefined, seedCatalog);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const q of questions) {
        const t = performance.now();
        understandQuestion(q, undefined, seedCatalog);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(1);
  });
});
