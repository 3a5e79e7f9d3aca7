import { z } from "zod";

/** One manifest entry: what we know of a disclosure beyond its own text. */
export const ManifestEntrySchema = z.object({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  source: z.string().optional(),
  department: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  region: z.string().optional(),
  year: z.number().int().min(1990).max(2100),
  type: z.enum(["部门决算", "单位决算"]),
});

/** The corpus manifest (`corpus/manifest.json`); optional, and optional per file. */
export const ManifestSchema = z.object({
  formatVersion: z.literal(1),
  documents: z.array(ManifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;
