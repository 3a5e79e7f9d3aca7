/** Log levels in increasing severity. */
export type LogLevel = "debug" | "info" | "warn" | "error";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: LogLevel = "info";
let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

/** Sets the minimum level written and, optionally, where lines go (tests pass a collector). */
export function configureLogging(level: LogLevel, write?: (line: string) => void): void {
  threshold = level;
  if (write) sink = write;
}

/** A namespaced logger; never pass it tokens. */
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Creates a logger whose lines start with `[namespace]`. */
export function createLogger(namespace: string): Logger {
  const emit = (level: LogLevel, msg: string, data?: Record<string, unknown>): void => {
    if (ORDER[level] < ORDER[threshold]) return;
    const extra = data ? ` ${JSON.stringify(data, redact)}` : "";
    sink(`${new Date().toISOString()} ${level.toUpperCase()} [${namespace}] ${msg}${extra}`);
  };
  return {
    debug: (m, d) => emit("debug", m, d),
    info: (m, d) => emit("info", m, d),
    warn: (m, d) => emit("warn", m, d),
    error: (m, d) => emit("error", m, d),
  };
}

// Bot tokens look like 123456:ABC-…; never let one reach a log line.
function redact(_key: string, value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "<token>");
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  return value;
}

/** Removes anything shaped like a bot token from a string. */
export function redactText(s: string): string {
  return s.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, "<token>");
}
