import type { Citation, Answer, Lang } from "./types.js";
import { citationsBlock } from "./_render.js";
import { dice, normTopic } from "./_text.js";
import { WORDS } from "./messages.js";

/** A retrieved passage with its citation data. */
export interface Passage {
  readonly file: string;
  readonly line: number;
  readonly lineEnd: number;
  readonly table: string | null;
  readonly section: string | null;
  readonly text: string;
  /** What retrieval indexed: the text with its department, section and parent labels. */
  readonly context: string;
  readonly score: number;
}

/** What kind of explanation is wanted. */
export type PassageKind = "explain" | "define" | "list" | "other";

const MARKERS: Record<PassageKind, RegExp> = {
  explain: /原因|因为|由于|主要是|主要用于|导致|所致|影响|未完成|滞后|扣分|偏差/,
  define: /是指|指的是|指|反映|包括|主要包括|是/,
  list: /包括|分别|其中|下属|有/,
  other: /./,
};

// Whole sentences only: "一是…；二是…；三是…" is one reason, not three.
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

/** The sentences of a passage that best answer the query, in document order (shortest sufficient excerpt). */
export function excerpt(p: Passage, query: string, kind: PassageKind, maxSentences = 3): string {
  const q = normTopic(query);
  const ss = sentences(p.text);
  if (ss.length <= 1) return p.text.trim();
  const scored = ss.map((s, i) => ({ s, i, v: dice(q, normTopic(s)) + (MARKERS[kind].test(s) ? 0.15 : 0) }));
  const best = [...scored].sort((a, b) => b.v - a.v).slice(0, maxSentences);
  const keep = new Set(best.map((b) => b.i));
  // A reason usually follows the figure it explains: keep the sentence after the best one too.
  const top = best[0];
  if (top && kind === "explain" && top.i + 1 < ss.length && MARKERS.explain.test(ss[top.i + 1] ?? "")) keep.add(top.i + 1);
  return scored
    .filter((x) => keep.has(x.i))
    .map((x) => x.s)
    .join("");
}

/** A list section up to this many characters is quoted whole. */
const LIST_SECTION_CHARS = 1500;

/** Below this share of the best passage's relevance a passage is noise, not a second source. */
const KEEP_RATIO = 0.75;

/** What a text question names: the thing asked about, and the document's headings for what it asks. */
export interface Asked {
  readonly topic: string | null;
  readonly headings: readonly string[];
}
const NOTHING_NAMED: Asked = { topic: null, headings: [] };

/** Ranks passages for the question kind (marker words and query overlap on top of retrieval scores), dropping the clearly weaker. */
export function rankPassages(ps: readonly Passage[], query: string, kind: PassageKind, asked: Asked = NOTHING_NAMED): Passage[] {
  const q = normTopic(query);
  const key = asked.topic ? normTopic(asked.topic) : "";
  const headings = asked.headings.map(normTopic).filter((h) => h.length >= 4);
  const maxScore = Math.max(...ps.map((p) => p.score), 1e-9);
  const ranked = [...ps]
    .map((p, rank) => {
      const context = normTopic(p.context);
      const text = headings.length > 0 ? normTopic(p.text) : "";
      return {
        p,
        v:
          p.score / maxScore +
          0.6 * dice(q, context) +
          (MARKERS[kind].test(p.text) ? 0.3 : 0) +
          // The thing asked about, named verbatim, outweighs loose overlap.
          (key.length >= 2 && context.includes(key) ? 0.5 : 0) +
          // The document's heading for what is asked ("发现的问题及原因") marks the passage that answers.
          (headings.some((h) => text.includes(h)) ? 0.6 : 0) -
          rank * 0.02,
      };
    })
    .sort((a, b) => b.v - a.v);
  const top = ranked[0]?.v ?? 0;
  return ranked.filter((x) => x.v >= KEEP_RATIO * top).map((x) => x.p);
}

/** A cited-passage answer: the best excerpts quoted with their citations. */
export function composePassages(
  question: string,
  lang: Lang,
  passages: readonly Passage[],
  query: string,
  kind: PassageKind,
  who: { department: string | null; year: number | null },
  next: (p: Passage) => Passage | null,
  section: (p: Passage) => readonly Passage[],
  asked: Asked = NOTHING_NAMED,
  limit = 2,
): Answer {
  const ranked = rankPassages(passages, query, kind, asked).slice(0, limit);
  const chosen: Passage[] = [];
  // "有哪些" asked of a short section (职责, 机构设置): the whole section, in order, is the answer.
  const first = ranked[0];
  const whole = kind === "list" && first ? section(first) : [];
  if (whole.length > 1 && whole.reduce((n, p) => n + p.text.length, 0) <= LIST_SECTION_CHARS) chosen.push(...whole);
  const has = (x: Passage) => chosen.some((c) => c.file === x.file && c.line === x.line);
  for (const p of ranked) {
    if (has(p)) continue;
    chosen.push(p);
    // "Why" asked of a passage that states a shortfall but not its cause: the cause usually follows.
    const n = kind === "explain" && !/原因|由于|因为/.test(p.text) ? next(p) : null;
    if (n && /原因|由于|因为/.test(n.text) && !has(n)) chosen.push(n);
    // A passage ending in a colon introduces what follows ("…二级预算单位包括："): quote the list too.
    let q: Passage = p;
    for (let i = 0; i < 3 && /[：:]\s*$/.test(q.text); i++) {
      const after = next(q);
      if (!after || has(after) || after.section !== p.section) break;
      chosen.push(after);
      q = after;
    }
  }
  const citations: Citation[] = chosen.map((p) => ({
    file: p.file,
    line: p.line,
    lineEnd: p.lineEnd,
    table: p.table,
    section: p.section,
    quote: excerpt(p, query, kind),
  }));
  const w = WORDS[lang];
  const body = chosen.length === 0 ? w.noPassage : `${w.passagesIntro}\n${citationsBlock(citations, lang)}`;
  return {
    question,
    kind: "text",
    text: body,
    value: null,
    unit: null,
    department: who.department,
    year: who.year,
    status: null,
    citations,
    error: null,
    lang,
  };
}
