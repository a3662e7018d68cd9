// Sync benchmark: npm run bench:sync -- [--skus 10000] [--days 365] [--json]
// A full sync of a WB and an Ozon account of an emulated seller into a fresh database on the real
// PostgreSQL (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test); see seller-sync.ts.
// Write throughput is measured at the store: rows written ÷ wall seconds with a database write in
// flight (the two accounts sync side by side, as the sync service runs them).
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/adapters/db/client.js';
import { benchArgs, cpuCalibrationMs, rssSampler } from './args.js';
import { syncEmulatedSeller } from './seller-sync.js';

const { json, value, say } = benchArgs();
const rss = rssSampler();

const skus = Number(value('--skus', '10000'));
const days = Number(value('--days', '365'));
// Taken before the emulator starts, on an idle process.
const calibrationMs = cpuCalibrationMs();
const run = await syncEmulatedSeller({ skus, days, say });
try {
  const { accounts, wallSeconds, realWaitSeconds } = run;
  const dailyRows =
    rowsOf<{ n: number }>(await run.database.db.execute(sql`select count(*)::int as n from daily_sales`))[0]
      ?.n ?? 0;
  const rows = accounts.reduce((n, r) => n + r.rows, 0);
  const figures = {
    skus,
    days,
    calibrationMs,
    wallSeconds: Math.round(wallSeconds * 10) / 10,
    rateLimitWaitSeconds: Math.round(accounts.reduce((n, r) => n + r.rateLimitWaitSeconds, 0)),
    apiCalls: accounts.reduce((n, r) => n + r.apiCalls, 0),
    minimumCalls: accounts.reduce((n, r) => n + r.minimumCalls, 0),
    rowsWritten: rows,
    rowsPerSecond: Math.round(rows / (wallSeconds - realWaitSeconds)),
    writeSeconds: Math.round(run.writeSeconds * 10) / 10,
    writeRowsPerSecond: Math.round(rows / run.writeSeconds),
    // daily_sales rows the sync writes, a day summed again by a later refresh counted again.
    derivedRowsWritten: accounts.reduce((n, r) => n + r.dailySalesRows, 0),
    // Distinct daily_sales rows (the table starts empty): a day summed twice counts once.
    allRowsPerSecond: Math.round((rows + dailyRows) / run.writeSeconds),
    writeSecondsByStep: run.writeSecondsByStep,
    dailySalesRows: dailyRows,
    peakRssMb: rss.peakMb(),
    accounts,
  };
  say(
    `total: ${rows} rows in ${figures.wallSeconds} s = ${figures.rowsPerSecond} rows/s end to end; database writes ${figures.writeSeconds} s = ${figures.writeRowsPerSecond} rows/s (${figures.allRowsPerSecond} rows/s with the ${dailyRows} daily_sales rows); API calls ${figures.apiCalls} (pages ${figures.minimumCalls}); peak RSS ${figures.peakRssMb} MB (the sync process; the emulator runs apart)`,
  );
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rss.stop();
  await run.cleanup();
}
