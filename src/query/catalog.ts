import { deriveAliases, normalizeName, regionForms, splitRegion, stripOwnLevel } from "../corpus/identity.js";
import { normalizeText } from "./_text.js";
import type { AliasEntry, Catalog, CatalogDepartment, CatalogDoc } from "./types.js";

/**
 * Builds the department catalog and its alias index once: given aliases plus rule-derived ones,
 * years and files per department, and the region forms used to tell "武汉市商务局" from
 * "东西湖区商务局".
 */
export function buildCatalog(docs: readonly CatalogDoc[]): Catalog {
  const byName = new Map<string, { docs: CatalogDoc[] }>();
  for (const d of docs) {
    const g = byName.get(d.department) ?? { docs: [] };
    g.docs.push(d);
    byName.set(d.department, g);
  }
  const departments: CatalogDepartment[] = [];
  for (const [name, g] of byName) {
    const regionText = g.docs.find((d) => d.region)?.region ?? null;
    const core = stripOwnLevel(normalizeName(name));
    const regions = regionText ? splitRegion(`${normalizeName(regionText)}某`).regions : splitRegion(core).regions;
    const given = g.docs.flatMap((d) => d.aliases);
    const aliases = [...new Set([...given, ...deriveAliases(name)])].filter((a) => a !== name);
    departments.push({
      name,
      aliases,
      years: [...new Set(g.docs.map((d) => d.year))].sort((a, b) => a - b),
      type: g.docs.find((d) => d.type)?.type ?? null,
      files: g.docs.map((d) => d.file),
      regions,
    });
  }

  const regionOwn = new Map<string, number[]>();
  const regionUnder = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, i: number): void => {
    const list = m.get(k) ?? [];
    if (!list.includes(i)) list.push(i);
    m.set(k, list);
  };
  const ownForms: string[][] = [];
  departments.forEach((d, i) => {
    const levels = levelsWithImplicitCity(d.regions);
    const own: string[] = [];
    levels.forEach((level, li) => {
      for (const f of level) {
        const k = normalizeText(f);
        add(regionUnder, k, i);
        if (li === levels.length - 1) {
          add(regionOwn, k, i);
          own.push(k);
        }
      }
    });
    ownForms.push(own);
  });

  const aliasMap = new Map<string, { departments: number[]; bare: boolean }>();
  departments.forEach((d, i) => {
    const stems = ownForms[i] ?? [];
    for (const raw of [d.name, stripOwnLevel(normalizeName(d.name)), ...d.aliases]) {
      const text = normalizeText(raw);
      if (text.length < 2) continue;
      const latin = !/[\u3400-\u9fff]/.test(text);
      // Bare: names no region level and no proper place name of the department ("投促局", "商务局").
      const bare = !latin && splitRegion(text).regions.length === 0 && !stems.some((s) => s.length >= 2 && text.includes(s));
      const e = aliasMap.get(text) ?? { departments: [], bare };
      if (!e.departments.includes(i)) e.departments.push(i);
      e.bare = e.bare || bare;
      aliasMap.set(text, e);
    }
  });
  const aliases: AliasEntry[] = [...aliasMap.entries()]
    .map(([text, e]) => ({ text, departments: e.departments, bare: e.bare, latin: !/[\u3400-\u9fff]/.test(text) }))
    .sort((a, b) => b.text.length - a.text.length || a.text.localeCompare(b.text));

  const byFirst = new Map<string, number[]>();
  const bySecond = new Map<string, number[]>();
  const put = (m: Map<string, number[]>, k: string | undefined, i: number): void => {
    if (k === undefined) return;
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  aliases.forEach((a, i) => {
    put(byFirst, a.text[0], i);
    put(bySecond, a.text[1], i);
  });
  const years = departments.flatMap((d) => d.years);
  return {
    departments,
    latestYear: years.length > 0 ? Math.max(...years) : null,
    index: {
      aliases,
      regionOwn,
      regionUnder,
      regionForms: [...regionUnder.keys()].sort((a, b) => b.length - a.length),
      byFirst,
      bySecond,
    },
  };
}

/**
 * Region levels with their typed forms; a zone written with its city stem ("武汉东湖新技术开发区")
 * also sits under that city ("武汉", "武汉市").
 */
function levelsWithImplicitCity(regions: readonly string[]): string[][] {
  const levels = regions.map((r) => regionForms(r));
  const first = regions[0];
  if (first && regions.length === 1 && !/[省市]$/.test(first)) {
    const stem = first.slice(0, 2);
    if (regionForms(first).some((f) => !f.startsWith(stem))) levels.unshift([stem, `${stem}市`]);
  }
  return levels;
}

/** The latest year a department has, else the corpus's latest. */
export function latestYearOf(catalog: Catalog, department: string | null): number | null {
  const d = department ? catalog.departments.find((x) => x.name === department) : undefined;
  return d?.years.at(-1) ?? catalog.latestYear;
}
