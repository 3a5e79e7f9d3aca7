/**
 * The fact store on disk: `<dir>/facts.json`, written atomically, validated with zod on load, tied
 * to the corpus it was built from by file hashes.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../core/fs.js";
import { isUnit, type Unit } from "../core/money.js";
import { err, ok, type Result } from "../core/result.js";
import { ITEM_KEYS, type ItemKey } from "./items.js";
import type { Fact, Finding } from "./types.js";

/** Bumped whenever the stored shape or the extraction rules change meaningfully. */
export const FACT_STORE_FORMAT = 3;

/** Everything the build path stores about facts. */
export interface FactStore {
  readonly formatVersion: number;
  readonly builtAt: string;
  readonly corpus: readonly { readonly file: string; readonly sha256: string }[];
  readonly facts: readonly Fact[];
  readonly findings: readonly Finding[];
}

/** Why a stored fact store cannot be used. */
export interface FactStoreError {
  readonly code: "index_missing" | "index_stale" | "index_corrupt";
  readonly reason: string;
}

const MEASURES = ["决算", "预算", "完成率", "增减", "增长率", "占比", "上年决算", "数量", "得分"] as const;
const OCR_KINDS = ["separator_misread", "truncated", "garbled", "markup_crumb", "split_code", "unparsable"] as const;
const TABLE_KINDS = [
  "收入支出决算总表",
  "收入决算表",
  "支出决算表",
  "财政拨款收入支出决算总表",
  "一般公共预算财政拨款支出决算表",
  "财政拨款支出决算表",
  "一般公共预算财政拨款基本支出决算明细表",
  "政府性基金预算财政拨款收入支出决算表",
  "国有资本经营预算财政拨款支出决算表",
  "三公经费支出决算表",
  "绩效自评表",
  "other",
] as const;

const SourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("table"),
    file: z.string(),
    line: z.number().int().positive(),
    page: z.number().int().positive().optional(),
    table: z.string(),
    tableNumber: z.string().nullable(),
    tableKind: z.enum(TABLE_KINDS),
    row: z.string(),
    code: z.string().nullable(),
    column: z.array(z.string()),
    raw: z.string(),
  }),
  z.object({
    kind: z.literal("narrative"),
    file: z.string(),
    line: z.number().int().positive(),
    page: z.number().int().positive().optional(),
    lineEnd: z.number().int().positive(),
    section: z.string(),
    quote: z.string(),
    raw: z.string(),
    lead: z.string().optional(),
  }),
]);

const EvidenceSchema = z.object({
  kind: z.enum(["identity", "agreement", "repair", "identity_failed", "disagreement"]),
  note: z.string(),
  facts: z.array(z.string()),
});

const FactSchema = z.object({
  id: z.string().min(1),
  doc: z.string(),
  department: z.string(),
  year: z.number().int(),
  item: z
    .string()
    .refine((s): s is ItemKey => (ITEM_KEYS as string[]).includes(s))
    .nullable(),
  subject: z.string(),
  code: z.string().nullable(),
  measure: z.enum(MEASURES),
  qualifier: z.array(z.string()),
  predicate: z.string().optional(),
  period: z.string().optional(),
  value: z.string().regex(/^-?\d+(\.\d+)?$/),
  unit: z.string().refine((s): s is Unit => isUnit(s)),
  key: z.string(),
  source: SourceSchema,
  status: z.enum(["verified", "repaired", "single-source", "conflict"]),
  evidence: z.array(EvidenceSchema),
  repairedFrom: z.string().nullable(),
  conflicting: z.array(z.string()),
  scope: z.enum(["全部", "财政拨款", "一般公共预算", "政府性基金", "国有资本经营"]).optional(),
  ocr: z.object({ flags: z.array(z.enum(OCR_KINDS)), candidate: z.string().nullable() }).optional(),
});

const FindingSchema = z.object({
  doc: z.string(),
  kind: z.enum(["identity_failed", "conflict", "repair", "unrepaired_damage"]),
  note: z.string(),
  lines: z.array(z.number().int()),
  facts: z.array(z.string()),
});

const StoreSchema = z.object({
  formatVersion: z.number().int(),
  builtAt: z.string(),
  corpus: z.array(z.object({ file: z.string(), sha256: z.string() })),
  facts: z.array(FactSchema),
  findings: z.array(FindingSchema),
});

/** The stored file's path inside an index directory. */
export function factStorePath(dir: string): string {
  return join(dir, "facts.json");
}

/** Writes the store atomically to `<dir>/facts.json`. */
export function saveFactStore(dir: string, store: FactStore): void {
  writeFileAtomic(factStorePath(dir), `${JSON.stringify(store)}\n`);
}

/**
 * Loads `<dir>/facts.json` and checks it against the corpus it must describe; never throws:
 * missing file → index_missing, unreadable/invalid/old format → index_corrupt, other corpus → index_stale.
 */
export function loadFactStore(
  dir: string,
  expected: readonly { readonly file: string; readonly sha256: string }[],
): Result<FactStore, FactStoreError> {
  const path = factStorePath(dir);
  if (!existsSync(path)) return err({ code: "index_missing", reason: `${path} does not exist` });
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    // Unreadable (permissions, a directory) or not JSON: either way the store cannot be used.
    return err({ code: "index_corrupt", reason: `${path} cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== FACT_STORE_FORMAT) {
    return err({ code: "index_corrupt", reason: `${path} has format version ${String(version)}, expected ${FACT_STORE_FORMAT}` });
  }
  const parsed = StoreSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err({ code: "index_corrupt", reason: `${path} does not match the schema: ${first ? `${first.path.join(".")}: ${first.message}` : "invalid"}` });
  }
  const store = parsed.data as FactStore;
  const stale = corpusDifference(store.corpus, expected);
  if (stale) return err({ code: "index_stale", reason: stale });
  return ok(store);
}

function corpusDifference(
  stored: readonly { readonly file: string; readonly sha256: string }[],
  expected: readonly { readonly file: string; readonly sha256: string }[],
): string | null {
  const have = new Map(stored.map((c) => [c.file, c.sha256]));
  const want = new Map(expected.map((c) => [c.file, c.sha256]));
  for (const [file, sha] of want) {
    if (!have.has(file)) return `${file} is not in the fact store`;
    if (have.get(file) !== sha) return `${file} changed since the fact store was built`;
  }
  for (const file of have.keys()) if (!want.has(file)) return `${file} is no longer in the corpus`;
  return null;
}

export type { Fact, Finding };
