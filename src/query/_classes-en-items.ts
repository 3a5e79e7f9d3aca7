/**
 * English names of the 支出功能分类 款 and 项 that departments' final accounts commonly print (2024
 * national classification), by the Chinese name as disclosures write it. `code` documents where
 * the name sits; a 项 that recurs under many 款 (行政运行 is 2010101, 2010301, 2140101 …) is
 * given with its last two digits ("xxxxx01"). "other …" forms are derived (see `_classes-en.ts`).
 */
export const FUNCTION_ITEMS_EN: readonly { readonly code: string; readonly zh: string; readonly en: readonly string[] }[] = [
  // 项 names shared by many 款.
  { code: "xxxxx01", zh: "行政运行", en: ["administrative operation", "administrative operations", "administrative running", "operation of administrative bodies"] },
  { code: "xxxxx02", zh: "一般行政管理事务", en: ["general administrative affairs", "general administrative management affairs", "general administration affairs", "general administrative matters", "general administrative management"] },
  { code: "xxxxx03", zh: "机关服务", en: ["government agency services", "services for government agencies", "agency services"] },
  { code: "xxxxx50", zh: "事业运行", en: ["public institution operation", "public institutions operation", "operation of public institutions", "public service unit operation", "operation of public service units", "institutional operation of public institutions"] },
  // 201 一般公共服务支出.
  { code: "20101", zh: "人大事务", en: ["people's congress affairs"] },
  { code: "20102", zh: "政协事务", en: ["cppcc affairs", "political consultative conference affairs"] },
  { code: "20103", zh: "政府办公厅(室)及相关机构事务", en: ["government general office affairs", "government general office and related agencies affairs"] },
  { code: "20104", zh: "发展与改革事务", en: ["development and reform affairs"] },
  { code: "20105", zh: "统计信息事务", en: ["statistical information affairs", "statistical affairs"] },
  { code: "2010507", zh: "专项普查活动", en: ["special census activities", "special censuses", "special survey activities"] },
  { code: "20106", zh: "财政事务", en: ["fiscal affairs", "public finance affairs"] },
  { code: "2010605", zh: "财政国库业务", en: ["treasury operations", "treasury business", "fiscal treasury operations"] },
  { code: "20107", zh: "税收事务", en: ["tax affairs", "taxation affairs"] },
  { code: "20108", zh: "审计事务", en: ["audit affairs"] },
  { code: "20110", zh: "人力资源事务", en: ["human resources affairs"] },
  { code: "20111", zh: "纪检监察事务", en: ["discipline inspection and supervision affairs"] },
  { code: "20113", zh: "商贸事务", en: ["commerce and trade affairs", "trade affairs", "commercial and trade affairs"] },
  { code: "2011308", zh: "招商引资", en: ["investment attraction", "attracting investment", "investment promotion and attraction"] },
  { code: "20114", zh: "知识产权事务", en: ["intellectual property affairs"] },
  { code: "20126", zh: "档案事务", en: ["archives affairs", "archival affairs"] },
  { code: "20128", zh: "民主党派及工商联事务", en: ["affairs of democratic parties and federations of industry and commerce", "democratic parties and federation of industry and commerce affairs"] },
  { code: "20129", zh: "群众团体事务", en: ["mass organization affairs", "mass organisation affairs"] },
  { code: "20131", zh: "党委办公厅(室)及相关机构事务", en: ["party committee general office affairs"] },
  { code: "20132", zh: "组织事务", en: ["organization affairs", "organisation affairs", "organizational affairs"] },
  { code: "20133", zh: "宣传事务", en: ["publicity affairs", "propaganda affairs"] },
  { code: "20134", zh: "统战事务", en: ["united front affairs", "united front work affairs"] },
  { code: "20137", zh: "网信事务", en: ["cyberspace affairs", "cyberspace administration affairs"] },
  { code: "20138", zh: "市场监督管理事务", en: ["market supervision and management affairs", "market regulation affairs"] },
  { code: "20139", zh: "社会工作事务", en: ["social work affairs"] },
  // 204 公共安全支出.
  { code: "20405", zh: "法院", en: ["courts"] },
  { code: "2040504", zh: "案件审判", en: ["case trials", "trials of cases", "case adjudication", "trial of cases"] },
  { code: "2049902", zh: "国家司法救助支出", en: ["state judicial assistance", "national judicial assistance", "judicial assistance"] },
  // 205 教育支出.
  { code: "20501", zh: "教育管理事务", en: ["education administration affairs", "education management affairs", "education administration"] },
  { code: "20502", zh: "普通教育", en: ["general education", "regular education", "ordinary education"] },
  { code: "2050201", zh: "学前教育", en: ["preschool education", "pre-school education", "early childhood education", "kindergarten education"] },
  { code: "2050202", zh: "小学教育", en: ["primary education", "primary school education", "elementary education", "elementary school education"] },
  { code: "2050203", zh: "初中教育", en: ["junior high school education", "junior secondary education", "junior middle school education", "middle school education", "lower secondary education"] },
  { code: "2050204", zh: "高中教育", en: ["senior high school education", "high school education", "senior secondary education", "senior middle school education", "upper secondary education"] },
  { code: "2050205", zh: "高等教育", en: ["higher education", "tertiary education", "university education"] },
  { code: "20503", zh: "职业教育", en: ["vocational education"] },
  { code: "20504", zh: "成人教育", en: ["adult education"] },
  { code: "20506", zh: "留学教育", en: ["study abroad education", "overseas study education", "international student education"] },
  { code: "2050601", zh: "出国留学教育", en: ["education for studying abroad", "studying abroad", "study abroad programs"] },
  { code: "2050602", zh: "来华留学教育", en: ["education for international students in china", "education for foreign students in china", "education for foreign students studying in china", "foreign students studying in china", "international students studying in china", "foreign students in china", "international students in china"] },
  { code: "20507", zh: "特殊教育", en: ["special education"] },
  { code: "20508", zh: "进修及培训", en: ["further education and training", "advanced study and training", "continuing education and training"] },
  { code: "2050802", zh: "干部教育", en: ["cadre education", "cadre training"] },
  // 206 科学技术支出.
  { code: "20601", zh: "科学技术管理事务", en: ["science and technology management affairs", "science and technology administration affairs"] },
  { code: "20602", zh: "基础研究", en: ["basic research", "fundamental research"] },
  { code: "2060201", zh: "机构运行", en: ["research institution operation", "research institutions operation", "operation of research institutions"] },
  { code: "2060203", zh: "自然科学基金", en: ["natural science fund", "natural science foundation"] },
  { code: "2060204", zh: "重点实验室及相关设施", en: ["key laboratories and related facilities", "key labs and related facilities"] },
  { code: "2060204", zh: "实验室及相关设施", en: ["laboratories and related facilities", "labs and related facilities", "laboratory and related facilities"] },
  { code: "20603", zh: "应用研究", en: ["applied research"] },
  { code: "20604", zh: "技术研究与开发", en: ["technology research and development", "technological research and development", "technical research and development"] },
  { code: "20607", zh: "科学技术普及", en: ["science popularization", "science popularisation", "popularization of science", "popularisation of science"] },
  { code: "20608", zh: "科技交流与合作", en: ["science and technology exchange and cooperation", "scientific and technological exchanges and cooperation"] },
  { code: "2060901", zh: "科技重大专项", en: ["major science and technology special projects", "major science and technology projects", "major s&t projects"] },
  // 207 文化旅游体育与传媒支出.
  { code: "2079903", zh: "文化产业发展专项支出", en: ["cultural industry development special fund", "cultural industry development special funds", "special fund for cultural industry development"] },
  // 208 社会保障和就业支出.
  { code: "20801", zh: "人力资源和社会保障管理事务", en: ["human resources and social security management affairs", "human resources and social security administration"] },
  { code: "20802", zh: "民政管理事务", en: ["civil affairs management", "civil affairs administration"] },
  { code: "20805", zh: "行政事业单位养老支出", en: ["pension expenditure of administrative and public institutions", "pensions of administrative and public institutions", "pensions of government agencies and public institutions", "old-age pensions of administrative and public institutions"] },
  { code: "20805", zh: "行政事业单位离退休", en: ["retirement of administrative and public institutions", "retirees of administrative and public institutions"] },
  { code: "2080501", zh: "行政单位离退休", en: ["retirees of administrative units", "retirement of administrative units", "administrative unit retirees", "retired staff of administrative units"] },
  { code: "2080502", zh: "事业单位离退休", en: ["retirees of public institutions", "retirement of public institutions", "public institution retirees", "retired staff of public institutions"] },
  { code: "2080505", zh: "机关事业单位基本养老保险缴费支出", en: ["basic pension insurance contributions of government agencies and public institutions", "basic pension insurance contributions for government agencies and public institutions", "basic old-age insurance contributions of government agencies and public institutions", "basic old-age insurance contributions for government agencies and public institutions", "basic pension insurance of government agencies and public institutions", "basic pension insurance for government agencies and public institutions", "basic pension insurance contributions of government and public institutions", "basic pension insurance contributions for government and public institutions", "basic old-age insurance contributions of government and public institutions", "basic old-age insurance contributions for government and public institutions", "basic pension insurance of government and public institutions", "basic pension insurance for government and public institutions", "basic pension insurance contributions of administrative and public institutions", "basic pension insurance contributions for administrative and public institutions", "basic old-age insurance contributions of administrative and public institutions", "basic old-age insurance contributions for administrative and public institutions", "basic pension insurance of administrative and public institutions", "basic pension insurance for administrative and public institutions", "basic pension insurance contributions of state organs and public institutions", "basic pension insurance contributions for state organs and public institutions", "basic old-age insurance contributions of state organs and public institutions", "basic old-age insurance contributions for state organs and public institutions", "basic pension insurance of state organs and public institutions", "basic pension insurance for state organs and public institutions"] },
  { code: "2080506", zh: "机关事业单位职业年金缴费支出", en: ["occupational annuity contributions of government agencies and public institutions", "occupational annuity contributions for government agencies and public institutions", "occupational pension contributions of government agencies and public institutions", "occupational pension contributions for government agencies and public institutions", "occupational annuities of government agencies and public institutions", "occupational annuities for government agencies and public institutions", "occupational annuity contributions of government and public institutions", "occupational annuity contributions for government and public institutions", "occupational pension contributions of government and public institutions", "occupational pension contributions for government and public institutions", "occupational annuities of government and public institutions", "occupational annuities for government and public institutions", "occupational annuity contributions of administrative and public institutions", "occupational annuity contributions for administrative and public institutions", "occupational pension contributions of administrative and public institutions", "occupational pension contributions for administrative and public institutions", "occupational annuities of administrative and public institutions", "occupational annuities for administrative and public institutions", "occupational annuity contributions of state organs and public institutions", "occupational annuity contributions for state organs and public institutions", "occupational pension contributions of state organs and public institutions", "occupational pension contributions for state organs and public institutions", "occupational annuities of state organs and public institutions", "occupational annuities for state organs and public institutions"] },
  { code: "2080503", zh: "离退休人员管理机构", en: ["retiree management institutions", "retired staff management institutions"] },
  { code: "20807", zh: "就业补助", en: ["employment subsidies", "employment assistance"] },
  { code: "2080801", zh: "死亡抚恤", en: ["death benefits", "death compensation", "death pensions"] },
  { code: "20811", zh: "残疾人事业", en: ["disabled persons' programs", "programs for the disabled", "disability programs", "disabled persons' affairs"] },
  // 210 卫生健康支出.
  { code: "21004", zh: "公共卫生", en: ["public health"] },
  { code: "2100410", zh: "突发公共卫生事件应急处理", en: ["public health emergency response", "response to public health emergencies", "public health emergencies"] },
  { code: "21011", zh: "行政事业单位医疗", en: ["medical care of administrative and public institutions", "medical care for administrative and public institutions", "medical expenses of administrative and public institutions", "medical insurance of administrative and public institutions"] },
  { code: "2101101", zh: "行政单位医疗", en: ["medical care for administrative units", "medical care of administrative units", "administrative unit medical care", "medical insurance for administrative units", "medical insurance of administrative units", "administrative units' medical care"] },
  { code: "2101102", zh: "事业单位医疗", en: ["medical care for public institutions", "medical care of public institutions", "public institution medical care", "medical insurance for public institutions", "medical insurance of public institutions", "public institutions' medical care"] },
  { code: "2101103", zh: "公务员医疗补助", en: ["medical subsidies for civil servants", "civil servant medical subsidies", "civil servants' medical subsidies", "civil servant medical assistance"] },
  // 211 节能环保支出.
  { code: "2111001", zh: "能源节约利用", en: ["energy conservation and utilization", "energy saving and utilization", "energy conservation", "energy saving"] },
  // 212 城乡社区支出.
  { code: "21201", zh: "城乡社区管理事务", en: ["urban and rural community management affairs", "urban and rural community administration"] },
  // 214 交通运输支出.
  { code: "21401", zh: "公路水路运输", en: ["road and waterway transport", "road and waterway transportation", "highway and waterway transport", "highway and waterway transportation", "road and water transport"] },
  // 215 资源勘探工业信息等支出.
  { code: "21502", zh: "制造业", en: ["manufacturing", "manufacturing industry"] },
  { code: "21505", zh: "工业和信息产业监管", en: ["industry and information industry supervision", "supervision of industry and information industry"] },
  { code: "21508", zh: "支持中小企业发展和管理支出", en: ["support for sme development and management", "supporting sme development and management", "support for the development and management of smes"] },
  { code: "2150805", zh: "中小企业发展专项", en: ["sme development special fund", "sme development special program", "sme development special programme", "special fund for sme development", "special fund for the development of smes", "sme development fund", "special fund for small and medium-sized enterprise development", "small and medium-sized enterprise development special fund"] },
  { code: "2159904", zh: "技术改造支出", en: ["technological transformation", "technical transformation", "technological upgrading", "technical upgrading", "technology upgrading", "technological renovation"] },
  // 216 商业服务业等支出.
  { code: "21602", zh: "商业流通事务", en: ["commercial circulation affairs", "commodity circulation affairs"] },
  { code: "21605", zh: "旅游业管理与服务支出", en: ["tourism management and services", "tourism management and service"] },
  { code: "21606", zh: "涉外发展服务支出", en: ["foreign-related development services", "foreign-related development service"] },
  // 221 住房保障支出.
  { code: "22101", zh: "保障性安居工程支出", en: ["affordable housing projects", "government-subsidized housing projects", "affordable housing"] },
  { code: "22102", zh: "住房改革支出", en: ["housing reform", "housing reform expenditure"] },
  { code: "2210201", zh: "住房公积金", en: ["housing provident fund", "housing fund", "provident fund"] },
  { code: "2210202", zh: "提租补贴", en: ["rent subsidies", "rent subsidy", "rental subsidies", "rent increase subsidies", "rent allowances", "rental allowances"] },
  { code: "2210203", zh: "购房补贴", en: ["housing purchase subsidies", "home purchase subsidies", "house purchase subsidies", "housing purchase allowances", "home purchase allowances", "home-buying subsidies", "subsidies for housing purchase", "subsidies for home purchase", "subsidies for purchasing housing"] },
  // 224 灾害防治及应急管理支出.
  { code: "22401", zh: "应急管理事务", en: ["emergency management affairs"] },
  // 229 其他支出.
  { code: "22960", zh: "彩票公益金安排的支出", en: ["lottery public welfare fund expenditure", "expenditure from lottery public welfare funds", "lottery welfare funds", "lottery public welfare funds"] },
  { code: "2296004", zh: "用于教育事业的彩票公益金支出", en: ["lottery public welfare funds for education", "lottery welfare funds for education", "lottery funds for education"] },
];
