/**
 * The rule catalogue: every check the audit makes, with its severity and a one-line description.
 * Rule modules emit findings by id; the catalogue is the single list reports and tests read.
 */
import type { RuleKind, Severity } from "./types.js";

/** One rule of the catalogue. */
export interface Rule {
  readonly id: string;
  readonly kind: RuleKind;
  readonly severity: Severity;
  /** One line, Chinese. */
  readonly zh: string;
  readonly en: string;
}

const rule = (id: string, kind: RuleKind, severity: Severity, zh: string, en: string): Rule => ({ id, kind, severity, zh, en });

/** Every rule, grouped by kind in report order. */
export const RULES = [
  // 完整性 completeness
  rule("completeness.table-missing", "completeness", "error", "缺少模板规定的决算表", "A table the template requires is missing"),
  rule("completeness.table-duplicate", "completeness", "warning", "同一张决算表出现两次", "The same table appears twice"),
  rule("completeness.table-order", "completeness", "warning", "决算表的先后顺序与模板不一致", "Tables are not in the template's order"),
  rule("completeness.empty-table-note", "completeness", "warning", "无数据的决算表未附说明", "An empty table carries no note explaining why"),
  rule("completeness.section-missing", "completeness", "warning", "缺少必备的情况说明章节", "A required explanatory section is missing"),
  rule("completeness.toc-entry", "completeness", "warning", "目录列出的表或章节在正文中找不到", "A table of contents entry has no counterpart in the body"),
  rule("completeness.table-unit", "completeness", "hint", "决算表未标明金额单位", "A table does not state its money unit"),
  // 一致性 consistency of identity
  rule("identity.department", "identity", "warning", "封面、表头与说明中的单位名称不一致", "The body's name differs between cover, table headers and narrative"),
  rule("identity.year-heading", "identity", "error", "标题、目录、表头或章节标题的年度与公开年度不一致", "A title, heading or table header names another year"),
  rule("identity.year-narrative", "identity", "warning", "说明所述本年数字的年度与公开年度不一致", "The narrative states this year's figures under another year"),
  rule("identity.year-comparison", "identity", "warning", "“与上年相比”所指年度不是上一年度", "A year-on-year comparison names a year other than the previous one"),
  rule("identity.unit", "identity", "warning", "决算表的金额单位与其他表不一致", "A table's money unit differs from the others"),
  rule("identity.placeholder", "identity", "error", "模板占位符未替换（XX局、XX年、××）", "A template placeholder was left in (XX局, XX年, ××)"),
  rule("identity.template-text", "identity", "hint", "模板的填写说明留在了公开文本中", "The template's filling instructions were left in"),
  rule("identity.repeated-punctuation", "identity", "warning", "标点符号重复", "Repeated punctuation"),
  rule("identity.repeated-word", "identity", "hint", "词语重复", "A word is repeated"),
  // 表内勾稽 table identities
  rule("table.row-sum", "table", "error", "合计列不等于各分列之和", "A row's total column differs from the sum of its breakdown"),
  rule("table.hierarchy", "table", "error", "合计、类、款、项逐级汇总不符", "合计/类/款/项 amounts do not add up level by level"),
  rule("table.balance", "table", "error", "总表收支不平衡（本年合计、结转结余、总计）", "The summary table does not balance (year totals, balances, grand totals)"),
  rule("table.sangong", "table", "error", "“三公”经费合计、公务用车小计与其构成不符", "三公 totals differ from their parts"),
  rule("table.basic-detail", "table", "error", "基本支出明细表的人员经费、公用经费合计与明细不符", "Personnel/public expense totals differ from their detail rows"),
  rule("table.blank-cell", "table", "warning", "单元格空白，但行合计与列合计都要求此处有数", "A blank cell that both its row and its column total require"),
  // 表间勾稽 across tables
  rule("across.totals", "across", "error", "总表与收入决算表、支出决算表的合计不一致", "Totals of the summary, income and expenditure tables differ"),
  rule("across.class-rows", "across", "error", "同一科目在不同决算表中的金额不一致", "One classification row has different amounts in two tables"),
  rule("across.fiscal", "across", "error", "财政拨款总表与一般公共预算、政府性基金、国有资本经营表不一致", "The fiscal summary differs from the general budget / fund / state capital tables"),
  rule("across.basic", "across", "error", "基本支出与人员经费、公用经费之和不一致", "Basic expenditure differs from personnel plus public expenses"),
  rule("across.sangong-basic", "across", "warning", "基本支出明细表中的公务接待费或公务用车运行维护费超过“三公”经费表", "The basic-expenditure detail exceeds the 三公 table for receptions or vehicle running"),
  // 说明与表格 narrative ↔ tables
  rule("narrative.figure", "narrative", "error", "情况说明中的数字与决算表不一致", "A figure in the narrative differs from the table"),
  rule("narrative.zero-claim", "narrative", "error", "说明称没有此项支出或为 0，但表中有数", "The narrative says none or 0 while the table has an amount"),
  rule("narrative.unit", "narrative", "error", "说明中数字的金额单位与决算表不符", "A narrative figure carries the wrong money unit"),
  // 说明内的计算 narrative arithmetic
  rule("arithmetic.share", "arithmetic", "error", "占比与所述数字不符", "A share does not follow from the figures stated"),
  rule("arithmetic.share-base", "arithmetic", "warning", "占比是按另一个总数算的，与文字所称的总数不符", "A share is of another whole than the one the text names"),
  rule("arithmetic.growth", "arithmetic", "error", "增减幅度与增减额、本年数不符", "A growth rate does not follow from the change and this year's figure"),
  rule("arithmetic.completion", "arithmetic", "error", "完成率与决算数、预算数不符", "A completion rate does not follow from outturn and budget"),
  rule("arithmetic.zero-budget", "arithmetic", "error", "预算为 0，却给出了完成预算的比率", "A completion rate against a budget of 0"),
  rule("arithmetic.compare-budget", "arithmetic", "error", "“大于/小于/持平”与决算数、预算数的大小不符", "大于/小于/持平 contradicts outturn and budget"),
  rule("arithmetic.compare-prior", "arithmetic", "error", "“增加/减少/持平”与较上年的增减数不符", "增加/减少/持平 contradicts the year-on-year figures"),
  rule("arithmetic.parts-sum", "arithmetic", "warning", "说明中“其中”各项之和超过总数，或基本支出与项目支出等完整分项之和不等于总数", "Parts listed after 其中 exceed the total, or a complete breakdown does not add up"),
  // 尾差 rounding
  rule("rounding.sum", "rounding", "hint", "合计与各项之和的差在尾差范围内（每项 0.01 万元）", "A sum is off by rounding only (0.01 万元 per addend)"),
  rule("rounding.figure", "rounding", "warning", "说明与表格的同一数字相差 0.01 万元（尾差）", "The narrative and the table differ by 0.01 万元 (rounding)"),
] as const satisfies readonly Rule[];

/** A rule id of the catalogue. */
export type RuleId = (typeof RULES)[number]["id"];

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));

/** The catalogue entry of a rule id. */
export function ruleOf(id: RuleId): Rule {
  return BY_ID.get(id) as Rule;
}
