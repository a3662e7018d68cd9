// Sync benchmark: npm run bench:sync -- [--skus 10000] [--days 365] [--json]
// A full sync of a WB and an Ozon account of an emulated seller into a fresh database on the real
// PostgreSQL (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test). The emulator runs in
// a process of its own (its memory is not ours); both run on a clock 1000× faster than real time,
// so rate limits hold without real minutes of waiting, and the waits are reported apart.
// Write throughput is measured at the store: rows written ÷ seconds spent in database writes.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, rowsOf } from '../../src/adapters/db/client.js';
import { runMigrations } from '../../src/adapters/db/migrate.js';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import { insertCompany } from '../../src/adapters/db/queries/companies.js';
import { createSyncStore } from '../../src/adapters/db/stores.js';
import { createClientFactory } from '../../src/adapters/marketplaces/client-factory.js';
import { createScaledClock } from '../../src/adapters/marketplaces/clock.js';
import { createRateLimiterRegistry } from '../../src/adapters/marketplaces/rate-limiter.js';
import type { SyncStore } from '../../src/ports.js';
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

const writeMs = { total: 0 };
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 25);

const SPEED = 1000;
const start = Date.parse('2026-10-01T03:00:00Z');
const clock = createScaledClock({ speed: SPEED, start });
say(`emulating a seller with ${skus} SKUs and ${days} days of history…`);
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    fileURLToPath(new URL('./emulator-process.ts', import.meta.url)),
    '--skus',
    String(skus),
    '--days',
    String(days),
    '--speed',
    String(SPEED),
    '--start',
    String(start),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const emulator = JSON.parse(
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  }),
) as {
  wbBaseUrls: Record<string, string>;
  ozonBaseUrl: string;
  tokens: { wb: { personal: string }; ozon: { clientId: string; apiKey: string } };
};
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
    store: timed(createSyncStore(db)),
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
        ? { marketplace, token: emulator.tokens.wb.personal, baseUrls: emulator.wbBaseUrls }
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
      writeSeconds: writeMs.total / 1000,
    });
    say(
      `${marketplace}: ${report.status}, ${report.recordsUpdated} rows in ${results.at(-1)?.seconds.toFixed(1)} s, ${stats.totalCalls} API calls (pages ${minimumCalls}), rate-limit waits ${(stats.rateLimitWaitMs / 1000).toFixed(0)} s (virtual)`,
    );
  }
  const wallSeconds = (performance.now() - began) / 1000;
  // Waits are on the 1000× clock: in real time they took a thousandth of what they report.
  const realWaitSeconds = results.reduce((n, r) => n + r.rateLimitWaitSeconds, 0) / SPEED;
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
    rowsPerSecond: Math.round(rows / (wallSeconds - realWaitSeconds)),
    writeSeconds: Math.round(writeMs.total / 100) / 10,
    writeRowsPerSecond: Math.round(rows / (writeMs.total / 1000)),
    dailySalesRows: dailyRows,
    peakRssMb: Math.round(peakRss / 1e6),
    accounts: results,
  };
  say(
    `total: ${rows} rows in ${figures.wallSeconds} s = ${figures.rowsPerSecond} rows/s end to end; database writes ${figures.writeSeconds} s = ${figures.writeRowsPerSecond} rows/s; API calls ${figures.apiCalls} (pages ${figures.minimumCalls}); peak RSS ${figures.peakRssMb} MB (the sync process; the emulator runs apart)`,
  );
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  clearInterval(sampler);
  await database.close();
  child.kill('SIGTERM');
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
}

/** Counts the time spent in the store's write methods. */
function timed(store: SyncStore): SyncStore {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const t = performance.now();
      try {
        return await fn(...args);
      } finally {
        writeMs.total += performance.now() - t;
      }
    };
  return {
    ...store,
    saveCatalogue: wrap(store.saveCatalogue),
    saveOrders: wrap(store.saveOrders),
    saveStock: wrap(store.saveStock),
    closeStock: wrap(store.closeStock),
    saveSupplies: wrap(store.saveSupplies),
  };
}
