import { describeError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';
import type { CompanyRecord, JobQueue } from '../ports.js';
import type { JobRunner } from './runner.js';
import type { JobName } from './table.js';

/**
 * Every instance's share of the schedule: takes queued jobs from PostgreSQL (FOR UPDATE SKIP
 * LOCKED, so two instances never take the same one), runs each through the job runner (one
 * job_runs row, never overlapping itself), keeps its lease while it runs, and then queues the
 * company's next due step. An instance that dies mid-job loses its lease and the job is taken again.
 */
export function createQueueWorker(deps: {
  queue: JobQueue;
  runner: JobRunner;
  company: (id: string) => Promise<CompanyRecord | undefined>;
  /** Queues the company's next due job (the scheduler's enqueueDue). */
  next: (company: CompanyRecord) => Promise<unknown>;
  instance: string;
  now: () => Date;
  log: Logger;
  leaseMs?: number;
  pollMs?: number;
}) {
  const leaseMs = deps.leaseMs ?? 10 * 60_000;
  const until = () => new Date(deps.now().getTime() + leaseMs);

  /** Takes and runs one job; false when the queue had none for us. */
  async function runOne(): Promise<boolean> {
    const entry = await deps.queue.claim(deps.instance, deps.now(), until());
    if (!entry) return false;
    const company = await deps.company(entry.companyId);
    if (company) {
      const keep = setInterval(() => {
        deps.queue.extend(entry.id, deps.instance, until()).catch((err: unknown) => {
          deps.log.warn({ error: describeError(err), jobId: entry.id }, 'could not extend a job lease');
        });
      }, leaseMs / 3);
      try {
        await deps.runner(company, entry.job as JobName, entry.runDate, entry.trigger);
      } finally {
        clearInterval(keep);
      }
    }
    await deps.queue.finish(entry.id, deps.instance, deps.now());
    if (company) await deps.next(company);
    return true;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      while (await runOne());
    } catch (err) {
      deps.log.error({ error: describeError(err) }, 'job queue worker failed');
    } finally {
      busy = false;
    }
  };

  return {
    runOne,
    start() {
      timer = setInterval(() => {
        running = poll();
      }, deps.pollMs ?? 5_000);
      running = poll();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type QueueWorker = ReturnType<typeof createQueueWorker>;
