import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../../scripts/plain-text.js";
import { readSourceFile } from "../../src/corpus/index.js";
import { extractFacts, type Fact } from "../../src/facts/index.js";
import { parseDisclosure } from "../../src/parse/index.js";

const DOCS = join(import.meta.dirname, "../fixtures/documents");

// Table facts the layout form reads wrong (the PDF and the plain form agree): none since a code
// beside an empty row (Foshan 表6's continued page) is no longer read as that row's figure.
const LAYOUT_ERRORS: Readonly<Record<string, readonly string[]>> = {};

function tableFacts(base: string, plain: boolean): Map<string, string> {
  return new Map(allTableFacts(base, plain).map((f) => [f.key.replace(/^[^|]*\|/, ""), f.value]));
}

function allTableFacts(base: string, plain: boolean): Fact[] {
  const read = readSourceFile(join(DOCS, `${base}.layout.txt`));
  if (!read.ok) throw new Error(base);
  const text = plain ? plainText(readFileSync(join(DOCS, `${base}.layout.txt`), "utf8").replace(/\r\n?/g, "\n")) : read.value.text;
  const d = parseDisclosure({ ...read.value, text });
  if (!d.ok) throw new Error(base);
  const facts: Fact[] = extractFacts(d.value, { department: "某单位", year: 2024 });
  return facts.filter((f) => f.source.kind === "table");
}

describe("the plain reading-order form of a document", () => {
  it.each(["2019-foshan-guidaojiaotongju", "2024-shanghai-putuo-shehuigongzuobu", "2024-xinan-daxue"])("gives %s the table facts of its layout form", (base) => {
    const layout = tableFacts(base, false);
    const plain = tableFacts(base, true);
    const differ = [...new Set([...layout.keys(), ...plain.keys()])].filter((k) => layout.get(k) !== plain.get(k));
    expect(differ).toEqual(LAYOUT_ERRORS[base] ?? []);
    expect(plain.size).toBeGreaterThan(140);
  });
  it.each(["2019-foshan-guidaojiaotongju", "2024-shanghai-putuo-shehuigongzuobu", "2024-xinan-daxue"])("never reads a 科目编码 on a row's line as another row's figure (%s, layout form)", (base) => {
    const facts = allTableFacts(base, false);
    const codesAt = new Map<number, Set<string>>();
    for (const f of facts) if (f.code) codesAt.set(f.source.line, (codesAt.get(f.source.line) ?? new Set()).add(f.code));
    expect(facts.filter((f) => !f.code && codesAt.get(f.source.line)?.has(f.value)).map((f) => `${f.source.line}:${f.value}`)).toEqual([]);
  });
});
