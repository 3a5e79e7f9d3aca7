import type { Disclosure } from "../parse/types.js";
import type { AuditContext } from "./_context.js";

export function auditConsistency(ctx: AuditContext): void {
  void ctx;
}
export function documentYear(doc: Disclosure): number | null {
  return doc.meta.year;
}
