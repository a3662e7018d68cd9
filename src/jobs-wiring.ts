import { hostname } from 'node:os';
import type { Database } from './adapters/db/client.js';
import { createLocks } from './adapters/db/locks.js';
import { createCompanyStore, createJobQueue, createJobStore } from './adapters/db/stores.js';
import { createJobRunner } from './jobs/runner.js';
import { createScheduler } from './jobs/scheduler.js';
import { createJobWork } from './jobs/work.js';
import { createQueueWorker } from './jobs/worker.js';
import type { Logger } from './lib/logger.js';
import type { Notifications } from './notify-wiring.js';
import type { CompanyService } from './services/companies.js';
import type { ForecastRunner } from './services/forecast/run-forecasts.js';
import type { ProcurementRunner } from './services/procurement/run-procurement.js';
import type { SyncService } from './services/sync/sync-company.js';

// The schedule's parts over one database: the job runner (also used by hand), the clock that
// queues due jobs (on the leader), and this instance's queue worker.

export function createSchedule(deps: {
  database: Database;
  companies: CompanyService;
  sync: SyncService;
  forecast: ForecastRunner;
  procurement: ProcurementRunner;
  notifications: Notifications;
  now: () => Date;
  log: Logger;
}) {
  const { database, now, log, notifications } = deps;
  const { db } = database;
  const locks = createLocks(database);
  const store = createJobStore(db);
  const queue = createJobQueue(db);
  const instance = `${hostname()}:${process.pid}`;
  const runJob = createJobRunner({
    store,
    locks,
    instance,
    now,
    log: log.child({ component: 'jobs' }),
    work: createJobWork({
      sync: (companyId) => deps.sync.syncCompany(companyId),
      forecast: (company, runDate) => deps.forecast(company, runDate),
      procurement: (companyId, runDate) => deps.procurement(companyId, runDate),
      alerts: (company, runDate) => notifications.evaluateAlerts(company, runDate),
      digest: (company, runDate) => notifications.enqueueDigest(company, runDate),
    }),
  });
  const scheduler = createScheduler({
    companies: () => deps.companies.list(),
    queue,
    store,
    locks,
    now,
    log: log.child({ component: 'scheduler' }),
  });
  // Every instance takes queued jobs; only the leader's clock queues them.
  const companyStore = createCompanyStore(db);
  const worker = createQueueWorker({
    queue,
    runner: runJob,
    company: (id) => companyStore.find(id),
    next: (company) => scheduler.enqueueDue(company, 'schedule'),
    instance,
    now,
    log: log.child({ component: 'jobs' }),
  });
  return {
    runJob,
    scheduler,
    worker,
    /** The clock and the worker, where this instance runs the schedule. */
    start() {
      worker.start();
      scheduler.start();
    },
    async stop() {
      await worker.stop();
      await scheduler.stop();
    },
  };
}

export type Schedule = ReturnType<typeof createSchedule>;
