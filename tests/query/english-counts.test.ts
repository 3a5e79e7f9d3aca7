import { describe, expect, it } from "vitest";
import { subjectOf, understandQuestion } from "../../src/query/index.js";
import { FOSHAN, PUTUO_SW, SWU, docsCatalog } from "../fixtures/query/catalogs.js";

const catalog = docsCatalog;
const u = (q: string) => understandQuestion(q, undefined, catalog);

describe("understandQuestion: English count words", () => {
  it.each([
    ["How many times did the Foshan Rail Transit Bureau host domestic official receptions in 2019?", "次", "公务接待 国内"],
    ["How many batches of overseas investment promotion did the Wuhan Investment Promotion Bureau carry out in 2024?", "批次", "海外招商"],
    ["How many person-times did the Wuhan Economy and Information Technology Bureau's overseas trips involve in 2024?", "人次", "因公出国(境)人次"],
    ["How many events did the Hongshan District Enterprise Service Center organize in 2024?", "场", "活动"],
    ["How many domestic visiting groups did the Wuhan Municipal Bureau of Economy and Information Technology receive in 2024?", "个", "来访团组 国内"],
    ["How many official vehicles did the Wuhan Investment Promotion Bureau purchase in 2024?", "辆", "购置公务用车"],
    ["How many full-time teachers does Southwest University have?", "人", "专任教师"],
  ])("%s → unit %s, subject %s", (q, unit, subject) => {
    const x = u(q);
    expect(x.aspect).toMatchObject({ value: "数量", unit });
    expect(subjectOf(x).replace(/\s+/g, " ").trim()).toBe(subject);
  });

  it("asks people by the item's 人数 form, which a 人 or 人次 figure answers", () => {
    const x = u("How many people did the Foshan Rail Transit Bureau receive in its domestic official reception in 2019?");
    expect(subjectOf(x).replace(/\s+/g, " ").trim()).toBe("接待人数 国内");
  });

  it("keeps the people a reception counts in 人次 when the item counts so", () => {
    expect(u("How many visitors did the Investment Promotion Bureau receive?").aspect).toMatchObject({ value: "数量", unit: "人次" });
  });
});

describe("understandQuestion: English organisation names of any region", () => {
  it.each([
    ["How much did the CPC Putuo District Committee's Social Work Department spend on home purchase subsidies in 2024?", PUTUO_SW],
    ["What did the Social Work Department of the Shanghai Municipal Putuo District Committee of the Communist Party of China spend?", PUTUO_SW],
    ["How much did the Shanghai Putuo District Social Work Department spend?", PUTUO_SW],
    ["How much did Foshan's Rail Transit Bureau spend?", FOSHAN],
    ["How much did the bureau of rail transit of Foshan pay in trade union funds in 2019?", FOSHAN],
    ["What was Southwest University's donation income in 2024?", SWU],
    ["What did the Wuhan Municipal Economic and Information Bureau spend?", "武汉市经济和信息化局"],
  ])("%s → %s", (q, name) => {
    expect(u(q).department).toMatchObject({ kind: "resolved", names: [name] });
  });

  it("reads a department's possessive as its own, not as part of another body's name", () => {
    const x = u("What were the Hongshan Enterprise Service Center's office expenses?");
    expect(x.department).toMatchObject({ kind: "resolved", names: ["武汉市洪山区企业服务中心"], phrases: ["hongshan enterprise service center's"] });
    expect(x.topic).toBe("办公费");
  });

  it("leaves a bare possessive head to the conversation", () => {
    expect(u("What was the bureau's office expenses?").department).toEqual({ kind: "none" });
  });
});

describe("understandQuestion: 'the' begins an English body's name", () => {
  const q = "What was the average score of the projects the Putuo Social Work Department evaluated in 2024?";
  it("reads the body after 'the', never 'projects the …' as a name", () => {
    expect(u(q).department).toMatchObject({ kind: "resolved", names: [PUTUO_SW] });
  });

  it("leaves the framing verb 'evaluated' out of the topic", () => {
    const x = u(q);
    expect(x.topic).toBe("平均得分");
    expect(subjectOf(x)).not.toContain("evaluated");
  });
});
