import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describeIssue, readSourceFile } from "../../corpus/index.js";
import { inspectJson, parseDisclosure, renderInspect } from "../../parse/index.js";
import type { Config } from "../../config.js";

function resolveFile(arg: string, corpusDir: string): string | null {
  for (const p of [arg, join(corpusDir, arg), join(corpusDir, `${arg}.txt`)]) {
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** `inspect <file> [--json]`: what the parser understood of one disclosure (path or corpus file name). */
export async function runInspect(arg: string, opts: { json: boolean; text?: boolean }, config: Config): Promise<number> {
  const json = opts.json;
  const path = resolveFile(arg, config.corpusDir);
  if (path === null) {
    process.stderr.write(`找不到文件 file not found: ${arg} (also looked in ${config.corpusDir})\n`);
    return 1;
  }
  const source = readSourceFile(path);
  if (!source.ok) {
    process.stderr.write(`无法读取 cannot read ${describeIssue(source.error)}\n`);
    return 1;
  }
  const parsed = parseDisclosure(source.value);
  if (!parsed.ok) {
    const e = parsed.error;
    const why =
      e.code === "not_a_disclosure" ? `不是决算公开文件 not a 决算 disclosure (${e.reason})` : e.code === "empty_file" ? "文件为空 empty file" : "不是 UTF-8 文本 not UTF-8 text";
    process.stderr.write(`无法解析 cannot parse ${e.file}: ${why}\n`);
    return 1;
  }
  // --text: the text the parser read, line by line (for a PDF, the text its glyphs spell, with pages).
  if (opts.text === true) {
    const pages = parsed.value.pages;
    process.stdout.write(`${parsed.value.lines.map((l, i) => `${pages ? `p${pages[i] ?? "?"} ` : ""}${String(i + 1).padStart(5)}  ${l}`).join("\n")}\n`);
    return 0;
  }
  process.stdout.write(json ? `${JSON.stringify(inspectJson(parsed.value), null, 2)}\n` : renderInspect(parsed.value));
  return 0;
}
