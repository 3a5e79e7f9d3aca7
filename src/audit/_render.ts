import type { AuditReport } from "./types.js";
export function renderAuditMarkdown(r: AuditReport): string { return JSON.stringify(r); }
export function renderAuditText(r: AuditReport): string { return JSON.stringify(r); }
export function renderAuditSummary(r: AuditReport): string { return JSON.stringify(r); }
