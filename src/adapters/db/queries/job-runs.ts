import { and, desc, eq } from 'drizzle-orm';
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
