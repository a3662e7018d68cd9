// The first part of bench:sync and bench:pipeline: an emulated seller in a process of its own
// (its memory is not ours), a fresh database on the real PostgreSQL, and a full sync of a WB and
// an Ozon account on a clock 1000× faster than real time (waits reported apart).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/adapters/db/client.js';
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

export const SPEED = 1000;

type Emulated = {
  wbBaseUrls: Record<string, string>;
  ozonBaseUrl: string;
  tokens: { wb: { personal: string }; ozon: { clientId: string; apiKey: string } };
};

export async function syncEmulatedSeller(opts: { skus: number; days: number; say: (s: string) => void }) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const start = Date.parse('2026-10-01T03:00:00Z');
  const clock = createScaledClock({ speed: SPEED, start });
  opts.say(`emulating a seller with ${opts.skus} SKUs and ${opts.days} days of history…`);
  const script = fileURLToPath(new URL('./emulator-process.ts', import.meta.url));
  const args = [
    '--skus',
    String(opts.skus),
    '--days',
    String(opts.days),
    '--speed',
    String(SPEED),
    '--start',
    String(start),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const emulator = JSON.parse(
    await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
    }),
  ) as Emulated;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const dbName = `stockpilot_bench_${Date.now().toString(36)}`;
  await admin.unsafe(`create database "${dbName}"`);
  const database: Database = await openDatabase(
    { kind: 'postgres', url: withDatabase(serverUrl, dbName), poolMax: 4 },
    silentLogger(),
  );
  const cleanup = async () => {
    await database.close();
    child.kill('SIGTERM');
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  };
  try {
    await runMigrations(database);
    const { db } = database;
    const company = await insertCompany(db, { name: 'Bench', slug: 'bench' });
    const writeMs = { total: 0 };
    const clientFor = createClientFactory({ clock, limiters: createRateLimiterRegistry(clock) });
    const sync = createAccountSync({
      store: timed(createSyncStore(db), writeMs),
      log: silentLogger(),
      now: () => new Date(clock.now()),
    });
    const accounts = [];
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
      const before = writeMs.total;
      const report = await sync({ id: account.id, companyId: company.id, marketplace }, client, {
        full: true,
      });
      const stats = client.stats();
      accounts.push({
        marketplace,
        status: report.status,
        seconds: (performance.now() - t) / 1000,
        rows: report.recordsUpdated,
        apiCalls: stats.totalCalls,
        minimumCalls: Object.values(report.steps).reduce((n, s) => n + s.pages, 0),
        retries: stats.retries,
        rateLimitWaitSeconds: stats.rateLimitWaitMs / 1000,
        writeSeconds: (writeMs.total - before) / 1000,
      });
      const a = accounts.at(-1);
      opts.say(
        `${marketplace}: ${a?.status}, ${a?.rows} rows in ${a?.seconds.toFixed(1)} s, ${a?.apiCalls} API calls (pages ${a?.minimumCalls}), rate-limit waits ${a?.rateLimitWaitSeconds.toFixed(0)} s (virtual)`,
      );
    }
    const wallSeconds = (performance.now() - began) / 1000;
    // Waits are on the 1000× clock: in real time they took a thousandth of what they report.
    const realWaitSeconds = accounts.reduce((n, r) => n + r.rateLimitWaitSeconds, 0) / SPEED;
    return {
      database,
      company,
      accounts,
      wallSeconds,
      realWaitSeconds,
      writeSeconds: writeMs.total / 1000,
      // The emulated clock ran ahead during the sync: stock was taken at its time, not the start's.
      syncedAt: new Date(clock.now()),
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Counts the time spent in the store's write methods. */
function timed(store: SyncStore, writeMs: { total: number }): SyncStore {
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
