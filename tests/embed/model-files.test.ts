import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkModelFiles } from "../../src/embed/index.js";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "juesuan-modelfiles-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("checkModelFiles", () => {
  it("names every missing file", () => {
    const { problems, files } = checkModelFiles(dir);
    expect(files).toEqual([]);
    expect(problems.map((p) => [p.name, p.problem])).toEqual([
      ["onnx/model_quantized.onnx", "missing"],
      ["tokenizer.json", "missing"],
      ["config.json", "missing"],
      ["tokenizer_config.json", "missing"],
      ["special_tokens_map.json", "missing"],
      ["vocab.txt", "missing"],
    ]);
  });

  it("reports a wrong size before hashing and a wrong hash at the right size", () => {
    mkdirSync(join(dir, "onnx"));
    writeFileSync(join(dir, "config.json"), "{}");
    writeFileSync(join(dir, "special_tokens_map.json"), Buffer.alloc(125, 32));
    const { problems } = checkModelFiles(dir);
    expect(problems.find((p) => p.name === "config.json")).toEqual({ name: "config.json", problem: "size", detail: "2 bytes, expected 716" });
    expect(problems.find((p) => p.name === "special_tokens_map.json")?.problem).toBe("sha256");
  });
});
