// The first part of bench:sync and bench:pipeline: an emulated seller in a process of its own
// (its memory is not ours), a fresh database on the real PostgreSQL, and a full sync of a WB and
// an Ozon account on a clock 1000× faster than real time (waits reported apart).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/adapters/db/client.js';
import { runMigrations } from '../../src/adapters/db/migrate.js';
import { insertAccount, type MarketplaceAccount } from '../../src/adapters/db/queries/accounts.js';
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
  // The heap limits in NODE_OPTIONS are the sync's memory budget, not the fake marketplace's: a
  // real one runs elsewhere, so the emulator gets V8's defaults instead of GC-ing against them.
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`emulator exited with ${child.exitCode}`);
    return line.value as string;
  };
  const emulator = JSON.parse(await nextLine()) as Emulated;
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
    const clientFor = createClientFactory({ clock, limiters: createRateLimiterRegistry(clock) });
    const listed: { account: MarketplaceAccount; marketplace: 'wildberries' | 'ozon' }[] = [];
    for (const marketplace of ['wildberries', 'ozon'] as const) {
      const account = await insertAccount(db, {
        companyId: company.id,
        marketplace,
        name: marketplace,
        credentialsSealed: '-',
        credentialsKeyId: '-',
      });
      listed.push({ account, marketplace });
    }
    const syncAll = async (full: boolean) => {
      const writes = createWriteClock();
      const began = performance.now();
      // Both accounts at once, as the sync service runs a company's accounts.
      const accounts = await Promise.all(
        listed.map(async ({ account, marketplace }) => {
          const client = clientFor(
            account,
            marketplace === 'wildberries'
              ? { marketplace, token: emulator.tokens.wb.personal, baseUrls: emulator.wbBaseUrls }
              : { marketplace, ...emulator.tokens.ozon, baseUrl: emulator.ozonBaseUrl },
          );
          const busy = { ms: 0 };
          const sync = createAccountSync({
            store: writes.timed(createSyncStore(db), busy),
            log: silentLogger(),
            now: () => new Date(clock.now()),
          });
          const t = performance.now();
          const report = await sync({ id: account.id, companyId: company.id, marketplace }, client, { full });
          const stats = client.stats();
          const a = {
            marketplace,
            status: report.status,
            seconds: (performance.now() - t) / 1000,
            rows: report.recordsUpdated,
            dailySalesRows: report.steps.orders.derived ?? 0,
            apiCalls: stats.totalCalls,
            minimumCalls: Object.values(report.steps).reduce((n, s) => n + s.pages, 0),
            retries: stats.retries,
            rateLimitWaitSeconds: stats.rateLimitWaitMs / 1000,
            writeSeconds: busy.ms / 1000,
          };
          opts.say(
            `${marketplace}: ${a.status}, ${a.rows} rows (+${a.dailySalesRows} daily sales) in ${a.seconds.toFixed(1)} s, ${a.apiCalls} API calls (pages ${a.minimumCalls}), rate-limit waits ${a.rateLimitWaitSeconds.toFixed(0)} s (virtual)${report.errorMessage ? `; ${report.errorMessage}` : ''}`,
          );
          return a;
        }),
      );
      const wallSeconds = (performance.now() - began) / 1000;
      return {
        accounts,
        wallSeconds,
        // Waits are on the 1000× clock: in real time they took a thousandth of what they report.
        realWaitSeconds: accounts.reduce((n, r) => n + r.rateLimitWaitSeconds, 0) / SPEED,
        // Wall time with at least one write in flight: the accounts' writes overlap.
        writeSeconds: writes.wallMs() / 1000,
        writeSecondsByStep: writes.byMethodSeconds(),
        // The emulated clock ran ahead during the sync: stock was taken at its time, not the start's.
        syncedAt: new Date(clock.now()),
      };
    };
    const first = await syncAll(true);
    return {
      database,
      company,
      ...first,
      /**
       * The next morning: the emulated seller's data moves on by `days` (new orders, returns,
       * stock moves) and both accounts sync incrementally, from the cursors the last sync left.
       */
      async syncAfter(days: number) {
        child.stdin?.write(`advance ${days * 86_400_000}\n`);
        await nextLine();
        return syncAll(false);
      },
      cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/**
 * Times the store's write methods: per account (busy time), per method (summed over accounts) and
 * the wall time during which any write was in flight.
 */
function createWriteClock() {
  let inFlight = 0;
  let since = 0;
  let wall = 0;
  const byMethod: Record<string, number> = {};
  return {
    wallMs: () => wall,
    byMethodSeconds: () =>
      Object.fromEntries(Object.entries(byMethod).map(([k, ms]) => [k, Math.round(ms / 100) / 10])),
    timed(store: SyncStore, busy: { ms: number }): SyncStore {
      const wrap =
        <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
        async (...args: A): Promise<R> => {
          const t = performance.now();
          if (inFlight++ === 0) since = t;
          try {
            return await fn(...args);
          } finally {
            const now = performance.now();
            if (--inFlight === 0) wall += now - since;
            busy.ms += now - t;
            byMethod[name] = (byMethod[name] ?? 0) + (now - t);
          }
        };
      return {
        ...store,
        saveCatalogue: wrap('catalogue', store.saveCatalogue),
        saveOrders: wrap('orders', store.saveOrders),
        refreshDailySales: wrap('dailySales', store.refreshDailySales),
        saveStock: wrap('stock', store.saveStock),
        closeStock: wrap('closeStock', store.closeStock),
        saveSupplies: wrap('supplies', store.saveSupplies),
      };
    },
  };
}
