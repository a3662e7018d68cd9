import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { type Database, openDatabase } from './adapters/db/client.js';
import { migrationsUpToDate, runMigrations } from './adapters/db/migrate.js';
import {
  createApiTokenStore,
  createCompanyStore,
  createPurchaseOrderStore,
  createRecommendationStore,
} from './adapters/db/stores.js';
import type { Config } from './config.js';
import { buildApp } from './http/app.js';
import { describeDatabaseUrl, type Logger } from './lib/logger.js';
import { projectVersion } from './lib/project-root.js';
import { createSecretBox, type SecretBox } from './lib/secret-box.js';
import { type ApiTokenService, createApiTokenService } from './services/api-tokens.js';
import { type CompanyService, createCompanyService } from './services/companies.js';
import { ensureDemoCompany } from './services/demo.js';
import { createPurchaseOrderService, type PurchaseOrderService } from './services/purchase-orders/service.js';

// Composition root: config → logger → db → adapters → services → http (STYLE.md layout).

export type Runtime = {
  config: Config;
  log: Logger;
  database: Database;
  secretBox: SecretBox;
  companies: CompanyService;
  apiTokens: ApiTokenService;
  purchaseOrders: PurchaseOrderService;
  app: FastifyInstance;
  close(): Promise<void>;
};

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
  try {
    if (config.migrateOnStart) {
      const result = await runMigrations(database);
      log.info({ applied: result.applied, total: result.total }, 'migrations checked');
    }
    const { db } = database;
    const now = () => new Date();
    const companies = createCompanyService({ companies: createCompanyStore(db) });
    const apiTokens = createApiTokenService({ tokens: createApiTokenStore(db), now });
    const recommendations = createRecommendationStore(db);
    const purchaseOrders = createPurchaseOrderService({
      orders: createPurchaseOrderStore(db),
      recommendations,
      now,
    });
    if (config.demoMode) await ensureDemoCompany({ companies, log });

    const metrics = new Registry();
    collectDefaultMetrics({ register: metrics });
    const app = await buildApp({
      log,
      metrics,
      version: projectVersion(),
      api: { tokens: apiTokens, companies, recommendations, purchaseOrders },
      readiness: async () => {
        const database_ = await database.ping().then(
          () => true,
          () => false,
        );
        const migrations = database_ && (await migrationsUpToDate(database.db));
        return { ok: database_ && migrations, checks: { database: database_, migrations } };
      },
    });
    return {
      config,
      log,
      database,
      secretBox,
      companies,
      apiTokens,
      purchaseOrders,
      app,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}

/** Listens until SIGTERM/SIGINT, then stops accepting, finishes in-flight work and closes the pool. */
export async function serve(config: Config, log: Logger): Promise<Runtime> {
  const runtime = await createRuntime(config, log);
  await runtime.app.listen({ host: config.host, port: config.port });
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
