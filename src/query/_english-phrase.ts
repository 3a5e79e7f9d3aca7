/**
 * English phrases of the glossaries typed loosely: every word singular or plural ("subsidy" /
 * "subsidies", "fee" / "fees"), hyphens as spaces ("fuel-cell"), commas and "and"/"&" alike
 * ("culture tourism sports and media"), a determiner between words ("operating its official
 * vehicles"). Matched on word boundaries in lowercase text.
 */
export function phraseRegex(en: string): RegExp {
  const words = en
    .toLowerCase()
    .split(/[\s,]+|-(?=[a-z])/)
    .filter((w) => w.length > 0)
    .map(wordPattern);
  // "operating its official vehicles": a determiner may stand between the words of a phrase.
  return new RegExp(`(?<![a-z0-9-])${words.join("[\\s,-]+(?:(?:its|their|the|his|her|our)\\s+)?")}(?![a-z0-9-])`, "g");
}

/**
 * Pieces of lowercase text every match of `phraseRegex(en)` holds (the literal start of each of its
 * words, longest first), so a text lacking one is not searched; [] when there are none.
 */
export function phraseNeedles(en: string): string[] {
  const out = new Set<string>();
  for (const w of en.toLowerCase().split(/[\s,]+|-(?=[a-z])/)) {
    if (w.length === 0 || w === "and" || w === "&") continue;
    out.add(/[^aeiou]y$/.test(w) ? w.slice(0, -1) : /[^aeiou]ies$/.test(w) ? w.slice(0, -3) : /[^su]s$/.test(w) && !/(ss|us|is)$/.test(w) ? w.slice(0, -1) : w);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** Whether `text` holds every needle (see `phraseNeedles`). */
export function holdsNeedles(text: string, needles: readonly string[]): boolean {
  for (const n of needles) if (!text.includes(n)) return false;
  return true;
}

function wordPattern(w: string): string {
  if (w === "and" || w === "&") return "(?:and|&)";
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // "subsidy" / "subsidies", "facility" / "facilities".
  if (/[^aeiou]y$/.test(w)) return `${esc(w.slice(0, -1))}(?:y|ies)`;
  // "subsidies" typed "subsidy".
  if (/[^aeiou]ies$/.test(w)) return `${esc(w.slice(0, -3))}(?:y|ies)`;
  // "affairs" / "affair", "fees" / "fee"; not "business", "bonus", "basis".
  if (/[^su]s$/.test(w) && !/(ss|us|is)$/.test(w)) return `${esc(w.slice(0, -1))}s?`;
  if (/(ss|us|is|x|ch|sh)$/.test(w)) return `${esc(w)}(?:es)?`;
  if (/[a-z]$/.test(w)) return `${esc(w)}s?`;
  return esc(w);
}

/**
 * English words that say nothing about which quantity: question words, verbs of spending,
 * articles, the words of organisation names (the department recogniser reads those).
 */
export const EN_STOP: ReadonlySet<string> = new Set(
  "came come comes coming what how much many did does do is was were are be been a an the of on in for by to at from with which who whose its their it they there this that these those any have has had spend spent spending pay paid use used make made report reported total amount figure sum money cost costs year years its overall all and or as than per according final accounts account disclosure please tell me show give number expenditure expenditures expense expenses went go goes going end start beginning hold held involve involved involving buy buying bought get got receive received allocate allocated fund funded funding source sources government official officially business wuhan district city municipal bureau committee commission department center centre office administrative administration zone level own its organize organise organized organised organizing organising carry carried carrying out conduct conducted conducting host hosted hosting launch launched undertake undertook undertaken implement implemented complete completed through via under within among during into about regarding record recorded show shows showed state stated disclose disclosed mention mentioned list listed take took happen happened occur occurred altogether overall respectively currently now presently won win since".split(" "),
);

/** Words that name the classification a question cites, not a quantity: "(economic classification 30101)". */
export const EN_CLASSIFICATION = /\b(?:(?:economic|functional|function|expenditure|budget)\s+)?classification(?:\s+(?:code|item|subject))?\b|\b(?:subject|account|item)\s+code\b|\bcode\b/g;
