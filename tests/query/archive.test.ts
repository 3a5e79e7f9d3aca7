import { describe, expect, it } from "vitest";
import { buildCatalog, understandQuestion, type Catalog, type CatalogDoc } from "../../src/query/index.js";
import { JINGXIN, TOUCHU, manifestDocs } from "../fixtures/query/catalogs.js";

// A city's archive: 20 cities × 20 bodies besides the seeds (synthetic names, as scripts/synth-corpus.ts makes).
const CITIES = ["襄阳市", "宜昌市", "荆州市", "黄石市", "十堰市", "孝感市", "荆门市", "鄂州市", "黄冈市", "咸宁市", "随州市", "仙桃市", "潜江市", "天门市", "长沙市", "南昌市", "合肥市", "郑州市", "成都市", "贵阳市"];
const BODIES = ["商务局", "经济和信息化局", "投资促进局", "发展和改革委员会", "科学技术局", "农业农村局", "文化和旅游局", "生态环境局", "交通运输局", "自然资源和规划局", "住房和城乡建设局", "民政局", "人力资源和社会保障局", "教育局", "卫生健康委员会", "水务和湖泊局", "城市管理执法委员会", "市场监督管理局", "统计局", "审计局"];
// Twenty more cities, none sharing a character with the questions below.
const MORE = ["株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "益阳市", "郴州市", "永州市", "娄底市", "九江市", "赣州市", "吉安市", "抚州市", "上饶市", "萍乡市", "新余市", "鹰潭市", "丽江市", "保山市"];
const bodies = (cities: readonly string[]): CatalogDoc[] =>
  cities.flatMap((c) => BODIES.map((b, i) => ({ department: `${c}${b}`, aliases: [], year: 2022 + (i % 3), type: "部门决算" as const, file: `${c}${b}.txt`, region: c })));
const ARCHIVE: CatalogDoc[] = [...manifestDocs(), ...bodies(CITIES)];

/** The catalog with its alias list and department list counting the entries read. */
function counted(catalog: Catalog): { catalog: Catalog; reads: { aliases: number; departments: number } } {
  const reads = { aliases: 0, departments: 0 };
  const counting = <T extends object>(xs: readonly T[], key: keyof typeof reads): readonly T[] =>
    new Proxy(xs as T[], {
      get(target, p, receiver) {
        if (typeof p === "string" && /^\d+$/.test(p)) reads[key]++;
        return Reflect.get(target, p, receiver) as unknown;
      },
    });
  return { catalog: { ...catalog, departments: counting(catalog.departments, "departments"), index: { ...catalog.index, aliases: counting(catalog.index.aliases, "aliases") } }, reads };
}

describe("department names in an archive of hundreds", () => {
  const archive = buildCatalog(ARCHIVE);

  it("has an alias index by first and second character", () => {
    expect(archive.index.aliases.length).toBeGreaterThan(1000);
    const first = archive.index.byFirst.get("经") ?? [];
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((i) => archive.index.aliases[i]?.text.startsWith("经"))).toBe(true);
    expect([...first].sort((a, b) => a - b)).toEqual(first);
  });

  const larger = buildCatalog([...ARCHIVE, ...bodies(MORE)]);

  it.each([
    ["武汉市经济和信息化局三公经费", JINGXIN],
    ["武汉经信局公务接待费", JINGXIN],
    ["武汉市投促局三公经费", TOUCHU],
    ["孝感市审计局公务接待费", "孝感市审计局"],
    // A typo of a name (one character by sound).
    ["孝感审记局公务接待费", "孝感市审计局"],
  ])("%s reads only the aliases that can start at its characters", (q, name) => {
    const small = counted(archive);
    const big = counted(larger);
    expect(understandQuestion(q, undefined, small.catalog).department).toMatchObject({ kind: "resolved", names: [name] });
    expect(understandQuestion(q, undefined, big.catalog).department).toMatchObject({ kind: "resolved", names: [name] });
    // 400 more bodies in other cities add aliases the question's characters never start: the same
    // aliases are read (a scan of every alias, three passes, read thousands more).
    expect(larger.index.aliases.length).toBeGreaterThan(archive.index.aliases.length + 1000);
    expect(big.reads.aliases).toBe(small.reads.aliases);
  });

  it("finds an English name through the departments holding its words, not every department", () => {
    const { catalog, reads } = counted(archive);
    // The first English question builds the per-catalog index (every department once).
    understandQuestion("How much did the Xiaogan Audit Bureau spend on official receptions?", undefined, catalog);
    reads.departments = 0;
    const u = understandQuestion("What did the Wuhan Investment Promotion Bureau spend on official receptions in 2024?", undefined, catalog);
    expect(u.department).toMatchObject({ kind: "resolved", names: [TOUCHU] });
    expect(reads.departments).toBeLessThan(archive.departments.length / 4);
  });
});
