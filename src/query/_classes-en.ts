import { ECONOMIC_CLASSES, FUNCTION_CLASSES } from "../facts/index.js";
import { FUNCTION_ITEMS_EN } from "./_classes-en-items.js";
import { holdsNeedles, phraseNeedles, phraseRegex } from "./_english-phrase.js";

/**
 * English names of the national 支出功能分类 类 and of every 支出经济分类 类/款 of the facts' table, by
 * code: the Chinese name comes from the facts' class tables, so a question in English asks for the
 * row the disclosure prints ("housing security" → 住房保障支出, "bonuses" → 奖金). The common
 * 功能分类 款/项 are in `_classes-en-items.ts`. An item's own English (因公出国(境)费用, 公务接待费,
 * 公务用车运行维护费/购置) is the item lexicon's.
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
  "210": ["health care", "healthcare", "health", "medical and health care", "medical care and health"],
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
  "301": ["wages and benefits", "salaries and benefits", "wages and welfare", "salary and welfare", "wage and welfare expenditure"],
  "30101": ["basic wages", "basic wage", "basic salaries", "basic salary", "basic pay", "salaries", "wages"],
  "30102": ["allowances and subsidies", "allowances"],
  "30103": ["bonuses", "bonus"],
  "30106": ["meal allowances", "meal allowance", "meal subsidies", "food allowances", "meal subsidy fees"],
  "30107": ["performance-based pay", "performance pay", "merit pay", "performance wages", "performance-related pay", "performance salaries"],
  "30108": ["basic pension insurance contributions", "basic pension insurance", "basic old-age insurance contributions", "basic old-age insurance", "pension insurance contributions", "pension insurance", "pension contributions"],
  "30109": ["occupational annuity contributions", "occupational annuities", "occupational annuity", "occupational pension contributions", "occupational pension"],
  "30110": ["employee basic medical insurance contributions", "employee basic medical insurance", "basic medical insurance contributions", "basic medical insurance", "medical insurance contributions", "medical insurance"],
  "30111": ["civil servant medical subsidy contributions", "civil servants' medical subsidy contributions", "medical subsidy contributions for civil servants"],
  "30112": ["other social security contributions", "other social insurance contributions"],
  "30113": ["housing provident fund", "housing fund"],
  "30114": ["medical expenses", "medical costs"],
  "30199": ["other wages and benefits", "other wage and welfare expenditure", "other salaries and benefits", "other wages and welfare"],
  "302": ["goods and services"],
  "30201": ["office expenses", "office supplies", "office costs", "office fees"],
  "30202": ["printing", "printing costs", "printing fees", "printing expenses"],
  "30203": ["consulting", "consultancy", "consulting fees", "consultation fees", "advisory fees"],
  "30204": ["handling fees", "service charges", "bank charges", "commission fees"],
  "30205": ["water fees", "water charges", "water bills"],
  "30206": ["electricity", "power bills", "electricity bills", "electricity fees"],
  "30207": ["postal and telecommunications", "post and telecommunications", "telecommunications", "postage and telecom", "telecom", "postal and telecom fees"],
  "30208": ["heating", "heating fees", "heating costs"],
  "30209": ["property management", "property fees", "property management fees"],
  "30211": ["business travel", "domestic travel", "travel expenses", "travel expense", "travel"],
  "30213": ["repairs and maintenance", "repair and maintenance", "maintenance", "repairs"],
  "30214": ["rent", "rents", "rental", "rentals", "leasing", "lease"],
  "30215": ["meetings", "meeting", "conferences", "conference"],
  "30216": ["training", "trainings"],
  "30218": ["special materials", "specialised materials", "specialized materials", "special-purpose materials"],
  "30224": ["uniform purchases", "uniforms", "purchase of uniforms", "clothing and bedding purchases"],
  "30225": ["special fuel", "special-purpose fuel", "specialised fuel", "specialized fuel"],
  "30226": ["labor services", "labour services", "labor costs", "labour costs", "labor service fees", "labour service fees"],
  "30227": ["commissioned services", "outsourced services", "entrusted services", "contracted services", "entrusted business fees", "entrusted business", "commissioned business", "commissioned business fees", "outsourcing"],
  "30228": ["union dues", "union fees", "trade union funds", "union funds", "labor union funds", "labour union funds", "trade union fees"],
  "30229": ["welfare", "welfare funds", "staff welfare", "welfare expenses", "welfare fees"],
  "30239": ["other transportation costs", "other transport costs", "other transportation expenses", "other transport expenses", "other transportation fees"],
  "30240": ["taxes and surcharges", "taxes and additional fees", "taxes and additional charges"],
  "30299": ["other goods and services", "other commodity and service expenditure"],
  "303": ["subsidies to individuals and households", "subsidies to individuals and families", "grants to individuals and households", "transfers to individuals and households"],
  "30301": ["retirement pay for veteran cadres", "veteran cadres' retirement pay", "lixiu pay", "pay of retired veteran cadres"],
  "30302": ["retirement pay", "retirement pensions", "pensions", "retirement fees"],
  "30303": ["severance pay", "resignation pay", "resignation and demobilization pay"],
  "30304": ["survivor benefits", "survivors' pensions", "compassionate allowances", "bereavement pensions"],
  "30305": ["living allowances", "living subsidies", "living allowance"],
  "30306": ["relief payments", "relief funds", "relief expenses"],
  "30307": ["medical expense subsidies", "medical subsidies", "medical allowances"],
  "30308": ["student grants", "student aid", "stipends", "bursaries", "financial aid for students"],
  "30309": ["rewards", "award money", "incentive payments", "reward payments"],
  "30310": ["agricultural production subsidies to individuals", "individual agricultural production subsidies"],
  "30311": ["social insurance premiums paid on behalf", "social insurance paid on behalf", "social insurance contributions paid on behalf"],
  "30399": ["other subsidies to individuals and households", "other subsidies to individuals and families"],
  "307": ["debt interest and expenses", "debt interest and fees"],
  "30701": ["domestic debt interest", "interest on domestic debt"],
  "30702": ["foreign debt interest", "interest on foreign debt"],
  "310": ["capital expenditure", "capital expenditures", "capital spending"],
  "31001": ["building construction and purchase", "purchase and construction of buildings", "buildings and structures", "housing and buildings construction"],
  "31002": ["office equipment purchases", "office equipment purchase", "purchase of office equipment", "purchasing office equipment", "office equipment"],
  "31003": ["special equipment purchases", "special equipment purchase", "purchase of special equipment", "purchasing special equipment", "special equipment", "specialised equipment", "specialized equipment"],
  "31005": ["infrastructure construction", "infrastructure"],
  "31006": ["major repairs", "large-scale repairs", "major renovations"],
  "31007": ["information network and software purchase and upgrade", "information network and software", "it network and software", "software and network", "software purchases", "software"],
  "31008": ["material reserves", "materials reserve"],
  "31019": ["purchase of other vehicles", "other vehicles purchase", "other means of transport"],
  "31021": ["cultural relics and exhibits", "cultural relics and display items"],
  "31022": ["intangible assets", "intangible asset purchases"],
  "31099": ["other capital expenditure", "other capital expenditures", "other capital spending"],
  "399": ["other expenditure", "other expenditures", "other spending"],
  "39907": ["state compensation", "national compensation"],
  "39908": ["subsidies to private non-profit organizations and community self-governing organizations", "subsidies to non-profit organizations", "subsidies to non-profit organisations"],
  "39909": ["recurrent donations", "recurring donations", "current gifts"],
  "39910": ["capital donations", "capital gifts"],
} as const satisfies Record<string, readonly string[]>;

/** An English class name found in a question. */
export interface EnglishClass {
  readonly start: number;
  readonly end: number;
  /** The class name as disclosures print it ("住房保障支出", "奖金"). */
  readonly zh: string;
}

interface Entry {
  /** The English name; its pattern (`phraseRegex`) is made on first need. */
  readonly en: string;
  re: RegExp | null;
  /** Pieces of text every match holds (see `phraseNeedles`). */
  readonly needles: readonly string[];
  readonly zh: string;
  readonly length: number;
}

let table: readonly Entry[] | null = null;

/**
 * "other social work affairs" → 其他社会工作事务支出: the classification names the rest of a 类 or
 * 款 "其他" + its name + 支出 (其他教育支出, 其他行政事业单位养老支出, 其他公路水路运输支出).
 */
function otherOf(zh: string): string {
  return `其他${zh.replace(/支出$/, "")}支出`;
}

function build(): readonly Entry[] {
  const out: Entry[] = [];
  const add = (en: string, zh: string): void => {
    out.push({ en, re: null, needles: phraseNeedles(en), zh, length: en.length });
  };
  for (const [code, ens] of Object.entries(FUNCTION_EN)) {
    const zh = FUNCTION_CLASSES.find((c) => c.code === code)?.name;
    if (!zh) continue;
    for (const en of ens) {
      add(en, zh);
      add(`other ${en}`, otherOf(zh));
    }
  }
  for (const { zh, en: ens, code } of FUNCTION_ITEMS_EN) {
    for (const en of ens) {
      add(en, zh);
      // A 款's rest ("other social work affairs"); a 项 has none.
      if (code.length === 5) add(`other ${en}`, otherOf(zh));
    }
  }
  for (const [code, ens] of Object.entries(ECONOMIC_EN)) {
    const zh = ECONOMIC_CLASSES[code];
    if (zh) for (const en of ens) add(en, zh);
  }
  return out.sort((a, b) => b.length - a.length);
}

/** The longest English 类/款/项 name in a normalised (lowercase) text, if any. */
export function findEnglishClass(text: string): EnglishClass | null {
  return findEnglishClasses(text)[0] ?? null;
}

/** The English 类/款/项 names in a normalised text, longest first, not overlapping one another. */
export function findEnglishClasses(text: string): EnglishClass[] {
  // Read once per text (an English question asks it several times); Chinese text has no class names.
  if (last.text === text) return last.found;
  if (!/[a-z]/i.test(text)) return [];
  table ??= build();
  const found: EnglishClass[] = [];
  for (const e of table) {
    if (!holdsNeedles(text, e.needles)) continue;
    e.re ??= phraseRegex(e.en);
    for (const m of text.matchAll(e.re)) {
      found.push({ start: m.index, end: m.index + m[0].length, zh: e.zh });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const out: EnglishClass[] = [];
  for (const f of found) if (!out.some((o) => o.start < f.end && f.start < o.end)) out.push(f);
  last = { text, found: out };
  return out;
}

let last: { text: string; found: EnglishClass[] } = { text: "", found: [] };
