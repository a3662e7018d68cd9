import { parentPort } from 'node:worker_threads';
import { forecastSeries } from '../../core/forecast/index.js';
import type { ForecastBatch, ForecastOutcome } from './types.js';

// One batch in, one array of outcomes out. A SKU that throws fails alone, never the batch.

parentPort?.on('message', (batch: ForecastBatch) => {
  const out: ForecastOutcome[] = batch.jobs.map((job) => {
    try {
      const r = forecastSeries({
        units: job.units,
        inStock: job.inStock.map((v) => v !== 0),
        firstDate: job.firstDate,
        horizon: batch.horizon,
        levels: batch.levels,
      });
      return {
        productId: job.productId,
        ok: true,
        model: r.model,
        modelVersion: r.modelVersion,
        demandClass: r.demandClass,
        mean: r.mean,
        quantiles: r.quantiles,
        metrics: { ...r.metrics },
      };
    } catch (err) {
      return { productId: job.productId, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort?.postMessage(out);
});
