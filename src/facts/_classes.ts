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
