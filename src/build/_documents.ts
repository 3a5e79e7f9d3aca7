import type { StoredRecord } from "./_process.js";

/** What the build learned about each disclosure, kept for answering (catalog, quotes, warnings). */
export interface DocumentRecord extends StoredRecord {
  /** Path as cited (where the corpus is now). */
  readonly file: string;
}

/** Files that could not be ingested, with the reason (shown by build-index and /start). */
export interface Rejected {
  readonly file: string;
  readonly reason: string;
}
