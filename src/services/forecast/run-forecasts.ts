import { addDays, DEFAULT_LEVELS } from '../../core/forecast/index.js';
import type { Logger } from '../../lib/logger.js';
import type { WorkerPool } from '../../lib/worker-pool.js';
import type { ForecastRecord, ForecastStore } from '../../ports.js';
import type { ForecastBatch, ForecastOutcome } from './types.js';

export type ForecastRunOptions = {
  horizon?: number;
  /** How far back to read demand; two years covers a yearly season with room to spare. */
  historyDays?: number;
  /** Products read from the database at once (bounds memory), and SKUs per worker message. */
  readBatch?: number;
  workerBatch?: number;
};

export type ForecastRunSummary = {
  runDate: string;
  products: number;
  forecasted: number;
  failed: { productId: number; error: string }[];
  models: Record<string, number>;
  durationMs: number;
};

/**
 * Forecasts every active SKU of a company for a run date (history up to the day before) on all
 * worker threads, and stores the results; running the same day again replaces them.
 */
export function createForecastRunner(deps: {
  store: ForecastStore;
  pool: WorkerPool<ForecastBatch, ForecastOutcome[]>;
  log: Logger;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  return async function runForecasts(
    company: { id: string; timezone: string },
    runDate: string,
    opts: ForecastRunOptions = {},
  ): Promise<ForecastRunSummary> {
    const started = now();
    const horizon = opts.horizon ?? 30;
    const workerBatch = opts.workerBatch ?? 64;
    const summary: ForecastRunSummary = {
      runDate,
      products: 0,
      forecasted: 0,
      failed: [],
      models: {},
      durationMs: 0,
    };
    const window = {
      from: addDays(runDate, -(opts.historyDays ?? 730)),
      to: addDays(runDate, -1),
      timezone: company.timezone,
      batchSize: opts.readBatch ?? 1000,
    };
    let saving: Promise<void> = Promise.resolve();
    for await (const histories of deps.store.histories(company.id, window)) {
      summary.products += histories.length;
      const chunks: ForecastBatch[] = [];
      for (let i = 0; i < histories.length; i += workerBatch) {
        chunks.push({ horizon, levels: [...DEFAULT_LEVELS], jobs: histories.slice(i, i + workerBatch) });
      }
      const outcomes = (await Promise.all(chunks.map((c) => deps.pool.run(c)))).flat();
      const rows: ForecastRecord[] = [];
      for (const o of outcomes) {
        if (!o.ok) {
          summary.failed.push({ productId: o.productId, error: o.error });
          continue;
        }
        summary.models[o.model] = (summary.models[o.model] ?? 0) + 1;
        rows.push({
          productId: o.productId,
          runDate,
          startDate: runDate,
          model: o.model,
          modelVersion: o.modelVersion,
          demandClass: o.demandClass,
          horizonDays: horizon,
          mean: o.mean,
          quantiles: o.quantiles,
          metrics: o.metrics,
        });
      }
      // Writing one batch overlaps with forecasting the next; at most one write is pending.
      await saving;
      saving = deps.store.save(company.id, rows);
      summary.forecasted += rows.length;
    }
    await saving;
    for (const f of summary.failed)
      deps.log.warn({ productId: f.productId, error: f.error }, 'forecast failed for a SKU');
    summary.durationMs = now() - started;
    deps.log.info(
      {
        companyId: company.id,
        runDate,
        products: summary.products,
        failed: summary.failed.length,
        ms: summary.durationMs,
      },
      'forecasts stored',
    );
    return summary;
  };
}

export type ForecastRunner = ReturnType<typeof createForecastRunner>;
