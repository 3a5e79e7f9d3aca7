import type { Lang } from "../answer/types.js";

/** Everything the bot itself says (answers come from the engine); both languages must be complete. */
export interface BotMessages {
  readonly intro: string;
  readonly knows: string;
  readonly examples: string;
  readonly semanticOn: string;
  readonly semanticOff: string;
  readonly commandsHint: string;
  readonly help: string;
  readonly deptsTitle: string;
  readonly aliases: string;
  readonly years: string;
  readonly noDepartments: string;
  readonly auditUsage: string;
  readonly auditUnknown: (asked: string) => string;
  readonly auditTitle: (department: string) => string;
  readonly auditClean: string;
  readonly auditErrors: string;
  readonly auditNoErrors: string;
  readonly auditMore: (n: number) => string;
  readonly auditAttached: string;
  readonly auditCaption: (department: string) => string;
  readonly lines: (lines: readonly number[]) => string;
  readonly noSources: string;
  readonly lastHadNoSources: string;
  readonly sourcesExpired: string;
  readonly sourcesButton: string;
  readonly langSwitched: string;
  readonly apology: string;
  readonly rateLimited: string;
  readonly nonText: string;
  readonly unknownCommand: string;
  readonly emptyQuestion: string;
  readonly inlineHint: string;
  readonly inlineNotFound: string;
  readonly exampleQuestions: (aliases: readonly string[], year: number | null) => string[];
  readonly commands: Record<BotCommandName, string>;
}

/** The bot's commands, as registered with setMyCommands. */
export const BOT_COMMANDS = ["start", "help", "depts", "sources", "audit", "lang"] as const;
export type BotCommandName = (typeof BOT_COMMANDS)[number];

/** Bot wording by language. */
export const BOT_MESSAGES = {
  zh: {
    intro: "<b>决算问答</b>：根据部门决算公开文件回答问题，数字与原文一致，并注明核验状态和出处（文件、表号、行号）。",
    knows: "目前收录：",
    examples: "可以这样问：",
    semanticOn: "语义检索：已开启（可以问原因和名词解释）。",
    semanticOff: "语义检索：未开启，仅用关键词检索。",
    commandsHint: "命令：/depts 部门列表 · /sources 上一条回答的出处 · /audit 部门 一致性检查 · /lang 切换语言 · /help 帮助",
    help: [
      "<b>怎么用</b>",
      "直接发问题，例如“经信局2024年公务接待费多少”。可以接着追问“那公务用车呢？”，我会沿用上一问的部门和年度。",
      "",
      "每条回答先给数字，再写口径和核验状态，最后列出处。点“来源”按钮或发 /sources 查看原文引文。",
      "",
      "/depts — 收录的部门、简称和年度",
      "/sources — 上一条回答引用的原文",
      "/audit 部门 — 审核该部门的决算公开：勾稽、表间一致、说明与表格、说明中的计算，附完整报告",
      "/lang — 中文 / English（英文提问会自动用英文回答）",
      "",
      "在任意聊天里输入 @机器人名 加问题，可以分享一张带出处的事实卡片。",
    ].join("\n"),
    deptsTitle: "<b>收录的部门</b>",
    aliases: "简称",
    years: "年度",
    noDepartments: "语料里还没有可查询的部门。",
    auditUsage: "用法：/audit 部门名称或简称，例如 /audit 经信局",
    auditUnknown: (asked) => `未找到该部门：${asked}。发送 /depts 查看收录的部门。`,
    auditTitle: (d) => `<b>${d}</b> 一致性检查`,
    auditClean: "未发现问题：表内勾稽一致，各处数字没有冲突。",
    auditErrors: "错误：",
    auditNoErrors: "没有错误级别的问题。",
    auditMore: (n) => `……另有 ${n} 条错误未列出。`,
    auditAttached: "完整报告（含警告、提示和未能核对的项目）见附件。",
    auditCaption: (d) => `${d} 决算公开审核报告`,
    lines: (ls) => (ls.length ? `（第${ls.join("、")}行）` : ""),
    noSources: "还没有可以引用的回答，先问一个问题吧。",
    lastHadNoSources: "上一条回答没有引用出处。",
    sourcesExpired: "这条回答的出处已过期，请重新提问。",
    sourcesButton: "📑 来源",
    langSwitched: "已切换为中文。英文提问会自动用英文回答。",
    apology: "抱歉，处理这条消息时出错了，请稍后再试。",
    rateLimited: "您发得有点快，请稍等几秒再问。",
    nonText: "我只能读文字问题，例如“经信局公务接待费多少”。发送 /help 查看用法。",
    unknownCommand: "没有这个命令。发送 /help 查看可用命令。",
    emptyQuestion: "请直接输入问题，例如“经信局公务接待费多少”。",
    inlineHint: "输入问题，例如：经信局公务接待费",
    inlineNotFound: "未找到",
    exampleQuestions: (a, y) => [
      `${a[0] ?? "某部门"}公务接待费多少？`,
      `${a[1] ?? a[0] ?? "某部门"}${y !== null ? `${y}年` : ""}机关运行经费是多少？`,
      `${a[2] ?? a[0] ?? "某部门"}一般公共预算财政拨款支出决算数比预算数少的原因是什么？`,
    ],
    commands: {
      start: "开始：能回答什么",
      help: "帮助与示例",
      depts: "收录的部门和年度",
      sources: "上一条回答的出处原文",
      audit: "部门一致性检查，例如 /audit 经信局",
      lang: "切换中文 / English",
    },
  },
  en: {
    intro: "<b>juesuan</b> answers questions about Chinese government final-account disclosures (部门决算公开): exact figures from the documents, with a verification status and a citation (file, table, line).",
    knows: "Departments covered:",
    examples: "Try asking:",
    semanticOn: "Semantic search: on (reasons and definitions work too).",
    semanticOff: "Semantic search: off; keyword search only.",
    commandsHint: "Commands: /depts departments · /sources sources of the last answer · /audit <dept> consistency check · /lang language · /help",
    help: [
      "<b>How to use</b>",
      "Just ask, e.g. “How much did 经信局 spend on official receptions in 2024?”. Follow-ups like “and vehicles?” keep the department and year.",
      "",
      "Each answer gives the figure first, then its basis and verification status, then its sources. Tap “Sources” or send /sources for the quoted lines.",
      "",
      "/depts — departments, short names and years",
      "/sources — quoted sources of the last answer",
      "/audit <dept> — audit the disclosure: sums, tables against each other, narrative against tables, the narrative\u2019s arithmetic, with the full report",
      "/lang — 中文 / English (English questions get English replies anyway)",
      "",
      "Type @botname and a question in any chat to share a fact card with its citation.",
    ].join("\n"),
    deptsTitle: "<b>Departments</b>",
    aliases: "also",
    years: "years",
    noDepartments: "The corpus has no departments yet.",
    auditUsage: "Usage: /audit <department or short name>, e.g. /audit 经信局",
    auditUnknown: (asked) => `Department not found: ${asked}. Send /depts for the list.`,
    auditTitle: (d) => `<b>${d}</b> consistency check`,
    auditClean: "No problems found: totals add up and no figures conflict.",
    auditErrors: "Errors:",
    auditNoErrors: "No error-level findings.",
    auditMore: (n) => `…and ${n} more error(s).`,
    auditAttached: "The full report (warnings, hints and checks not possible) is attached.",
    auditCaption: (d) => `${d}: disclosure audit report`,
    lines: (ls) => (ls.length ? ` (line ${ls.join(", ")})` : ""),
    noSources: "No answer to cite yet; ask a question first.",
    lastHadNoSources: "The last answer cited no source.",
    sourcesExpired: "These sources have expired; please ask again.",
    sourcesButton: "📑 Sources",
    langSwitched: "Switched to English.",
    apology: "Sorry, something went wrong with this message. Please try again later.",
    rateLimited: "You are sending messages a little fast; please wait a few seconds.",
    nonText: "I can only read text questions, e.g. “经信局公务接待费多少”. Send /help for how to use me.",
    unknownCommand: "Unknown command. Send /help for the list.",
    emptyQuestion: "Please type a question, e.g. “经信局公务接待费多少”.",
    inlineHint: "Type a question, e.g. 经信局公务接待费",
    inlineNotFound: "Not found",
    exampleQuestions: (a, y) => [
      `How much did ${a[0] ?? "the department"} spend on official receptions?`,
      `What were ${a[1] ?? a[0] ?? "the department"}'s${y !== null ? ` ${y}` : ""} basic operating expenses (机关运行经费)?`,
      `Why did ${a[2] ?? a[0] ?? "the department"} spend less than budgeted?`,
    ],
    commands: {
      start: "What this bot can answer",
      help: "Help and examples",
      depts: "Departments and years",
      sources: "Quoted sources of the last answer",
      audit: "Consistency check, e.g. /audit 经信局",
      lang: "中文 / English",
    },
  },
} as const satisfies Record<Lang, BotMessages>;
