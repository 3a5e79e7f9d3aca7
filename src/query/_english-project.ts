import { phraseRegex } from "./_english-phrase.js";

/**
 * A project's name asked in English ("the “quality sampling inspection and testing management”
 * project", "the rail transit construction management consulting services project") read as the
 * documents' own Chinese label: each word through a glossary of the words project names are made
 * of, with its Chinese alternatives, and the label taken only when the translated words cover all
 * of it. Without a full dictionary this finds names built from common administrative words; any
 * other name stays in English, unaccounted for.
 */
const WORDS: readonly (readonly [string, readonly string[]])[] = [
  // Two-word terms first (longest English wins).
  ["sampling inspection", ["抽检", "抽查"]],
  ["spot check", ["抽查", "抽检"]],
  ["rail transit", ["轨道交通"]],
  ["urban rail", ["城市轨道"]],
  ["control center", ["控制中心"]],
  ["service center", ["服务中心"]],
  ["start-up", ["开办"]],
  ["party building", ["党建"]],
  ["big data", ["大数据"]],
  ["e-government", ["电子政务"]],
  ["government affairs", ["政务"]],
  ["government services", ["政务服务"]],
  ["public resources", ["公共资源"]],
  ["business environment", ["营商环境"]],
  ["investment promotion", ["招商", "投资促进"]],
  ["small and medium-sized enterprises", ["中小企业"]],
  ["smes", ["中小企业"]],
  ["third-party", ["第三方"]],
  ["third party", ["第三方"]],
  ["guangzhou-foshan", ["广佛"]],
  ["guangzhou and foshan", ["广佛"]],
  ["two cities", ["两市"]],
  ["daily operation", ["日常运行"]],
  ["operating funds", ["运行经费", "工作经费"]],
  ["working funds", ["工作经费"]],
  ["work funds", ["工作经费"]],
  ["special funds", ["专项资金", "专项经费"]],
  ["special fund", ["专项资金", "专项经费"]],
  // Single words.
  ["quality", ["质量"]],
  ["sampling", ["抽样", "抽检"]],
  ["inspection", ["检查", "检验", "督查", "抽检"]],
  ["testing", ["试验检测", "检测", "测试"]],
  ["test", ["试验", "检测", "测试"]],
  ["experiment", ["试验"]],
  ["detection", ["检测"]],
  ["management", ["管理"]],
  ["administration", ["管理", "行政"]],
  ["construction", ["建设", "建造"]],
  ["building", ["建设"]],
  ["consulting", ["咨询"]],
  ["consultancy", ["咨询"]],
  ["advisory", ["咨询"]],
  ["services", ["服务"]],
  ["service", ["服务"]],
  ["engineering", ["工程"]],
  ["project", ["项目", "工程"]],
  ["safety", ["安全"]],
  ["security", ["安全", "保障"]],
  ["supervision", ["监管", "监督"]],
  ["regulation", ["监管"]],
  ["regulatory", ["监管"]],
  ["oversight", ["监管", "监督"]],
  ["industry", ["行业", "产业", "工业"]],
  ["sector", ["行业"]],
  ["industrial", ["产业", "工业"]],
  ["technical", ["技术"]],
  ["technology", ["技术", "科技"]],
  ["experts", ["专家"]],
  ["expert", ["专家"]],
  ["hiring", ["聘请", "聘用"]],
  ["hired", ["聘请", "聘用"]],
  ["engaging", ["聘请"]],
  ["personnel", ["人员"]],
  ["staff", ["人员"]],
  ["funds", ["经费", "资金"]],
  ["funding", ["经费", "资金"]],
  ["fund", ["资金", "基金", "经费"]],
  ["expenses", ["经费", "费用"]],
  ["costs", ["经费", "费用"]],
  ["planning", ["规划"]],
  ["plan", ["规划", "计划"]],
  ["integration", ["一体化", "融合"]],
  ["integrated", ["一体化"]],
  ["system", ["系统", "体系"]],
  ["systems", ["系统", "体系"]],
  ["city", ["城市", "市"]],
  ["urban", ["城市"]],
  ["operation", ["运行", "运营"]],
  ["operations", ["运行", "运营"]],
  ["maintenance", ["维护", "运维"]],
  ["information", ["信息"]],
  ["informatization", ["信息化"]],
  ["platform", ["平台"]],
  ["data", ["数据"]],
  ["digital", ["数字"]],
  ["smart", ["智慧"]],
  ["intelligent", ["智能"]],
  ["economy", ["经济"]],
  ["economic", ["经济"]],
  ["development", ["发展", "开发"]],
  ["promotion", ["促进", "推广"]],
  ["investment", ["投资"]],
  ["enterprises", ["企业"]],
  ["enterprise", ["企业"]],
  ["training", ["培训"]],
  ["publicity", ["宣传"]],
  ["education", ["教育"]],
  ["special", ["专项"]],
  ["subsidies", ["补贴", "补助"]],
  ["subsidy", ["补贴", "补助"]],
  ["awards", ["奖励"]],
  ["rewards", ["奖励"]],
  ["work", ["工作"]],
  ["supporting", ["支持"]],
  ["support", ["支持"]],
  ["office", ["办公"]],
  ["government", ["政府", "政务"]],
  ["public", ["公共"]],
  ["resources", ["资源"]],
  ["trading", ["交易"]],
  ["transaction", ["交易"]],
  ["manufacturing", ["制造业", "制造"]],
  ["internet", ["互联网"]],
  ["park", ["园区"]],
  ["community", ["社区"]],
  ["social", ["社会"]],
  ["grassroots", ["基层"]],
  ["governance", ["治理"]],
  ["volunteer", ["志愿"]],
  ["petition", ["信访"]],
  ["evaluation", ["评价", "评估"]],
  ["assessment", ["评估", "考核"]],
  ["performance", ["绩效"]],
  ["statistics", ["统计"]],
  ["statistical", ["统计"]],
  ["survey", ["调查"]],
  ["census", ["普查"]],
  ["archives", ["档案"]],
  ["property", ["物业"]],
  ["equipment", ["设备"]],
  ["purchase", ["购置", "采购"]],
  ["procurement", ["采购"]],
  ["upgrade", ["升级", "改造"]],
  ["upgrading", ["升级", "改造"]],
  ["renovation", ["改造", "修缮"]],
  ["software", ["软件"]],
  ["network", ["网络"]],
  ["transport", ["交通", "运输"]],
  ["transportation", ["交通", "运输"]],
  ["traffic", ["交通"]],
  ["environment", ["环境"]],
  ["energy", ["能源"]],
  ["hydrogen", ["氢能"]],
  ["vehicles", ["汽车", "车辆"]],
  ["new", ["新"]],
  ["innovation", ["创新"]],
  ["talent", ["人才"]],
  ["talents", ["人才"]],
  ["foreign", ["外资", "外商"]],
  ["trade", ["贸易", "商贸"]],
  ["commerce", ["商务"]],
  ["consumption", ["消费"]],
  ["market", ["市场"]],
  ["credit", ["信用"]],
  ["legal", ["法律", "法治"]],
  ["law", ["法律", "法治"]],
  ["monitoring", ["监测"]],
  ["emergency", ["应急"]],
  ["fire", ["消防"]],
  ["cultural", ["文化"]],
  ["culture", ["文化"]],
  ["tourism", ["旅游"]],
  ["sports", ["体育"]],
  ["health", ["健康", "卫生"]],
  ["medical", ["医疗"]],
  ["insurance", ["保险"]],
  ["employment", ["就业"]],
  ["poverty", ["贫困"]],
  ["rural", ["农村", "乡村"]],
  ["revitalization", ["振兴"]],
  ["ecological", ["生态"]],
  ["protection", ["保护"]],
  ["research", ["研究"]],
  ["scientific", ["科研", "科学"]],
  ["laboratory", ["实验室"]],
  ["teaching", ["教学"]],
  ["students", ["学生"]],
  ["teachers", ["教师"]],
  ["campus", ["校园"]],
  ["key", ["重点"]],
  ["major", ["重大", "重点"]],
  ["annual", ["年度"]],
  ["comprehensive", ["综合"]],
  ["general", ["综合"]],
];

const TERMS = [...WORDS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([en, zh]) => ({ re: phraseRegex(en), zh: [...zh].sort((a, b) => b.length - a.length) }));
// Words that only join a name or frame it.
const GLUE = new Set(["the", "a", "an", "of", "and", "for", "on", "in", "&", "its", "their"]);
// Characters a label may have that no English word says: joiners, and a leading year ("2019年度…").
const JOINERS = /[和及与、的之]/;
const LEAD_YEAR = /^(19|20)\d{2}年度?/;

/** Words naming a project: a phrase right before "project"/"programme", or one the user quoted. */
const NAMED = /(?<![a-z&'-])((?:[a-z][a-z&-]*\s+){1,16}?)(?:projects?|programmes?|programs?)\b/g;

// Words a project's name does not run over.
const BOUNDARY = new Set(["the", "a", "an", "of", "its", "their", "for", "on", "about", "did", "was", "is", "what", "which", "how", "to", "in", "by", "at", "score", "scores", "rating"]);

/** A phrase of a question that names a project; `project` when the word "project" follows it. */
export interface ProjectPhrase {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly project: boolean;
}

// "… project for supporting industrial development": what the project is for, after it.
const AFTER = /^\s+(?:for|on|to)\s+((?:[a-z][a-z&-]*\s*){1,8})/;

/**
 * The phrases of a normalised English question that name a project, with where they are: quoted
 * ones, the words right before "project" (with what it is "for" after it, tried first).
 */
export function projectPhrases(text: string, quoted: readonly string[]): ProjectPhrase[] {
  const out: ProjectPhrase[] = [];
  const trailing = (words: readonly string[]): string[] => {
    let k = 0;
    while (k < words.length && !BOUNDARY.has(words[k] ?? "")) k++;
    return words.slice(0, k) as string[];
  };
  for (const q of quoted) {
    const p = q.toLowerCase().trim();
    const at = /[a-z]/.test(p) ? text.indexOf(p) : -1;
    if (at >= 0) out.push({ start: at, end: at + p.length, phrase: p, project: /^\W*\s*(projects?|programmes?|programs?)\b/.test(text.slice(at + p.length)) });
  }
  for (const m of text.matchAll(NAMED)) {
    // The name is the run of words right before "project": "… score of the rail transit … services project".
    const words = (m[1] ?? "").trim().split(/\s+/);
    let k = words.length;
    while (k > 0 && !BOUNDARY.has(words[k - 1] ?? "")) k--;
    const phrase = words.slice(k).join(" ");
    const start = m.index + m[0].lastIndexOf(phrase);
    if (phrase.length === 0 || out.some((o) => o.start < start + phrase.length && start < o.end)) continue;
    const after = AFTER.exec(text.slice(m.index + m[0].length));
    const what = after ? trailing((after[1] ?? "").trim().split(/\s+/)).join(" ") : "";
    if (what) out.push({ start, end: m.index + m[0].length + (after?.[0].length ?? 0), phrase: `${phrase} ${what}`, project: true });
    out.push({ start, end: start + phrase.length, phrase, project: true });
  }
  return out;
}

/**
 * The one label of `vocabulary` an English project name translates to word by word, or null when
 * a word has no translation, no label is covered whole, or several different labels are.
 */
export function translateProject(phrase: string, vocabulary: ReadonlySet<string>): string | null {
  const tokens = tokensOf(phrase);
  if (!tokens || tokens.length < 2) return null;
  const fits: string[] = [];
  for (const label of vocabulary) {
    if (label.length < 4 || label.length > 40 || !/[\u3400-\u9fff]/.test(label)) continue;
    if (covers(tokens, label)) fits.push(label);
  }
  // "2019年度聘请专家人员经费": the year is the question's to say, not the name's.
  const distinct = [...new Set(fits.map((l) => l.replace(LEAD_YEAR, "")))];
  return distinct.length === 1 ? (distinct[0] ?? null) : null;
}

/** The phrase's words as lists of Chinese alternatives; null when a content word has none. */
function tokensOf(phrase: string): (readonly string[])[] | null {
  let rest = ` ${phrase.toLowerCase()} `;
  const found: { at: number; zh: readonly string[] }[] = [];
  for (const { re, zh } of TERMS) {
    rest = rest.replace(re, (m: string, at: number) => {
      found.push({ at, zh });
      return " ".repeat(m.length);
    });
  }
  const left = rest.match(/[a-z][a-z'-]*/g) ?? [];
  if (left.some((w) => !GLUE.has(w))) return null;
  return found.sort((a, b) => a.at - b.at).map((f) => f.zh);
}

/** Whether every token finds one of its alternatives in the label and the words cover all of it. */
function covers(tokens: readonly (readonly string[])[], label: string): boolean {
  const covered = new Array<boolean>(label.length).fill(false);
  for (const alts of tokens) {
    let placed = false;
    for (const alt of alts) {
      for (let k = label.indexOf(alt); k >= 0 && !placed; k = label.indexOf(alt, k + 1)) {
        if (covered.slice(k, k + alt.length).some(Boolean)) continue;
        for (let i = k; i < k + alt.length; i++) covered[i] = true;
        placed = true;
      }
      if (placed) break;
    }
    if (!placed) return false;
  }
  const lead = LEAD_YEAR.exec(label)?.[0].length ?? 0;
  return covered.every((c, i) => c || i < lead || JOINERS.test(label[i] ?? ""));
}
