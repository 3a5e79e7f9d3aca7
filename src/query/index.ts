export { understandQuestion } from "./understand.js";
export { normalizeText } from "./_text.js";
export { quotedPhrases } from "./_topic.js";
export { departmentPhrases } from "./_department.js";
export { CARRIED, subjectOf, operandSubject } from "./_subject.js";
export { buildCatalog, latestYearOf } from "./catalog.js";
export { nextState, resolveYear, type ResolvedTurn } from "./state.js";
export type {
  Aspect,
  AspectRef,
  BudgetQualifier,
  Catalog,
  CatalogDepartment,
  CatalogDoc,
  ChangeBasis,
  DepartmentRef,
  Intent,
  ItemHit,
  Operand,
  Understanding,
  YearRef,
} from "./types.js";
