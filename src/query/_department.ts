import { findEnglishOrgs, type EnglishOrg } from "./_english-org.js";
import { lexicon, matchLexicon } from "./_lexicon.js";
import {
  englishPlaceEndingText,
  placeEndingText,
  placeStartingText,
  placesOfRegions,
  type PlaceMention,
} from "./_places.js";
import { editDistance, isCjk, type Span } from "./_text.js";
import { soundsAlike } from "../core/pinyin.js";
import { ORG_WORDS } from "../core/text.js";
import type { AliasEntry, Catalog, DepartmentRef } from "./types.js";
import { foreignRegion, regionBodies, regionOnly } from "./_department-region.js";

/** Departments named in a question, with the spans that named them. */
export interface DepartmentFinding {
  readonly ref: DepartmentRef;
  readonly spans: readonly Span[];
}

interface Candidate {
  readonly alias: AliasEntry;
  readonly departments: readonly number[];
  readonly start: number;
  readonly end: number;
  readonly edits: number;
  /** Usable only when nothing stronger names a department ("财政局业务经费", a bare stem "经信"). */
  readonly weak: boolean;
}

// An organisation word directly followed by these is part of an item ("财政局业务经费", "政法委业务经费项目").
const ITEM_CONTINUATION =
  /^(业务经费|业务费|工作经费|经费|项目|专项|资金|补助|补贴|运行|运维|维护|运营|建设|改造|装修|购置|设备|租金|租赁|物业|大楼|平台|系统|采购)/;
// Characters that end an organisation suffix ("经信局", "服务中心", "管委会", "东湖高新区").
const ORG_SUFFIX = /[局委厅办会心区部院处室站所馆队]$/;
// Where a bare abbreviation stem ("经信", "投促") may stop.
const STEM_BOUNDARY = /^($|[^\u3400-\u9fff]|[的和与跟及、呢吗里在])/;

/**
 * The words of `text` that name a department of the catalog, typos included ("普陀区社工布"): typo
 * repair of items leaves them to this recogniser (布福利 is not 资福利 of 工资福利).
 */
export function departmentPhrases(text: string, catalog: Catalog): string[] {
  return findDepartments(text, catalog).spans.map((s) => text.slice(s.start, s.end));
}

/**
 * Finds the departments a (normalised) question names: exact aliases, aliases one edit away, and
 * organisations the catalog does not hold (→ `unknown`), preferring the longest, exact, strong match.
 */
export function findDepartments(text: string, catalog: Catalog, inConversation = false): DepartmentFinding {
  const last = lastFinding;
  if (last !== null && last.text === text && last.catalog === catalog && last.inConversation === inConversation) return last.found;
  const found = findDepartmentsIn(text, catalog, inConversation);
  lastFinding = { text, catalog, inConversation, found };
  return found;
}

/**
 * The last finding: a question's departments are read from the text as typed (to keep them from
 * typo repair) and again once repaired, which is mostly the same text.
 */
let lastFinding: { readonly text: string; readonly catalog: Catalog; readonly inConversation: boolean; readonly found: DepartmentFinding } | null = null;

function findDepartmentsIn(text: string, catalog: Catalog, inConversation: boolean): DepartmentFinding {
  const english = /[a-z]{3}/.test(text) ? findEnglishOrgs(text, catalog) : [];
  const cands = [...candidates(text, catalog), ...english.flatMap((o) => englishCandidate(o))];
  // Strong before weak, then most text explained: one edit costs 1.5 characters, so
  // "东湖高新区管委" (typo of 东湖高新区管委会) beats the exact "东湖高新区" inside it.
  const score = (c: Candidate): number => c.end - c.start - 1.5 * c.edits;
  cands.sort((a, b) => Number(a.weak) - Number(b.weak) || score(b) - score(a) || a.start - b.start);
  let picked: Candidate[] = [];
  for (const c of cands) {
    if (picked.some((p) => p.start < c.end && c.start < p.end)) continue;
    picked.push(c);
  }
  if (picked.some((p) => !p.weak)) picked = picked.filter((p) => !p.weak);
  picked = picked.filter((p) => !contradictedByRegion(text, p, picked, catalog));
  picked = picked.map((p) => ({ ...p, end: withSuffix(text, p.end, picked) }));
  picked.sort((a, b) => a.start - b.start);
  const spans: Span[] = picked.map((p) => ({ start: p.start, end: p.end, kind: "department" }));

  const unknown = unknownMention(text, picked, catalog, inConversation, english);
  if (unknown) {
    const mention: Span = { start: unknown.start, end: unknown.start + unknown.asked.length, kind: "department" };
    return { ref: { kind: "unknown", asked: unknown.asked }, spans: [...spans, mention] };
  }

  if (picked.length === 0) {
    const region = regionOnly(text, catalog);
    if (region) {
      const asked = region.kind === "resolved" ? (region.phrases[0] ?? "") : region.kind === "ambiguous" ? region.asked : "";
      const start = text.indexOf(asked);
      return { ref: region, spans: [{ start, end: start + asked.length, kind: "department" }] };
    }
    const foreign = foreignRegion(text, catalog);
    if (foreign) {
      const start = text.indexOf(foreign);
      return { ref: { kind: "unknown", asked: foreign }, spans: [{ start, end: start + foreign.length, kind: "department" }] };
    }
    return { ref: { kind: "none" }, spans };
  }
  const found: { name: string; phrase: string; start: number }[] = [];
  for (const p of picked) {
    const depts = p.departments.map((i) => catalog.departments[i]?.name ?? "");
    if (depts.length > 1) {
      return { ref: { kind: "ambiguous", asked: text.slice(p.start, p.end), candidates: depts }, spans };
    }
    found.push({ name: depts[0] ?? "", phrase: text.slice(p.start, p.end), start: p.start });
  }
  // A region with its body's words in short named beside them ("经信局、洪山企服") is one more.
  for (const r of regionBodies(text, catalog)) {
    if (spans.some((s) => s.start < r.end && r.start < s.end)) continue;
    found.push(r);
    spans.push({ start: r.start, end: r.end, kind: "department" });
  }
  found.sort((a, b) => a.start - b.start);
  spans.sort((a, b) => a.start - b.start);
  const names = [...new Set(found.map((f) => f.name).filter(Boolean))];
  return { ref: { kind: "resolved", names, via: "explicit", phrases: found.map((f) => f.phrase) }, spans };
}

/** An English name that covers catalog departments, as a candidate like an alias occurrence. */
function englishCandidate(o: EnglishOrg): Candidate[] {
  if (o.departments.length === 0) return [];
  const alias: AliasEntry = { text: o.asked, departments: o.departments, latin: true, bare: false };
  return [{ alias, departments: o.departments, start: o.start, end: o.end, edits: 0, weak: false }];
}

/**
 * The aliases listed in `by` under a code unit of `text` (from `from` on) that `fits` at that
 * position, as (alias, position) pairs in alias order, then position: what a scan of every alias
 * would find, reading only the aliases that can start there.
 */
function occurrences(text: string, catalog: Catalog, by: ReadonlyMap<string, readonly number[]>, from: number, fits: (a: AliasEntry, at: number) => boolean): { alias: AliasEntry; at: number }[] {
  const all = catalog.index.aliases;
  const hits: [number, number][] = [];
  for (let i = from; i < text.length; i++) {
    for (const k of by.get(text[i] ?? "") ?? []) {
      const a = all[k];
      if (a && fits(a, i)) hits.push([k, i]);
    }
  }
  hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return hits.flatMap(([k, i]) => {
    const alias = all[k];
    return alias ? [{ alias, at: i }] : [];
  });
}

function candidates(text: string, catalog: Catalog): Candidate[] {
  const out: Candidate[] = [];
  const exactAt = new Set<string>();
  const { byFirst, bySecond } = catalog.index;
  for (const { alias, at: i } of occurrences(text, catalog, byFirst, 0, (a, at) => text.startsWith(a.text, at))) {
    let end = i + alias.text.length;
    if (alias.latin) {
      if (/[a-z0-9]/.test(text[i - 1] ?? "")) continue;
      const poss = /^'s?(?![a-z])/.exec(text.slice(end));
      if (poss) end += poss[0].length;
      else if (/[a-z0-9]/.test(text[end] ?? "")) continue;
    }
    exactAt.add(`${i}:${alias.text.length}`);
    const c = admit(text, catalog, alias, i, end, 0, false);
    if (c) out.push(c);
  }
  // One wrong, missing or extra character: same first character, and the organisation suffix kept
  // or dropped whole ("经心局", "经信", "洪山企业服务中心" for "洪山区企业服务中心").
  for (const { alias, at: i } of occurrences(text, catalog, byFirst, 0, (a) => !a.latin && a.text.length >= 3)) {
    const a = alias.text;
    for (const len of [a.length - 1, a.length, a.length + 1]) {
      if (i + len > text.length || exactAt.has(`${i}:${len}`)) continue;
      const w = text.slice(i, i + len);
      if (![...w].every(isCjk) || editDistance(w, a, 1) !== 1) continue;
      // A name's last character typed by sound ("东湖高薪物业费") is no name cut short before it.
      if (len === a.length - 1 && a.startsWith(w) && soundsAlike(text[i + len] ?? "", a.at(-1) ?? "")) continue;
      const stemOnly = len === a.length - 1 && w === a.slice(0, -1) && ORG_SUFFIX.test(a);
      // The suffix may be mistyped as a homophone, as input methods do ("经信句", "商务居", "服务中新",
      // "管委汇"), but not swapped for another
      // organisation's ("经信委" is not 经信局), nor for the first character of an item ("经信三公经费").
      const typed = text.slice(i + len - 1);
      const suffixTypo =
        len === a.length && w.slice(0, -1) === a.slice(0, -1) && homophone(w.at(-1) ?? "", a.at(-1) ?? "") && !STEM_BOUNDARY.test(typed) && !/^(中心|委员会|办公室|管委会)/.test(typed) && !startsItem(text, i + len - 1, i + len);
      if (ORG_SUFFIX.test(a) && !stemOnly && w.at(-1) !== a.at(-1) && !suffixTypo) continue;
      // Two characters are too few to be a typo of anything ("政局" is no 政务局).
      if (len < 3 && !stemOnly) continue;
      // A stem must end where a name can end ("经信的…", "经信三公经费"), and must not begin an
      // item word ("财政拨款收入" holds no 财政局, "政务服务中心" no 政务服务局).
      if (stemOnly && (!stemBoundary(text, i + len) || startsItem(text, i, i + len))) continue;
      const c = admit(text, catalog, alias, i, i + len, 1, stemOnly && a.length < 4);
      if (c) out.push(c);
    }
  }
  // The first character typed by sound ("精信局" for 经信局, "红山区企服中心" for 洪山区…): the rest of
  // the name exactly, in a name of an organisation (short names) or a long one.
  const firstTypo = (a: AliasEntry, j: number): boolean => !a.latin && a.text.length >= 3 && (a.text.length >= 6 || ORG_SUFFIX.test(a.text)) && text.startsWith(a.text.slice(1), j);
  for (const { alias, at: j } of occurrences(text, catalog, bySecond, 1, firstTypo)) {
    const a = alias.text;
    const typed = text[j - 1] ?? "";
    if (!isCjk(typed) || typed === a[0] || !homophone(typed, a[0] ?? "") || exactAt.has(`${j - 1}:${a.length}`)) continue;
    const c = admit(text, catalog, alias, j - 1, j - 1 + a.length, 1, false);
    if (c) out.push(c);
  }
  return out;
}

/**
 * The end of a department phrase, taken over an organisation word typed after the name ("东湖高新管委会",
 * or with one homophone typo, "东湖高新管委汇"), so the word is not read as part of the question.
 */
function withSuffix(text: string, end: number, picked: readonly Candidate[]): number {
  if (picked.some((p) => p.start === end)) return end;
  for (const w of ORG_WORDS) {
    const typed = text.slice(end, end + w.length);
    if (typed.length !== w.length) continue;
    let typos = 0;
    for (let k = 0; k < w.length; k++) if (typed[k] !== w[k] && !homophone(typed[k] ?? "", w[k] ?? "")) typos += 2;
    else if (typed[k] !== w[k]) typos++;
    // A typo only in a longer word: one character is too little to tell a typo from the next word —
    // unless the name before it is cut short without its body word ("东西湖区商务居" for 商务局).
    const bare = !ORG_SUFFIX.test(text[end - 1] ?? "");
    if ((typos === 0 || (typos === 1 && (w.length >= 3 || bare))) && !ITEM_CONTINUATION.test(text.slice(end + w.length))) return end + w.length;
  }
  return end;
}

/**
 * Two characters an input method confuses: different, sharing a toneless reading (局/句, 心/新),
 * also under the fuzzy-pinyin pairs input methods accept (in/ing, en/eng, an/ang, z/zh, c/ch,
 * s/sh, n/l: 心/兴).
 */
function homophone(a: string, b: string): boolean {
  return !ORG_SUFFIX.test(a) && soundsAlike(a, b);
}

function startsItem(text: string, start: number, end: number): boolean {
  return lexicon().entries.some((e) => {
    if (e.latin) return false;
    for (let k = Math.max(0, start - e.text.length + 1); k < end; k++) {
      if (text.startsWith(e.text, k)) return true;
    }
    return false;
  });
}

function stemBoundary(text: string, end: number): boolean {
  const after = text.slice(end);
  if (STEM_BOUNDARY.test(after)) return true;
  // "政务服务中心": the stem starts another organisation's name.
  if (/^[\u3400-\u9fff]{0,4}?(中心|局|委员会|委|厅|办公室|院|馆)/.test(after)) return false;
  // "政务服务工作经费": the stem begins a fund or project name that items do not cover whole
  // ("经信三公经费" is the stem and an item).
  const run = /^[\u3400-\u9fff]+/.exec(after)?.[0] ?? "";
  const fund = /^(.*?(经费|资金|项目|专项|补助|补贴))/.exec(run)?.[1];
  if (fund) {
    let covered = 0;
    for (const m of matchLexicon(fund)) covered += m.end - m.start;
    if (covered < fund.length) return false;
  }
  return lexicon().entries.some((e) => !e.latin && text.startsWith(e.text, end));
}

/**
 * "洪山区租赁和商务服务业": a region of the catalog named elsewhere in the question (洪山区) that
 * none of a match's departments lies in makes the match ("商务" of 东西湖区商务局) a word of the
 * question, not the body asked.
 */
function contradictedByRegion(text: string, c: Candidate, picked: readonly Candidate[], catalog: Catalog): boolean {
  if (c.end - c.start >= 4 && !c.weak) return false;
  for (const f of catalog.index.regionForms) {
    if (f.length < 3 || !/(省|市|区|县|旗)$/.test(f)) continue;
    const at = text.indexOf(f);
    // A region that begins another body named ("经信局和洪山区企服中心") contradicts nothing.
    if (at < 0 || picked.some((p) => at >= p.start && at < p.end)) continue;
    const under = catalog.index.regionUnder.get(f) ?? [];
    if (under.length > 0 && !c.departments.some((d) => under.includes(d))) return true;
  }
  return false;
}

/** Applies the region check and the item-continuation rule to one alias occurrence. */
function admit(
  text: string,
  catalog: Catalog,
  alias: AliasEntry,
  start: number,
  end: number,
  edits: number,
  weakStem: boolean,
): Candidate | null {
  let departments = alias.departments;
  if (alias.bare) {
    const before = text.slice(0, start);
    const region = catalog.index.regionForms.find((f) => before.endsWith(f));
    if (region) {
      // "武汉市商务局" is the city's bureau, not 东西湖区商务局: a bare alias takes only its own region.
      const own = catalog.index.regionOwn.get(region) ?? [];
      departments = departments.filter((d) => own.includes(d));
      if (departments.length === 0) return null;
    } else if (/[\u3400-\u9fff][省市区县州旗]$/.test(before)) {
      return null;
    }
  }
  // "北京市经信局": a gazetteer place before the alias that the department does not lie in.
  let from = start;
  const place = placeBefore(text, catalog, alias, start);
  if (place) {
    const inside = (d: number): boolean => !alias.bare && placesOfRegions(catalog.departments[d]?.regions ?? []).has(place.place.name);
    departments = departments.filter(inside);
    if (departments.length === 0) return null;
    // "湖北省武汉市经信局": the province named before a department it holds is part of the name.
    if (!alias.latin && text.slice(0, start).endsWith(place.form)) from = start - place.form.length;
  }
  const weak = weakStem || (!alias.latin && ITEM_CONTINUATION.test(text.slice(end)));
  return { alias, departments, start: from, end, edits, weak };
}

/**
 * A city or province of the gazetteer right before an alias ("北京市经信局", "Beijing … Bureau",
 * "北京" + "市经信局"), unless the catalog holds it as a region (then the region rules apply).
 */
function placeBefore(text: string, catalog: Catalog, alias: AliasEntry, start: number): PlaceMention | null {
  const before = text.slice(0, start).replace(/的$/, "");
  if (alias.latin) return englishPlaceEndingText(before.replace(/\bthe\s*$/, ""));
  let place = placeEndingText(before);
  if (!place && /^[省市]/.test(alias.text)) {
    const p = placeEndingText(before + (alias.text[0] ?? ""));
    if (p && p.form.length > 1) place = p;
  }
  if (!place || catalog.index.regionForms.includes(place.form)) return null;
  return place;
}

const MENTION_SUFFIX =
  /管理委员会|管委会|委员会|人民政府|办公室|经开区|高新区|开发区|新区|中心|大学|学院|局|厅|委(?![托员会])|(?<![干全内外局总本])部(?![分门署件])|院|馆/g;
const ZONE_SUFFIX = /^(经开区|高新区|开发区|新区)$/;
const MENTION_STOP = /[的里和与跟及比在从向对了是年度呢吗那请问查]/;
const LEAD_IN = /^(请问|我想知道|想知道|想问|问一下|查一下|帮我查|告诉我|查询|那么)/;
const REGION_WORD = /[\u3400-\u9fff]{2,}(省|市|区|县|州)/;
// Suffixes of government departments: named with them, a body the catalog lacks is another one.
// (A university is a body of its own as well.)
const GOVERNMENT_SHAPE = /^(管理委员会|管委会|委员会|人民政府|办公室|局|厅|委|部|大学|学院)$/;
const LEADING_REGION = /^[\u3400-\u9fff]{2,4}?(省|市|区|县|州|旗)/;
const LINK = /^(和|与|跟|及|、|,|比|对比|相比|vs)$/;

/** An organisation-looking phrase outside every matched department, when it names one we lack. */
function unknownMention(
  text: string,
  picked: readonly Candidate[],
  catalog: Catalog,
  inConversation: boolean,
  english: readonly EnglishOrg[],
): { asked: string; start: number } | null {
  const inPicked = (i: number): boolean => picked.some((p) => i >= p.start && i < p.end);
  for (const m of text.matchAll(MENTION_SUFFIX)) {
    const s = m.index;
    const e = s + m[0].length;
    if (inPicked(s) || inPicked(e - 1)) continue;
    if (ITEM_CONTINUATION.test(text.slice(e))) continue;
    // "省部级平台", "局级干部": a level, not a body.
    if (text[e] === "级") continue;
    let b = s;
    while (b > 0 && s - b < 10) {
      const ch = text[b - 1] ?? "";
      if (!isCjk(ch) || MENTION_STOP.test(ch) || inPicked(b - 1)) break;
      b--;
    }
    const mention = text.slice(b, e).replace(LEAD_IN, "");
    const start = e - mention.length;
    const namePart = mention.length - m[0].length;
    if (mention.length < 3 || (namePart < 2 && !ZONE_SUFFIX.test(m[0]))) continue;
    const regional =
      REGION_WORD.test(mention) || catalog.index.regionForms.some((f) => mention.startsWith(f)) || placeStartingText(mention) !== null;
    // "市投资促进中心", "当代集团": a body that is no government department, in the corpus's own
    // regions or in none, may be a unit inside a covered department (the facts can tell); only a
    // region the corpus lacks makes it another organisation ("汉阳区企业服务中心").
    if (!GOVERNMENT_SHAPE.test(m[0]) && !ZONE_SUFFIX.test(m[0]) && !foreignPrefix(mention, catalog)) continue;
    // Mid-conversation, "信息中心运维费呢" is more likely a unit inside the department being discussed.
    // A bureau, commission or office of its own ("财政局公务接待费呢") is another department, never a unit.
    if (picked.length === 0 && inConversation && !regional && !/(局|委员会|委|厅)$/.test(m[0])) continue;
    if (picked.length > 0) {
      // Next to a covered department, only a separate organisation counts: one with a region, or
      // one joined to it ("经信局和武汉市商务局"); "投促局机关党委" is part of the question's topic.
      const link = picked.some((p) => LINK.test(text.slice(p.end, start)));
      if (!regional && !link) continue;
    }
    return { asked: mention, start };
  }
  if (picked.length > 0) return null;
  const foreign = english.find((o) => o.departments.length === 0);
  return foreign ? { asked: foreign.asked, start: foreign.start } : null;
}

/**
 * Whether a mention starts with a region the catalog does not cover: after the catalog's own region
 * forms ("武汉市", "洪山区"), a further region word or a gazetteer place ("汉阳区…", "上海市…").
 */
function foreignPrefix(mention: string, catalog: Catalog): boolean {
  let rest = mention;
  for (;;) {
    const f = catalog.index.regionForms.find((r) => r.length >= 2 && rest.startsWith(r) && rest.length > r.length);
    if (!f) break;
    rest = rest.slice(f.length);
  }
  return LEADING_REGION.test(rest) || placeStartingText(rest) !== null;
}
