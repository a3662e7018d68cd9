import { Cron } from 'croner';
import type { Logger } from '../lib/logger.js';
import type { CompanyRecord, JobQueue, JobStore, JobTrigger, Locks } from '../ports.js';
import { dueJobs, type JobName, localClock, type RunState } from './table.js';

/**
 * The clock: every minute, on the one instance holding the leader lock, each company's due job is
 * put on the PostgreSQL job queue, where any instance's worker takes it (jobs/worker.ts). The
 * first pass after start catches up today's missed jobs; a finished job queues the next one due.
 */
export function createScheduler(deps: {
  companies: () => Promise<CompanyRecord[]>;
  queue: JobQueue;
  store: JobStore;
  locks: Locks;
  now: () => Date;
  log: Logger;
}) {
  let first = true;

  /** Queues the company's next due job, if any; returns it. */
  async function enqueueDue(company: CompanyRecord, trigger: JobTrigger): Promise<JobName | null> {
    const { date, time } = localClock(company.timezone, deps.now());
    const states = (await deps.store.statesOn(company.id, date)) as Map<JobName, RunState>;
    const [job] = dueJobs(company, time, states);
    if (!job) return null;
    const queued = await deps.queue.enqueue(company.id, job, date, trigger, deps.now());
    return queued ? job : null;
  }

  /** One pass; returns the jobs queued per company (tests drive this with a fast-forwarded clock). */
  async function tick(): Promise<Record<string, JobName[]> | 'follower'> {
    if (!(await deps.locks.tryLead())) return 'follower';
    const trigger: JobTrigger = first ? 'catch-up' : 'schedule';
    first = false;
    const out: Record<string, JobName[]> = {};
    for (const company of await deps.companies()) {
      try {
        const job = await enqueueDue(company, trigger);
        out[company.id] = job ? [job] : [];
      } catch (err) {
        deps.log.error({ err, companyId: company.id }, 'schedule pass failed');
      }
    }
    return out;
  }

  let cron: Cron | undefined;
  return {
    tick,
    enqueueDue,
    start() {
      cron = new Cron('* * * * *', { protect: true }, () => {
        void tick();
      });
      void tick();
    },
    async stop() {
      cron?.stop();
      await deps.locks.releaseLead();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
