import { z } from "zod";

// The rules both readers of an entry (the schema and `plainEntry`) apply.
const SHA256 = /^[0-9a-f]{64}$/;
const YEARS = { min: 1990, max: 2100 } as const;

/** One manifest entry: what we know of a disclosure beyond its own text. */
export const ManifestEntrySchema = z.object({
  file: z.string().min(1),
  sha256: z.string().regex(SHA256).optional(),
  source: z.string().optional(),
  department: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  region: z.string().optional(),
  year: z.number().int().min(YEARS.min).max(YEARS.max),
  type: z.enum(["部门决算", "单位决算"]),
});

/** The corpus manifest (`corpus/manifest.json`); optional, and optional per file. */
export const ManifestSchema = z.object({
  formatVersion: z.literal(1),
  documents: z.array(ManifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

const TYPES: readonly string[] = ManifestEntrySchema.shape.type.options;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** One entry read by hand, as `ManifestEntrySchema` reads it (unknown keys dropped), or null when it would not pass. */
function plainEntry(d: unknown): ManifestEntry | null {
  if (!isRecord(d)) return null;
  const { file, sha256, source, department, aliases, region, year, type } = d;
  if (typeof file !== "string" || file.length < 1) return null;
  if (sha256 !== undefined && (typeof sha256 !== "string" || !SHA256.test(sha256))) return null;
  if (source !== undefined && typeof source !== "string") return null;
  if (typeof department !== "string" || department.length < 1) return null;
  if (aliases !== undefined && (!Array.isArray(aliases) || !aliases.every((a) => typeof a === "string" && a.length >= 1))) return null;
  if (region !== undefined && typeof region !== "string") return null;
  if (typeof year !== "number" || !Number.isInteger(year) || year < YEARS.min || year > YEARS.max) return null;
  if (typeof type !== "string" || !TYPES.includes(type)) return null;
  return {
    file,
    ...(sha256 !== undefined ? { sha256 } : {}),
    ...(source !== undefined ? { source } : {}),
    department,
    aliases: aliases === undefined ? [] : [...(aliases as string[])],
    ...(region !== undefined ? { region } : {}),
    year,
    type: type as ManifestEntry["type"],
  };
}

/**
 * Validates a parsed manifest: read by hand first (an archive's manifest lists a thousand entries,
 * which the schema takes tens of milliseconds to check on every start), and through the schema
 * when that fails, for its messages. Both accept the same manifests and return the same entries.
 */
export function parseManifest(raw: unknown): z.SafeParseReturnType<unknown, Manifest> {
  if (isRecord(raw) && raw.formatVersion === 1 && Array.isArray(raw.documents)) {
    const documents: ManifestEntry[] = [];
    for (const d of raw.documents) {
      const e = plainEntry(d);
      if (e === null) return ManifestSchema.safeParse(raw);
      documents.push(e);
    }
    return { success: true, data: { formatVersion: 1, documents } };
  }
  return ManifestSchema.safeParse(raw);
}
