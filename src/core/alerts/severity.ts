import type { Severity } from './types.js';

const RANK: Readonly<Record<Severity, number>> = { critical: 3, warning: 2, info: 1 };

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/** Sorts critical first. */
export function bySeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

export function atLeast(severity: Severity, min: Severity): boolean {
  return RANK[severity] >= RANK[min];
}
