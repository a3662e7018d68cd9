// Pipeline benchmark: npm run bench:pipeline -- [--skus 10000] [--days 365] [--json]
// One company's mornings end to end on the real PostgreSQL: sync → forecast (worker threads) →
// procurement → alerts → digest (into the outbox), each stage's wall time and the peak RSS of this
// process. The first morning starts with the initial sync of the whole history (as bench:sync);
// then the emulated seller's data moves on a day and the next morning syncs incrementally, as
// every later day does. Rate-limit waits are on the emulator's 1000× clock and reported apart.
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildDigestView, encodeAction } from '../../bots/commands/index.js';
import {
  createAlertStore,
  createForecastStore,
  createOutboxStore,
  createProcurementStore,
  createRecommendationStore,
} from '../../src/adapters/db/stores.js';
import { createRenderer, type DigestView } from '../../src/adapters/render/index.js';
import { addDays } from '../../src/core/forecast/index.js';
import { createWorkerPool } from '../../src/lib/worker-pool.js';
import { createAlertService } from '../../src/services/alerts/evaluate-alerts.js';
import { createForecastRunner } from '../../src/services/forecast/run-forecasts.js';
import {
  FORECAST_WORKER_LIMITS,
  type ForecastBatch,
  type ForecastOutcome,
} from '../../src/services/forecast/types.js';
import { createDigestService } from '../../src/services/notify/digest.js';
import { createProcurementRunner } from '../../src/services/procurement/run-procurement.js';
import { silentLogger } from '../helpers/logs.js';
import { benchArgs, cpuCalibrationMs, rssSampler } from './args.js';
import { syncEmulatedSeller } from './seller-sync.js';

const { json, value, say } = benchArgs();
const rss = rssSampler();

const skus = Number(value('--skus', '10000'));
// Taken before the emulator starts, on an idle process.
const calibrationMs = cpuCalibrationMs();
const run = await syncEmulatedSeller({ skus, days: Number(value('--days', '365')), say });
const pool = createWorkerPool<ForecastBatch, ForecastOutcome[]>(
  new URL('../../src/services/forecast/worker.ts', import.meta.url),
  undefined,
  FORECAST_WORKER_LIMITS,
);
type SyncPass = Omit<
  Awaited<ReturnType<typeof syncEmulatedSeller>>,
  'database' | 'company' | 'syncAfter' | 'cleanup'
>;

try {
  const { db } = run.database;
  const company = { ...run.company, timezone: 'Europe/Moscow' };
  const log = silentLogger();
  const renderer = createRenderer({
    templatesDir: fileURLToPath(new URL('../../templates', import.meta.url)),
  });

  /** One morning after a sync pass: forecast → procurement → alerts → digest, each timed. */
  const morning = async (label: string, sync: SyncPass, runDate: string) => {
    const now = () => new Date(sync.syncedAt.getTime() + 60_000);
    const stages: Record<string, number> = { sync: sync.wallSeconds - sync.realWaitSeconds };
    const stageRssMb: Record<string, number> = { sync: rss.stagePeakMb() };
    say(`${label} sync: ${stages.sync?.toFixed(1)} s, peak RSS ${stageRssMb.sync} MB`);
    const time = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const out = await fn();
      stages[name] = (performance.now() - t) / 1000;
      stageRssMb[name] = rss.stagePeakMb();
      say(`${label} ${name}: ${stages[name]?.toFixed(1)} s, peak RSS ${stageRssMb[name]} MB`);
      return out;
    };
    await time('forecast', () =>
      createForecastRunner({ store: createForecastStore(db), pool, log })(company, runDate),
    );
    const procurement = await time('procurement', () =>
      createProcurementRunner({ store: createProcurementStore(db), log, now })(company.id, runDate),
    );
    const alerts = await time('alerts', () =>
      createAlertService({
        store: createAlertStore(db),
        now,
        targets: async () => [{ channel: 'console', target: 'stdout', locale: 'en', minSeverity: 'warning' }],
        render: (_c, _l, group) => [{ text: `${group.firing.length} firing` }],
      })(company, runDate),
    );
    const digest = await time('digest', () =>
      createDigestService<DigestView>({
        recommendations: createRecommendationStore(db),
        outbox: createOutboxStore(db),
        targets: async () => [{ channel: 'telegram', target: '42', locale: 'en' }],
        buildView: async (c, date, recommendations) =>
          buildDigestView({
            companyName: c.name,
            runDate: date,
            timezone: c.timezone,
            recommendations,
            newAlerts: [],
            freshness: { syncedAt: null, stale: false },
            actionId: (kind, r) =>
              encodeAction(
                { kind, recommendationId: r.id, expiresAt: new Date(now().getTime() + 3 * 86_400_000) },
                () => 'sig',
              ),
          }),
        render: (_channel, locale, view) =>
          renderer.renderDigest('telegram', locale, view) as unknown as Record<string, unknown>[],
      })({ ...company, locale: 'en' }, runDate),
    );
    const total = Object.values(stages).reduce((a, b) => a + b, 0);
    const figures = {
      runDate,
      stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v * 10) / 10])),
      totalSeconds: Math.round(total * 10) / 10,
      rateLimitWaitSeconds: Math.round(sync.accounts.reduce((n, r) => n + r.rateLimitWaitSeconds, 0)),
      syncedRows: sync.accounts.reduce((n, r) => n + r.rows, 0),
      apiCalls: sync.accounts.reduce((n, r) => n + r.apiCalls, 0),
      categories: procurement.categories,
      alerts,
      digestMessages: digest,
      stagePeakRssMb: stageRssMb,
    };
    say(
      `${label}: total ${figures.totalSeconds} s (rate-limit waits excluded: ${figures.rateLimitWaitSeconds} s on the emulator clock)`,
    );
    return figures;
  };

  // The first morning includes the initial sync of a year of history (bench:sync); every later
  // morning syncs what changed since the last one, as the daily schedule does.
  const firstDate = run.syncedAt.toISOString().slice(0, 10);
  const first = await morning('first morning', run, firstDate);
  const next = await morning('next morning', await run.syncAfter(1), addDays(firstDate, 1));
  const figures = {
    skus,
    cores: pool.size,
    host: hostname(),
    calibrationMs,
    ...first,
    peakRssMb: rss.peakMb(),
    nextMorning: next,
  };
  say(`peak RSS ${figures.peakRssMb} MB over both mornings`);
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  rss.stop();
  await pool.close();
  await run.cleanup();
}
