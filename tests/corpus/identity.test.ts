import { describe, expect, it } from "vitest";
import { deriveAliases, identifyDocument, regionForms, splitRegion } from "../../src/corpus/identity.js";
import type { ManifestEntry } from "../../src/corpus/index.js";
import type { DocumentMeta } from "../../src/parse/types.js";

const meta = (over: Partial<DocumentMeta>): DocumentMeta => ({
  title: null,
  department: null,
  year: null,
  kind: null,
  unit: "万元",
  publishedOn: null,
  ...over,
});

const entry = (over: Partial<ManifestEntry>): ManifestEntry => ({
  file: "2024-hongshan-qiyefuwu.txt",
  department: "武汉市洪山区企业服务中心",
  aliases: ["洪山企业服务中心"],
  region: "武汉市洪山区",
  year: 2024,
  type: "单位决算",
  ...over,
});

describe("identifyDocument", () => {
  it("lets the manifest name the department and ignores a 本级 suffix in the text", () => {
    const id = identifyDocument(
      meta({ department: "武汉市洪山区企业服务中心本级", year: 2024, kind: "单位决算" }),
      entry({}),
      "2024-hongshan-qiyefuwu.txt",
    );
    expect(id.department).toBe("武汉市洪山区企业服务中心");
    expect(id.year).toBe(2024);
    expect(id.type).toBe("单位决算");
    expect(id.region).toBe("武汉市洪山区");
    expect(id.mismatches).toEqual([]);
    expect(id.aliases[0]).toBe("洪山企业服务中心");
    expect(id.aliases).toContain("洪山区企业服务中心");
    expect(id.aliases).not.toContain("武汉市洪山区企业服务中心");
  });

  it.each([
    ["（本级）in brackets", "武汉东湖新技术开发区管理委员会 (本级)", "武汉东湖新技术开发区管理委员会（本级）"],
    ["full-width vs ASCII brackets", "武汉市投资促进局(武汉市政务服务局)", "武汉市投资促进局（武汉市政务服务局）"],
    ["fewer region levels", "洪山区企业服务中心", "武汉市洪山区企业服务中心"],
  ])("does not report %s as a mismatch", (_case, text, manifest) => {
    const id = identifyDocument(meta({ department: text, year: 2024 }), entry({ department: manifest }), "x.txt");
    expect(id.mismatches).toEqual([]);
    expect(id.department).toBe(manifest);
  });

  it("reports a different name, year and type", () => {
    const id = identifyDocument(
      meta({ department: "武汉市洪山区科技局", year: 2023, kind: "部门决算" }),
      entry({}),
      "2024-hongshan-qiyefuwu.txt",
    );
    expect(id.mismatches).toEqual([
      "部门名称：正文为“武汉市洪山区科技局”，清单为“武汉市洪山区企业服务中心”",
      "年度：正文为2023年，清单为2024年",
      "决算类型：正文为部门决算，清单为单位决算",
    ]);
    expect(id.year).toBe(2024);
  });

  it("falls back to the text's metadata and derives aliases without a manifest entry", () => {
    const id = identifyDocument(
      meta({ department: "上海市普陀区财政局", year: 2023, kind: "部门决算" }),
      undefined,
      "putuo.txt",
    );
    expect(id).toEqual({
      department: "上海市普陀区财政局",
      year: 2023,
      type: "部门决算",
      aliases: ["财政局", "上海普陀区财政局", "普陀区财政局", "普陀财政局"],
      region: "上海市普陀区",
      mismatches: [],
    });
  });

  it("takes the year from the file name and the type from the title when the text lacks them", () => {
    const id = identifyDocument(
      meta({ department: "武汉市经济和信息化局", title: "2024 年度武汉市经济和信息化局 部门决算公开" }),
      undefined,
      "2024-wuhan-jingxinju.txt",
    );
    expect(id.year).toBe(2024);
    expect(id.type).toBe("部门决算");
  });

  it("names the file when nothing else names the department", () => {
    expect(identifyDocument(meta({}), undefined, "2021-unknown.txt").department).toBe("2021-unknown");
  });
});

describe("deriveAliases", () => {
  it.each([
    ["武汉市经济和信息化局", ["经济和信息化局", "经信局", "武汉市经信局", "武汉经信局", "市经信局"]],
    ["武汉市投资促进局（武汉市政务服务局）", ["投资促进局", "投促局", "市投促局", "政务服务局", "武汉市政务服务局"]],
    ["武汉东湖新技术开发区管理委员会（本级）", ["东湖高新区管委会", "东湖新技术开发区管理委员会", "东湖高新区", "东湖开发区"]],
    ["武汉市洪山区企业服务中心本级", ["洪山区企业服务中心", "洪山企业服务中心", "企业服务中心", "洪山区企服中心"]],
    ["上海市普陀区财政局", ["普陀区财政局", "财政局", "普陀财政局"]],
    ["湖北省发展和改革委员会", ["发改委", "湖北省发改委", "湖北发改委"]],
    ["北京市朝阳区卫生健康委员会", ["卫健委", "朝阳区卫健委", "卫生健康委"]],
    ["天津滨海新区管理委员会", ["滨海新区管委会", "滨海新区"]],
    ["中共上海市普陀区委社会工作部", ["普陀区社工部", "普陀社工部", "普陀区委社会工作部", "普陀区社会工作部", "社会工作部"]],
    ["武汉市委宣传部", ["市委宣传部", "武汉宣传部"]],
    ["佛山市轨道交通局", ["佛山轨交局", "轨道交通局", "佛山轨道交通局"]],
    ["西南大学", ["西大"]],
  ])("derives the usual short forms of %s", (name, expected) => {
    const aliases = deriveAliases(name);
    for (const a of expected) expect(aliases).toContain(a);
  });

  it.each([
    ["上海市普陀区财政局", "上海市财政局"],
    ["武汉东湖新技术开发区管理委员会（本级）", "管委会"],
    ["武汉东湖新技术开发区管理委员会（本级）", "武汉东湖新技术开发区管理委员会（本级）"],
    ["武汉市东西湖区商务局", "武汉市商务局"],
  ])("never derives a different organisation's name from %s (%s)", (name, wrong) => {
    expect(deriveAliases(name)).not.toContain(wrong);
  });
});

describe("splitRegion", () => {
  it.each([
    ["上海市普陀区财政局", ["上海市", "普陀区"], "财政局"],
    ["武汉市东西湖区商务局", ["武汉市", "东西湖区"], "商务局"],
    ["湖北省发展和改革委员会", ["湖北省"], "发展和改革委员会"],
    ["武汉东湖新技术开发区管理委员会", ["武汉东湖新技术开发区"], "管理委员会"],
    ["武汉市社区服务中心", ["武汉市"], "社区服务中心"],
    ["武汉市市场监督管理局", ["武汉市"], "市场监督管理局"],
    ["经济和信息化局", [], "经济和信息化局"],
  ])("splits %s", (name, regions, rest) => {
    expect(splitRegion(name)).toEqual({ regions, rest });
  });

  it.each([
    ["中共上海市普陀区委社会工作部", ["上海市", "普陀区"], "社会工作部"],
    ["武汉市委宣传部", ["武汉市"], "宣传部"],
    ["中共武汉市委员会", ["武汉市"], "委员会"],
  ])("sets a party organ's prefix and committee apart: %s", (name, regions, rest) => {
    expect(splitRegion(name)).toEqual({ regions, rest, party: true });
  });

  it("lists the forms users type for a zone and a district", () => {
    expect(regionForms("武汉东湖新技术开发区")).toEqual(
      expect.arrayContaining(["东湖高新区", "东湖开发区", "东湖新技术开发区", "武汉东湖高新区"]),
    );
    expect(regionForms("洪山区")).toEqual(["洪山区", "洪山"]);
  });
});
