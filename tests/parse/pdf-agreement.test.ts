import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSourceFile } from "../../src/corpus/index.js";
import { parseDisclosure, parseHealth, type Disclosure } from "../../src/parse/index.js";

const DOCS = join(import.meta.dirname, "../fixtures/documents");

const cache = new Map<string, ReturnType<typeof readSourceFile>>();

function parse(file: string): Disclosure {
  const read = cache.get(file) ?? readSourceFile(join(DOCS, file));
  cache.set(file, read);
  if (!read.ok) throw new Error(`${file}: ${read.error.code}`);
  const parsed = parseDisclosure(read.value);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.code}`);
  return parsed.value;
}

/** Every figure of the template tables, keyed by table kind, part, row (code + label) and column path. */
function cells(d: Disclosure): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of d.tables) {
    if (t.kind === "other" || t.kind === "绩效自评表") continue;
    for (const p of t.parts) {
      for (const r of p.rows) {
        for (const c of r.cells) {
          const v = c.value ?? c.candidate;
          if (v !== null) out.set(`${t.kind}|${p.name ?? ""}|${r.code ?? ""}|${r.label}|${p.columns[c.column]?.path.join(">") ?? c.column}`, v);
        }
      }
    }
  }
  return out;
}

function disagreements(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).map((k) => `${k}: ${a.get(k) ?? "-"} vs ${b.get(k) ?? "-"}`);
}

describe("a disclosure read from its PDF and from its pdftotext -layout text", () => {
  it.each([
    ["2024-xinan-daxue", 236],
    ["2024-shanghai-putuo-shehuigongzuobu", 205],
  ])("gives %s the same figures at the same table, row and column", (base, count) => {
    const pdf = cells(parse(`${base}.pdf`));
    const layout = cells(parse(`${base}.layout.txt`));
    expect(disagreements(pdf, layout)).toEqual([]);
    expect(pdf.size).toBe(count);
  });

  // Known gap: the layout text of the Guangdong 2019 template reads one 人员经费 row apart; the PDF
  // reads it right. (表7's twelve 栏次 numbers over twelve figure columns now place every figure.)
  it("gives 2019-foshan-guidaojiaotongju the same figures but for a few rows of the layout text", () => {
    const pdf = cells(parse("2019-foshan-guidaojiaotongju.pdf"));
    const layout = cells(parse("2019-foshan-guidaojiaotongju.layout.txt"));
    expect(pdf.size).toBe(509);
    expect(disagreements(pdf, layout).length).toBeLessThanOrEqual(1);
  });

  it("notices a changed figure (the comparison is not blind)", () => {
    const a = cells(parse("2024-xinan-daxue.pdf"));
    const b = new Map(a);
    b.set([...b.keys()][10] ?? "", "1.00");
    expect(disagreements(a, b)).toHaveLength(1);
  });
});

describe("parseHealth", () => {
  it.each([
    "2024-xinan-daxue.pdf",
    "2024-xinan-daxue.layout.txt",
    "2024-shanghai-putuo-shehuigongzuobu.pdf",
    "2024-shanghai-putuo-shehuigongzuobu.layout.txt",
    "2019-foshan-guidaojiaotongju.pdf",
    "2019-foshan-guidaojiaotongju.layout.txt",
  ])("finds every identity holding and every figure placed in %s", (file) => {
    const h = parseHealth(parse(file));
    expect(h.failures).toEqual([]);
    expect(h.identities.total).toBeGreaterThan(100);
    expect(h.figures.placed / h.figures.printed).toBeGreaterThanOrEqual(0.99);
  });

  it("names a failing identity with its figures", () => {
    const d = parse("2024-xinan-daxue.layout.txt");
    const t = d.tables.find((x) => x.kind === "支出决算表");
    const row = t?.parts[0]?.rows.find((r) => r.code === "205");
    const cell = row?.cells[0];
    if (!t || !row || !cell) throw new Error("table 3 not found");
    (row.cells as unknown as { value: string }[])[0] = { ...cell, value: "1.00" };
    expect(parseHealth(d).failures.some((f) => f.includes("205 教育支出") && f.includes("1 ≠ 448061.8"))).toBe(true);
  });
});
