/**
 * Synthetic corpus for scale benchmarks: `count` disclosures made from the seed corpus, each a copy
 * of one seed with the department renamed (a made-up city + bureau) and every two-decimal figure
 * scaled by one factor per document, so the same stated figure stays the same everywhere in the
 * document (table = narrative) while documents differ. Deterministic for a given seed.
 *
 *   npx tsx scripts/synth-corpus.ts [--count 100] [--seed 42] [--out DIR]
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { sha256 } from "../src/core/hash.js";
import { ManifestSchema, type Manifest, type ManifestEntry } from "../src/corpus/index.js";

const CITIES = [
  "襄阳市", "宜昌市", "荆州市", "黄石市", "十堰市", "孝感市", "荆门市", "鄂州市", "黄冈市", "咸宁市",
  "随州市", "仙桃市", "潜江市", "天门市", "长沙市", "南昌市", "合肥市", "郑州市", "成都市", "贵阳市",
] as const;
const BUREAUS = [
  "商务局", "经济和信息化局", "投资促进局", "发展和改革委员会", "科学技术局", "农业农村局", "文化和旅游局",
  "生态环境局", "交通运输局", "自然资源和规划局", "住房和城乡建设局", "民政局", "人力资源和社会保障局",
  "教育局", "卫生健康委员会", "水务和湖泊局", "城市管理执法委员会", "市场监督管理局", "统计局", "审计局",
] as const;

/** A small, fast, seedable PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scales "1,234.56" / "1234.56" by `factor` (in hundredths, exactly), keeping the separator style. */
function scaleFigure(raw: string, factor: bigint): string {
  const grouped = raw.includes(",");
  const cents = BigInt(raw.replace(/[,.]/g, ""));
  const scaled = (cents * factor + 5000n) / 10000n; // factor is in 1/10000
  const s = scaled.toString().padStart(3, "0");
  const int = s.slice(0, -2);
  const frac = s.slice(-2);
  const intOut = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  return `${intOut}.${frac}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One synthetic disclosure made from a seed text. */
export function synthesize(text: string, seed: ManifestEntry, name: string, city: string, factor: bigint): string {
  const names = [seed.department, ...seed.aliases]
    .filter((a) => /\p{Script=Han}/u.test(a) && a.length >= 3)
    .sort((a, b) => b.length - a.length);
  let out = text;
  for (const n of names) out = out.replace(new RegExp(escapeRe(n), "g"), name);
  out = out.replace(/武汉/g, city.replace(/市$/, ""));
  // Two-decimal figures (money in 万元): same raw text → same new text, so cross-checks still hold.
  return out.replace(/(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.])|(?<![\d.,])\d+\.\d{2}(?![\d.])/g, (m) => scaleFigure(m, factor));
}

/** Writes `count` synthetic disclosures and their manifest into `outDir`; returns the manifest. */
export function synthCorpus(opts: { seedDir: string; outDir: string; count: number; seed?: number }): Manifest {
  const seedManifest = ManifestSchema.parse(JSON.parse(readFileSync(join(opts.seedDir, "manifest.json"), "utf8")));
  const seeds = seedManifest.documents.map((d) => ({ entry: d, text: readFileSync(join(opts.seedDir, d.file), "utf8") }));
  if (seeds.length === 0) throw new Error(`no seed documents in ${opts.seedDir}`);
  const rand = prng(opts.seed ?? 42);
  const used = new Set<string>();
  const documents: ManifestEntry[] = [];
  mkdirSync(opts.outDir, { recursive: true });
  for (let i = 0; i < opts.count; i++) {
    const s = seeds[i % seeds.length]!;
    let city = "";
    let name = "";
    do {
      city = CITIES[Math.floor(rand() * CITIES.length)]!;
      name = `${city}${BUREAUS[Math.floor(rand() * BUREAUS.length)]!}`;
      if (used.size >= CITIES.length * BUREAUS.length) name = `${name}${i}`;
    } while (used.has(name));
    used.add(name);
    const factor = BigInt(6000 + Math.floor(rand() * 10000)); // ×0.6000 … ×1.5999
    const text = synthesize(s.text, s.entry, name, city, factor);
    const file = `${s.entry.year}-synth-${String(i).padStart(3, "0")}.txt`;
    writeFileSync(join(opts.outDir, file), text);
    documents.push({
      file,
      sha256: sha256(Buffer.from(text, "utf8")),
      source: s.entry.file,
      department: name,
      aliases: [],
      region: city,
      year: s.entry.year,
      type: s.entry.type,
    });
  }
  const manifest: Manifest = { formatVersion: 1, documents };
  writeFileSync(join(opts.outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function arg(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const out = arg(argv, "--out") ?? mkdtempSync(join(tmpdir(), "juesuan-synth-"));
  const m = synthCorpus({ seedDir: resolve("corpus"), outDir: out, count: Number(arg(argv, "--count") ?? 100), seed: Number(arg(argv, "--seed") ?? 42) });
  process.stdout.write(`${m.documents.length} synthetic disclosures in ${out}\n`);
}
