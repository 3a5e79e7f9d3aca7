import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../../scripts/plain-text.js";
import { parseDisclosure, parseHealth, type Disclosure } from "../../src/parse/index.js";
import { isPlainForm } from "../../src/parse/_plain.js";
import { parsed, source } from "./_load.js";

const LAYOUT = "tests/fixtures/documents/2019-foshan-guidaojiaotongju.layout.txt";
const PLAIN = "tests/fixtures/parse/2019-foshan-guidaojiaotongju.plain.txt";

/** Every figure of the template tables, keyed by table kind, part, row (code + label) and column path. */
function cells(d: Disclosure, skip: ReadonlySet<string> = new Set()): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of d.tables) {
    if (t.kind === "other" || t.kind === "绩效自评表" || skip.has(t.kind)) continue;
    for (const p of t.parts)
      for (const r of p.rows)
        for (const c of r.cells) {
          const v = c.value ?? c.candidate;
          if (v !== null) out.set(`${t.kind}|${p.name ?? ""}|${r.code ?? ""}|${r.label}|${p.columns[c.column]?.path.join(">") ?? c.column}`, v);
        }
  }
  return out;
}

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

  // Known gap: the 基本支出 明细表 (three code | name | amount groups a line) and one 三公 cell.
  it("gives the same figures at the same table, row and column as the layout form", () => {
    const skip = new Set(["一般公共预算财政拨款基本支出决算明细表", "三公经费支出决算表"]);
    const layout = cells(parsed(LAYOUT), skip);
    const plain = cells(parsed(PLAIN), skip);
    expect(disagreements(layout, plain)).toEqual([]);
    expect(plain.size).toBe(415);
  });

  it("finds every identity of its tables holding", () => {
    const h = parseHealth(parsed(PLAIN));
    expect(h.failures).toEqual([]);
    expect(h.identities.total).toBeGreaterThan(200);
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
  const r = parseDisclosure({ ...source(LAYOUT), text });
  if (!r.ok) throw new Error("cannot parse");
  return r.value;
}
