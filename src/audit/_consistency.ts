/**
 * Consistency of identity: one body, one year and one money unit throughout; no template
 * placeholders or filling instructions left in; no doubled punctuation or words.
 */
import { normalizeName, stripOwnLevel } from "../corpus/identity.js";
import type { Disclosure } from "../parse/types.js";
import type { AuditContext } from "./_context.js";
import { narrativeSentences, rawLines, TEMPLATE_KINDS } from "./_document.js";
import { PLACEHOLDER, REPEATED_PUNCTUATION, REPEATED_WORD, TEMPLATE_TEXT } from "./_patterns.js";

// "2024 年度", "2024年部门决算": a year naming the period a heading or table covers.
const PERIOD_YEAR = /(?<!\d)(20\d{2})\s*年(?:度|\s*(?:部门|单位)?\s*决算)/g;

/** The year the document speaks of most in its title, contents, headings and table titles. */
export function documentYear(doc: Disclosure): number | null {
  const counts = new Map<number, number>();
  const add = (text: string | null | undefined, weight = 1): void => {
    for (const m of (text ?? "").matchAll(PERIOD_YEAR)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + weight);
  };
  add(doc.meta.title, 2);
  for (const s of doc.sections) if (s.level <= 2) add(s.title);
  for (const t of doc.tables) if (TEMPLATE_KINDS.has(t.kind)) add(t.title);
  if (doc.toc) for (let l = doc.toc.line; l <= doc.toc.lineEnd; l++) add(doc.lines[l - 1]);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? best[0] : doc.meta.year;
}

/** Runs the identity-consistency rules. */
export function auditConsistency(ctx: AuditContext): void {
  headingYears(ctx);
  narrativeYears(ctx);
  departments(ctx);
  units(ctx);
  wording(ctx);
}

// Headings, contents, the title and table titles/headers must name the document's year.
function headingYears(ctx: AuditContext): void {
  const { doc, year } = ctx;
  if (year === null) return;
  const lines = new Set<number>();
  const titleEnd = Math.min(doc.lines.length, doc.toc ? doc.toc.line - 1 : 6);
  for (let l = 1; l <= titleEnd; l++) lines.add(l);
  if (doc.toc) for (let l = doc.toc.line; l <= doc.toc.lineEnd; l++) lines.add(l);
  for (const s of doc.sections) if (s.level <= 2) lines.add(s.line);
  for (const t of doc.tables) {
    if (!TEMPLATE_KINDS.has(t.kind)) continue;
    const first = t.parts.flatMap((p) => p.rows.map((r) => r.line)).reduce((a, b) => Math.min(a, b), t.lineEnd);
    for (let l = t.line; l < first; l++) lines.add(l);
  }
  // Title lines the parser did not take for headings ("中共…社会工作部 2024 年度部门决算表").
  doc.lines.forEach((raw, i) => {
    const c = raw.replace(/\s+/g, "").replace(/^[#*>-]+/, "");
    if (c.length <= 60 && !/[。，；]/.test(c) && /20\d{2}年度?.{0,24}(?:决算|决算表|决算公开|决算情况说明|决算报表)$/.test(c)) lines.add(i + 1);
  });
  // A part heading may name the year without 年度 ("第四部分 2024年重点工作完成情况").
  const parts = new Set(doc.sections.filter((s) => s.level === 1).map((s) => s.line));
  for (const l of [...lines].sort((a, b) => a - b)) {
    const raw = doc.lines[l - 1] ?? "";
    if (parts.has(l)) {
      for (const m of raw.matchAll(/(?<!\d)(20\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
        const y = Number(m[1]);
        // "2024 年度…" is the period rule's below; only the bare "2023年…" is this one's.
        if (y === year || y === year + 1 || /^\s*(?:度|(?:部门|单位)?\s*决算)/.test(raw.slice((m.index ?? 0) + m[0].length))) continue;
        ctx.find("identity.year-heading", { zh: `第${l}行写作 ${y} 年，而本公开为 ${year} 年度`, en: `line ${l} names ${y}, but the disclosure covers ${year}` }, String(year), String(y), [ctx.cite(l)]);
      }
    }
    for (const m of raw.matchAll(PERIOD_YEAR)) {
      const y = Number(m[1]);
      if (y === year) continue;
      ctx.find(
        "identity.year-heading",
        { zh: `第${l}行写作 ${y} 年度，而本公开为 ${year} 年度`, en: `line ${l} names ${y}, but the disclosure covers ${year}` },
        String(year),
        String(y),
        [ctx.cite(l)],
      );
    }
  }
}

// "2023 年度收入合计…" in a 2024 disclosure; "与 2022 年度相比" where 2023 is meant.
function narrativeYears(ctx: AuditContext): void {
  const { year } = ctx;
  if (year === null) return;
  for (const { text, lineAt } of narrativeSentences(ctx.doc)) {
    const line = lineAt(0);
    for (const m of text.matchAll(/(?:与|比|较|同)\s*(20\d{2})\s*年度?\s*(?:相比|决算数?|同期|比较)/g)) {
      const y = Number(m[1]);
      const line = lineAt(m.index ?? 0);
      if (y === year - 1) continue;
      ctx.find("identity.year-comparison", { zh: `第${line}行与 ${y} 年度比较，上一年度应为 ${year - 1} 年`, en: `line ${line} compares with ${y}; the previous year is ${year - 1}` }, String(year - 1), String(y), [ctx.cite(line)]);
    }
    const lead = /^(?:[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*)?(?:[^，。；]{0,30}?)(20\d{2})\s*年度\s*(?:收|支|财政拨款|一般公共预算|政府性基金|国有资本|“?三公”?|基本支出|项目支出|部门|单位|本部门|本单位|机关运行|政府采购|无)/.exec(text);
    if (lead) {
      const y = Number(lead[1]);
      if (y !== year && !/与|比|较|上年/.test(text.slice(0, lead.index + lead[0].length - 6))) {
        ctx.find("identity.year-narrative", { zh: `第${line}行以 ${y} 年度陈述本年数字，而本公开为 ${year} 年度`, en: `line ${line} states this year's figures as ${y}; the disclosure covers ${year}` }, String(year), String(y), [ctx.cite(line)]);
      }
    }
    for (const m of text.matchAll(/截[至止]\s*(20\d{2})\s*年\s*12\s*月\s*31\s*日/g)) {
      const y = Number(m[1]);
      const line = lineAt(m.index ?? 0);
      if (y === year) continue;
      ctx.find("identity.year-narrative", { zh: `第${line}行“截至 ${y} 年 12 月 31 日”，而本公开为 ${year} 年度`, en: `line ${line}: “as of 31 Dec ${y}” in the ${year} disclosure` }, String(year), String(y), [ctx.cite(line)]);
    }
  }
}

const NAME_PREFIX = /^(?:编制)?(?:部门|单位|预算单位)(?:名称)?\s*[:：]\s*/;

function bodyName(departmentLine: string): string {
  return departmentLine
    .replace(NAME_PREFIX, "")
    .split(/\s*(?:金额)?单位\s*[:：]|\s+公开\s*\d+\s*表|\s*20\d{2}\s*年/)[0]
    ?.replace(/\s+/g, "")
    .trim() ?? "";
}

function sameBody(a: string, b: string): boolean {
  const na = stripOwnLevel(normalizeName(a));
  const nb = stripOwnLevel(normalizeName(b));
  return na === nb || na.includes(nb) || nb.includes(na);
}

// Table headers ("单位：…") and part headings ("第一部分 …概况") name the same body as the title.
function departments(ctx: AuditContext): void {
  const own = ctx.doc.meta.department;
  if (!own) return;
  for (const t of ctx.doc.tables) {
    if (!TEMPLATE_KINDS.has(t.kind) || !t.departmentLine) continue;
    const name = bodyName(t.departmentLine);
    if (name.length < 3 || PLACEHOLDER.test(name) || sameBody(name, own) || sameBody(name, ctx.department)) continue;
    const line = findLine(ctx.doc, t.line, t.lineEnd, t.departmentLine);
    ctx.find("identity.department", { zh: `${t.number ?? t.title}表头单位为“${name}”，与封面“${own}”不一致`, en: `${t.number ?? t.title} names “${name}”, the cover “${own}”` }, own, name, [ctx.cite(titleLine(ctx)), ctx.cite(line)]);
  }
  for (const s of ctx.doc.sections) {
    const m = /^(.{3,40}?)(?:概况|\s*20\d{2}\s*年度)/.exec(s.title.replace(/\s+/g, ""));
    if (s.level !== 1 || !m?.[1] || PLACEHOLDER.test(m[1])) continue;
    if (sameBody(m[1], own) || sameBody(m[1], ctx.department) || !/(局|委|会|中心|部|办公室|院|所|校|学|站|队|处|厅|办)$/.test(m[1])) continue;
    ctx.find("identity.department", { zh: `第${s.line}行标题单位为“${m[1]}”，与封面“${own}”不一致`, en: `line ${s.line} names “${m[1]}”, the cover “${own}”` }, own, m[1], [ctx.cite(titleLine(ctx)), ctx.cite(s.line)]);
  }
}

// The first written line: where the cover names the body.
function titleLine(ctx: AuditContext): number {
  const i = ctx.doc.lines.findIndex((l) => l.trim() !== "");
  return i < 0 ? 1 : i + 1;
}

function findLine(doc: Disclosure, from: number, to: number, text: string): number {
  const probe = text.replace(/\s+/g, "").slice(0, 8);
  for (let l = from; l <= to; l++) if ((doc.lines[l - 1] ?? "").replace(/\s+/g, "").includes(probe)) return l;
  return from;
}

// One money unit for all template tables: a table in 元 among tables in 万元 is out of line.
function units(ctx: AuditContext): void {
  const tables = ctx.doc.tables.filter((t) => TEMPLATE_KINDS.has(t.kind) && t.unit !== null);
  const count = (u: string): number => tables.filter((t) => t.unit === u).length;
  const major = count("万元") >= count("元") ? "万元" : "元";
  if (tables.length < 3) return;
  for (const t of tables) {
    if (t.unit === major) continue;
    ctx.find("identity.unit", { zh: `${t.number ?? t.title}的金额单位为${t.unit}，其余决算表为${major}`, en: `${t.number ?? t.title} is in ${t.unit ?? ""}; the other tables in ${major}` }, major, t.unit, [ctx.cite(t.line, Math.min(t.lineEnd, t.line + 3))]);
  }
}

function wording(ctx: AuditContext): void {
  const raw = rawLines(ctx.doc);
  for (const { text, lineAt } of [...raw, ...narrativeSentences(ctx.doc)]) {
    const line = lineAt(0);
    for (const m of text.matchAll(PLACEHOLDER)) {
      ctx.find("identity.placeholder", { zh: `第${line}行留有模板占位符“${m[0]}”`, en: `line ${line} still holds the placeholder “${m[0]}”` }, null, m[0], [ctx.cite(line)]);
    }
    const instruction = TEMPLATE_TEXT.map((re) => re.exec(text)).find((m) => m !== null);
    if (instruction) ctx.find("identity.template-text", { zh: `第${line}行留有模板的填写说明“${instruction[0]}”`, en: `line ${line} keeps the template's instruction “${instruction[0]}”` }, null, instruction[0], [ctx.cite(line)]);
    for (const m of text.matchAll(REPEATED_PUNCTUATION)) {
      const at = lineAt(m.index ?? 0);
      ctx.find("identity.repeated-punctuation", { zh: `第${at}行标点重复“${m[0]}”`, en: `line ${at} repeats punctuation “${m[0]}”` }, null, m[0], [ctx.cite(at)]);
    }
  }
  // Only as written on one line: paragraphs join table cells ("有所提升 | 有所提升") without a gap.
  for (const { text, lineAt } of raw) {
    for (const m of text.matchAll(REPEATED_WORD)) {
      const at = lineAt(m.index ?? 0);
      ctx.find("identity.repeated-word", { zh: `第${at}行词语重复“${m[0]}”`, en: `line ${at} repeats a word “${m[0]}”` }, m[1] ?? m[2] ?? null, m[0], [ctx.cite(at)]);
    }
  }
}
