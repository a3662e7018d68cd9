// Sync benchmark: npm run bench:sync -- [--skus 10000] [--days 365] [--json]
// A full sync of a WB and an Ozon account of an emulated seller into a fresh database on the real
// PostgreSQL (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test). The emulator and the
// clients share a virtual clock, so rate-limit waits cost no wall time: they are reported apart.

import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, rowsOf } from '../../src/adapters/db/client.js';
import { runMigrations } from '../../src/adapters/db/migrate.js';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import { insertCompany } from '../../src/adapters/db/queries/companies.js';
import { createSyncStore } from '../../src/adapters/db/stores.js';
import { createClientFactory } from '../../src/adapters/marketplaces/client-factory.js';
import { createVirtualClock } from '../../src/adapters/marketplaces/clock.js';
import { createRateLimiterRegistry } from '../../src/adapters/marketplaces/rate-limiter.js';
import { startMarketplaceEmulator } from '../../src/adapters/marketplaces/simulator/index.js';
import { createAccountSync } from '../../src/services/sync/sync-account.js';
import { withDatabase } from '../helpers/global-setup.js';
import { silentLogger } from '../helpers/logs.js';

const args = process.argv.slice(2);
const value = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const json = args.includes('--json');
const skus = Number(value('--skus', '10000'));
const days = Number(value('--days', '365'));
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const say = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 25);

const start = Date.parse('2026-10-01T03:00:00Z');
const clock = createVirtualClock(start);
say(`emulating a seller with ${skus} SKUs and ${days} days of history…`);
const emulator = await startMarketplaceEmulator({ clock, now: start, skuCount: skus, historyDays: days });
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
const dbName = `stockpilot_bench_${Date.now().toString(36)}`;
await admin.unsafe(`create database "${dbName}"`);
const database = await openDatabase(
  { kind: 'postgres', url: withDatabase(serverUrl, dbName), poolMax: 4 },
  silentLogger(),
);

try {
  await runMigrations(database);
  const { db } = database;
  const company = await insertCompany(db, { name: 'Bench', slug: 'bench' });
  const clientFor = createClientFactory({ clock, limiters: createRateLimiterRegistry(clock) });
  const sync = createAccountSync({
    store: createSyncStore(db),
    log: silentLogger(),
    now: () => new Date(clock.now()),
  });
  const results = [];
  const began = performance.now();
  for (const marketplace of ['wildberries', 'ozon'] as const) {
    const account = await insertAccount(db, {
      companyId: company.id,
      marketplace,
      name: marketplace,
      credentialsSealed: '-',
      credentialsKeyId: '-',
    });
    const client = clientFor(
      account,
      marketplace === 'wildberries'
        ? { marketplace, token: emulator.tokens.wb.personal, baseUrls: { ...emulator.wbBaseUrls } }
        : { marketplace, ...emulator.tokens.ozon, baseUrl: emulator.ozonBaseUrl },
    );
    const t = performance.now();
    const report = await sync({ id: account.id, companyId: company.id, marketplace }, client, { full: true });
    const stats = client.stats();
    const minimumCalls = Object.values(report.steps).reduce((n, s) => n + s.pages, 0);
    results.push({
      marketplace,
      status: report.status,
      seconds: (performance.now() - t) / 1000,
      rows: report.recordsUpdated,
      apiCalls: stats.totalCalls,
      minimumCalls,
      retries: stats.retries,
      rateLimitWaitSeconds: stats.rateLimitWaitMs / 1000,
    });
    say(
      `${marketplace}: ${report.status}, ${report.recordsUpdated} rows in ${results.at(-1)?.seconds.toFixed(1)} s, ${stats.totalCalls} API calls (pages ${minimumCalls}), rate-limit waits ${(stats.rateLimitWaitMs / 1000).toFixed(0)} s (virtual)`,
    );
  }
  const wallSeconds = (performance.now() - began) / 1000;
  const dailyRows =
    rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from daily_sales`))[0]?.n ?? 0;
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const figures = {
    skus,
    days,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    rateLimitWaitSeconds: Math.round(results.reduce((n, r) => n + r.rateLimitWaitSeconds, 0)),
    apiCalls: results.reduce((n, r) => n + r.apiCalls, 0),
    minimumCalls: results.reduce((n, r) => n + r.minimumCalls, 0),
    rowsWritten: rows,
    rowsPerSecond: Math.round(rows / wallSeconds),
    dailySalesRows: dailyRows,
    peakRssMb: Math.round(peakRss / 1e6),
    accounts: results,
  };
  say(
    `total: ${rows} rows in ${figures.wallSeconds} s = ${figures.rowsPerSecond} rows/s; API calls ${figures.apiCalls} (pages ${figures.minimumCalls}); peak RSS ${figures.peakRssMb} MB`,
  );
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  clearInterval(sampler);
  await database.close();
  await emulator.close();
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}
