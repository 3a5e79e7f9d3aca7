import { describe, expect, it } from "vitest";
import { holdsNeedles, phraseNeedles, phraseRegex } from "../../src/query/_english-phrase.js";

describe("phraseNeedles", () => {
  it.each([
    ["subsidy", "living subsidies for retirees", ["subsid"]],
    ["subsidies", "a subsidy", ["subsid"]],
    ["affairs", "general public service affair", ["affair"]],
    ["business", "business trips", ["business"]],
    ["culture tourism sports and media", "culture, tourism, sports & media", ["culture", "tourism", "sport", "media"]],
    ["operating official vehicles", "operating its official vehicles", ["operating", "official", "vehicle"]],
    ["fuel-cell vehicles", "fuel cell vehicle", ["vehicle", "fuel", "cell"]],
    ["other social work affairs", "other social work affair expenditure", ["social", "affair", "other", "work"]],
  ])("every match of %s holds its needles (%s)", (en, text, needles) => {
    expect(phraseNeedles(en)).toEqual(needles);
    expect([...text.matchAll(phraseRegex(en))]).toHaveLength(1);
    expect(holdsNeedles(text, phraseNeedles(en))).toBe(true);
  });

  it.each([
    ["other social work affairs", "social work affairs"],
    ["fuel-cell vehicles", "fuel vehicles"],
  ])("a text lacking a word of %s is not searched (%s)", (en, text) => {
    expect(holdsNeedles(text, phraseNeedles(en))).toBe(false);
    expect([...text.matchAll(phraseRegex(en))]).toHaveLength(0);
  });

  it("has no needles for a phrase of connectives only", () => {
    expect(phraseNeedles("and")).toEqual([]);
  });
});
