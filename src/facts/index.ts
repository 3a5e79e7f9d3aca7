/**
 * The fact store: every figure of a disclosure as an exact, cited fact (tables, narrative, 绩效
 * tables), keyed so that the same quantity stated in several places meets itself.
 */
import type { Disclosure } from "../parse/types.js";
import type { Fact } from "./types.js";
import { buildFacts, type FactIdentity } from "./_build.js";

export type * from "./types.js";
export { ITEMS, ITEM_KEYS, type ItemKey } from "./items.js";
export { quantityKey, keyStrength, type QuantityRef } from "./_key.js";
export { saveFactStore, loadFactStore, factStorePath, FACT_STORE_FORMAT, type FactStore, type FactStoreError } from "./_store.js";
export { FUNCTION_CLASSES, ECONOMIC_CLASSES, classCode, className, PERSONNEL_ECON_CLASSES } from "./_classes.js";
export { normLabel } from "./_text.js";
export { rowCodes } from "./_codes.js";
export type { FactIdentity } from "./_build.js";

/**
 * Extracts every figure of a parsed disclosure as a fact (status single-source until
 * `verifyFacts` runs). `identity` is the canonical department and year the caller resolved.
 */
export function extractFacts(doc: Disclosure, identity: FactIdentity): Fact[] {
  return buildFacts(doc, identity);
}
