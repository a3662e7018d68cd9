import { and, eq, sql } from 'drizzle-orm';
import type { JobTrigger, QueuedJob } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import { jobQueue } from '../schema/index.js';

/** A claim that has failed this many times (its instance died each time) is given up. */
const MAX_ATTEMPTS = 3;

export async function enqueueJob(
  db: Db,
  companyId: string,
  job: string,
  runDate: string,
  trigger: JobTrigger,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .insert(jobQueue)
    .values({ companyId, job, runDate, trigger, enqueuedAt: at })
    .onConflictDoNothing({ target: [jobQueue.companyId, jobQueue.job, jobQueue.runDate] })
    .returning({ id: jobQueue.id });
  return rows.length > 0;
}

export async function claimJob(
  db: Db,
  instance: string,
  at: Date,
  leaseUntil: Date,
): Promise<QueuedJob | null> {
  const now = at.toISOString();
  // The run of a job whose lease ran out will never finish: say so in job_runs, so the next step
  // runs on the last good data and the digest names the failure.
  await db.execute(sql`
    update job_runs r set status = 'failed', finished_at = ${now}::timestamptz,
      error = 'abandoned: the instance running it stopped (its lease ran out)'
    from job_queue q
    where q.state = 'running' and q.locked_until < ${now}::timestamptz
      and r.company_id = q.company_id and r.job = q.job and r.run_date = q.run_date and r.status = 'running'`);
  // Claims whose instance died too often are given up, so they do not come back for ever.
  await db.execute(sql`
    update job_queue set state = 'failed', finished_at = ${now}::timestamptz
    where state = 'running' and locked_until < ${now}::timestamptz and attempts >= ${MAX_ATTEMPTS}::int`);
  const [row] = rowsOf<{
    id: number | string;
    company_id: string;
    job: string;
    run_date: string | Date;
    trigger: JobTrigger;
    attempts: number;
  }>(
    await db.execute(sql`
      update job_queue q
      set state = 'running', locked_by = ${instance}, locked_until = ${leaseUntil.toISOString()}::timestamptz,
          attempts = q.attempts + 1
      where q.id = (
        select id from job_queue
        where state = 'queued' or (state = 'running' and locked_until < ${now}::timestamptz)
        order by id
        limit 1
        for update skip locked
      )
      returning q.id, q.company_id, q.job, q.run_date::text as run_date, q.trigger, q.attempts`),
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    companyId: row.company_id,
    job: row.job,
    runDate: String(row.run_date).slice(0, 10),
    trigger: row.trigger,
    attempts: Number(row.attempts),
  };
}

export async function extendJobLease(db: Db, id: number, instance: string, leaseUntil: Date): Promise<void> {
  await db
    .update(jobQueue)
    .set({ lockedUntil: leaseUntil })
    .where(and(eq(jobQueue.id, id), eq(jobQueue.lockedBy, instance), eq(jobQueue.state, 'running')));
}

export async function finishQueuedJob(db: Db, id: number, instance: string, at: Date): Promise<void> {
  await db
    .update(jobQueue)
    .set({ state: 'done', finishedAt: at, lockedUntil: null })
    .where(and(eq(jobQueue.id, id), eq(jobQueue.lockedBy, instance)));
}
