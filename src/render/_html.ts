/** Telegram-HTML helpers: escaping and splitting a message into parts a chat accepts. */

/** Telegram's limit on one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (`&`, `<`, `>`, and `"` for attribute values). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

type Token =
  | { readonly kind: "open"; readonly text: string; readonly name: string }
  | { readonly kind: "close"; readonly text: string; readonly name: string }
  | { readonly kind: "entity" | "nl" | "space" | "char"; readonly text: string };

const TOKEN_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|\n|[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/g;
// A break after these keeps words and sentences whole when a line has to be cut.
const SOFT_BREAK = /^[\s，。；、！？：,.;!?:）)]$/;

function tokenize(html: string): Token[] {
  const out: Token[] = [];
  for (const m of html.matchAll(TOKEN_RE)) {
    const text = m[0];
    if (m[2] !== undefined) {
      out.push({ kind: m[1] === "/" ? "close" : "open", text, name: m[2].toLowerCase() });
    } else if (text.startsWith("&") && text.length > 1) out.push({ kind: "entity", text });
    else if (text === "\n") out.push({ kind: "nl", text });
    else out.push({ kind: SOFT_BREAK.test(text) ? "space" : "char", text });
  }
  return out;
}

interface Open {
  readonly name: string;
  readonly text: string;
}

function closers(stack: readonly Open[]): string {
  return stack
    .slice()
    .reverse()
    .map((t) => `</${t.name}>`)
    .join("");
}

function applyToken(stack: Open[], t: Token): void {
  if (t.kind === "open") stack.push({ name: t.name, text: t.text });
  else if (t.kind === "close") {
    const at = stack.map((s) => s.name).lastIndexOf(t.name);
    if (at >= 0) stack.splice(at, 1);
  }
}

function visible(html: string): string {
  return html.replace(/<[^>]*>/g, "").trim();
}

/**
 * Splits Telegram HTML into parts of at most `limit` characters (default 4096), preferring line
 * boundaries, then spaces and punctuation; never inside a tag or an entity. Tags open at a cut are
 * closed at the end of one part and reopened at the start of the next.
 */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  const tokens = tokenize(html);
  const parts: string[] = [];
  let stack: Open[] = [];
  let i = 0;
  while (i < tokens.length) {
    while (i < tokens.length && /^\s$/.test(tokens[i]?.text ?? "")) i++;
    if (i >= tokens.length) break;
    const prefix = stack.map((t) => t.text).join("");
    const st = stack.slice();
    let len = prefix.length;
    let closeLen = closers(st).length;
    const best: Record<"nl" | "soft" | "any", { at: number; stack: Open[] } | null> = { nl: null, soft: null, any: null };
    let j = i;
    for (; j < tokens.length; j++) {
      const t = tokens[j] as Token;
      const before = st.length;
      applyToken(st, t);
      if (st.length !== before) closeLen = closers(st).length;
      len += t.text.length;
      if (len + closeLen > limit) break;
      const cut = { at: j + 1, stack: st.slice() };
      if (t.kind === "nl") best.nl = { at: j, stack: st.slice() };
      else if (t.kind === "space") best.soft = cut;
      if (t.kind !== "open") best.any = cut;
    }
    let end: number;
    let endStack: Open[];
    if (j >= tokens.length) {
      end = tokens.length;
      endStack = st;
    } else {
      // The token that did not fit is itself a break (a space or newline): cut right before it.
      const stopper = tokens[j] as Token;
      if ((stopper.kind === "space" || stopper.kind === "nl") && j > i && best.nl?.at !== j) {
        const before = { at: j, stack: st.slice() };
        if (stopper.kind === "nl") best.nl = before;
        else best.soft = before;
      }
      const pick = [best.nl, best.soft, best.any].find((b) => b !== null && b.at > i) ?? null;
      if (pick) {
        end = pick.at;
        endStack = pick.stack;
      } else {
        // One token longer than the limit on its own (cannot happen with escaped text): send it whole.
        end = i + 1;
        endStack = stack.slice();
        applyToken(endStack, tokens[i] as Token);
      }
    }
    const body = tokens
      .slice(i, end)
      .map((t) => t.text)
      .join("")
      .replace(/\s+$/, "");
    const part = `${prefix}${body}${closers(endStack)}`;
    if (visible(part).length > 0) parts.push(part);
    stack = endStack;
    i = end;
  }
  return parts;
}
