/**
 * Closed-class words of a figure question that name no quantity: question words, verbs of paying,
 * particles, level markers, generic money words and measure words (the measure recogniser reads
 * those). Characters they cover are not content a descriptor has to account for.
 */
const FILLERS = [
  // question words
  "是多少", "有多少", "为多少", "多少钱", "多少万元", "多少万", "多少亿元", "多少", "几个", "几项", "几次", "几辆", "几", "多大", "多高", "几何",
  "请问", "请告诉我", "告诉我", "帮我查一下", "帮我查", "查一下", "我想知道", "想知道", "想问一下", "想问", "了解一下",
  "是什么", "怎么样", "如何", "分别是", "分别", "各是", "是啥", "啥", "干嘛", "干啥",
  // how people frame an area ("住房保障方面", "高中教育这块"), a row ("那行"), a project, who gets it
  "方面", "这块", "这一块", "那块", "领域", "那行", "这行", "那栏", "这栏", "那列", "这列",
  "这个项目", "这一项目", "该项目", "此项目", "的人", "干部", "还有", "还剩", "多少亿",
  // which of two is larger ("多的那家是多少")
  "多的那家", "多的那个", "多的那一个", "高的那个", "大的那个", "那家", "花得", "用得", "多",
  // verbs of paying and doing
  "花了", "花费了", "花费", "花掉", "花", "用了", "用掉", "用于", "用在", "交了", "缴了", "缴纳", "交", "缴", "发了", "发放", "发",
  "付了", "支付", "拿了", "给了", "做了", "搞了", "搞", "的时候", "时候", "办了", "安排了", "安排", "实际", "实际上", "到底", "大概", "最后", "最终", "一共", "总共", "共计",
  "开支", "开销", "花销", "支出了", "支出", "费用", "经费", "钱", "金额", "数额", "总额", "资金", "情况",
  "一年", "全年的", "绩效", "综合", "全局", "年度", "当年", "本年度", "今年", "这一年", "那一年",
  // measure words (read by the measure recogniser)
  "决算数", "决算", "实际支出", "年初预算数", "年初预算", "全年预算数", "全年预算", "预算数", "完成率", "执行率", "完成", "增长率", "增长了", "增长", "增加了", "增加", "减少了", "减少",
  "下降了", "下降", "增幅", "降幅", "上涨了", "上涨", "涨幅", "涨了", "降低了", "降低", "降了", "变化", "占比", "比重", "比例", "占", "得分", "多少分", "分数", "几分", "得了", "总分", "评分",
  "自评", "百分之几", "百分之多少", "百分之", "百分比", "百分点", "多出", "多花", "少花", "省了", "省下", "超出", "超支", "少了", "多了", "比上年", "比去年", "较上年", "较去年", "比", "较",
  "包含", "包括", "共有", "拥有",
  // document words
  "绩效指标", "部门整体支出绩效自评表", "整体支出绩效自评表", "项目支出绩效自评表", "项目支出自评结果表", "项目绩效自评表", "绩效自评表", "项目自评表", "自评结果表", "自评表", "日常", "决算公开", "部门决算", "单位决算", "决算里", "决算中", "决算表", "那张表", "这张表", "表里", "表中", "表内", "里面", "里说", "中说", "说", "提到", "披露", "显示",
  "这一项", "这项", "该项", "那一项", "那项", "名下", "收了", "收到", "口径", "全部资金", "全口径", "是零吗", "是不是零", "为零", "就是", "也就是", "这个", "那个", "这些", "那些", "那辆", "这辆", "那台", "这台", "其中", "里", "中", "内", "下面", "下的", "下",
  "这一行", "那一行", "一行", "这一列", "那一列", "一列", "这一栏", "一栏", "栏", "填的", "填报", "填", "相比", "相较", "比起", "打了", "打", "拨了", "新",
  "请查", "查询", "查", "数", "(款,", "(类,", "(项,", "本级", "职工", "员工", "教职工", "工作人员", "这一类", "那一类", "一类", "经济分类", "功能分类", "科目编码", "科目", "编码", "代码",
  // how to write the answer, not which quantity
  "保留两位小数", "保留一位小数", "保留小数", "保留两位", "两位小数", "一位小数", "四舍五入", "精确到", "约等于", "大约",
  // whether-words and counters (the measure recogniser reads the unit)
  "有没有", "是否有", "是否", "有无", "几个人", "多少个人", "个",
  ...["多少", "几"].flatMap((q) => ["家", "项", "次", "人次", "名", "辆", "台", "套", "条", "场", "件", "批次", "批", "位", "人", "吨", "平方米", "万辆", "万人", "万家", "万美元", "亿美元", "座", "所", "户", "篇", "期"].map((c) => q + c)),
  // operator and explanation words (the intent recogniser reads them)
  "多多少", "少多少", "高多少", "低多少", "差多少", "相差", "差了", "差额", "之差", "做", "上", "加起来", "加在一起", "合起来", "为什么", "为啥", "为何", "原因", "怎么", "什么", "这么多", "那么多", "这么", "那么",
  // ranking words (the operator recogniser reads them)
  "谁的", "谁家", "谁", "哪一个", "哪个", "哪家", "哪些", "最高", "最多", "最少", "最低", "最大", "最小", "排名", "排第几", "排序",
  "明细科目", "明细", "类级", "款级", "项级", "哪一类", "哪类", "哪一款", "哪一项", "第二多", "第三多", "第二", "第三", "排第", "按", "排", "级",
  "这些", "所有", "全部", "各个", "各", "单位", "部门", "机关", "五个", "几个",
  ...["这", "那"].flatMap((d) => ["几", "两", "三", "四", "五"].map((n) => `${d}${n}家`)),
  // which of them is higher ("经信局和洪山企服差旅费谁高")
  ...["谁", "哪个", "哪家"].flatMap((w) => ["高", "低", "多", "少", "大", "小", "更高", "更低", "更多", "更少"].map((x) => `${w}${x}`)),
  // particles and level markers
  "(类)", "(款)", "(项)", "(境)", "类", "的", "了", "呢", "吗", "啊", "吧", "呀", "是", "有", "在", "那么", "那", "这", "把", "给", "和", "与", "及", "以及", "被",
] as const;

const SORTED = [...FILLERS].sort((a, b) => b.length - a.length);
// …followed by the kind's own name (a noun, not a verb or question word: "修车保险这类花了多少" names none).
const EXAMPLES = /[\p{Script=Han}、和及]{2,12}?(?:这类|这种|这些|之类的?)(?=(?!花|用|交|付|一年|是|有|的|多|共|总|加)\p{Script=Han}{2})/gu;
// "养人花了多少，就是人员经费": words a question restates with 就是/也就是/即 are its own gloss.
const GLOSSED = /^[^,，;；]*?(?=[,，\s]*(?:也就是|就是|即是)(?:说)?\p{Script=Han})/u;

/** The closed-class words (for typo repair's vocabulary). */
export const FILLER_WORDS: readonly string[] = FILLERS;

const WORD_CHAR = /[\p{Script=Han}A-Za-z0-9]/u;
// Linking asks this of the same few thousand characters millions of times: the Unicode property
// test is remembered per character.
const wordChars = new Map<string, boolean>();

/** True for a character that can carry meaning (Han, Latin letter, digit). */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  if (ch.length !== 1) return WORD_CHAR.test(ch);
  let known = wordChars.get(ch);
  if (known === undefined) {
    known = WORD_CHAR.test(ch);
    wordChars.set(ch, known);
  }
  return known;
}

/**
 * Marks the content characters of `text`: word characters outside filler words. Fillers are found
 * longest first; a filler never splits a longer filler already marked.
 */
export function contentMask(text: string): boolean[] {
  const mask = [...text].map((ch) => isWordChar(ch));
  // "学费住宿费这类教育收费": examples before 这类/之类 say what the kind holds, not which quantity.
  for (const m of text.matchAll(EXAMPLES)) for (let k = m.index; k < m.index + m[0].length; k++) mask[k] = false;
  const gloss = GLOSSED.exec(text);
  if (gloss && gloss[0].length > 0) for (let k = 0; k < gloss[0].length; k++) mask[k] = false;
  for (const f of SORTED) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(f, from);
      if (i < 0) break;
      for (let k = i; k < i + f.length; k++) mask[k] = false;
      from = i + f.length;
    }
  }
  return mask;
}
