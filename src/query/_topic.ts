import { ECONOMIC_CLASSES, FUNCTION_CLASSES } from "../facts/index.js";
import { lexicon } from "./_lexicon.js";
import { editDistance } from "./_text.js";

const BLANK = "\u0000";
const EDGE = /^[的里了比呢吗有是和与及、跟那么还就也都把对从向,，.。:：;；!！?？\s]+|[的里中在了呢吗呀啊吧有是和与及、跟比较就也都,，.。:：;；!！?？\s]+$/g;
/** English words a topic leaves out: question words, articles, frames of the question. */
export const EN_STOP: ReadonlySet<string> = new Set(
  "hello hi hey thanks thank you anything at all show give tell list me what how much many did does do was were is are be been the a an of on in for by to its their it they there any have has had and or about please tell me which department unit bureau spend spent spending respectively each total combined together sum altogether why mean meaning means definition define refer refers most least highest lowest rank share proportion percentage percent budget budgeted actual actually score scores rating change changes changed increase decreased decrease increased year years compared compare with than versus vs how many number make made host hosted receive received send sent own owned people persons among all every body bodies departments units agencies organisations organizations corpus reported reports largest smallest biggest greatest fewest evaluated evaluate assessed get got".split(
    " ",
  ),
);

// Words that begin with 中 (中央, 中小企业, 中心): no preposition to drop.
const COMMON_ZHONG = /^中(央|国|小|心|期|医|学|华|部|西|外|级|职|长|标|介|试|转|间)/;

/** The item phrase left in the topic area (blanked spans removed), typos kept; null when nothing is left. */
export function topicOf(area: string, lang: "zh" | "en"): string | null {
  if (lang === "en") {
    const words = area
      .replace(/\u0000/g, " ")
      .split(/[^a-z0-9\u3400-\u9fff()'-]+/)
      .map((w) => w.replace(/'s$|^'|'$/g, ""))
      .filter((w) => w.length > 0 && !EN_STOP.has(w));
    return words.length > 0 ? words.join(" ") : null;
  }
  const pieces = area
    .split(BLANK)
    .map(cleanPiece)
    .filter((p) => p.length > 0);
  return pieces.length > 0 ? pieces.join(" ") : null;
}

function cleanPiece(piece: string): string {
  let p = piece.replace(/[“”"「」《》]/g, "").replace(/\(\s*\)/g, "");
  for (let prev = ""; prev !== p; ) {
    prev = p;
    p = p.replace(EDGE, "");
    // "…决算中公务接待费": a leading 中 is a preposition unless an item starts with it (中小企业).
    if (p.startsWith("中") && !COMMON_ZHONG.test(p) && !lexicon().entries.some((e) => p.startsWith(e.text))) p = p.slice(1);
    // "聘请顾问的钱": the money is what any figure is.
    // "节能环保那块为啥只…": a pointer to a part of the accounts, and a "only" before the verb.
    p = p.replace(/(那块|这块|那一块|这一块|那部分|这部分)$/, "").replace(/[只才仅]$/, "");
    // "发的奖金", "花的差旅费": a verb with 的 before the noun only says the money moved.
    const verb = /^(发放|支付|发|花|用|给|付|交|缴|拿)(了|出|掉)?的/.exec(p);
    if (verb && p.length - verb[0].length >= 2) p = p.slice(verb[0].length);
    const money = /的?钱$/.exec(p);
    if (money && p.length - money[0].length >= 2) p = p.slice(0, money.index);
    // A bracket left unbalanced by a blanked span: "（投促局）" → "（" after the department went.
    p = p.replace(/^\)+|\(+$/g, "");
    if (/^\([^()]*\)$/.test(p)) p = p.slice(1, -1);
  }
  return p;
}

// "这个项目", "该资金", "它的": words pointing back at the previous turn's subject.
const POINTER = /^(这个项目|那个项目|该项目|此项目|本项目|这个专项|该专项|这项资金|该资金|这笔资金|这笔钱|这一项|这项|该项|此项|这笔|这个|那个|它们的|它们|它的|它|其(?![他它余中次]))的?/;
// What a pointer leaves when it only asks a figure of the subject: "这个项目(的绩效)自评".
const POINTER_REST = /^(的)?(绩效)?(自评|评价|自我评价)?(的)?(情况|结果)?$/;

/**
 * A topic that points back at the previous subject ("这个项目自评", "它的"): the rest after the
 * pointer, null when nothing but evaluation words is left. `pointer` is false for other topics.
 */
export function withoutPointer(topic: string | null): { topic: string | null; pointer: boolean } {
  const m = topic ? POINTER.exec(topic) : null;
  if (!topic || !m) return { topic, pointer: false };
  const rest = topic.slice(m[0].length).trim();
  return { topic: POINTER_REST.test(rest) ? null : rest, pointer: true };
}

let classNames: readonly string[] | null = null;

/**
 * A topic one character off a national class name ("租凭费" → 租赁费): the same length, first and
 * last character, and exactly one name that close. The topic itself otherwise.
 */
export function correctClassName(topic: string | null): string | null {
  if (!topic || topic.length < 3 || /\s/.test(topic)) return topic;
  classNames ??= [...new Set([...Object.values(ECONOMIC_CLASSES), ...FUNCTION_CLASSES.map((c) => c.name)])];
  if (classNames.includes(topic)) return topic;
  const close = classNames.filter(
    (n) => n.length === topic.length && n[0] === topic[0] && n.at(-1) === topic.at(-1) && editDistance(n, topic, 1) === 1,
  );
  return close.length === 1 ? (close[0] ?? topic) : topic;
}

/** Phrases the user put in quotes. */
export function quotedPhrases(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/“([^”]+)”|"([^"]+)"|「([^」]+)」|《([^》]+)》/g)) {
    const q = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (q && q.trim().length > 0) out.push(q.trim());
  }
  return out;
}
