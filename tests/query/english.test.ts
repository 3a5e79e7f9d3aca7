import { describe, expect, it } from "vitest";
import { understandQuestion } from "../../src/query/index.js";
import { HONGSHAN, TOUCHU, seedCatalog } from "../fixtures/query/catalogs.js";

const u = (q: string) => understandQuestion(q, undefined, seedCatalog);

describe("understandQuestion: English", () => {
  it("reads the receptions question of the dev set", () => {
    expect(u("What did the Wuhan Investment Promotion Bureau spend on official receptions in 2024?")).toMatchObject({
      lang: "en",
      department: { kind: "resolved", names: [TOUCHU], via: "explicit" },
      year: { kind: "explicit", value: 2024 },
      items: [{ key: "reception", phrase: "official reception", via: "en" }],
      aspect: { value: "决算" },
      intent: "figure",
    });
  });

  it("reads a share: the part is the item, the whole is context", () => {
    expect(
      u("What share of the Hongshan District Enterprise Service Center's 2024 expenditure was basic expenditure?"),
    ).toMatchObject({
      lang: "en",
      department: { kind: "resolved", names: [HONGSHAN] },
      year: { kind: "explicit", value: 2024 },
      items: [{ key: "basic_expenditure" }],
      context: [{ key: "expenditure_total" }],
      aspect: { value: "占比" },
      intent: "figure",
    });
  });

  it.each([
    ["How much did the Wuhan Investment Promotion Bureau spend on overseas travel?", "outbound_travel"],
    ["What were the Investment Promotion Bureau's official vehicle costs?", "vehicle_total"],
    ["What was the Wuhan Investment Promotion Bureau's spending on hospitality?", "reception"],
    ["Total revenue of the Wuhan Investment Promotion Bureau", "revenue_total"],
    ["Personnel expenses of the Wuhan Investment Promotion Bureau", "personnel_expenses"],
    ["How much government procurement did the Wuhan Investment Promotion Bureau do?", "procurement_total"],
  ])("maps English item words: %s → %s", (q, key) => {
    expect(u(q).items.map((h) => h.key)).toEqual([key]);
  });

  it.each([
    ["经信局三公经费多少", "zh"],
    ["经信局 receptions", "zh"],
    ["How much did 经信局 spend on receptions?", "en"],
    ["2024?", "zh"],
  ])("detects the language of %s", (q, lang) => {
    expect(u(q).lang).toBe(lang);
  });

  it("keeps the conversation's language for a question without words", () => {
    expect(understandQuestion("2023?", { department: TOUCHU, year: 2024, topic: "receptions", aspect: "决算", lang: "en" }, seedCatalog).lang).toBe("en");
  });
});

describe("understandQuestion: English item words", () => {
  it.each([
    ["How much did Optics Valley spend on buying official vehicles in 2023?", "vehicle_purchase", "决算"],
    ["What were the Investment Promotion Bureau's vehicle purchases?", "vehicle_purchase", "决算"],
    ["Purchase of official cars by the Investment Promotion Bureau", "vehicle_purchase", "决算"],
    ["How much did the Investment Promotion Bureau spend operating official vehicles?", "vehicle_operation", "决算"],
    ["Running costs of official cars at the Investment Promotion Bureau", "vehicle_operation", "决算"],
    ["How much did the Investment Promotion Bureau spend on overseas trips?", "outbound_travel", "决算"],
    ["How many overseas trips did the Investment Promotion Bureau make?", "outbound_groups", "数量"],
    ["How many people did the Investment Promotion Bureau send abroad?", "outbound_visits", "数量"],
    ["How many receptions did the Investment Promotion Bureau host?", "reception_groups", "数量"],
    ["How many visitors did the Investment Promotion Bureau receive?", "reception_visits", "数量"],
    ["How many official vehicles does the Investment Promotion Bureau have?", "vehicles", "数量"],
  ])("%s → %s (%s)", (q, key, aspect) => {
    const x = u(q);
    expect(x.items.map((h) => h.key)).toEqual([key]);
    expect(x.aspect.value).toBe(aspect);
  });
});
