/**
 * Regions named in a question without a body: a bare region of the corpus ("洪山区三公经费",
 * "东西湖平价菜") resolves to the one body under it, and a city or province the corpus lacks
 * ("北京市…") is another body's.
 */
import { soundsAlike } from "../core/pinyin.js";
import { suffixedPlacesIn } from "./_places.js";
import type { Catalog, DepartmentRef } from "./types.js";

// "武汉市投资促进中心…": a body's name after the region, not a question about the region.
const BODY_AFTER_REGION = /^[\u4e00-\u9fa5]{1,10}?(中心|集团|公司|院|馆|站|所|队)/;

/**
 * "北京市2024年三公经费", "湖北省三公经费": a city or province of the gazetteer, named with its
 * suffix, that no catalog department has as a region (an ancestor like 湖北省 of 武汉市 included:
 * the province's own accounts are another disclosure).
 */
export function foreignRegion(text: string, catalog: Catalog): string | null {
  for (const m of suffixedPlacesIn(text)) {
    if (catalog.index.regionForms.includes(m.form)) continue;
    // "给恩施州拨了多少", "赴沙特": a place money or people went to is what the question is about,
    // not the body asked.
    if (RECIPIENT.test(text.slice(0, text.indexOf(m.form)))) continue;
    return m.form;
  }
  return null;
}

// Words before a place that make it the object of the question (where money or people went).
const RECIPIENT = /(给|向|对|帮扶|支援|援助|结对|赴|到|去|往|拨付|拨给|援建)(湖北省|[一-龥]{2,3}省)?$/;

/** The start of `text` that abbreviates `body` (its characters in order, gaps of at most two), two characters or more. */
function shortFor(text: string, body: string): string {
  let k = 0;
  let n = 0;
  while (n < text.length) {
    const at = body.indexOf(text[n] ?? "", k);
    if (at < 0 || at - k > 2) break;
    k = at + 1;
    n++;
  }
  const short = text.slice(0, n);
  // A word of the name as written ("企业" of 企业服务中心) may begin another name ("洪山企业之家"):
  // only an abbreviation (characters left out) or the whole name is the body's.
  return n >= 2 && (!body.includes(short) || short === body) ? short : "";
}

/** The vocabulary in code-unit order (a city's archive holds tens of thousands of words). */
const sortedWords = new WeakMap<ReadonlySet<string>, readonly string[]>();

/** Whether some word of `vocabulary` begins with `prefix` (the first word not before it in order does, if any). */
function beginsAWord(vocabulary: ReadonlySet<string>, prefix: string): boolean {
  let words = sortedWords.get(vocabulary);
  if (!words) {
    words = [...vocabulary].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sortedWords.set(vocabulary, words);
  }
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && (words[lo] as string).startsWith(prefix);
}

/**
 * A bare region ("洪山区三公经费"): the one department the corpus holds under it, or the several
 * for the reply to ask which one.
 */
export function regionOnly(text: string, catalog: Catalog): DepartmentRef | null {
  for (const f of catalog.index.regionForms) {
    // A region with its level word, or its bare name ("东西湖平价菜", "洪山企服"): with the level
    // word the region itself, without it only where the corpus holds one department under it.
    const bareName = !/(省|市|区|县|旗)$/.test(f);
    if (bareName && f.length < 2) continue;
    const from = regionAt(text, f, catalog);
    if (from === null) continue;
    if (bareName && (catalog.index.regionUnder.get(f) ?? []).length !== 1) continue;
    // "洪山企业之家": a name of the documents that begins with the region's name is that name.
    const ahead = f + text.slice(from + f.length, from + f.length + 2);
    if (bareName && catalog.vocabulary && beginsAWord(catalog.vocabulary, ahead)) continue;
    // "武汉市投资促进中心…": the region begins a body's name, not a question about the region.
    if (BODY_AFTER_REGION.test(text.slice(from + f.length))) continue;
    const under = catalog.index.regionUnder.get(f) ?? [];
    const names = under.map((i) => catalog.departments[i]?.name ?? "");
    const typed = text.slice(from, from + f.length);
    if (names.length === 1 && names[0]) {
      // "洪山企服": the region, then the body's own words in short (企业服务中心).
      const at = from + f.length;
      const body = bodyAfter(names[0], f);
      const short = shortFor(text.slice(at), body);
      // A bare region typed by sound is read only with its body's words after it ("红山企服").
      if (typed !== f && bareName && short === "") continue;
      return { kind: "resolved", names: [names[0]], via: "explicit", phrases: [typed + short] };
    }
    if (typed !== f) continue;
    return { kind: "ambiguous", asked: f, candidates: names };
  }
  return null;
}

/** The body's own words of a department's name, after its region ("洪山" of 武汉市洪山区企业服务中心 → 企业服务中心). */
function bodyAfter(name: string, region: string): string {
  return name.slice(name.indexOf(region) + region.length).replace(/^[省市区县旗]/, "");
}

/**
 * A region followed by its one body's words in short ("洪山企服"), named beside other bodies
 * ("投促局、经信局、洪山企服这几家"): each such name, where it stands in the text.
 */
export function regionBodies(text: string, catalog: Catalog): { name: string; phrase: string; start: number; end: number }[] {
  const out: { name: string; phrase: string; start: number; end: number }[] = [];
  for (const f of catalog.index.regionForms) {
    const under = catalog.index.regionUnder.get(f) ?? [];
    const name = under.length === 1 ? catalog.departments[under[0] as number]?.name : undefined;
    if (!name || f.length < 2) continue;
    const body = bodyAfter(name, f);
    for (let from = text.indexOf(f); from >= 0; from = text.indexOf(f, from + 1)) {
      const short = shortFor(text.slice(from + f.length), body);
      if (short === "" || out.some((o) => o.start < from + f.length + short.length && from < o.end)) continue;
      out.push({ name, phrase: f + short, start: from, end: from + f.length + short.length });
    }
  }
  return out;
}

/**
 * Where a region's name stands in the text: as written, or with its first character typed by sound
 * ("红山" for 洪山; the rest of the name as written, two characters or more in all).
 */
function regionAt(text: string, f: string, catalog: Catalog): number | null {
  const exact = text.indexOf(f);
  if (exact >= 0) return exact;
  const rest = f.slice(1);
  if (rest.length < 1) return null;
  for (let j = text.indexOf(rest, 1); j >= 1; j = text.indexOf(rest, j + 1)) {
    const typed = text[j - 1] ?? "";
    // Not a character of another region's name ("东湖" is no typo of 西湖).
    if (/[\u4e00-\u9fa5]/.test(typed) && typed !== f[0] && soundsAlike(typed, f[0] ?? "") && !catalog.index.regionForms.some((g) => g !== f && text.includes(g))) return j - 1;
  }
  return null;
}
