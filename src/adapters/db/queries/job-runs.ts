import { and, desc, eq, inArray, isNotNull, lte, max, notInArray } from 'drizzle-orm';
import type { JobRunState, JobTrigger } from '../../../ports.js';
import type { Db } from '../client.js';
import { jobRuns } from '../schema/index.js';

export async function startJobRun(
  db: Db,
  companyId: string,
  job: string,
  runDate: string,
  trigger: JobTrigger,
  instance: string,
  at: Date,
): Promise<number> {
  const [row] = await db
    .insert(jobRuns)
    .values({ companyId, job, runDate, trigger, status: 'running', instanceId: instance, startedAt: at })
    .returning({ id: jobRuns.id });
  if (!row) throw new Error('insert into job_runs returned no row');
  return row.id;
}

export async function finishJobRun(
  db: Db,
  id: number,
  status: JobRunState,
  at: Date,
  error: string | null,
  details: Record<string, unknown>,
): Promise<void> {
  await db.update(jobRuns).set({ status, finishedAt: at, error, details }).where(eq(jobRuns.id, id));
}

export async function jobStatesOn(
  db: Db,
  companyId: string,
  runDate: string,
): Promise<Map<string, JobRunState>> {
  const rows = await db
    .select({ job: jobRuns.job, status: jobRuns.status })
    .from(jobRuns)
    .where(and(eq(jobRuns.companyId, companyId), eq(jobRuns.runDate, runDate)))
    .orderBy(desc(jobRuns.startedAt));
  const out = new Map<string, JobRunState>();
  // A run skipped because another was busy says nothing about the job: the other run's state counts.
  for (const r of rows) if (!out.has(r.job) && r.status !== 'skipped') out.set(r.job, r.status);
  return out;
}

/** The latest finished run of each job of a company on a date, for the digest to say what failed. */
export type StepRun = {
  job: string;
  status: JobRunState;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  details: Record<string, unknown>;
  /** When the job last finished with data to use (success or partial), up to this date; null = never. */
  lastGoodAt: Date | null;
};

export async function stepRunsOn(db: Db, companyId: string, runDate: string): Promise<StepRun[]> {
  const latest = await db
    .selectDistinctOn([jobRuns.job], {
      job: jobRuns.job,
      status: jobRuns.status,
      startedAt: jobRuns.startedAt,
      finishedAt: jobRuns.finishedAt,
      error: jobRuns.error,
      details: jobRuns.details,
    })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.companyId, companyId),
        eq(jobRuns.runDate, runDate),
        notInArray(jobRuns.status, ['running', 'skipped']),
      ),
    )
    .orderBy(jobRuns.job, desc(jobRuns.startedAt));
  if (latest.length === 0) return [];
  // Every other run up to this date started before the latest one, so the newest good finish is
  // the data the failed step left in place.
  const good = await db
    .select({ job: jobRuns.job, at: max(jobRuns.finishedAt) })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.companyId, companyId),
        inArray(
          jobRuns.job,
          latest.map((r) => r.job),
        ),
        lte(jobRuns.runDate, runDate),
        inArray(jobRuns.status, ['success', 'partial']),
        isNotNull(jobRuns.finishedAt),
      ),
    )
    .groupBy(jobRuns.job);
  const goodAt = new Map(good.map((g) => [g.job, g.at]));
  return latest.map((r) => ({ ...r, lastGoodAt: goodAt.get(r.job) ?? null }));
}
