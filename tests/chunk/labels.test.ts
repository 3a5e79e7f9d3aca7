import { describe, expect, it } from "vitest";
import { chunkDisclosure } from "../../src/chunk/index.js";
import { parseDisclosure } from "../../src/parse/index.js";

const TEXT = [
  "2024年度测试市财政局部门决算公开",
  "",
  "第三部分 测试市财政局2024年度部门决算情况说明",
  "",
  "十三、预算绩效情况说明",
  "",
  "(三)项目支出自评结果",
  "",
  "3、党校项目绩效自评综述：项目全年预算数为361.39万元，执行数为361.39万元，完成预算的100%。",
  "",
  "（2）发现的问题及原因：科级干部能力提升培训班未能如期举办，针对培训计划未能做好统筹安排。",
  "",
  "第六部分 附件",
  "",
  "2023年度测试市智慧停车示范区建设项目自评表单位名称：测试市财政局",
  "",
  "偏差大或目标未完成原因分析 指标“项目按期完成度”实际完成值“略有滞后”，后期将加速推进。",
].join("\n");

function chunks() {
  const d = parseDisclosure({ path: "corpus/test.txt", name: "test.txt", sha256: "0".repeat(64), text: TEXT, entry: undefined });
  if (!d.ok) throw new Error(d.error.code);
  return chunkDisclosure(d.value, { department: "测试市财政局", year: 2024 });
}

describe("chunkDisclosure labels", () => {
  it("indexes a numbered sub-item with its parent item, quoting only the sub-item", () => {
    const c = chunks().find((x) => x.quote.startsWith("（2）发现的问题"));
    expect(c?.text).toContain("3、党校项目绩效自评综述");
    expect(c?.quote).not.toContain("党校");
  });

  it("indexes a self-evaluation report's rows with the report's title", () => {
    const c = chunks().find((x) => x.quote.includes("偏差大或目标未完成原因分析"));
    expect(c?.text).toContain("智慧停车示范区建设项目自评表");
  });
});
