/** Codes of faults that are bugs or I/O failures (expected failures are `Result` values instead). */
export type AppErrorCode =
  | "io"
  | "corpus_invalid"
  | "manifest_invalid"
  | "index_corrupt"
  | "model_load"
  | "internal";

/** The one exception type: a bug or an I/O fault, with a code and its cause. */
export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
}
