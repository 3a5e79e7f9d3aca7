import { describe, expect, it } from "vitest";
import { buildCatalog, understandQuestion } from "../../src/query/index.js";
import {
  DONGHU,
  DONGXIHU,
  FAGAI,
  HONGSHAN,
  JINGXIN,
  PUTUO,
  TOUCHU,
  manifestDocs,
  mixedCatalog,
  seedCatalog,
} from "../fixtures/query/catalogs.js";

const HANYANG = "武汉市汉阳区商务局";
/** The seed corpus plus a second commerce bureau that has no English alias. */
const twoCommerce = buildCatalog([
  ...manifestDocs(),
  { department: HANYANG, aliases: [], year: 2023, type: "部门决算", file: "2023-hanyang-shangwuju.txt" },
]);

const dept = (q: string, catalog = seedCatalog) => understandQuestion(q, undefined, catalog).department;

describe("understandQuestion: English organisation names without an exact alias", () => {
  it.each([
    ["What did the economy & IT bureau of Wuhan spend on meetings in 2024?", JINGXIN],
    ["How much did Wuhan's Economic and Informatization Bureau spend?", JINGXIN],
    ["Total spending of the Wuhan Municipal Economy and Information Technology Bureau", JINGXIN],
    ["What did the Hongshan District Enterprise Services Centre spend on training?", HONGSHAN],
    ["How much did the Donghu hi-tech zone administrative committee spend on rental?", DONGHU],
    ["What did the Optics Valley management committee spend?", DONGHU],
    ["How much did the Wuhan Government Services Bureau spend on receptions?", TOUCHU],
  ])("reads %s through the glossary, pinyin or an alias", (q, name) => {
    expect(dept(q)).toMatchObject({ kind: "resolved", names: [name], via: "explicit" });
  });

  it.each([
    ["What were the receptions of the Finance Bureau of Shanghai's Putuo District?", PUTUO],
    ["How much did the Putuo finance bureau spend?", PUTUO],
    ["What did the Hubei Provincial Development and Reform Commission spend in 2023?", FAGAI],
  ])("finds a department that has no English alias at all: %s", (q, name) => {
    expect(dept(q, mixedCatalog)).toMatchObject({ kind: "resolved", names: [name] });
  });

  it.each([
    ["How much did the Huangpu District Finance Bureau spend?", "huangpu district finance bureau"],
    ["How much did the Wuhan finance bureau spend?", "wuhan finance bureau"],
    ["How much did the Finance Bureau of Jing'an District spend?", "finance bureau of jing'an district"],
  ])("keeps another district's or city's bureau apart: %s", (q, asked) => {
    expect(dept(q, mixedCatalog)).toEqual({ kind: "unknown", asked });
  });

  it("gives unknown for a centre of a district the corpus lacks", () => {
    expect(dept("How much did the Hanyang District Enterprise Service Center spend?")).toEqual({
      kind: "unknown",
      asked: "hanyang district enterprise service center",
    });
  });

  it("asks which one when a bare English name fits two departments, and resolves the one named by place", () => {
    expect(dept("How much did the commerce bureau spend on receptions?", twoCommerce)).toEqual({
      kind: "ambiguous",
      asked: "commerce bureau",
      candidates: [DONGXIHU, HANYANG],
    });
    expect(dept("How much did the Hanyang Commerce Bureau spend on receptions?", twoCommerce)).toMatchObject({
      kind: "resolved",
      names: [HANYANG],
    });
  });

  it("takes the longer name over an alias inside it, so the head word stays out of the topic", () => {
    const u = understandQuestion("How much did the Donghu High-tech Zone management committee spend on receptions?", undefined, seedCatalog);
    expect(u.department).toMatchObject({ kind: "resolved", names: [DONGHU], phrases: ["donghu high-tech zone management committee"] });
    expect(u.topic).toBe("receptions");
  });

  it("does not read an item word or a plural group as an organisation", () => {
    expect(dept("How much did the Economy and IT Bureau spend on government procurement?")).toMatchObject({ names: [JINGXIN] });
    expect(dept("Of all the bureaus in the corpus, which spent the most on receptions?")).toEqual({ kind: "none" });
  });
});

describe("understandQuestion: English ranking across the corpus", () => {
  it.each([
    "Which of the departments in the corpus spent the most on official receptions in 2024?",
    "Across these bodies, which agency reported the highest government procurement?",
  ])("%s → rank with no department", (q) => {
    const u = understandQuestion(q, undefined, seedCatalog);
    expect(u.department).toEqual({ kind: "none" });
    expect(u.intent).toBe("rank");
    expect(u.operands).toHaveLength(5);
  });
});
