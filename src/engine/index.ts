import { composeAnswer, isClarification, refuse, resolveFigure, type AnswerData } from "../answer/index.js";
import type { Passage } from "../answer/_passage.js";
import type { Answer, ConversationState, DepartmentInfo, Engine, Lang } from "../answer/types.js";
import { auditSource, type DocumentAudit } from "../audit/index.js";
import { buildSpelling, correctSpelling, keptWords, linkSubject } from "../link/index.js";
import { EMPTY_CONVERSATION } from "../answer/types.js";
import { ensureIndex, type EnsureIndexOptions, type LoadedIndex } from "../build/index.js";
import type { Config } from "../config.js";
import { createLogger } from "../core/log.js";
import { err, ok, type Result } from "../core/result.js";
import type { Chunk } from "../chunk/index.js";
import type { FactReader } from "../build/index.js";
import type { Fact } from "../facts/types.js";
import { buildCatalog, departmentPhrases, normalizeText, quotedPhrases, understandQuestion, nextState, type Catalog, type Understanding } from "../query/index.js";
import { chunkCount, nextProseChunk, search, sectionChunks } from "../search/index.js";
import { figureTarget, planAnswer } from "./_plan.js";

function toPassage(c: Chunk, score: number): Passage {
  return { file: c.file, line: c.line, lineEnd: c.lineEnd, table: c.table, section: c.section, text: c.quote, context: c.text, score };
}

const NUMBER_WORDS = /多少|几|多大|多高|多长|面积|金额|数额|总额|合计|比例|占比|百分|比重|率|得分|分数|how (much|many)|amount|total|number|share|rate|percent|score/i;

/** Whether the question asks for a number at all (else a failed figure lookup may fall back to passages). */
function asksForNumber(q: string): boolean {
  return NUMBER_WORDS.test(q);
}

/**
 * More departments than this stating a figure under the asked name (item, code or most of the
 * topic's characters) cannot be told apart by inference: the question must name one. It also
 * bounds the work to a few departments' facts in a city's archive of hundreds.
 */
const MAX_INFERENCE_CANDIDATES = 8;

/**
 * A figure question naming no department, in a corpus of several: when exactly one department's
 * latest disclosure states a trusted match (or one clearly best), that is the department meant.
 */
function inferDepartment(u: Understanding, catalog: Catalog, data: AnswerData, facts: FactReader): string | null {
  if (u.items.length === 0 && u.topic === null && u.code === null) return null;
  const hits: { name: string; score: number }[] = [];
  // Only departments whose facts share an item, the code or most of the topic's characters can
  // match: the others' facts are never read (a city's archive holds hundreds of departments). What
  // is asked (items, code, topic) is the same of every department.
  const sample = catalog.departments.find((d) => d.years.length > 0);
  const sampleYear = sample?.years[sample.years.length - 1];
  if (!sample || sampleYear === undefined) return null;
  const asked = figureTarget(u, sample, sampleYear);
  let candidates: ReadonlySet<string> = facts.departmentsWith({ items: asked.items, code: asked.code, topic: asked.topic });
  // The term index reads a topic by its label words; a small corpus is read whole instead when
  // it finds none ("市投资促进中心走访了多少家企业": 走访 is a sentence's verb, not a label).
  if (candidates.size === 0 && catalog.departments.length <= MAX_INFERENCE_CANDIDATES) candidates = new Set(catalog.departments.map((x) => x.name));
  if (candidates.size > MAX_INFERENCE_CANDIDATES) return null;
  for (const d of catalog.departments) {
    const year = d.years[d.years.length - 1];
    if (year === undefined || !candidates.has(d.name)) continue;
    const t = figureTarget(u, d, year);
    const r = resolveFigure(data.factsFor(d.name, year), t);
    // A figure, or several that tie for the words asked: the department states what was asked.
    if (r && "best" in r) hits.push({ name: d.name, score: r.score });
    else if (isClarification(r) && r.uncovered === "") hits.push({ name: d.name, score: 1 });
  }
  hits.sort((a, b) => b.score - a.score);
  const [first, second] = hits;
  if (!first) return null;
  return !second || first.score - second.score >= 0.15 ? first.name : null;
}

/** How many questions `warm` rehearses (a few per department, the first departments only). */
const WARM_QUESTIONS = 12;

/**
 * Questions a department's own figures answer, for `warm` to rehearse: the subject of its first
 * verified sentence and the rows of two verified table cells a third and two thirds into its
 * facts, asked by the department's name.
 */
function rehearsalOf(department: string, pool: readonly Fact[]): string[] {
  const verified = pool.filter((f) => f.status === "verified" && f.unit === "万元");
  const tables = verified.filter((f) => f.source.kind === "table");
  const picks = [verified.find((f) => f.source.kind === "narrative"), tables[Math.floor(tables.length / 3)], tables[Math.floor((2 * tables.length) / 3)]];
  return [...new Set(picks.flatMap((f) => (f ? [`${department}${f.subject}是多少`] : [])))];
}

/** Answers the turns of one conversation in order, each with the state the previous turn left. */
export async function askTurns(engine: Engine, turns: readonly string[]): Promise<Answer[]> {
  let state: ConversationState | undefined;
  const out: Answer[] = [];
  for (const t of turns) {
    const r = await engine.ask(t, state);
    state = r.state;
    out.push(r.answer);
  }
  return out;
}

/** Why an engine could not be created. */
export interface EngineError {
  readonly code: string;
  readonly message: string;
}

const log = createLogger("engine");

/** Loads (building when needed) the index for the configured corpus and returns the answering engine. */
export async function createEngine(config: Config, opts: Pick<EnsureIndexOptions, "onProgress" | "onStep" | "quietModel"> = {}): Promise<Result<Engine, EngineError>> {
  const loaded = await ensureIndex(config, opts);
  if (!loaded.ok) return err({ code: loaded.error.code, message: loaded.error.message });
  return ok(engineFrom(loaded.value, { logUserText: config.logUserText }));
}

/** The engine over an already loaded index (tests build one from fixtures). */
export function engineFrom(idx: LoadedIndex, opts: { logUserText?: boolean } = {}): Engine {
  // The documents' own words (labels and the measure words of their columns, described once per
  // document by the build) repair typos in questions and tell a name of an amount in a question.
  const vocabulary = idx.facts.vocabulary();
  const catalog: Catalog = {
    ...buildCatalog(idx.documents.map((d) => ({ department: d.department, aliases: d.aliases, year: d.year, type: d.type, file: d.file }))),
    vocabulary,
  };
  const spelling = buildSpelling(vocabulary);
  // Department names and aliases are the department recogniser's to read (it has its own typo rule).
  const keep = keptWords(catalog.departments.flatMap((d) => [d.name, ...d.aliases, ...d.regions]).map(normalizeText));
  // Narrative (and 绩效自评表) chunks are read per question from the index, in document order.
  const data: AnswerData = {
    nextPassage: (p) => {
      const n = nextProseChunk(idx.search, p.file, p.line);
      return n ? toPassage(n, 0) : null;
    },
    sectionPassages: (p) => (p.section === null ? [] : sectionChunks(idx.search, p.file, p.section).map((c) => toPassage(c, 0))),
    factsFor: (department, year) => idx.facts.factsFor(department, year),
    headlineFigures: (ask) => idx.facts.headlineFigures(ask),
    readLine: (file, line) => idx.readLine(file, line),
    async searchPassages(query, scope, k) {
      const hits = await search(idx.search, query, {
        k,
        filter: { departments: scope.department === null ? null : [scope.department], year: scope.year, proseOnly: true },
      });
      return hits.map((h) => toPassage(h.chunk, h.score));
    },
  };
  // The catalog already gathers each department's aliases (given and derived), years and files.
  const departments: DepartmentInfo[] = catalog.departments.map((d) => ({
    name: d.name,
    aliases: d.aliases,
    years: d.years,
    type: d.type === "部门决算" || d.type === "单位决算" ? d.type : null,
    files: d.files,
  }));

  // Audits are computed on first request and kept: the index does not change under a running engine.
  const audits = new Map<string, DocumentAudit>();

  /** Understands, plans and answers one question (see `ask`, which keeps a defect from escaping). */
  async function answerOne(question: string, state?: ConversationState, how: { quiet?: boolean } = {}): Promise<{ answer: Answer; state: ConversationState }> {
    const st = state ?? EMPTY_CONVERSATION;
    const q = question.trim();
    if (opts.logUserText && how.quiet !== true) log.info("question", { q });
    if (!q) return { answer: refuse(question, st.lang, { code: "empty_question" }), state: st };
    // Quotes mark the user's own phrases (a label, a statement cited); normalising drops them, so they are read first.
    const typed = normalizeText(q);
    let u = understandQuestion(correctSpelling(typed, spelling, departmentPhrases(typed, catalog), keep), st, catalog, quotedPhrases(q.normalize("NFKC")));
    let req = planAnswer(q, u, st, catalog);
    if (req.kind === "refuse" && req.error.code === "no_such_department" && req.error.asked === null) {
      const guess = inferDepartment(u, catalog, data, idx.facts);
      if (guess) {
        u = { ...u, department: { kind: "resolved", names: [guess], via: "explicit", phrases: [] } };
        req = planAnswer(q, u, st, catalog);
        if (req.kind === "figure") req = { ...req, inferredDepartment: true };
      }
    }
    let answer = await composeAnswer(req, data);
    // "发现了什么问题" names no figure: when no figure matches, the passages may still answer it.
    // (Not for "那西大呢" after a figure question: the conversation asked a number, which is not disclosed.)
    const numberAskedBefore = u.followUp && u.topicVia === "conversation";
    if (answer.error?.code === "not_disclosed" && req.kind === "figure" && !asksForNumber(q) && !numberAskedBefore && u.aspect.via !== "explicit") {
      const t = req.target;
      const passages = await composeAnswer({ kind: "passage", question: q, lang: req.lang, passageKind: "other", query: t.topic ?? q, department: t.department, year: t.year }, data);
      if (passages.citations.length > 0) answer = passages;
    }
    // No figure found where stored facts were withheld as damaged: the index is at fault, not the document.
    if (answer.error?.code === "not_disclosed") {
      const damaged = idx.facts.withheldFor(answer.error.department, answer.error.year);
      if (damaged.length > 0) answer = refuse(q, answer.lang, { code: "index_stale", reason: `${damaged.join(", ")}: 已存数字与记录的哈希不符，请运行 build-index (stored facts do not match their hash; run build-index)` });
    }
    const resolved = answer.kind === "refuse" ? {} : { department: answer.department, year: answer.year, table: answer.quantity?.table ?? null };
    return { answer, state: nextState(u, resolved) };
  }

  return {
    async ask(question: string, state?: ConversationState) {
      try {
        return await answerOne(question, state);
      } catch (e) {
        // A defect of ours never takes the conversation (or the bot) down with it.
        log.error("answering failed", { error: e instanceof Error ? e.message : String(e) });
        const st = state ?? EMPTY_CONVERSATION;
        return { answer: refuse(question, st.lang, { code: "internal_error" }), state: st };
      }
    },
    departments: () => departments,
    audit(name: string, auditOpts: { lang?: Lang } = {}) {
      const u = understandQuestion(name, EMPTY_CONVERSATION, catalog);
      const dept = u.department.kind === "resolved" ? u.department.names[0] : undefined;
      if (!dept) return null;
      const lang = auditOpts.lang ?? "zh";
      const documents = idx.documents.filter((d) => d.department === dept).flatMap((d) => {
        const key = `${d.id}|${lang}`;
        const hit = audits.get(key);
        if (hit) return [hit];
        const text = idx.readText(d.file);
        if (text === undefined) return [];
        // The index's verified facts of the document; the text parsed again for its structure.
        const source = { path: d.file, name: d.name, sha256: d.sha256, text, entry: undefined };
        const r = auditSource(source, { lang, facts: idx.facts.factsOfFile(d.file) });
        if (!r.ok) return [];
        const audit = { ...r.value, department: d.department, year: d.year };
        audits.set(key, audit);
        return [audit];
      });
      return { department: dept, documents };
    },
    async warm() {
      // The English recognisers compile their patterns on first use: once here, not on a user's first English question.
      understandQuestion(normalizeText("How much did the department spend on official receptions and overseas travel in total?"), EMPTY_CONVERSATION, catalog);
      const rehearsal: string[] = [];
      // The same preparation the first question would do (facts read, descriptors and pool index
      // built), for as many department-years as stay prepared: in an archive of hundreds, preparing
      // the others would only push these out again.
      let prepared = 0;
      warming: for (const d of catalog.departments)
        for (const year of d.years) {
          const pool = data.factsFor(d.name, year);
          linkSubject(pool, "预热", { code: null, accept: () => true });
          if (rehearsal.length < WARM_QUESTIONS) rehearsal.push(...rehearsalOf(d.name, pool));
          await new Promise<void>((resolve) => setImmediate(resolve));
          prepared += pool.length;
          if (prepared >= idx.facts.keptOnce) break warming;
        }
      // Then the documents' own figures are asked for, as users will: the answering code is compiled
      // by the runtime now, not on the first users' questions (which would take several times longer).
      for (const q of rehearsal.slice(0, WARM_QUESTIONS)) {
        try {
          await answerOne(q, undefined, { quiet: true });
        } catch (e) {
          // A rehearsal answers nobody: a defect it meets is logged, and serving goes on.
          log.error("warming failed", { error: e instanceof Error ? e.message : String(e) });
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    status: () => ({
      semantic: idx.search.semantic,
      modelSource: idx.search.semantic ? idx.modelSource : null,
      facts: idx.facts.count(),
      chunks: chunkCount(idx.search),
    }),
  };
}
