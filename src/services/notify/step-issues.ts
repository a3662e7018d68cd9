// Issue #6: a step that failed still lets the next one run on the last good data, and the digest
// says so. This turns today's job runs into the lines the digest shows.

/** Today's latest run of one job (job_runs), as the digest needs it. */
export type StepRunSummary = {
  job: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  details: Record<string, unknown>;
  lastGoodAt: Date | null;
};

/** One step of today's pipeline that failed (or partly failed) before the digest. */
export type StepIssue = {
  job: 'sync' | 'forecast' | 'procurement';
  status: 'failed' | 'partial';
  /** When it ended (ISO). */
  at: string;
  /** Why, in the words of the error; null when nothing was recorded. */
  error: string | null;
  /** When the step last gave data the figures now rest on (ISO); null = never. */
  lastGoodAt: string | null;
};

const STEPS = ['sync', 'forecast', 'procurement'] as const;
const MAX_ERROR = 200;

/** A sync that failed without throwing says why per account (src/jobs/work.ts details). */
function accountErrors(details: Record<string, unknown>): string | null {
  const accounts = Array.isArray(details.accounts) ? (details.accounts as Record<string, unknown>[]) : [];
  const errors = accounts
    .filter((a) => a.status !== 'success' && typeof a.error === 'string' && a.error)
    .map((a) => (typeof a.name === 'string' && a.name ? `${a.name}: ${a.error}` : String(a.error)));
  return errors.length > 0 ? errors.join('; ') : null;
}

const clip = (text: string) => (text.length > MAX_ERROR ? `${text.slice(0, MAX_ERROR - 1)}…` : text);

/** Failed and partial steps in schedule order; succeeded, running and other jobs say nothing. */
export function stepIssues(runs: readonly StepRunSummary[]): StepIssue[] {
  const issues: StepIssue[] = [];
  for (const job of STEPS) {
    const run = runs.find((r) => r.job === job);
    if (!run || (run.status !== 'failed' && run.status !== 'partial')) continue;
    const error = run.error ?? accountErrors(run.details);
    issues.push({
      job,
      status: run.status,
      at: (run.finishedAt ?? run.startedAt).toISOString(),
      error: error === null ? null : clip(error.replace(/\s+/g, ' ').trim()),
      lastGoodAt: run.lastGoodAt?.toISOString() ?? null,
    });
  }
  return issues;
}

/**
 * After a failed sync the figures rest on the data the digest's footer dates (the last good sync
 * of any account): the failed-step line says that same time.
 */
export function withLastSync(issues: readonly StepIssue[], syncedAt: string | null): StepIssue[] {
  return issues.map((s) => (s.job === 'sync' && syncedAt ? { ...s, lastGoodAt: syncedAt } : s));
}
