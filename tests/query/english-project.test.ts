import { describe, expect, it } from "vitest";
import { projectPhrases, translateProject } from "../../src/query/_english-project.js";
import { buildCatalog, understandQuestion } from "../../src/query/index.js";
import { manifestDocs } from "../fixtures/query/catalogs.js";

/** Labels as the documents print them (the index's vocabulary). */
const VOCABULARY = new Set([
  "质量抽检和试验检测管理",
  "质量抽查报告",
  "轨道交通建设管理咨询服务",
  "2019年度聘请专家人员经费",
  "轨道交通工程质量安全行业监管技术服务",
  "广佛两市轨道交通系统一体化规划",
  "支持工业发展专项资金",
  "营商环境建设经费",
  "办公费",
]);

describe("translateProject: an English project name as the one label its words cover", () => {
  it.each([
    ["quality sampling inspection and testing management", "质量抽检和试验检测管理"],
    ["rail transit construction management consulting services", "轨道交通建设管理咨询服务"],
    ["expert hiring personnel funds", "聘请专家人员经费"],
    ["rail transit engineering quality and safety industry supervision technical services", "轨道交通工程质量安全行业监管技术服务"],
    ["special fund supporting industrial development", "支持工业发展专项资金"],
    ["business environment construction funding", "营商环境建设经费"],
  ])("%s → %s", (en, zh) => {
    expect(translateProject(en, VOCABULARY)).toBe(zh);
  });

  it.each([
    // A word without a translation, a label covered only in part, a single word.
    ["quality widget management"],
    ["quality testing"],
    ["guangzhou-foshan rail transit system integration planning"],
    ["consulting"],
  ])("finds none for %s", (en) => {
    expect(translateProject(en, VOCABULARY)).toBeNull();
  });
});

describe("projectPhrases", () => {
  it("takes the words right before 'project', and what it is for", () => {
    const text = "what was the self-evaluation score of the 2024 special fund project for supporting industrial development?";
    expect(projectPhrases(text, []).map((p) => p.phrase)).toEqual(["special fund supporting industrial development", "special fund"]);
  });

  it("takes a quoted name and says whether 'project' follows it", () => {
    const text = "what score did the bureau's quality sampling inspection and testing management project get?";
    expect(projectPhrases(text, ["quality sampling inspection and testing management"])).toEqual([
      { start: 28, end: 78, phrase: "quality sampling inspection and testing management", project: true },
    ]);
  });
});

describe("understandQuestion: an English project name", () => {
  const catalog = { ...buildCatalog([...manifestDocs(), { department: "佛山市轨道交通局", aliases: [], year: 2019, type: "部门决算", file: "f.txt" }]), vocabulary: VOCABULARY };

  it("is read as the label, named as a project", () => {
    const x = understandQuestion("What was the self-assessment score of the rail transit construction management consulting services project of the Foshan Rail Transit Bureau?", undefined, catalog);
    expect(x).toMatchObject({ topic: "轨道交通建设管理咨询服务项目", items: [], aspect: { value: "得分" } });
  });

  it("stays in English when its words translate to no label", () => {
    const x = understandQuestion("What was the score of the Foshan Rail Transit Bureau's quality testing project?", undefined, catalog);
    expect(x.topic).toContain("quality testing");
  });
});
