import type { AuditContext } from "./_context.js";

export function auditArithmetic(ctx: AuditContext): void {
  void ctx;
}
