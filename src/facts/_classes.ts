/**
 * The national 支出功能分类 类 list (政府收支分类科目), so that 公开01 rows, which carry 类 names
 * without codes ("八、社会保障和就业支出"), and narrative subjects meet the coded rows of 公开03/05.
 */
import { normLabel } from "./_text.js";

/** 类 code → name (current names first; older names as extra entries). */
export const FUNCTION_CLASSES = [
  { code: "201", name: "一般公共服务支出" },
  { code: "202", name: "外交支出" },
  { code: "203", name: "国防支出" },
  { code: "204", name: "公共安全支出" },
  { code: "205", name: "教育支出" },
  { code: "206", name: "科学技术支出" },
  { code: "207", name: "文化旅游体育与传媒支出" },
  { code: "207", name: "文化体育与传媒支出" },
  { code: "208", name: "社会保障和就业支出" },
  { code: "209", name: "社会保险基金支出" },
  { code: "210", name: "卫生健康支出" },
  { code: "210", name: "医疗卫生与计划生育支出" },
  { code: "211", name: "节能环保支出" },
  { code: "212", name: "城乡社区支出" },
  { code: "213", name: "农林水支出" },
  { code: "214", name: "交通运输支出" },
  { code: "215", name: "资源勘探工业信息等支出" },
  { code: "215", name: "资源勘探信息等支出" },
  { code: "216", name: "商业服务业等支出" },
  { code: "217", name: "金融支出" },
  { code: "219", name: "援助其他地区支出" },
  { code: "220", name: "自然资源海洋气象等支出" },
  { code: "221", name: "住房保障支出" },
  { code: "222", name: "粮油物资储备支出" },
  { code: "223", name: "国有资本经营预算支出" },
  { code: "224", name: "灾害防治及应急管理支出" },
  { code: "227", name: "预备费" },
  { code: "229", name: "其他支出" },
  { code: "230", name: "转移性支出" },
  { code: "231", name: "债务还本支出" },
  { code: "232", name: "债务付息支出" },
  { code: "233", name: "债务发行费用支出" },
  { code: "234", name: "抗疫特别国债安排的支出" },
] as const satisfies readonly { code: string; name: string }[];

/**
 * 部门预算支出经济分类 names (公开06 rows), so labels OCR cut short in a narrow cell
 * ("其他商品和服务", "其他对个人和家") are cited in full.
 */
export const ECONOMIC_CLASSES: Readonly<Record<string, string>> = {
  "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30106": "伙食补助费", "30107": "绩效工资",
  "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费",
  "30112": "其他社会保障缴费", "30113": "住房公积金", "30114": "医疗费", "30199": "其他工资福利支出",
  "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费", "30205": "水费", "30206": "电费",
  "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费", "30211": "差旅费", "30212": "因公出国(境)费用", "30213": "维修(护)费",
  "30214": "租赁费", "30215": "会议费", "30216": "培训费", "30217": "公务接待费", "30218": "专用材料费", "30224": "被装购置费",
  "30225": "专用燃料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费",
  "30239": "其他交通费用", "30240": "税金及附加费用", "30299": "其他商品和服务支出",
  "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30303": "退职(役)费", "30304": "抚恤金", "30305": "生活补助",
  "30306": "救济费", "30307": "医疗费补助", "30308": "助学金", "30309": "奖励金", "30310": "个人农业生产补贴", "30311": "代缴社会保险费",
  "30399": "其他对个人和家庭的补助",
  "307": "债务利息及费用支出", "30701": "国内债务付息", "30702": "国外债务付息",
  "310": "资本性支出", "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置", "31005": "基础设施建设",
  "31006": "大型修缮", "31007": "信息网络及软件购置更新", "31008": "物资储备", "31013": "公务用车购置", "31019": "其他交通工具购置",
  "31021": "文物和陈列品购置", "31022": "无形资产购置", "31099": "其他资本性支出",
  "399": "其他支出", "39907": "国家赔偿费用支出", "39908": "对民间非营利组织和群众性自治组织补贴", "39909": "经常性赠与", "39910": "资本性赠与", "39999": "其他支出",
};

/** 支出经济分类 类 codes whose rows make up 人员经费 and 公用经费 in 公开06. */
export const PERSONNEL_ECON_CLASSES = ["301", "303"] as const;

const BY_NAME = new Map<string, string>(FUNCTION_CLASSES.map((c) => [normLabel(c.name), c.code]));

/**
 * The 类 code for a 类 name as documents write it: "社会保障和就业支出", "一般公共服务(类)支出",
 * "卫生健康支出类支出", "一般公共服务" → 201; null when the name is not a 类.
 */
export function classCode(name: string): string | null {
  const n = normLabel(name)
    .replace(/^[一二三四五六七八九十]+、/, "")
    .replace(/\(类\)/g, "")
    .replace(/(支出)?类支出$/, "支出")
    .replace(/类$/, "");
  const direct = BY_NAME.get(n);
  if (direct) return direct;
  if (!n.endsWith("支出")) return BY_NAME.get(`${n}支出`) ?? null;
  return null;
}

/** The canonical 类 name of a code, or null. */
export function className(code: string): string | null {
  return FUNCTION_CLASSES.find((c) => c.code === code.slice(0, 3))?.name ?? null;
}
