/**
 * Column header words of the template tables (national, Shanghai, Guangdong and university
 * variants). A column whose header path holds a word outside this list ("一般公共预", "计入",
 * "出") was not read whole, so figures in it are not checked.
 */
export const HEADER_WORDS: ReadonlySet<string> = new Set([
  "合计",
  "小计",
  "金额",
  "决算数",
  "预算数",
  "本年收入",
  "本年支出",
  "本年收入合计",
  "本年支出合计",
  "财政拨款收入",
  "上级补助收入",
  "事业收入",
  "教育收费",
  "经营收入",
  "附属单位上缴收入",
  "其他收入",
  "基本支出",
  "项目支出",
  "基本建设资金支出",
  "上缴上级支出",
  "经营支出",
  "对附属单位补助支出",
  "年初结转和结余",
  "年末结转和结余",
  "结余分配",
  "用事业基金弥补收支差额",
  "使用非财政拨款结余",
  "人员经费",
  "公用经费",
  "财政拨款",
  "一般公共预算财政拨款",
  "政府性基金预算财政拨款",
  "国有资本经营预算财政拨款",
  "财政拨款三公经费",
  "因公出国(境)费",
  "公务用车购置及运行维护费",
  "公务用车购置费",
  "公务用车运行维护费",
  "公务接待费",
]);

/** Whether every segment of a column's header path is a known header word. */
export function knownHeader(path: readonly string[]): boolean {
  return path.length > 0 && path.every((seg) => HEADER_WORDS.has(normHeader(seg)));
}

function normHeader(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^其中[:：]?/, "")
    .replace(/["“”]/g, "");
}
