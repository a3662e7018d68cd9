// The daily schedule as a table (STYLE.md rule 7): each job, the company setting that says when it
// runs (in the company's time zone), and the job it waits for that day.

export const JOB_NAMES = ['sync', 'forecast', 'procurement', 'digest'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export type JobSpec = {
  job: JobName;
  at: 'syncTime' | 'forecastTime' | 'procurementTime' | 'digestTime';
  after: JobName | null;
};

export const SCHEDULE: readonly JobSpec[] = [
  { job: 'sync', at: 'syncTime', after: null },
  { job: 'forecast', at: 'forecastTime', after: 'sync' },
  // Procurement is followed by the alert evaluation in the same job.
  { job: 'procurement', at: 'procurementTime', after: 'forecast' },
  { job: 'digest', at: 'digestTime', after: 'procurement' },
];

export type CompanyTimes = Record<JobSpec['at'], string>;
export type RunState = 'running' | 'success' | 'partial' | 'failed' | 'skipped';

/**
 * Jobs due now for one company: its time has come today, it has not finished today, and the job
 * it waits for has finished today (successfully or not: a failed step still lets the next run on
 * the last good data). Missed jobs of today come due at once (catch-up); older days are never
 * replayed because only today's runs are looked at.
 */
export function dueJobs(
  times: CompanyTimes,
  localTime: string,
  today: ReadonlyMap<JobName, RunState>,
): JobName[] {
  const finished = (j: JobName) => {
    const s = today.get(j);
    return s !== undefined && s !== 'running';
  };
  return SCHEDULE.filter(
    (spec) =>
      localTime >= times[spec.at] && !today.has(spec.job) && (spec.after === null || finished(spec.after)),
  ).map((s) => s.job);
}

/** The company's local date and HH:MM at an instant. */
export function localClock(timezone: string, at: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
