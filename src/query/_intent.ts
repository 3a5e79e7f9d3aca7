import { spansOf, type Span } from "./_text.js";

/** The cues of a question's intent, and the question words to drop from its topic. */
export interface IntentCues {
  readonly explain: boolean;
  readonly define: boolean;
  readonly list: boolean;
  readonly rank: boolean;
  readonly compare: boolean;
  readonly sum: boolean;
  readonly figure: boolean;
  readonly existence: boolean;
  readonly separately: boolean;
  /** 花/支出/spend without an item: the total spending is asked. */
  readonly spend: boolean;
  /** 收入/income without an item: the total revenue is asked. */
  readonly income: boolean;
  /** 那…呢 / what about: the question continues the previous one. */
  readonly continuation: boolean;
  readonly spans: readonly Span[];
}

// Problems a self-evaluation found are explained like shortfalls (偏差原因, 存在的问题).
const PROBLEM = /(什么|哪些|何|啥)问题|问题(是什么|有哪些|是啥)|存在的问题|(什么|哪些|啥)不足|不足之处|\bwhat (problems|issues|shortcomings)\b/;
// Whom or where a spending served ("公务接待费主要是接待谁", "出国去了哪些国家"): the sentence says.
// (接待 of an item's name is read away before the cues: its place stays masked.)
const WHOM = "(?:接待|招待|去|到|访问|考察|\u0001{2,})了?的?(?:是)?(?:谁|哪些人|什么人|哪里|哪儿|哪些(?:国家|地方|地区|城市|单位))";
const EXPLAIN = new RegExp(
  `${WHOM}|为什么|为啥|为何|什么原因|原因|怎么回事|咋回事|怎么会|说明一下|解释一下|怎么解释|如何解释|怎么说的|怎么说明|主要(?:花|用)在(?:什么|哪|啥)|(?:花|用)在(?:什么|哪些|啥)(?:上|地方)|(?:是)?(?:干|做)(?:什么|啥|嘛)用的?|(?:拿去|用去|用来)(?:干|做)(?:什么|啥|嘛)|用来(?:干|做)(?:什么|啥)|用于(?:什么|哪些|何处)|(?:什么|啥)用途|用途是|\\bwhat (?:was|were|is|are) (?:it|they|this|that|the money) (?:used|spent) (?:for|on)\\b|\\bwhy\\b|\\breasons?\\b|\\bhow come\\b|${PROBLEM.source}`,
);
const DEFINE =
  /是什么意思|什么意思|是指什么|指的是什么|指什么|什么是|是什么|名词解释|含义|定义|包括什么|包含什么|\bmeaning\b|\bmeans?\b|\bdefinition\b|\bdefine\b|\brefers? to\b|\bstands? for\b|\bwhat is meant by\b/;
const LIST = /有哪些|包括哪些|包含哪些|都有什么|有什么|哪些|列出|列举|\blist\b|\bwhich (items|projects|ones)\b|\bwhat are the\b/;
const RANK =
  /哪个部门|哪些部门|哪个单位|哪家|排名|排序|排第几|排第[二三四五\d]|第[二三四五\d](多|少|高|低|大|小)|最多|最少|最高|最低|最大|最小|\bwhich (department|unit|bureau|agency|office)s?\b|\brank(ing|ed)?\b|\b(most|least|highest|lowest|largest|smallest)\b/;
const COMPARE =
  /(?:跟|和|与|同)[^，。？?,]{1,16}比(?:呢|一下|一比)?(?:[？?]|$)|(?:跟|和|与|同)[^，。？?,]{1,16}比(?:一下|起来)?[,，]?(?:多|少|高|低)(?:了|出)?(?:多少|几)|^比(?!上年|去年|上一年|前年|年初|预算|全年|同期)[^，。？?,]{1,16}?(?:多|少|高|低)(?:了|出)?(?:多少|几)|对比|比较|相比|比一比|哪个多|哪个少|哪个高|哪个低|哪个大|谁多|谁少|谁高|(?:哪个|哪一个|哪项|谁)(?:花|用|支出|开支)?得?(?:更)?(?:多|少|高|低|大)|差多少|相差|差距|差额|区别|不同|\bcompare[ds]?\b|\bcomparison\b|\bversus\b|\bvs\.?\b|\bdifference\b/;
const SUM =
  /加起来|加在一起|合起来|一共|总共|共计|合计|之和|总和|总额|一起|\btotal\b|\bcombined\b|\btogether\b|\bin all\b|\bsum\b|\baltogether\b/;
const FIGURE =
  /多少|几|数额|金额|数是|是多少|有多大|\bhow (much|many)\b|\bwhat (was|were|is|are|did)\b|\bspen[dt]\b|\bamount\b|\bfigure\b|\bcost\b/;
const EXISTENCE =
  /有没有|是否有|有无|是不是有|是否|\b(did|does|do|was|were|is|are) (it |they |there )?(have|any|spend any)\b|\bany(thing)?\b|\bat all\b/;
const SEPARATELY = /分别|各自|各是|各为|各有|\brespectively\b|\beach\b/;
const SPEND = /花了|花费|花销|开支|支出了|用了|\bspen[dt]\b|\bexpenditures?\b/;
const INCOME = /收入了|收到|进账|\bincome\b|\breceived?\b|\brevenue\b/;
const CONTINUATION = /^(那么?|还有|另外|and\b|what about\b|how about\b)|呢\??$|\bwhat about\b|\bhow about\b/;

/** Question words and fillers removed from the topic (never inside an item name: items are matched first). */
const QUESTION_WORDS =
  /(?:主要)?(?:拿去|用去|用来)(?:干|做)(?:什么|啥|嘛)了?|(?:是)?(?:干|做)(?:什么|啥|嘛)用的?|(?:什么|啥)用途|用途是?|哪(?:个|家|一个|一家|些)(?:部门|单位|机关|机构)|^其中|[多少]了?(?=几|多少)|最大|最小|谁的|谁家|谁|(这|那|上述|以上)[几两三四五六七八九十\d]*(?:(个|家)?(部门|单位)|家)(里|中|之中|当中)?|[两三四五六七八九十\d]+(个|家)(部门|单位)(里|中|之中|当中)|(发现|存在)(了|的)?(什么|哪些)问题|(什么|哪些|何)问题|问题是什么|问题有哪些|存在的问题|(什么|哪些)不足|不足之处|只花了|才花了|只用了|才用了|你好|您好|谢谢|请问|请告诉我|告诉我|帮我查一下|帮我查|帮忙查|查一下|查询|我想知道|想知道|想问一下|想问|想了解|了解一下|^那么?|还有|花了多少钱|花了多少|用了多少钱|用了多少|花费了?多少|一共多少钱|总共多少钱|一共是多少|一共多少|总共多少|共多少|合计多少|加起来一共|加起来|加在一起|合起来|一共|总共|共计|之和|总和|多多少|少多少|高多少|低多少|多了多少|少了多少|多出多少|是多少|有多少|为多少|多少钱|多少|几|数额是|数额|金额是|金额为|金额|分别是|分别|各自|各是|是什么意思|什么意思|是指什么|指的是什么|指什么|什么是|是什么|名词解释中|名词解释|含义是|含义|为什么|为啥|为何|什么原因|原因是什么|原因|怎么回事|咋回事|说明一下|解释一下|有没有|是否有|是否|有无|有哪些|包括哪些|包括什么|哪些|哪个部门|哪个单位|哪家|哪个多|哪个少|哪个高|哪个低|哪个大|哪个小|谁多|谁少|谁高|哪个|排名|排第几|最多|最少|最高|最低|对比一下|对比|比较一下|比较|相比|差多少|相差|区别|这么多|那么多|这么高|那么高|这么少|科目编码|科目代码|科目|编码|代码|部门决算公开|单位决算公开|部门决算|单位决算|决算公开|多少万元|多少万|多少亿元|万元|亿元|累计|具体|大概|一下|呢|吗|呀|啊|吧|[?？!！。，,;；:：]/g;

const EN_QUESTION_WORDS =
  /\b(?:among|of|across) (?:all )?(?:the |these |those )?(?:[a-z]+ )?(?:bodies|departments|units|agencies|bureaus|organi[sz]ations)(?: (?:in|of) the corpus)?\b|\b(what|how|much|many|did|does|do|was|were|is|are|the|a|an|of|on|in|for|by|to|its|their|spend|spent|spending on|which|department|please|tell me|me|there|any|have|has|had|and|about|respectively|each|compared?|versus|vs|total|combined|together|sum|altogether|why|mean|meaning|means|definition|define|refers? to|rise|rose|risen|grow|grew|grown|fall|fell|drop|dropped|decline|declined)\b|'s\b|[?!.,;:]/g;

/** Reads the intent cues of a normalised question and the question-word spans to drop from its topic. */
export function findIntentCues(text: string, lang: "zh" | "en"): IntentCues {
  const spans = [...spansOf(text, QUESTION_WORDS, "question")];
  if (lang === "en") spans.push(...spansOf(text, EN_QUESTION_WORDS, "question"));
  return {
    explain: EXPLAIN.test(text),
    define: DEFINE.test(text) && !/原因是什么/.test(text),
    list: LIST.test(text),
    rank: RANK.test(text),
    compare: COMPARE.test(text),
    sum: SUM.test(text),
    figure: FIGURE.test(text),
    existence: EXISTENCE.test(text),
    separately: SEPARATELY.test(text),
    spend: SPEND.test(text),
    income: INCOME.test(text),
    continuation: CONTINUATION.test(text),
    spans,
  };
}
