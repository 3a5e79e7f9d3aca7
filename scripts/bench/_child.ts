/**
 * One measured process of the scale benchmark (spawned by scripts/bench/scale.ts so that each
 * figure has its own peak RSS): `build` brings the index up to date; `serve` loads it and times
 * queries. Prints one JSON object on stdout. Corpus, index and model come from the environment.
 *
 *   node --import tsx scripts/bench/_child.ts build|serve [questions.json|-] [embedding-cache.db]
 */
import { readFileSync } from "node:fs";
import { ensureIndex } from "../../src/build/index.js";
import { loadConfig } from "../../src/config.js";
import { configureLogging } from "../../src/core/log.js";
import { engineFrom } from "../../src/engine/index.js";
import { search, tagWords, tokenize } from "../../src/search/index.js";

const mib = (bytes: number): number => Math.round(bytes / 2 ** 20);

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : (s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0);
}

const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const [mode, questionsFile, embeddingCache] = process.argv.slice(2);
  const cfg = loadConfig();
  if (!cfg.ok) throw new Error(cfg.error.issues.join("; "));
  configureLogging("warn");
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  // A cache of its own per benchmark run: vectors computed by earlier runs must not flatter the build.
  const loaded = await ensureIndex(cfg.value, { onProgress: (m) => process.stderr.write(`${m}\n`), ...(embeddingCache ? { embeddingCache } : {}) });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const idx = loaded.value;
  const loadMs = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  const base = {
    ms: loadMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    rssMiB: mib(process.memoryUsage().rss),
    report: idx.report && { ...idx.report, removedSpans: undefined, addedIds: undefined },
    documents: idx.documents.length,
    semantic: idx.search.semantic,
  };
  if (mode !== "serve") {
    process.stdout.write(`${JSON.stringify({ ...base, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
    return;
  }
  const questions = JSON.parse(readFileSync(questionsFile ?? "", "utf8")) as { question: string; department: string | null; rank: boolean }[];
  // The jieba dictionaries' load (the budget one for search, the general one for cutting labels
  // into words) is a fixed per-process cost, measured on its own.
  let t = process.hrtime.bigint();
  tokenize("预热");
  tagWords("预热", true);
  const jiebaMs = ms(t);
  let modelMs: number | null = null;
  if (idx.search.semantic) {
    // Model and vector graph load on the first query that needs them: timed apart.
    t = process.hrtime.bigint();
    await search(idx.search, "预热", { k: 1, mode: "dense" });
    modelMs = ms(t);
  }
  const dept = idx.documents[0]?.department ?? "";
  t = process.hrtime.bigint();
  await search(idx.search, "三公经费为什么增加", { k: 5, filter: { departments: [dept], proseOnly: true } });
  const firstFilteredMs = ms(t);
  const engine = engineFrom(idx);
  // A serving process (bot, chat) warms its facts at start: warm answers are measured as it serves them.
  await engine.warm();
  const fact: number[] = [];
  const rank: number[] = [];
  const retrieval: number[] = [];
  const other: number[] = [];
  const keyword: number[] = [];
  const keywordAll: number[] = [];
  // The questions are asked once before they are timed: in an archive of hundreds only the
  // department-years being asked about stay prepared (the first question about one reads and
  // prepares its facts), so "warm" means the departments asked are. That first round is timed
  // apart.
  const firstFact: number[] = [];
  const firstRank: number[] = [];
  for (const q of questions) {
    t = process.hrtime.bigint();
    const r = await engine.ask(q.question);
    const took = ms(t);
    if (q.rank) firstRank.push(took);
    else if (r.answer.kind === "number") firstFact.push(took);
  }
  for (const q of questions) {
    t = process.hrtime.bigint();
    const r = await engine.ask(q.question);
    const took = ms(t);
    // Rankings read every department's facts: timed apart from questions about one department.
    (q.rank ? rank : r.answer.kind === "number" ? fact : r.answer.kind === "text" ? retrieval : other).push(took);
    // The eval files may name a department a little differently from the catalog.
    const named = q.department ? idx.documents.find((d) => d.department === q.department || d.department.includes(q.department ?? "") || (q.department ?? "").includes(d.department)) : undefined;
    if (named) {
      t = process.hrtime.bigint();
      await search(idx.search, q.question, { k: 5, mode: "keyword", filter: { departments: [named.department], proseOnly: true } });
      keyword.push(ms(t));
    }
    t = process.hrtime.bigint();
    await search(idx.search, q.question, { k: 5, mode: "keyword" });
    keywordAll.push(ms(t));
  }
  const lat = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95) });
  process.stdout.write(
    `${JSON.stringify({
      ...base,
      jiebaMs,
      modelMs,
      firstFilteredMs,
      fact: lat(fact),
      firstFact: lat(firstFact),
      firstRank: lat(firstRank),
      rank: lat(rank),
      retrieval: lat(retrieval),
      refusal: lat(other),
      keywordFiltered: lat(keyword),
      keywordUnfiltered: lat(keywordAll),
      rssAfterMiB: mib(process.memoryUsage().rss),
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
  idx.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench child failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
