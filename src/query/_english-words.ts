/**
 * English words of disclosures' subjects and the Chinese the documents write for them: a glossary
 * of the domain's vocabulary (not of questions), so the linker can hold an English question to the
 * document's own labels and sentences. Longest phrase first; matched on word boundaries.
 */
const GLOSSARY: readonly (readonly [string, string])[] = [
  ["self-evaluation score", "自评得分"],
  ["self-assessment score", "自评得分"],
  ["self-evaluation", "自评"],
  ["self-assessment", "自评"],
  ["performance evaluation", "绩效评价"],
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
  ["retirees", "离退休"],
  ["retired staff", "离退休"],
];

const SORTED = [...GLOSSARY].sort((a, b) => b[0].length - a[0].length);

/** The Chinese of the glossary phrases an English text holds, and the text with them blanked. */
export function translateEnglish(text: string): { zh: string[]; rest: string } {
  let rest = ` ${text.toLowerCase()} `;
  const zh: string[] = [];
  for (const [en, cn] of SORTED) {
    const re = new RegExp(`(?<=[^a-z])${en.replace(/[-]/g, "[- ]")}(?=[^a-z])`, "g");
    if (!re.test(rest)) continue;
    rest = rest.replace(re, " ");
    if (!zh.includes(cn)) zh.push(cn);
  }
  return { zh, rest: rest.trim() };
}
