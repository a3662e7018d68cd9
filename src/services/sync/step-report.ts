// What a sync run says of each step (status, counts, a few skipped records) and of the whole run.

import type { SkippedRecord } from '../../core/marketplace/records.js';
import type { Logger } from '../../lib/logger.js';
import type { SyncRunResult } from '../../ports.js';

export type SyncStep = 'catalogue' | 'orders' | 'stock' | 'supplies';
export const STEPS: readonly SyncStep[] = ['catalogue', 'orders', 'stock', 'supplies'];

export type StepReport = {
  status: 'success' | 'partial' | 'failed';
  pages: number;
  processed: number;
  written: number;
  skipped: number;
  /** A few skipped records with their reasons, for the person who looks. */
  skippedSamples: SkippedRecord[];
  /** Rows derived from what was written (daily_sales for the orders step). */
  derived?: number;
  error?: string;
  at: string;
};

export type SyncReport = SyncRunResult & { runId: number; steps: Record<SyncStep, StepReport> };

export const unmatched = (endpoint: string, key: string | null): SkippedRecord => ({
  endpoint,
  reason: 'no product in the catalogue matches this record',
  key,
  excerpt: '',
});

export function noteSkipped(
  report: StepReport,
  skipped: readonly SkippedRecord[],
  log: Logger,
  step: SyncStep,
): void {
  if (skipped.length === 0) return;
  report.skipped += skipped.length;
  for (const s of skipped) {
    if (report.skippedSamples.length < 5) report.skippedSamples.push(s);
    log.warn({ step, endpoint: s.endpoint, key: s.key, reason: s.reason }, 'record skipped');
  }
}

export function summarise(steps: Record<SyncStep, StepReport>, durationMs: number): SyncRunResult {
  const all = Object.values(steps);
  const failed = (Object.entries(steps) as [SyncStep, StepReport][]).filter(([, s]) => s.status === 'failed');
  const status =
    failed.length === all.length
      ? 'failed'
      : all.every((s) => s.status === 'success')
        ? 'success'
        : 'partial';
  return {
    status,
    recordsProcessed: all.reduce((n, s) => n + s.processed, 0),
    recordsUpdated: all.reduce((n, s) => n + s.written, 0),
    recordsSkipped: all.reduce((n, s) => n + s.skipped, 0),
    errorMessage: failed.length > 0 ? failed.map(([step, s]) => `${step}: ${s.error}`).join('; ') : null,
    details: steps,
    durationMs,
  };
}
