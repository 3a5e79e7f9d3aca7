import type { DocumentMeta } from "../parse/types.js";
import type { ManifestEntry } from "./manifest.js";

/** Who a disclosure is about: the name to show, aliases users may type, and disagreements found. */
export interface DocumentIdentity {
  /** Display name: the manifest's when present, else the document's own. */
  readonly department: string;
  readonly year: number | null;
  readonly type: "部门决算" | "单位决算" | null;
  /** Other names users may type (manifest aliases first, then derived ones); never the name itself. */
  readonly aliases: string[];
  /** Administrative region chain as one string, e.g. "武汉市洪山区"; null when none is recognisable. */
  readonly region: string | null;
  /** Chinese notes on each disagreement between the manifest and the text (name, year, type). */
  readonly mismatches: string[];
}

/** A name split into its leading administrative regions and the organisation proper. */
export interface RegionSplit {
  /** Region levels from the top down, e.g. ["上海市", "普陀区"] or ["武汉东湖新技术开发区"]. */
  readonly regions: readonly string[];
  /** The organisation without regions, e.g. "财政局", "管理委员会". */
  readonly rest: string;
  /** True for a party organ ("中共上海市普陀区委社会工作部": the 区委's 社会工作部). */
  readonly party?: boolean;
}

/**
 * Identifies a disclosure: the manifest wins for naming, the text's own metadata fills the gaps,
 * and every real disagreement between the two is reported in `mismatches`.
 */
export function identifyDocument(
  meta: DocumentMeta,
  entry: ManifestEntry | undefined,
  fileName: string,
): DocumentIdentity {
  const mismatches: string[] = [];
  const metaName = meta.department ? cleanName(meta.department) : null;
  const department = entry?.department ?? metaName ?? fileName.replace(/\.[^.]+$/, "");
  if (entry && metaName && !sameOrganisation(entry.department, metaName)) {
    mismatches.push(`部门名称：正文为“${metaName}”，清单为“${entry.department}”`);
  }
  const fileYear = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(fileName)?.[1];
  const year = entry?.year ?? meta.year ?? (fileYear ? Number(fileYear) : null);
  if (entry && meta.year !== null && meta.year !== entry.year) {
    mismatches.push(`年度：正文为${meta.year}年，清单为${entry.year}年`);
  }
  const titleKind = meta.title?.includes("单位决算") ? "单位决算" : meta.title?.includes("部门决算") ? "部门决算" : null;
  const type = entry?.type ?? meta.kind ?? titleKind;
  if (entry && meta.kind !== null && meta.kind !== entry.type) {
    mismatches.push(`决算类型：正文为${meta.kind}，清单为${entry.type}`);
  }
  const derived = [...deriveAliases(department), ...(metaName ? [metaName, ...deriveAliases(metaName)] : [])];
  const aliases = unique([...(entry?.aliases ?? []), ...derived]).filter((a) => a !== department);
  const split = splitRegion(stripOwnLevel(normalizeName(department)));
  const region = entry?.region ?? (split.regions.length > 0 ? split.regions.join("") : null);
  return { department, year, type, aliases, region, mismatches };
}

// Zone types, longest first; the value is the usual short form ("新技术开发区" → "高新区").
const ZONE_TYPES: readonly (readonly [string, string])[] = [
  ["高新技术产业开发区", "高新区"],
  ["新技术产业开发区", "高新区"],
  ["经济技术开发区", "经开区"],
  ["新技术开发区", "高新区"],
  ["经济开发区", "经开区"],
  ["工业园区", "工业园区"],
  ["高新区", "高新区"],
  ["经开区", "经开区"],
  ["开发区", "开发区"],
  ["新区", "新区"],
];

// Words ending in 区 that are not districts ("XX社区服务中心" is not in a district called "XX社区").
const NOT_DISTRICT = /(社|园|景|校|小|片|街|辖|学|营|功能|城)区$/;

// "中共上海市普陀区委社会工作部", "中国共产党武汉市委员会…": a party organ named after its region's committee.
const PARTY_PREFIX = /^(?:中共|中国共产党)(?=[\u4e00-\u9fa5]{2})/;

/**
 * Splits leading region levels (省/自治区, 市/州, 区/县/旗, development zones) off a name; a party
 * prefix ("中共") and the 委 of a region's party committee ("普陀区委社会工作部") are set apart too.
 */
export function splitRegion(name: string): RegionSplit {
  const regions: string[] = [];
  const party = PARTY_PREFIX.test(name);
  let rest = name.replace(PARTY_PREFIX, "");
  const take = (re: RegExp, guard?: (m: string) => boolean): boolean => {
    const m = re.exec(rest);
    if (!m || m[0].length >= rest.length || (guard && !guard(m[0]))) return false;
    regions.push(m[0]);
    rest = rest.slice(m[0].length);
    return true;
  };
  take(/^[\u4e00-\u9fa5]{2,6}?(?:省|自治区)/);
  take(/^[\u4e00-\u9fa5]{2,4}?(?:市|自治州|地区|盟)/);
  const zone = zoneMatch(rest);
  if (zone && zone.length < rest.length) {
    regions.push(zone);
    rest = rest.slice(zone.length);
  } else {
    take(/^[\u4e00-\u9fa5]{2,4}?(?:区|县|旗)/, (m) => !NOT_DISTRICT.test(m));
  }
  // "普陀区委社会工作部": the district's party committee (委, not 委员会) owns the organ.
  if (regions.length > 0 && /^委(?!员会|托)[\u4e00-\u9fa5]{2}/.test(rest)) return { regions, rest: rest.slice(1), party: true };
  return party ? { regions, rest, party } : { regions, rest };
}

function zoneMatch(s: string): string | null {
  for (const [type] of ZONE_TYPES) {
    const i = s.indexOf(type);
    if (i >= 2 && i <= 8 && /^[\u4e00-\u9fa5]+$/.test(s.slice(0, i))) return s.slice(0, i + type.length);
  }
  return null;
}

/** Forms of one region level users type: "洪山区" → 洪山区, 洪山; "武汉东湖新技术开发区" → 东湖高新区, 东湖开发区 …. */
export function regionForms(level: string): string[] {
  const forms = [level];
  for (const [type, short] of ZONE_TYPES) {
    if (!level.endsWith(type)) continue;
    const proper = level.slice(0, -type.length);
    const propers = proper.length >= 4 ? [proper, proper.slice(2)] : [proper];
    for (const p of propers) {
      forms.push(p + type, p + short);
      if (type.endsWith("开发区")) forms.push(`${p}开发区`);
    }
    return unique(forms);
  }
  const stem = /^(.{2,})(?:省|市|区|县|旗|自治区|自治州|地区|盟)$/.exec(level)?.[1];
  if (stem) forms.push(stem);
  return unique(forms);
}

// Names that say nothing without a region in front ("管委会" alone could be any zone's).
const GENERIC = new Set(["管理委员会", "管委会", "委员会", "人民政府", "政府", "办公室", "中心", "局"]);

/**
 * Aliases derived from an organisation name by rule: region prefixes stripped level by level,
 * "（本级）" dropped, parenthesised alternative names split off, and usual abbreviations
 * (X和Y局 → XY局, 投资促进局 → 投促局, 管理委员会 → 管委会, 新技术开发区 → 高新区).
 */
export function deriveAliases(name: string): string[] {
  const core = stripOwnLevel(normalizeName(name));
  const names: string[] = [];
  const paren = /^(.*?)\(([^()]+)\)(.*)$/.exec(core);
  if (paren) {
    const main = `${paren[1] ?? ""}${paren[3] ?? ""}`;
    const alt = paren[2] ?? "";
    names.push(main);
    // "（市新闻出版局）": the alternative borrows the main name's regions.
    names.push(/^[市区县]/.test(alt) ? alt.slice(1) : alt);
  } else {
    names.push(core);
  }
  const out: string[] = [];
  for (const n of names) out.push(...variantsOf(n));
  const own = normalizeName(name);
  return unique(out).filter((a) => a.length >= 2 && a !== own && a !== name && !GENERIC.has(a));
}

function variantsOf(name: string): string[] {
  const { regions, rest, party } = splitRegion(name);
  const rests = unique([rest, ...abbreviate(rest)]);
  const out: string[] = [];
  // Region chains users write: the full chain, then dropping levels from the top ("普陀区财政局").
  const prefixes: string[] = [""];
  for (let i = 0; i < regions.length; i++) {
    const tail = regions.slice(i + 1).join("");
    for (const form of regionForms(regions[i] ?? "")) prefixes.push(form + tail);
    if (i === 0 && regions.length > 1) prefixes.push(regions.join(""));
  }
  const last = regions[regions.length - 1];
  if (last && /市$/.test(last)) prefixes.push("市");
  // A party organ is also named with its committee: "普陀区委社会工作部" beside "普陀区社会工作部".
  if (party && !/^委/.test(rest)) for (const p of [...prefixes]) if (/[省市区县]$/.test(p)) prefixes.push(`${p}委`);
  for (const p of unique(prefixes)) {
    for (const r of rests) {
      if (p === "" && GENERIC.has(r)) continue;
      out.push(p + r);
    }
  }
  // A zone's administrative committee goes by the zone's own name ("东湖高新区").
  if (last && zoneMatch(last) === last && /^(管理委员会|管委会)$/.test(rest)) out.push(...regionForms(last));
  return out;
}

/** Usual abbreviations of an organisation name without regions. */
function abbreviate(rest: string): string[] {
  const out: string[] = [];
  let r = rest;
  if (r.includes("管理委员会")) {
    r = r.replace("管理委员会", "管委会");
    out.push(r);
  }
  const suffixShort = (s: string): string => (s === "委员会" ? "委" : s === "办公室" ? "办" : s);
  // X和Y局 → XY局: 经济和信息化局 → 经信局, 发展和改革委员会 → 发改委.
  const and = /^([\u4e00-\u9fa5]{2,4})和([\u4e00-\u9fa5]{2,4})(局|委员会|委|厅|办公室|中心|部)$/.exec(r);
  if (and) out.push(`${and[1]?.[0] ?? ""}${and[2]?.[0] ?? ""}${suffixShort(and[3] ?? "")}`);
  // Two two-character words before the suffix: 投资促进局 → 投促局, 卫生健康委员会 → 卫健委.
  const two = /^([\u4e00-\u9fa5])[\u4e00-\u9fa5]([\u4e00-\u9fa5])[\u4e00-\u9fa5](局|委员会|厅|办公室|中心|部)$/.exec(r);
  if (two) out.push(`${two[1] ?? ""}${two[2] ?? ""}${suffixShort(two[3] ?? "")}`);
  if (/委员会$/.test(r) && !/管委会$/.test(r)) out.push(r.replace(/委员会$/, "委"));
  // A university goes by its first character and 大: 西南大学 → 西大.
  const university = /^([\u4e00-\u9fa5])[\u4e00-\u9fa5](大学)$/.exec(r);
  if (university) out.push(`${university[1] ?? ""}大`);
  return out;
}

/** NFKC (full-width brackets → ASCII), no whitespace. */
export function normalizeName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/** Drops the "本级" marker: "…中心本级", "…委员会（本级）". */
export function stripOwnLevel(name: string): string {
  return name.replace(/\(本级\)/g, "").replace(/本级$/, "");
}

function cleanName(name: string): string {
  return name.replace(/\s+/g, "").trim();
}

/** Same organisation after normalising brackets, "本级" and region prefixes. */
function sameOrganisation(a: string, b: string): boolean {
  const key = (s: string): string => {
    const core = stripOwnLevel(normalizeName(s));
    return splitRegion(core).rest;
  };
  const na = stripOwnLevel(normalizeName(a));
  const nb = stripOwnLevel(normalizeName(b));
  if (na === nb) return true;
  // One is the other with fewer region levels ("洪山区企业服务中心" vs "武汉市洪山区企业服务中心").
  if ((na.endsWith(nb) || nb.endsWith(na)) && key(a) === key(b)) return true;
  return false;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
