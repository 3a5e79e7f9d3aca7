import { describe, expect, it } from "vitest";
import { phraseNeedle, phraseRegex } from "../../src/query/_english-phrase.js";

describe("phraseNeedle", () => {
  it.each([
    ["subsidy", "living subsidies for retirees", "subsid"],
    ["subsidies", "a subsidy", "subsid"],
    ["affairs", "general public service affair", "affair"],
    ["business", "business trips", "business"],
    ["culture tourism sports and media", "culture, tourism, sports & media", "culture"],
    ["operating official vehicles", "operating its official vehicles", "operating"],
    ["fuel-cell vehicles", "fuel cell vehicle", "vehicle"],
  ])("every match of %s holds its needle (%s)", (en, text, needle) => {
    expect(phraseNeedle(en)).toBe(needle);
    expect([...text.matchAll(phraseRegex(en))]).toHaveLength(1);
    expect(text.includes(phraseNeedle(en))).toBe(true);
  });

  it("has no needle for a phrase of connectives only", () => {
    expect(phraseNeedle("and")).toBe("");
  });
});
