import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { CompanyRecord, JobRunState, JobStore, JobTrigger, Locks } from '../ports.js';
import type { JobName } from './table.js';

export type JobOutcome = { status: 'success' | 'partial' | 'failed'; details?: Record<string, unknown> };
export type JobWork = Record<JobName, (company: CompanyRecord, runDate: string) => Promise<JobOutcome>>;

/**
 * Runs one job for one company and date: never twice at once (an advisory lock per company and
 * job, across instances), always with a job_runs row saying how it went.
 */
export function createJobRunner(deps: {
  store: JobStore;
  locks: Locks;
  work: JobWork;
  instance: string;
  now: () => Date;
  log: Logger;
}) {
  return async function runJob(
    company: CompanyRecord,
    job: JobName,
    runDate: string,
    trigger: JobTrigger,
  ): Promise<{ status: JobRunState; error?: string }> {
    const attempt = await deps.locks.exclusive(`job:${company.id}:${job}`, async () => {
      const id = await deps.store.start(company.id, job, runDate, trigger, deps.instance, deps.now());
      try {
        const outcome = await deps.work[job](company, runDate);
        await deps.store.finish(id, outcome.status, deps.now(), null, outcome.details ?? {});
        deps.log.info(
          { companyId: company.id, job, runDate, trigger, status: outcome.status },
          'job finished',
        );
        return { status: outcome.status as JobRunState };
      } catch (err) {
        const error = describeError(err);
        await deps.store.finish(id, 'failed', deps.now(), error, {});
        deps.log.error({ companyId: company.id, job, runDate, trigger, error }, 'job failed');
        return { status: 'failed' as JobRunState, error };
      }
    });
    if (!attempt.ran) {
      deps.log.info({ companyId: company.id, job, runDate }, 'job already running; not started again');
      return { status: 'skipped' };
    }
    return attempt.value;
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
