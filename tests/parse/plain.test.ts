import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../../scripts/plain-text.js";
import { parseDisclosure, parseHealth, type Disclosure } from "../../src/parse/index.js";
import { isPlainForm } from "../../src/parse/_plain.js";
import { parsed, source } from "./_load.js";
import { figureCells as cells } from "./_compare.js";

const LAYOUT = "tests/fixtures/documents/2019-foshan-guidaojiaotongju.layout.txt";
const PLAIN = "tests/fixtures/parse/2019-foshan-guidaojiaotongju.plain.txt";

// Cells the layout form reads wrong while the plain form (and the PDF) read them right.
const LAYOUT_ERRORS: Readonly<Record<string, readonly string[]>> = {
  "2019-foshan-guidaojiaotongju": [
    // 表6's last page: the 公用经费 code 31013 falls into the 人员经费 value column of an empty row.
    "一般公共预算财政拨款基本支出决算明细表|人员经费|||决算数",
  ],
};

function disagreements(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k) ?? "-"} vs ${b.get(k) ?? "-"}`);
}

describe("plain reading-order text", () => {
  it("is the layout fixture with each line's cells joined by single spaces (scripts/plain-text.ts)", () => {
    const layout = readFileSync(join(import.meta.dirname, "../..", LAYOUT), "utf8");
    expect(readFileSync(join(import.meta.dirname, "../..", PLAIN), "utf8")).toBe(plainText(layout));
  });

  it.each([
    [PLAIN, true],
    [LAYOUT, false],
    ["corpus/2024-wuhan-touchuju.txt", false],
  ])("is told from the other forms: %s → %s", (path, plain) => {
    expect(isPlainForm(parsed(path).lines)).toBe(plain);
  });

  it("gives the Foshan fixture the same figures at the same table, row and column as its layout form", () => {
    const layout = cells(parsed(LAYOUT));
    const plain = cells(parsed(PLAIN));
    expect(disagreements(layout, plain).map((d) => d.split(":")[0])).toEqual(LAYOUT_ERRORS["2019-foshan-guidaojiaotongju"]);
    expect(plain.size).toBe(508);
  });

  // The plain form of each document against its layout form. Exceptions are cells the layout form
  // reads wrong (the PDF and the plain form agree on them), named with the reason; `renamed` are
  // column paths the two forms read differently around the same figures.
  it.each([
    ["2019-foshan-guidaojiaotongju", 508, 0],
    ["2024-shanghai-putuo-shehuigongzuobu", 205, 0],
    // 表4's header prints 本年支出 over 合计 | 基本支出 | 项目支出 (小计 | 其中：基本建设资金支出): the
    // layout form reads 本年支出 over 基本支出 alone (as the PDF does), the plain form over the
    // 项目支出 columns too; the 25 figures under them are the same.
    ["2024-xinan-daxue", 236, 25],
  ])("gives %s the same figures at the same table, row and column as its layout form", (base, count, renamed) => {
    const layoutText = readFileSync(join(import.meta.dirname, "../fixtures/documents", `${base}.layout.txt`), "utf8");
    const layout = cells(parseText(layoutText));
    const plain = cells(parseText(plainText(layoutText)));
    const moved = [...plain.keys()].filter((k) => k.includes("|本年支出>项目支出>"));
    const named = new Map([...plain].map(([k, v]) => [k.replace("|本年支出>项目支出>", "|项目支出>"), v]));
    expect(disagreements(layout, named).map((d) => d.split(":")[0])).toEqual(LAYOUT_ERRORS[base] ?? []);
    expect(moved).toHaveLength(renamed);
    expect(plain.size).toBe(count);
  });

  it.each([
    ["2019-foshan-guidaojiaotongju", 1],
    ["2024-shanghai-putuo-shehuigongzuobu", 1],
    ["2024-xinan-daxue", 1],
  ])("finds the identities of %s's tables holding in its plain form (at least %s)", (base, share) => {
    const layoutText = readFileSync(join(import.meta.dirname, "../fixtures/documents", `${base}.layout.txt`), "utf8");
    const h = parseHealth(parseText(plainText(layoutText)));
    expect(h.identities.holding / h.identities.total).toBeGreaterThanOrEqual(share);
    expect(h.figures.placed).toBe(h.figures.printed);
  });

  it("places figures a row leaves out by the table's sums (Shanghai 05: 其他社会工作事务支出 is 项目支出 only)", () => {
    const text = readFileSync(join(import.meta.dirname, "../fixtures/documents/2024-shanghai-putuo-shehuigongzuobu.layout.txt"), "utf8");
    const plain = parseText(plainText(text));
    const t = plain.tables.find((x) => x.kind === "一般公共预算财政拨款支出决算表");
    const row = t?.parts[0]?.rows.find((r) => r.code === "2013999");
    expect(row?.cells.map((c) => [t?.parts[0]?.columns[c.column]?.path.at(-1), c.value])).toEqual([
      ["合计", "202.24"],
      ["基本支出", null],
      ["项目支出", "202.24"],
    ]);
    expect(parseHealth(plain).failures).toEqual([]);
  });
});

function parseText(text: string): Disclosure {
  const r = parseDisclosure({ ...source(LAYOUT), text: text.replace(/\r\n?/g, "\n") });
  if (!r.ok) throw new Error("cannot parse");
  return r.value;
}
