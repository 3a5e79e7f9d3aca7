import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainText } from "../../scripts/plain-text.js";
import { readSourceFile } from "../../src/corpus/index.js";
import { extractFacts, type Fact } from "../../src/facts/index.js";
import { parseDisclosure } from "../../src/parse/index.js";

const DOCS = join(import.meta.dirname, "../fixtures/documents");

// Table facts the layout form reads wrong (the PDF and the plain form agree): Foshan 表6's last
// page puts the code 31013 of an empty 公用经费 row into the 人员经费 figure column.
const LAYOUT_ERRORS: Readonly<Record<string, readonly string[]>> = {
  "2019-foshan-guidaojiaotongju": ["name:决算数|决算|"],
};

function tableFacts(base: string, plain: boolean): Map<string, string> {
  const read = readSourceFile(join(DOCS, `${base}.layout.txt`));
  if (!read.ok) throw new Error(base);
  const text = plain ? plainText(readFileSync(join(DOCS, `${base}.layout.txt`), "utf8").replace(/\r\n?/g, "\n")) : read.value.text;
  const d = parseDisclosure({ ...read.value, text });
  if (!d.ok) throw new Error(base);
  const facts: Fact[] = extractFacts(d.value, { department: "某单位", year: 2024 });
  return new Map(facts.filter((f) => f.source.kind === "table").map((f) => [f.key.replace(/^[^|]*\|/, ""), f.value]));
}

describe("the plain reading-order form of a document", () => {
  it.each(["2019-foshan-guidaojiaotongju", "2024-shanghai-putuo-shehuigongzuobu", "2024-xinan-daxue"])("gives %s the table facts of its layout form", (base) => {
    const layout = tableFacts(base, false);
    const plain = tableFacts(base, true);
    const differ = [...new Set([...layout.keys(), ...plain.keys()])].filter((k) => layout.get(k) !== plain.get(k));
    expect(differ).toEqual(LAYOUT_ERRORS[base] ?? []);
    expect(plain.size).toBeGreaterThan(140);
  });
});
