/**
 * Zeros a narrative states in words: "本年度无公务用车购置费支出", "部门决算由单位本级决算组成，无下属
 * 单位", "我部门没有下属单位", "无单位价值100万元以上设备".
 */
import type { Unit } from "../core/money.js";
import type { ItemKey } from "./items.js";
import { classCode } from "./_classes.js";
import { cleanSubject } from "./_clause.js";
import { matchItem, scopeOf, type Scope } from "./_match.js";
import type { NarrativeDraft, NarrativeInput } from "./_narrative.js";
import { lineAt, origin, type NormText } from "./_text.js";

/** "本年度无公务用车购置费支出", "本单位无机关运行经费支出", "无单位价值100万元以上设备": stated zeros. */
export function zeroStatements(
  n: NormText,
  c: number,
  d: number,
  p: NarrativeInput,
  quote: string,
  secScope: Scope | null,
  section: string,
  departmentNames: readonly string[],
  year: number | null,
): NarrativeDraft[] {
  const s = n.s.slice(c, d);
  const out: NarrativeDraft[] = [];
  // "部门决算由单位本级决算组成，无下属单位": no units beside the department itself.
  const units = /(?:无|没有)(下属单位|所属单位|下属预算单位|二级预算单位)/.exec(s);
  if (units && /决算/.test(quote)) {
    out.push({ ...zero("下属单位", null, "个", c + (units.index ?? 0), units[0]), measure: "数量", qualifier: [] });
    return out;
  }
  const equip = /无(?:单位价值|单价)\d+万元(?:\(含\))?以上(?:的)?设备/.exec(s);
  if (equip) {
    out.push(zero("单位价值100万元以上设备", "large_equipment", "台", c + (equip.index ?? 0), equip[0]));
    return out;
  }
  const m = /(?:年度|本年|当年|部门|单位|本级|中心|局)(?:当年|本年)?(?:无|未发生)(.{2,80})$/.exec(s);
  if (!m) return out;
  const list = m[1] ?? "";
  if (/(数据|变化|偏差|差异|问题|情况|要求|调整)/.test(list)) return out;
  let at = c + (m.index ?? 0) + m[0].length - list.length;
  for (const part0 of list.split(/(?=、|和|及)/)) {
    const part = part0.replace(/^(、|和|及)/, "");
    const offset = at + (part0.length - part.length);
    at += part0.length;
    const cleaned = cleanSubject(part, departmentNames, year);
    const subjects = /收入支出$/.test(cleaned) ? [cleaned.replace(/支出$/, ""), cleaned.replace(/收入支出$/, "支出")] : [cleaned];
    for (const subject of subjects) {
      if (!/(支出|收入|费|经费|费用)$/.test(subject) || subject.length < 3) continue;
      const item = matchItem(subject, { unit: "万元", context: section, loose: true })?.item ?? null;
      out.push(zero(subject, item, "万元", offset, `无${part}`));
    }
  }
  return out;

  function zero(subject: string, item: ItemKey | null, unit: Unit, at: number, raw: string): NarrativeDraft {
    const cc = classCode(subject);
    return {
      subject,
      item,
      classPath: cc ? { lei: subject, kuan: null, xiang: null } : null,
      classCode: cc,
      measure: "决算",
      qualifier: ["无此项支出"],
      facet: "",
      scope: scopeOf(subject) ?? secScope,
      value: "0",
      unit,
      raw,
      line: lineAt(p.lineMap, origin(n, at), p.line),
      quote,
    };
  }
}
