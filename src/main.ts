import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type Database, openDatabase } from './adapters/db/client.js';
import { migrationsUpToDate, runMigrations } from './adapters/db/migrate.js';
import {
  createAccountStore,
  createApiTokenStore,
  createCatalogueReader,
  createCompanyStore,
  createForecastStore,
  createLinkCodeStore,
  createProcurementStore,
  createPurchaseOrderStore,
  createRecommendationStore,
  createSyncStore,
} from './adapters/db/stores.js';
import { createClientFactory } from './adapters/marketplaces/client-factory.js';
import { createChatPort, mountSlack, mountTelegram } from './bots-wiring.js';
import type { Config } from './config.js';
import { type Demo, startDemo } from './demo.js';
import { buildApp } from './http/app.js';
import type { JobRunner } from './jobs/runner.js';
import { JOB_NAMES, localClock } from './jobs/table.js';
import { createSchedule, type Schedule } from './jobs-wiring.js';
import { describeDatabaseUrl, type Logger } from './lib/logger.js';
import { projectVersion } from './lib/project-root.js';
import { createSecretBox, type SecretBox } from './lib/secret-box.js';
import { createWorkerPool } from './lib/worker-pool.js';
import { createNotifications, type Notifications } from './notify-wiring.js';
import { type AccountService, createAccountService } from './services/accounts.js';
import { type ApiTokenService, createApiTokenService } from './services/api-tokens.js';
import { createLinkCodeService } from './services/chat/link-codes.js';
import { type CompanyService, createCompanyService } from './services/companies.js';
import { createForecastRunner, type ForecastRunner } from './services/forecast/run-forecasts.js';
import {
  FORECAST_WORKER_LIMITS,
  type ForecastBatch,
  type ForecastOutcome,
} from './services/forecast/types.js';
import { createProcurementRunner, type ProcurementRunner } from './services/procurement/run-procurement.js';
import { createPurchaseOrderService, type PurchaseOrderService } from './services/purchase-orders/service.js';
import { createSyncService, type SyncService } from './services/sync/sync-company.js';

// Composition root: config → logger → db → adapters → services → http (STYLE.md layout).

export type Runtime = {
  config: Config;
  log: Logger;
  database: Database;
  secretBox: SecretBox;
  companies: CompanyService;
  accounts: AccountService;
  apiTokens: ApiTokenService;
  purchaseOrders: PurchaseOrderService;
  sync: SyncService;
  forecast: ForecastRunner;
  procurement: ProcurementRunner;
  notifications: Notifications;
  runJob: JobRunner;
  schedule: Schedule;
  demo: Demo | undefined;
  app: FastifyInstance;
  /** Long polling for Telegram (TELEGRAM_MODE=polling); `serve` starts it, CLI commands do not. */
  startChat(): Promise<void>;
  close(): Promise<void>;
};

const FORECAST_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './services/forecast/worker.ts' : './services/forecast/worker.js',
  import.meta.url,
);

/** `database` lets tests hand in an already opened (and owned-by-us) database. */
export async function createRuntime(
  config: Config,
  log: Logger,
  opts: { database?: Database } = {},
): Promise<Runtime> {
  const secretBox = createSecretBox(config.credentials);
  const where =
    config.database.kind === 'postgres'
      ? describeDatabaseUrl(config.database.url)
      : `embedded PGlite in ${config.database.dataDir}`;
  log.info(
    {
      database: where,
      demoMode: config.demoMode,
      instance: hostname(),
      slack: Boolean(config.slack.botToken),
      telegram: config.telegram.mode,
      credentialKeys: [...config.credentials.keys.keys()],
    },
    'starting stockpilot',
  );

  const database = opts.database ?? (await openDatabase(config.database, log.child({ component: 'db' })));
  const closers: (() => Promise<void>)[] = [];
  try {
    if (config.migrateOnStart) {
      const result = await runMigrations(database);
      log.info({ applied: result.applied, total: result.total }, 'migrations checked');
    }
    const { db } = database;
    const now = () => new Date();
    const companies = createCompanyService({ companies: createCompanyStore(db) });
    const accounts = createAccountService({ accounts: createAccountStore(db), sealer: secretBox });
    const apiTokens = createApiTokenService({ tokens: createApiTokenStore(db), now });
    const recommendations = createRecommendationStore(db);
    const purchaseOrders = createPurchaseOrderService({
      orders: createPurchaseOrderStore(db),
      recommendations,
      now,
    });

    const demo = config.demoMode ? await startDemo({ db, companies, sealer: secretBox, log }) : undefined;
    if (demo) closers.push(() => demo.emulator.close());
    // In demo mode the clients share the emulator's clock, so its scaled rate limits hold for both.
    const clientFor = createClientFactory(demo ? { clock: demo.clock } : {});
    const sync = createSyncService({
      accounts: createAccountStore(db),
      sealer: secretBox,
      store: createSyncStore(db),
      clientFor,
      log: log.child({ component: 'sync' }),
      now,
    });
    let pool: ReturnType<typeof createWorkerPool<ForecastBatch, ForecastOutcome[]>> | undefined;
    const forecastPool = () => {
      pool ??= createWorkerPool<ForecastBatch, ForecastOutcome[]>(
        FORECAST_WORKER,
        undefined,
        FORECAST_WORKER_LIMITS,
      );
      return pool;
    };
    closers.push(async () => pool?.close());
    const forecast: ForecastRunner = (company, runDate, options) =>
      createForecastRunner({
        store: createForecastStore(db),
        pool: forecastPool(),
        log: log.child({ component: 'forecast' }),
      })(company, runDate, options);
    const procurement = createProcurementRunner({
      store: createProcurementStore(db),
      log: log.child({ component: 'procurement' }),
      now,
    });
    const notifications = createNotifications({ config, db, log, sync, now });
    closers.push(async () => notifications.stop());
    const schedule = createSchedule({
      database,
      companies,
      sync,
      forecast,
      procurement,
      notifications,
      now,
      log,
    });
    const { runJob } = schedule;
    closers.push(() => schedule.stop());

    const metrics = new Registry();
    collectDefaultMetrics({ register: metrics });
    const app = await buildApp({
      log,
      metrics,
      version: projectVersion(),
      readiness: async () => {
        const reachable = await database.ping().then(
          () => true,
          () => false,
        );
        const migrations = reachable && (await migrationsUpToDate(db));
        return { ok: reachable && migrations, checks: { database: reachable, migrations } };
      },
      api: {
        tokens: apiTokens,
        anonymousDemo: config.demoMode,
        companies,
        recommendations,
        purchaseOrders,
        catalogue: createCatalogueReader(db),
        sync,
        runJob,
        issueLinkCode: createLinkCodeService({ store: createLinkCodeStore(db), now }),
      },
    });
    // Chat: the bots read and act through one port over the database.
    const chatPort = createChatPort({ db, sync, now });
    const telegram = await mountTelegram({
      config,
      app,
      port: chatPort,
      renderer: notifications.renderer,
      log,
      now,
    });
    const slackApp = await mountSlack({
      config,
      app,
      port: chatPort,
      renderer: notifications.renderer,
      log,
      now,
    });
    if (slackApp) closers.unshift(async () => void (await slackApp.stop()));
    let polling: { stop(): void } | undefined;
    closers.push(async () => polling?.stop());
    const startChat = async () => {
      if (config.telegram.mode !== 'polling' || !telegram) return;
      polling = await telegram.startPolling();
    };
    return {
      config,
      log,
      database,
      secretBox,
      companies,
      accounts,
      apiTokens,
      purchaseOrders,
      sync,
      forecast,
      procurement,
      notifications,
      runJob,
      schedule,
      demo,
      app,
      startChat,
      close: async () => {
        await app.close();
        for (const close of closers.reverse()) await close().catch(() => undefined);
        await database.close();
      },
    };
  } catch (err) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }
}

/** Listens until SIGTERM/SIGINT, then stops accepting, finishes in-flight work and closes the pool. */
export async function serve(config: Config, log: Logger): Promise<Runtime> {
  const runtime = await createRuntime(config, log);
  await runtime.app.listen({ host: config.host, port: config.port });
  runtime.notifications.start();
  await runtime.startChat();
  // In demo mode the whole morning runs once at start; the clock then keeps the schedule.
  void (runtime.demo ? runDemoMorning(runtime, runtime.demo) : Promise.resolve()).then(() => {
    if (config.schedulerEnabled) runtime.schedule.start();
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    runtime.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return runtime;
}

/** The demo company's morning, once at start, so a newcomer sees the product work within a minute. */
async function runDemoMorning(runtime: Runtime, demo: Demo): Promise<void> {
  const company = await runtime.companies.resolve(demo.companyId);
  if (!company) return;
  const { date } = localClock(company.timezone, new Date());
  for (const job of JOB_NAMES) await runtime.runJob(company, job, date, 'manual');
  await runtime.notifications.deliverNow();
  runtime.log.info({ companyId: company.id }, 'demo morning finished');
}
