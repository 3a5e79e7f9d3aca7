import { normalizeName, splitRegion, stripOwnLevel } from "../corpus/identity.js";
import { EN_PLACES } from "./_gazetteer.js";
import { matchLexicon } from "./_lexicon.js";
import { pinyinSpans } from "../core/pinyin.js";
import type { Catalog } from "./types.js";
import { ORG_WORDS as GLOSSARY, type Kind } from "./_english-org-words.js";

/** An English organisation name in a question, and the catalog departments it names ([] for none). */
export interface EnglishOrg {
  readonly start: number;
  readonly end: number;
  /** The name as asked, without leading articles or a trailing "'s". */
  readonly asked: string;
  readonly departments: readonly number[];
}

const GLOSSARY_WORDS = [...GLOSSARY].sort((a, b) => b[0].split(" ").length - a[0].split(" ").length);
const HEAD_WORDS = new Set(GLOSSARY.filter(([, k]) => k === "head").map(([w]) => w.split(" ").at(-1) ?? w));
// Words that only join or frame a name.
const FILLER = new Set(["the", "of", "and", "&", "for", "in", "on"]);
// Words that cannot stand inside an organisation name: the question around it.
const OUTSIDE = new Set(
  "what how much many did does do is was were are a an in on for by to at from with which who whose whom why when where that this these those its their it they there any have has had get got spend spent spending report reported receive received use used make made hold held pay paid than as or compared versus vs between among about please tell me show give list year years".split(
    " ",
  ),
);
// Abbreviations expanded before matching.
const EXPANSIONS: readonly (readonly [RegExp, string])[] = [
  [/\bhi-?tech\b|\bhigh[- ]?tech(nology)?\b|\bhightech\b/g, "high-tech"],
  [/\bit\b/g, "information technology"],
  [/\b(the )?communist party of china\b|\b(the )?chinese communist party\b|\bccp\b/g, "cpc"],
  [/\bs&t\b/g, "science and technology"],
  [/\bhq\b/g, "headquarters"],
  [/\bdev\b/g, "development"],
  [/\badmin\b/g, "administrative"],
  [/\bmgmt\b/g, "management"],
  [/\bgovt?\b/g, "government"],
  [/\bdept\b/g, "department"],
  [/\bcentre\b/g, "center"],
  [/&/g, " and "],
];
// Chinese characters that join name parts or mark a region's rank.
const JOINERS = /[和与及、]/;
const RANKS = /[省市区县州旗盟]/;

/** One English word reduced to the form the glossary uses ("economic" → "econom", "services" → "service"). */
export function stem(word: string): string {
  const w = word.replace(/'s?$/, "");
  if (/^econom/.test(w)) return "econom";
  if (/^technolog/.test(w)) return "technology";
  if (w === "commercial") return "commerce";
  if (w === "financial") return "finance";
  if (w === "statistics") return "statistic";
  if (w.length > 4 && /[^s]s$/.test(w) && !/(ss|us|is)$/.test(w)) return w.replace(/ies$/, "y").replace(/s$/, "");
  return w;
}

/**
 * English organisation names in a normalised question (a head word such as "bureau" with the
 * words before it and an "of …" after it), each with the catalog departments it names: through a
 * glossary of name parts and pinyin of place names against the Chinese names, or through the
 * token overlap with a department's English aliases. A name naming none comes back with [].
 */
export function findEnglishOrgs(text: string, catalog: Catalog): EnglishOrg[] {
  const words = [...text.matchAll(/[a-z][a-z0-9'&-]*/g)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  const items = matchLexicon(text).filter((m) => m.entry.latin);
  const inItem = (i: number): boolean => items.some((m) => i >= m.start && i < m.end);
  // Words touch when only spaces (or an ampersand) stand between them.
  const touches = (a: number, b: number): boolean => /^\s*(&\s*)?$/.test(text.slice(words[a]?.end ?? 0, words[b]?.start ?? 0));
  const found: EnglishOrg[] = [];
  words.forEach((head, h) => {
    // "all the departments": a plural head names a set of bodies, not one.
    if (!HEAD_WORDS.has(stem(head.w)) || /[^s']s$/.test(head.w) || inItem(head.start)) return;
    // Leftwards the name runs over name words, not over "of" ("spending of the … Bureau").
    let left = h;
    const leftWord = (k: number): boolean => {
      const w = words[k]?.w ?? "";
      // "economy and IT bureau": "it" is the abbreviation inside a name, not the pronoun.
      if (w === "it") return k > 0 && touches(k - 1, k) && nameWord(words[k - 1]?.w ?? "");
      // "the Bureau's office expenses": a possessive head ends another name.
      if (/'s?$/.test(w) && HEAD_WORDS.has(stem(w))) return false;
      return w !== "of" && nameWord(w);
    };
    // ("the" begins a name: "…of the projects the Putuo Social Work Department evaluated" names no "projects the …".)
    while (left > 0 && h - left < 8 && touches(left - 1, left) && leftWord(left - 1) && words[left]?.w !== "the") left--;
    // "CPC Putuo District Committee's Social Work Department": a body's own department, named with
    // the possessive of the body it sits in, is also read whole (kept when it names a department).
    const owner = left - 1;
    if (owner >= 0 && touches(owner, left) && /'s?$/.test(words[owner]?.w ?? "") && HEAD_WORDS.has(stem(words[owner]?.w ?? ""))) {
      let l = owner;
      while (l > 0 && h - l < 12 && touches(l - 1, l) && leftWord(l - 1)) l--;
      while (l < owner && FILLER.has(words[l]?.w ?? "")) l++;
      // "the Hongshan Enterprise Service Center's office expenses": an owner that is itself a
      // department owns what follows; only a body that names none is read with its department.
      if (l < owner && matchDepartments(phrase(text, words, l, owner), catalog).length === 0) {
        const asked = phrase(text, words, l, h).replace(/'s?(?= )/g, "");
        const departments = matchDepartments(asked, catalog);
        if (departments.length > 0) found.push({ start: words[l]?.start ?? 0, end: words[h]?.end ?? 0, asked, departments });
      }
    }
    // "Bureau of Economy and Information Technology", "Finance Bureau of Putuo District".
    let right = h;
    if (words[h + 1]?.w === "of" && touches(h, h + 1)) {
      let r = h + 1;
      while (r + 1 < words.length && r - h < 14 && touches(r, r + 1) && nameWord(words[r + 1]?.w ?? "")) r++;
      if (r > h + 1) right = r;
    }
    while (left < h && FILLER.has(words[left]?.w ?? "")) left++;
    // "the bureau", "which department": a head alone names nothing.
    if (left === h && right === h) return;
    // A name is read whole: dropping a word could drop the place that tells two bureaus apart.
    const asked = phrase(text, words, left, right);
    found.push({ start: words[left]?.start ?? 0, end: words[right]?.end ?? 0, asked, departments: matchDepartments(asked, catalog) });
  });
  // Of overlapping names, the one naming a department, then the longest.
  found.sort((a, b) => Number(b.departments.length > 0) - Number(a.departments.length > 0) || b.end - b.start - (a.end - a.start));
  const out: EnglishOrg[] = [];
  for (const f of found) if (!out.some((o) => o.start < f.end && f.start < o.end)) out.push(f);
  return out.sort((a, b) => a.start - b.start);
}

function nameWord(w: string): boolean {
  return !OUTSIDE.has(w.replace(/'s?$/, "")) && !/^\d/.test(w);
}

function phrase(text: string, words: readonly { w: string; start: number; end: number }[], l: number, r: number): string {
  return text
    .slice(words[l]?.start ?? 0, words[r]?.end ?? 0)
    .replace(/'s?$/, "")
    .replace(/\s+/g, " ");
}

interface Concept {
  readonly kind: Kind | "name";
  readonly alts: readonly string[];
  /** For names: the romanised word to meet through pinyin. */
  readonly word?: string;
}

/** The concepts an English name is made of: glossary phrases, then places and romanised names. */
function conceptsOf(asked: string): Concept[] {
  let t = asked.toLowerCase().replace(/'s\b/g, "").replace(/'/g, "");
  for (const [re, to] of EXPANSIONS) t = t.replace(re, to);
  const tokens = t
    .split(/[\s]+/)
    .filter((w) => w.length > 0)
    .map(stem);
  const out: Concept[] = [];
  let i = 0;
  while (i < tokens.length) {
    const w = tokens[i] ?? "";
    let hit = false;
    for (const [g, kind, alts] of GLOSSARY_WORDS) {
      const parts = g.split(" ");
      if (parts.every((p, k) => tokens[i + k] === p)) {
        out.push({ kind, alts });
        i += parts.length;
        hit = true;
        break;
      }
    }
    if (hit) continue;
    i++;
    if (FILLER.has(w) || w === "people's") continue;
    const two = `${w} ${tokens[i] ?? ""}`;
    const place = (EN_PLACES as Record<string, string>)[two] ?? (EN_PLACES as Record<string, string>)[w];
    if (place) {
      if ((EN_PLACES as Record<string, string>)[two]) i++;
      const stemForm = place.replace(/(省|市|自治区|特别行政区|回族自治区|壮族自治区|维吾尔自治区)$/, "");
      out.push({ kind: "name", alts: [place, stemForm], word: w });
      continue;
    }
    out.push({ kind: "name", alts: [], word: w.replace(/[^a-z]/g, "") });
  }
  return out;
}

/**
 * What matching English names reads of a catalog, worked out once per catalog (and per glossary
 * phrase): each department's Chinese name variants, the departments whose variants hold a phrase,
 * and the departments by the content words of their English aliases.
 */
interface EnglishIndex {
  readonly variants: readonly (readonly string[])[];
  readonly holding: Map<string, readonly number[]>;
  readonly byAliasWords: ReadonlyMap<string, readonly number[]>;
}

const englishIndexes = new WeakMap<Catalog, EnglishIndex>();

function englishIndex(catalog: Catalog): EnglishIndex {
  let index = englishIndexes.get(catalog);
  if (!index) {
    const byAliasWords = new Map<string, number[]>();
    catalog.departments.forEach((d, i) => {
      for (const a of d.aliases) {
        const key = aliasKey(a);
        if (key === null) continue;
        const list = byAliasWords.get(key) ?? [];
        if (!list.includes(i)) list.push(i);
        byAliasWords.set(key, list);
      }
    });
    index = { variants: catalog.departments.map((d) => variantsOf(d.name)), holding: new Map(), byAliasWords };
    englishIndexes.set(catalog, index);
  }
  return index;
}

/** The departments (ascending) one of whose Chinese name variants holds `phrase`. */
function holding(index: EnglishIndex, phrase: string): readonly number[] {
  let out = index.holding.get(phrase);
  if (!out) {
    out = index.variants.flatMap((vs, i) => (vs.some((v) => v.includes(phrase)) ? [i] : []));
    index.holding.set(phrase, out);
  }
  return out;
}

/**
 * The catalog departments an English name covers (see `findEnglishOrgs`). Every head and part of
 * the name must be found in a department's name, so only the departments holding one phrase of
 * each are tried.
 */
function matchDepartments(asked: string, catalog: Catalog): number[] {
  const concepts = conceptsOf(asked);
  const required = concepts.filter((c) => c.kind === "head" || c.kind === "part");
  if (required.length === 0) return [];
  const index = englishIndex(catalog);
  let tried: readonly number[] | null = null;
  for (const c of required) {
    const some = new Set(c.alts.flatMap((alt) => holding(index, alt)));
    tried = (tried ?? [...some]).filter((i) => some.has(i));
  }
  const out = new Set<number>();
  for (const i of tried ?? []) if ((index.variants[i] ?? []).some((v) => covers(concepts, v))) out.add(i);
  const key = wordsKey(asked);
  for (const i of key === null ? [] : (index.byAliasWords.get(key) ?? [])) out.add(i);
  return [...out].sort((a, b) => a - b);
}

/** The Chinese names of a department: its name without "（本级）", and a bracketed alternative name. */
function variantsOf(name: string): string[] {
  const core = stripOwnLevel(normalizeName(name));
  const paren = /^(.*?)\(([^()]+)\)(.*)$/.exec(core);
  if (!paren) return [core];
  const main = `${paren[1] ?? ""}${paren[3] ?? ""}`;
  const alt = paren[2] ?? "";
  const regions = splitRegion(main).regions.join("");
  return [main, splitRegion(alt).regions.length > 0 ? alt : regions + alt.replace(/^[市区县]/, "")];
}

/**
 * Whether the concepts cover a Chinese name: every head, part and name found in it, and all of it
 * covered but joiners and a leading run of its region chain ("武汉市" before 经济和信息化局 when the
 * question names no city).
 */
function covers(concepts: readonly Concept[], name: string): boolean {
  const covered = new Array<boolean>(name.length).fill(false);
  const free = (s: number, e: number): boolean => covered.slice(s, e).every((c) => !c);
  const mark = (s: number, e: number): void => {
    for (let k = s; k < e; k++) covered[k] = true;
  };
  const occurrences = (alt: string): number[] => {
    const at: number[] = [];
    for (let k = name.indexOf(alt); k >= 0; k = name.indexOf(alt, k + 1)) at.push(k);
    return at;
  };
  // Heads sit at the end of a name; parts and names anywhere (longest alternative first).
  const order = [...concepts].sort((a, b) => rank(a) - rank(b));
  for (const c of order) {
    let done = false;
    if (c.kind === "name" && c.alts.length === 0) {
      for (const s of pinyinSpans(c.word ?? "", name)) {
        if (free(s.start, s.end)) {
          mark(s.start, s.end);
          done = true;
          break;
        }
      }
    } else {
      for (const alt of [...c.alts].sort((a, b) => b.length - a.length)) {
        const at = occurrences(alt);
        if (c.kind === "head") at.reverse();
        const k = at.find((p) => free(p, p + alt.length));
        if (k !== undefined) {
          mark(k, k + alt.length);
          done = true;
          break;
        }
      }
      if (!done && c.kind === "name" && c.word) {
        for (const s of pinyinSpans(c.word, name)) {
          if (free(s.start, s.end)) {
            mark(s.start, s.end);
            done = true;
            break;
          }
        }
      }
    }
    if (!done && c.kind !== "level") return false;
  }
  // A rank after a place ("普陀" + 区) and joiners between covered parts count as covered.
  for (let k = 1; k < name.length; k++) {
    const ch = name[k] ?? "";
    if (!covered[k] && covered[k - 1] && (RANKS.test(ch) || (JOINERS.test(ch) && covered[k + 1]))) covered[k] = true;
    // "普陀区委" is the district's party committee: the CPC body a "Putuo District … Department" sits in.
    else if (!covered[k] && ch === "委" && covered[k - 1] && RANKS.test(name[k - 1] ?? "")) covered[k] = true;
  }
  // Left unsaid may be only the party prefix ("中共") and a leading run of the region chain.
  const party = name.startsWith("中共") ? 2 : 0;
  const first = covered.indexOf(true, party);
  if (first < 0 || covered.slice(first).some((c) => !c)) return false;
  return first <= party + splitRegion(name.slice(party)).regions.join("").length;
}

function rank(c: Concept): number {
  if (c.kind === "head") return 0;
  if (c.kind === "part") return 1 - Math.max(...c.alts.map((a) => a.length)) / 100;
  if (c.kind === "name") return 2;
  return 3;
}

// Words an English name may add to or leave out of a department's English alias.
const GENERIC_EN = new Set(["administrative", "management", "committee", "bureau", "office", "municipal", "city", "district", "government", "people", "center", "zone"]);

/**
 * An English alias's content words, sorted and joined (null for a Chinese alias or one of generic
 * words only): a name matches an alias with the same words but generic ones ("Optics Valley
 * committee" ~ "Optics Valley", "Wuhan Economy and IT Bureau" ~ "Wuhan Economic and Information
 * Technology Bureau"); a missing content word may be another body ("Enterprise Centre").
 */
function aliasKey(alias: string): string | null {
  return /[\u3400-\u9fff]/.test(alias) ? null : wordsKey(alias);
}

/** The content words of an English name, sorted and joined (null when it has none). */
function wordsKey(name: string): string | null {
  let t = name.toLowerCase().replace(/'s\b/g, "");
  for (const [re, to] of EXPANSIONS) t = t.replace(re, to);
  const words = new Set(t.split(/\s+/).map(stem).filter((w) => w.length > 0 && !FILLER.has(w) && !GENERIC_EN.has(w)));
  return words.size > 0 ? [...words].sort().join(" ") : null;
}
