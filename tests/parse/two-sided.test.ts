import { describe, expect, it } from "vitest";
import { parseDisclosure, type Table } from "../../src/parse/index.js";
import { parsed, rowAt, source, table } from "./_load.js";

describe("readIncomeExpenditure", () => {
  const d = parsed("corpus/2024-wuhan-jingxinju.txt");

  it("splits 公开01 into 收入 and 支出 with 行次 and their own columns", () => {
    const t = table(d, "公开01表");
    expect(t.parts.map((p) => [p.name, p.columns.map((c) => [c.path, c.lineNo])])).toEqual([
      ["收入", [[["决算数"], "1"]]],
      ["支出", [[["决算数"], "2"]]],
    ]);
    const income = rowAt(t, 109, "收入");
    expect([income.rawLabel, income.label, income.rowNo, income.cells[0]?.value]).toEqual(["一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入", "1", "96752.93"]);
    const spending = rowAt(t, 114, "支出");
    expect([spending.label, spending.rowNo, spending.cells[0]?.value]).toEqual(["科学技术支出", "37", "20460.20"]);
  });

  it("drops the income side's empty 行次-only rows (│9││九、卫生健康支出…)", () => {
    const income = table(d, "公开01表").parts[0];
    expect(income?.rows.map((r) => r.label)).toEqual([
      "一般公共预算财政拨款收入",
      "政府性基金预算财政拨款收入",
      "国有资本经营预算财政拨款收入",
      "上级补助收入",
      "事业收入",
      "经营收入",
      "附属单位上缴收入",
      "其他收入",
      "本年收入合计",
      "使用非财政拨款结余(含专用结余)",
      "年初结转和结余",
      "总计",
    ]);
  });

  it("reads the 支出 side of 公开04 under 决算数 with four columns", () => {
    const t = table(d, "公开04表");
    expect(t.parts[1]?.columns.map((c) => c.path.join(">"))).toEqual([
      "决算数>小计",
      "决算数>一般公共预算财政拨款",
      "决算数>政府性基金预算财政拨款",
      "决算数>国有资本经营预算财政拨款",
    ]);
    const r = rowAt(t, 292, "支出");
    expect([r.label, r.rowNo, r.cells.map((c) => c.value)]).toEqual(["本年支出合计", "59", ["113282.29", "97001.61", "16179.00", "101.6"]]);
    expect(r.cells[3]?.flags.map((f) => f.kind)).toEqual(["truncated"]);
  });
});

describe("readBasicExpenditure", () => {
  it("splits 公开06 into 人员经费 and 公用经费, the third column group going to 公用经费 (001)", () => {
    const t = table(parsed("corpus/2024-wuhan-jingxinju.txt"), "公开06表");
    const [people, office] = t.parts;
    expect(people?.rows.at(-1)).toMatchObject({ line: 391, label: "人员经费合计" });
    expect(people?.rows.at(-1)?.cells[0]?.value).toBe("9012.85");
    // "公用经费 | 合计 | | 1,229.33": the label is split over two cells.
    expect(office?.rows.at(-1)).toMatchObject({ line: 391, label: "公用经费合计", rawLabel: "公用经费合计" });
    expect(office?.rows.at(-1)?.cells[0]?.value).toBe("1229.33");
    expect(office?.rows.find((r) => r.code === "310")?.label).toBe("资本性支出");
    expect(office?.rows.find((r) => r.code === "30217")?.cells[0]?.value).toBe("3.87");
  });

  it("finds the 公用经费 total under the last column group (touchuju line 366)", () => {
    const t = table(parsed("corpus/2024-wuhan-touchuju.txt"), "公开06表");
    const office = t.parts[1];
    expect(office?.rows.at(-1)).toMatchObject({ line: 366, label: "公用经费合计" });
    expect(office?.rows.at(-1)?.cells[0]?.value).toBe("298.42");
    expect(office?.rows.find((r) => r.code === "39999")?.label).toBe("其他支出");
    expect(t.parts[0]?.rows.at(-1)?.cells[0]?.value).toBe("2723.31");
  });
});

describe("readBasicExpenditure without a readable header", () => {
  it.each(["corpus/2024-hongshan-qiyefuwu.txt", "corpus/2024-wuhan-touchuju.txt"])(
    "finds the three code | name | amount groups of %s 公开06 from its body lines",
    (path) => {
      const text = source(path);
      // OCR damage to every 科目名称 of the header line ("科目名林").
      const lines = text.text.split("\n");
      const header = lines.findIndex((l) => l.split("\t").filter((c) => c.trim() === "科目名称").length >= 2);
      lines[header] = (lines[header] ?? "").replace(/科目名称/g, "科目名林");
      const damaged = parseDisclosure({ ...text, text: lines.join("\n") });
      if (!damaged.ok) throw new Error("cannot parse");
      const rows = (t: Table): string[][] => t.parts.map((p) => [p.name ?? "", ...p.rows.map((r) => `${r.line} ${r.code} ${r.label} ${r.cells[0]?.value}`)]);
      expect(rows(table(damaged.value, "公开06表"))).toEqual(rows(table(parsed(path), "公开06表")));
    },
  );
});
