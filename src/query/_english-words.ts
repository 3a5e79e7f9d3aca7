import { holdsNeedles, phraseNeedles, phraseRegex } from "./_english-phrase.js";

/**
 * English words of disclosures' subjects and the Chinese the documents write for them: a glossary
 * of the domain's vocabulary (not of questions), so the linker can hold an English question to the
 * document's own labels and sentences. Longest phrase first; matched on word boundaries.
 */
const GLOSSARY: readonly (readonly [string, string])[] = [
  ["performance self-evaluation", "绩效自评"],
  ["performance self-assessment", "绩效自评"],
  ["self-evaluation score", "自评得分"],
  ["self-assessment score", "自评得分"],
  ["self-evaluation", "自评"],
  ["self-assessment", "自评"],
  ["performance evaluation", "绩效评价"],
  ["average score", "平均得分"],
  ["average", "平均"],
  ["fuel", "燃料费"],
  ["national natural science foundation of china", "国家自然科学基金"],
  ["national natural science foundation", "国家自然科学基金"],
  ["special fund", "专项资金"],
  ["special funds", "专项资金"],
  ["industrial development", "工业发展"],
  ["business environment", "营商环境"],
  ["construction", "建设"],
  ["service specialists", "服务专员"],
  ["service specialist", "服务专员"],
  ["service stations", "服务工作站"],
  ["fuel-cell vehicles", "燃料电池汽车"],
  ["fuel cell vehicles", "燃料电池汽车"],
  ["new energy vehicles", "新能源汽车"],
  ["complete vehicles", "整车"],
  ["imported", "进口"],
  ["imports", "进口"],
  ["exports", "出口"],
  ["paired-assistance", "结对帮扶"],
  ["paired assistance", "结对帮扶"],
  ["fiscal appropriations", "财政拨款"],
  ["fiscal appropriation", "财政拨款"],
  ["basic expenditure", "基本支出"],
  ["project expenditure", "项目支出"],
  ["personnel expenses", "人员经费"],
  ["public expenses", "公用经费"],
  ["occupational annuity", "职业年金"],
  ["occupational annuities", "职业年金"],
  ["full-time teachers", "专任教师"],
  ["full-time teacher", "专任教师"],
  ["tuition", "教育收费"],
  ["education fees", "教育收费"],
  ["donations", "捐赠"],
  ["donation", "捐赠"],
  ["foreign direct investment", "实际利用外资"],
  ["fdi", "实际利用外资"],
  ["investment attraction", "招商引资"],
  ["attracting investment", "招商引资"],
  ["small and micro enterprises", "小微企业"],
  ["small and medium-sized enterprises", "中小企业"],
  ["smes", "中小企业"],
  ["enterprises", "企业"],
  ["companies", "企业"],
  ["contracts", "合同"],
  ["trained", "培养"],
  ["promoted", "推广"],
  ["cumulatively", "累计"],
  ["cumulative", "累计"],
  ["retail sales", "社会消费品零售总额"],
  ["laboratories", "实验室"],
  ["laboratory", "实验室"],
  ["science and technology", "科技"],
  ["contract value", "合同金额"],
  ["total value", "金额"],
  ["value", "金额"],
  ["overseas investment promotion", "海外招商"],
  ["investment promotion events", "招商活动"],
  ["investment promotion", "招商"],
  ["visiting groups", "来访团组"],
  ["visiting delegations", "来访团组"],
  ["events", "活动"],
  ["activities", "活动"],
  ["sme service workstations", "中小企业服务工作站"],
  ["sme service stations", "中小企业服务工作站"],
  ["service workstations", "服务工作站"],
  ["workstations", "工作站"],
  ["battery-swap stations", "换电站"],
  ["battery swap stations", "换电站"],
  ["battery-swapping stations", "换电站"],
  ["municipal-level", "市级"],
  ["municipal level", "市级"],
  ["key investment promotion events", "重点招商活动"],
  ["party members", "党员"],
  ["produced", "产量"],
  ["foreign trade", "进出口"],
  ["imports plus exports", "进出口"],
  ["imports and exports", "进出口"],
  ["low-altitude", "低空"],
  ["low altitude", "低空"],
  ["drone", "无人机"],
  ["drones", "无人机"],
  ["demonstration zone", "示范区"],
  ["application", "应用"],
  ["water bills", "水费"],
  ["water fees", "水费"],
  ["water", "水费"],
  ["help organize", "参与组织"],
  ["help organise", "参与组织"],
  ["helped organize", "参与组织"],
  ["co-organize", "参与组织"],
  ["co-organise", "参与组织"],
  ["co-organized", "参与组织"],
  ["co-organised", "参与组织"],
  ["master's supervisors", "硕士生导师"],
  ["master's degree supervisors", "硕士生导师"],
  ["doctoral supervisors", "博士生导师"],
  ["phd supervisors", "博士生导师"],
  ["certified", "认定"],
  ["gazelle enterprises", "瞪羚企业"],
  ["gazelle companies", "瞪羚企业"],
  ["port handling revenue", "港口装卸收入"],
  ["applications", "应用"],
  ["national-level talents", "国家级人才"],
  ["national-level talent", "国家级人才"],
  ["national level talents", "国家级人才"],
  ["national-level", "国家级"],
  ["talents", "人才"],
  ["14th five-year plan", "十四五"],
  ["demo zone", "示范区"],
  ["shared", "共享"],
  ["supporting", "支持"],
  ["projects started construction", "开工项目"],
  ["started construction", "开工"],
  ["fiscal spending", "财政拨款支出"],
  ["built in total", "累计建成"],
  ["built cumulatively", "累计建成"],
  ["cumulatively built", "累计建成"],
  ["built", "建成"],
  ["new", "新增"],
  ["newly", "新增"],
  ["production", "产量"],
  ["insurance", "保险"],
  // The tables of a disclosure as English questions name them.
  ["expenditure table", "支出决算表"],
  ["expenditure statement", "支出决算表"],
  ["income table", "收入决算表"],
  ["revenue table", "收入决算表"],
  ["income statement", "收入决算表"],
  ["basic expenditure table", "基本支出决算表"],
  ["retirees", "离退休"],
  ["retired staff", "离退休"],
];

// Each phrase with the pieces every match of it holds (see `phraseNeedles`): a text lacking one is not searched.
const SORTED = [...GLOSSARY].sort((a, b) => b[0].length - a[0].length).map(([en, zh]) => ({ re: phraseRegex(en), needles: phraseNeedles(en), zh }));

/** A glossary phrase found in a text. */
export interface GlossaryMatch {
  readonly start: number;
  readonly end: number;
  readonly zh: string;
}

/** The glossary phrases a lowercase text holds, longest first, not overlapping one another. */
export function findGlossary(text: string): GlossaryMatch[] {
  const out: GlossaryMatch[] = [];
  for (const { re, needles, zh } of SORTED) {
    if (!holdsNeedles(text, needles)) continue;
    for (const m of text.matchAll(re)) {
      const g = { start: m.index, end: m.index + m[0].length, zh };
      if (!out.some((o) => o.start < g.end && g.start < o.end)) out.push(g);
    }
  }
  return out;
}

/** The Chinese of the glossary phrases an English text holds, and the text with them blanked. */
export function translateEnglish(text: string): { zh: string[]; rest: string } {
  const lower = text.toLowerCase();
  const found = findGlossary(lower).sort((a, b) => a.start - b.start);
  const zh = [...new Set(found.map((g) => g.zh))];
  let rest = "";
  let at = 0;
  for (const g of found) {
    rest += `${lower.slice(at, g.start)} `;
    at = g.end;
  }
  rest += lower.slice(at);
  return { zh, rest: rest.replace(/\s+/g, " ").trim() };
}
