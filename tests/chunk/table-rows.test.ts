import { describe, expect, it } from "vitest";
import { chunkDisclosure } from "../../src/chunk/index.js";
import type { Cell, Disclosure, Table, TableRow } from "../../src/parse/types.js";
import { miniDisclosure } from "../fixtures/chunk/mini-disclosure.js";

const ID = { department: "武汉市经济和信息化局", year: 2024 };

function cell(column: number, raw: string): Cell {
  return { column, raw, value: raw === "" ? null : raw, candidate: null, flags: [] };
}

function row(line: number, code: string | null, label: string, values: string[]): TableRow {
  return { line, code, codeLevel: null, label, rawLabel: label, rowNo: null, flags: [], cells: values.map((v, i) => cell(i, v)) };
}

/** The mini disclosure with its tables replaced. */
function withTables(tables: Table[], extra: Partial<Disclosure> = {}): Disclosure {
  return { ...miniDisclosure(), tables, ...extra };
}

const expenditure: Table = {
  id: "t3",
  number: "公开03表",
  kind: "支出决算表",
  title: "2024年度支出决算表",
  unit: "万元",
  departmentLine: null,
  line: 9,
  lineEnd: 14,
  flags: [],
  parts: [
    {
      name: null,
      columns: [{ index: 0, path: ["本年支出合计"], lineNo: null }],
      rows: [
        row(10, "215", "资源勘探工业信息等支出", ["83339.46"]),
        row(11, "21502", "制造业", ["15190.00"]),
        row(12, "21598", "超长期特别国债安排的支出", ["16179.00"]),
        row(13, "2159802", "制造业", ["16179.00"]),
        row(14, "2150501", "行政运行", ["4459.86"]),
      ],
    },
  ],
};

describe("chunkDisclosure table rows", () => {
  const rows = chunkDisclosure(withTables([expenditure]), ID).filter((c) => c.kind === "table_row");
  const text = (line: number): string | undefined => rows.find((c) => c.line === line)?.text;

  it("names the parent of a row whose label recurs in the table", () => {
    expect(text(13)).toBe("武汉市经济和信息化局 2024年 公开03表 支出决算表 超长期特别国债安排的支出 2159802 制造业：本年支出合计 16179.00万元");
    expect(text(11)).toBe("武汉市经济和信息化局 2024年 公开03表 支出决算表 资源勘探工业信息等支出 21502 制造业：本年支出合计 15190.00万元");
  });

  it("names the parent of a generic label like 行政运行", () => {
    expect(text(14)).toBe("武汉市经济和信息化局 2024年 公开03表 支出决算表 资源勘探工业信息等支出 2150501 行政运行：本年支出合计 4459.86万元");
  });

  it("adds nothing to an unambiguous row", () => {
    expect(text(12)).toBe("武汉市经济和信息化局 2024年 公开03表 支出决算表 21598 超长期特别国债安排的支出：本年支出合计 16179.00万元");
  });

  it("falls back to the document's money unit when the table's unit line was lost", () => {
    const noUnit = chunkDisclosure(withTables([{ ...expenditure, unit: null }]), ID);
    expect(noUnit.find((c) => c.line === 12)?.text.endsWith("本年支出合计 16179.00万元")).toBe(true);
  });

  it("cites the section holding the table", () => {
    const inSection = chunkDisclosure(withTables([{ ...expenditure, line: 23, lineEnd: 25, parts: [{ ...expenditure.parts[0]!, rows: [row(23, "215", "资源勘探工业信息等支出", ["1.00"])] }] }], { paragraphs: [] }), ID);
    expect(inSection.find((c) => c.kind === "table_row")?.section).toBe("第三部分 武汉市经济和信息化局 2024 年度部门决算情况说明 > 十二、国有资产占用情况说明");
  });
});

describe("chunkDisclosure headerless tables", () => {
  const selfEval: Table = {
    id: "t10",
    number: null,
    kind: "other",
    title: "",
    unit: null,
    departmentLine: null,
    line: 23,
    lineEnd: 29,
    flags: [],
    parts: [
      {
        name: null,
        columns: [0, 1, 2].map((i) => ({ index: i, path: [`第${i + 1}列`], lineNo: null })),
        rows: [row(23, null, "规上工业增加值增速(2分)", ["规上工业增加值增速(2分)", "7%", "1.31"]), row(29, null, "自评得分", ["自评得分", "94.96"])],
      },
    ],
  };
  const chunks = chunkDisclosure(withTables([selfEval]), ID);

  it("skips rows whose line the narrative chunks already cover", () => {
    expect(chunks.filter((c) => c.kind === "table_row" && c.line === 23)).toEqual([]);
  });

  it("renders the other rows without 第N列 names or a repeated label, and without a table label", () => {
    const r = chunks.find((c) => c.kind === "table_row" && c.line === 29);
    expect(r?.text).toBe("武汉市经济和信息化局 2024年 自评得分：94.96");
    expect(r?.table).toBeNull();
  });
});
