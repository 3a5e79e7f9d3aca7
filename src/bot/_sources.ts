import { randomBytes } from "node:crypto";
import type { LastSources } from "./_context.js";

/** Prefix of the "来源" button's callback data; the whole stays far below Telegram's 64 bytes. */
export const SOURCES_CALLBACK_PREFIX = "src:";

/** A small LRU of answers' citations keyed by a short id, so a button can name them in ≤ 64 bytes. */
export class SourcesCache {
  readonly #max: number;
  readonly #entries = new Map<string, LastSources>();

  /** Keeps at most `max` answers (default 1000). */
  constructor(max = 1000) {
    this.#max = max;
  }

  /** A fresh short id (8 URL-safe characters). */
  newId(): string {
    return randomBytes(6).toString("base64url");
  }

  /** Stores an answer's citations, evicting the least recently used beyond the limit. */
  put(entry: LastSources): void {
    this.#entries.delete(entry.id);
    this.#entries.set(entry.id, entry);
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  /** The citations stored under `id`, if still kept. */
  get(id: string): LastSources | undefined {
    const e = this.#entries.get(id);
    if (e) {
      this.#entries.delete(id);
      this.#entries.set(id, e);
    }
    return e;
  }
}
