export type JobRunState = 'running' | 'success' | 'partial' | 'failed' | 'skipped';
export type JobTrigger = 'schedule' | 'catch-up' | 'manual' | 'chat' | 'api' | 'cli';

export type JobStore = {
  start(
    companyId: string,
    job: string,
    runDate: string,
    trigger: JobTrigger,
    instance: string,
    at: Date,
  ): Promise<number>;
  finish(
    id: number,
    status: JobRunState,
    at: Date,
    error: string | null,
    details: Record<string, unknown>,
  ): Promise<void>;
  /** The latest state of each job of a company on a date. */
  statesOn(companyId: string, runDate: string): Promise<Map<string, JobRunState>>;
};

/** PostgreSQL advisory locks: one leader for the clock, and no job overlapping itself. */
export type Locks = {
  /** Takes (or keeps) the clock; held until released or the process dies. */
  tryLead(): Promise<boolean>;
  releaseLead(): Promise<void>;
  /** Runs `fn` only if nobody (no instance, no other call) is running the same key. */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
};

export type QueuedJob = {
  id: number;
  companyId: string;
  job: string;
  runDate: string;
  trigger: JobTrigger;
  attempts: number;
};

/** The scheduled work in PostgreSQL, for whichever instance takes it (job_queue). */
export type JobQueue = {
  /** Queues a company's job for a day once; false when it was already queued (or done) that day. */
  enqueue(companyId: string, job: string, runDate: string, trigger: JobTrigger, at: Date): Promise<boolean>;
  /**
   * Takes the oldest queued job, or one whose holder's lease ran out (the instance died), with a
   * lease until `leaseUntil`; null when there is none. Skips what another instance is taking.
   */
  claim(instance: string, at: Date, leaseUntil: Date): Promise<QueuedJob | null>;
  /** Keeps a long job's lease, so nobody takes it again while it runs. */
  extend(id: number, instance: string, leaseUntil: Date): Promise<void>;
  finish(id: number, instance: string, at: Date): Promise<void>;
};
