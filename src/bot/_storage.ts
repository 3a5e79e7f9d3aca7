import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { StorageAdapter } from "grammy";
import { writeFileAtomic } from "../core/fs.js";
import { createLogger } from "../core/log.js";

const log = createLogger("bot:sessions");

// Chat ids are integers ("-100123…"); anything else is encoded so a key never escapes the directory.
function fileName(key: string): string {
  return `${/^-?\d+$/.test(key) ? key : encodeURIComponent(key).replace(/\./g, "%2E")}.json`;
}

/** Session storage in one JSON file per chat under `dir`, written atomically (temp + rename). */
export function createFileStorage<T>(dir: string): StorageAdapter<T> {
  return {
    read(key) {
      const path = join(dir, fileName(key));
      let raw: string;
      try {
        raw = readFileSync(path, "utf8");
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw e;
      }
      try {
        return JSON.parse(raw) as T;
      } catch {
        // A damaged file must not wedge the chat: start a fresh conversation instead.
        log.warn("unreadable session file; starting afresh", { file: fileName(key) });
        return undefined;
      }
    },
    write(key, value) {
      writeFileAtomic(join(dir, fileName(key)), JSON.stringify(value));
    },
    delete(key) {
      rmSync(join(dir, fileName(key)), { force: true });
    },
  };
}
