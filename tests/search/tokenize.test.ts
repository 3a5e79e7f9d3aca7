import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/index.js";

describe("tokenize", () => {
  it.each([
    ["机关运行经费支出多少", "机关运行经费"],
    ["一般公共预算财政拨款基本支出", "一般公共预算财政拨款"],
    ["三公经费总共多少", "三公经费"],
    ["公务接待费实际花了多少", "公务接待费"],
  ])("keeps the budget term whole in %s", (text, term) => {
    expect(tokenize(text).words).toContain(term);
  });

  it("also emits the parts of a compound term (search mode)", () => {
    const { words } = tokenize("机关运行经费");
    expect(words).toEqual(expect.arrayContaining(["机关", "运行", "经费", "机关运行经费"]));
  });

  it("drops question words and particles", () => {
    const { words, bigrams } = tokenize("经信局工会经费有多少");
    expect(words).toEqual(["经信局", "工会", "经费", "工会经费"]);
    expect(bigrams).not.toContain("多少");
  });

  it("adds Han character bigrams so a typo still shares terms", () => {
    expect(tokenize("公物接待费").bigrams).toEqual(["公物", "物接", "接待", "待费"]);
  });

  it("normalises full-width brackets and drops quotes", () => {
    const a = tokenize("因公出国（境）费");
    const b = tokenize("因公出国(境)费");
    expect(a).toEqual(b);
    expect(tokenize("“三公”经费")).toEqual(tokenize("三公经费"));
  });

  it("keeps numbers as words", () => {
    expect(tokenize("公务接待费3.87万元").words).toContain("3.87");
  });
});
