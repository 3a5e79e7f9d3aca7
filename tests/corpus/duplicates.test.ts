import { describe, expect, it } from "vitest";
import { truncatedCopies } from "../../src/corpus/index.js";

const body = Array.from({ length: 30 }, (_, i) => `第${i + 1}行 支出 ${i}.00`).join("\n");

describe("truncatedCopies", () => {
  it("names the shorter of two documents of one body, year and type when its lines all stand in the longer", () => {
    const issues = truncatedCopies([
      { file: "corpus/full.txt", key: "某局|2024|部门决算", text: body },
      { file: "corpus/cut.txt", key: "某局|2024|部门决算", text: body.slice(0, Math.floor(body.length * 0.6)) },
    ]);
    expect(issues).toEqual([{ code: "duplicate", file: "corpus/cut.txt", original: "corpus/full.txt", reason: "truncated_copy" }]);
  });

  it.each([
    ["another year", "某局|2023|部门决算", body.slice(0, 400)],
    ["a different text", "某局|2024|部门决算", body.replace(/支出/g, "收入").slice(0, 400)],
  ])("keeps both documents for %s", (_case, key, text) => {
    expect(truncatedCopies([{ file: "a.txt", key: "某局|2024|部门决算", text: body }, { file: "b.txt", key, text }])).toEqual([]);
  });
});
