import { Cron } from 'croner';
import type { Logger } from '../lib/logger.js';
import type { CompanyRecord, JobStore, Locks } from '../ports.js';
import type { JobRunner } from './runner.js';
import { dueJobs, type JobName, localClock, type RunState } from './table.js';

/**
 * The clock: every minute, on the one instance holding the leader lock, each company's due jobs
 * run in order. The first pass after start catches up today's missed jobs.
 */
export function createScheduler(deps: {
  companies: () => Promise<CompanyRecord[]>;
  runner: JobRunner;
  store: JobStore;
  locks: Locks;
  now: () => Date;
  log: Logger;
}) {
  const busy = new Set<string>();
  let first = true;

  async function runDue(company: CompanyRecord, catchUp: boolean): Promise<JobName[]> {
    const ran: JobName[] = [];
    for (;;) {
      const { date, time } = localClock(company.timezone, deps.now());
      const states = (await deps.store.statesOn(company.id, date)) as Map<JobName, RunState>;
      const [job] = dueJobs(company, time, states);
      if (!job || ran.includes(job)) return ran;
      ran.push(job);
      await deps.runner(company, job, date, catchUp ? 'catch-up' : 'schedule');
    }
  }

  /** One pass; returns the jobs run per company (tests drive this with a fast-forwarded clock). */
  async function tick(): Promise<Record<string, JobName[]> | 'follower'> {
    if (!(await deps.locks.tryLead())) return 'follower';
    const catchUp = first;
    first = false;
    const out: Record<string, JobName[]> = {};
    await Promise.all(
      (await deps.companies()).map(async (company) => {
        if (busy.has(company.id)) return;
        busy.add(company.id);
        try {
          out[company.id] = await runDue(company, catchUp);
        } catch (err) {
          deps.log.error({ err, companyId: company.id }, 'schedule pass failed');
        } finally {
          busy.delete(company.id);
        }
      }),
    );
    return out;
  }

  let cron: Cron | undefined;
  return {
    tick,
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
