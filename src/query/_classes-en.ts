import { ECONOMIC_CLASSES, FUNCTION_CLASSES } from "../facts/index.js";

/**
 * English names of the national 支出功能分类 类 and of common 支出经济分类 款, by code: the
 * Chinese name comes from the facts' class tables, so a question in English asks for the row the
 * disclosure prints ("housing security" → 住房保障支出, "bonuses" → 奖金).
 */
const FUNCTION_EN = {
  "201": ["general public services", "general public service"],
  "202": ["foreign affairs", "diplomacy"],
  "203": ["national defense", "national defence", "defense", "defence"],
  "204": ["public security", "public safety"],
  "205": ["education"],
  "206": ["science and technology", "science & technology"],
  "207": ["culture, tourism, sports and media", "culture tourism sports and media", "culture, sports and media", "culture sports and media", "culture and tourism", "culture, tourism and sports"],
  "208": ["social security and employment", "social security & employment", "social security"],
  "209": ["social insurance funds", "social insurance fund"],
  "210": ["health care", "healthcare", "health", "medical and health care", "medical care and health", "public health"],
  "211": ["energy conservation and environmental protection", "energy saving and environmental protection", "environmental protection"],
  "212": ["urban and rural community affairs", "urban and rural communities", "urban and rural community", "urban-rural community affairs", "urban-rural communities", "urban-rural community"],
  "213": ["agriculture, forestry and water affairs", "agriculture, forestry and water conservancy", "agriculture, forestry and water", "agriculture forestry and water", "agriculture, forestry, water"],
  "214": ["transportation", "transport"],
  "215": ["resource exploration, industry and information", "resource exploration, industry and information technology", "resource exploration and industry", "resource exploration"],
  "216": ["commerce and services", "commercial services", "commercial and service industries", "commerce and service industries"],
  "217": ["financial affairs", "financial services"],
  "219": ["aid to other regions", "assistance to other regions"],
  "220": ["natural resources, marine and meteorology", "natural resources, ocean and meteorology", "natural resources and meteorology"],
  "221": ["housing security", "housing support", "housing guarantee"],
  "222": ["grain and oil reserves", "grain and material reserves", "grain, oil and material reserves"],
  "224": ["disaster prevention and emergency management", "disaster prevention, control and emergency management", "emergency management"],
  "227": ["reserve fund", "contingency reserve"],
  "231": ["debt principal repayment", "debt repayment"],
  "232": ["debt interest payments", "debt interest"],
  "233": ["debt issuance costs", "debt issuance fees"],
} as const satisfies Record<string, readonly string[]>;

const ECONOMIC_EN = {
  "301": ["wages and benefits", "salaries and benefits", "wages and welfare", "salary and welfare"],
  "30101": ["basic wages", "basic wage", "basic salaries", "basic salary", "basic pay", "salaries", "wages"],
  "30102": ["allowances and subsidies", "allowances"],
  "30103": ["bonuses", "bonus"],
  "30106": ["meal allowances", "meal allowance", "meal subsidies", "food allowances"],
  "30107": ["performance-based pay", "performance pay", "merit pay", "performance wages", "performance-related pay"],
  "30108": ["basic pension insurance", "pension insurance", "pension contributions"],
  "30109": ["occupational annuities", "occupational annuity", "occupational pension"],
  "30110": ["basic medical insurance", "medical insurance"],
  "30113": ["housing provident fund", "housing fund"],
  "30114": ["medical expenses", "medical costs"],
  "302": ["goods and services"],
  "30201": ["office expenses", "office supplies", "office costs"],
  "30202": ["printing"],
  "30203": ["consulting", "consultancy", "consulting fees"],
  "30204": ["handling fees", "service charges", "bank charges"],
  "30205": ["water fees", "water charges", "water bills"],
  "30206": ["electricity", "power bills", "electricity bills"],
  "30207": ["postal and telecommunications", "post and telecommunications", "telecommunications", "postage and telecom", "telecom"],
  "30208": ["heating"],
  "30209": ["property management", "property fees", "property management fees"],
  "30211": ["business travel", "domestic travel", "travel expenses", "travel"],
  "30213": ["repairs and maintenance", "repair and maintenance", "maintenance", "repairs"],
  "30214": ["rent", "rents", "rental", "rentals", "leasing", "lease"],
  "30215": ["meetings", "meeting", "conferences", "conference"],
  "30216": ["training", "trainings"],
  "30218": ["special materials", "specialised materials", "specialized materials"],
  "30226": ["labor services", "labour services", "labor costs", "labour costs"],
  "30227": ["commissioned services", "outsourced services", "entrusted services", "contracted services"],
  "30228": ["union dues", "union fees", "trade union funds", "union funds", "labor union funds", "labour union funds"],
  "30229": ["welfare", "welfare funds", "staff welfare"],
  "30239": ["other transportation costs", "other transport costs"],
  "30299": ["other goods and services"],
  "303": ["subsidies to individuals and households", "subsidies to individuals and families", "grants to individuals and households"],
  "30302": ["retirement pay", "retirement pensions", "pensions"],
  "310": ["capital expenditure", "capital expenditures", "capital spending"],
  "31002": ["office equipment"],
  "31003": ["special equipment", "specialised equipment", "specialized equipment"],
  "31006": ["major repairs", "large-scale repairs"],
  "31007": ["information network and software", "software and network", "software"],
} as const satisfies Record<string, readonly string[]>;

/** An English class name found in a question. */
export interface EnglishClass {
  readonly start: number;
  readonly end: number;
  /** The class name as disclosures print it ("住房保障支出", "奖金"). */
  readonly zh: string;
}

let table: readonly { re: RegExp; zh: string; length: number }[] | null = null;

function build(): readonly { re: RegExp; zh: string; length: number }[] {
  const out: { re: RegExp; zh: string; length: number }[] = [];
  const add = (en: string, zh: string): void => {
    const words = en
      .toLowerCase()
      .split(/[\s,]+/)
      .filter((w) => w.length > 0)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    // Commas and "and" are typed loosely: "culture tourism sports and media".
    const body = words.map((w) => (w === "and" || w === "&" ? "(?:and|&)" : w)).join("[\\s,]+");
    out.push({ re: new RegExp(`(?<![a-z0-9-])${body}(?:s|es)?(?![a-z0-9-])`, "g"), zh, length: en.length });
  };
  for (const [code, ens] of Object.entries(FUNCTION_EN)) {
    const zh = FUNCTION_CLASSES.find((c) => c.code === code)?.name;
    if (zh) for (const en of ens) add(en, zh);
  }
  for (const [code, ens] of Object.entries(ECONOMIC_EN)) {
    const zh = ECONOMIC_CLASSES[code];
    if (zh) for (const en of ens) add(en, zh);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** The longest English 类/款 name in a normalised (lowercase) text, if any. */
export function findEnglishClass(text: string): EnglishClass | null {
  table ??= build();
  let best: EnglishClass | null = null;
  for (const { re, zh } of table) {
    for (const m of text.matchAll(re)) {
      const len = m[0].length;
      if (!best || len > best.end - best.start) best = { start: m.index, end: m.index + len, zh };
    }
  }
  return best;
}
