import type { AuditContext } from "./_context.js";

export function auditCompleteness(ctx: AuditContext): void {
  void ctx;
}
