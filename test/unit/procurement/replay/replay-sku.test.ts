import { describe, expect, it } from 'vitest';
import { type ReplaySeries, replaySku, summarizeReplays } from '../../../../src/core/procurement/index.js';
import { dayOfWeekForecaster } from '../helpers/day-of-week-forecaster.js';
import { lumpySeries, seededRandom } from '../helpers/lumpy-series.js';

/** Poisson demand with a weekend peak (mean `rate`). */
function smoothSeries(days: number, seed: number, rate: number): number[] {
  const rand = seededRandom(seed);
  return Array.from({ length: days }, (_, d) => {
    const lambda = rate * (d % 7 >= 5 ? 1.5 : 0.8);
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rand();
    while (u > cdf) {
      k += 1;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  });
}

const skus = (make: (seed: number) => number[]): ReplaySeries[] =>
  Array.from({ length: 12 }, (_, i) => ({ sku: `SKU-${i}`, firstDate: '2025-01-06', demand: make(i + 1) }));

describe('policy replay: ours against burn-rate (lead 14, service 95%, last 180 days)', () => {
  it.each([
    // name,                                       series,                                   cover days, re-forecast every
    ['lumpy demand, cover 7, daily forecast', skus((s) => lumpySeries(400, s)), 7, 1],
    ['lumpy demand, cover 7, weekly forecast', skus((s) => lumpySeries(400, s)), 7, 7],
    ['smooth demand, cover 30, daily forecast', skus((s) => smoothSeries(400, s, 5)), 30, 1],
  ])(
    '%s: fill ≥ 95% and ≥ burn-rate, with less stock',
    (_name, series, coverageDays, reforecastEveryDays) => {
      const summary = summarizeReplays(
        series.map((s) =>
          replaySku(s, {
            forecaster: dayOfWeekForecaster(),
            leadTimeDays: 14,
            serviceLevel: 0.95,
            coverageDays,
            reforecastEveryDays,
          }),
        ),
      );
      expect(summary.ours.fillRate).toBeGreaterThanOrEqual(0.95);
      expect(summary.ours.fillRate).toBeGreaterThanOrEqual(summary.burnRate.fillRate);
      expect(summary.ours.averageStockDays).toBeLessThan(summary.burnRate.averageStockDays);
    },
  );

  it('starts both policies from 30 days of the pre-window mean demand', () => {
    const demand = [...Array<number>(220).fill(3), ...Array<number>(180).fill(1)];
    const r = replaySku(
      { sku: 'x', firstDate: '2025-01-06', demand },
      { forecaster: dayOfWeekForecaster(), leadTimeDays: 14 },
    );
    expect([r.initialStock, r.days, r.ours.demanded, r.burnRate.demanded]).toEqual([90, 180, 180, 180]);
  });

  it('refuses a window longer than the history', () => {
    const series = { sku: 'x', firstDate: '2025-01-06', demand: [1, 2, 3] };
    expect(() => replaySku(series, { forecaster: dayOfWeekForecaster(), leadTimeDays: 14 })).toThrow(
      RangeError,
    );
  });
});
