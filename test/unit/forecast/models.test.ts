import { describe, expect, it } from 'vitest';
import { forecastAll } from '../../../src/core/forecast/backtest.js';
import { guardedArima } from '../../../src/core/forecast/models/arima.js';
import { crostonRate, sba } from '../../../src/core/forecast/models/croston.js';
import { holtWinters } from '../../../src/core/forecast/models/holt-winters.js';
import { movingAverage } from '../../../src/core/forecast/models/moving-average.js';
import { robustAverage } from '../../../src/core/forecast/models/robust-average.js';
import { robustSes } from '../../../src/core/forecast/models/robust-ses.js';
import { seasonalNaive } from '../../../src/core/forecast/models/seasonal-naive.js';
import { ses, sesLevel } from '../../../src/core/forecast/models/ses.js';
import { tsbRate } from '../../../src/core/forecast/models/tsb.js';
import { ctxOf, rng, weekly } from './helpers.js';

describe('seasonal naive', () => {
  it('repeats the last week', () => {
    const y = Array.from({ length: 14 }, (_, t) => t + 1);
    expect(Array.from(seasonalNaive.forecast(ctxOf(y), 9))).toEqual([8, 9, 10, 11, 12, 13, 14, 8, 9]);
  });
});

describe('moving average with a weekday profile', () => {
  it('forecasts the mean of a flat series', () => {
    expect(Array.from(movingAverage(28).forecast(ctxOf(new Array(60).fill(5)), 3))).toEqual([5, 5, 5]);
  });

  it('uses only the window: 28 days of 2 after 28 days of 10 give 2', () => {
    const y = [...new Array(28).fill(10), ...new Array(28).fill(2)];
    expect(movingAverage(28).forecast(ctxOf(y), 1)[0]).toBeCloseTo(2, 9);
  });

  it('puts nothing on a weekday that never sells', () => {
    const f = movingAverage(28).forecast(ctxOf(weekly([6, 6, 6, 6, 6, 0, 6], 10)), 7);
    expect(f[5]).toBe(0);
    // The week's total is kept: 36 units over six trading days.
    expect(f.reduce((a, b) => a + b, 0)).toBeCloseTo(36, 9);
  });
});

describe('simple exponential smoothing', () => {
  it('returns the level of a constant series', () => {
    expect(sesLevel(Float64Array.from([3, 3, 3, 3]))).toBe(3);
    expect(ses.forecast(ctxOf(new Array(30).fill(3)), 2)[1]).toBeCloseTo(3, 9);
  });
});

describe('Croston, SBA and TSB', () => {
  it('Croston: sizes 4 and 4 at gaps 3 and 2 give 4 / 2.9', () => {
    expect(crostonRate(Float64Array.from([0, 0, 4, 0, 4]), 0.1)).toBeCloseTo(4 / 2.9, 12);
  });

  it('SBA is Croston times (1 - alpha/2)', () => {
    const y = new Array(70).fill(0).map((_, t) => (t % 5 === 4 ? 10 : 0));
    const c = ctxOf(y);
    expect(sba.forecast(c, 1)[0]).toBeCloseTo(
      crostonRate(c.z, 0.1) * 0.95 * (c.profile[(c.dow0 + 70) % 7] as number),
      9,
    );
  });

  it('TSB: probability decays on zero days, size moves on selling days', () => {
    // first sale at 1: size 2, p = 2/4; day 2 no sale: p = 0.475; day 3 sale: p = 0.50125.
    expect(tsbRate(Float64Array.from([0, 2, 0, 2]), 0.1, 0.05)).toBeCloseTo(0.50125 * 2, 12);
    expect(tsbRate(Float64Array.from([0, 0, 0]), 0.1, 0.05)).toBe(0);
  });
});

describe('Holt-Winters', () => {
  it('continues an exact weekly pattern and keeps the closed day at zero', () => {
    const pattern = [10, 20, 30, 40, 50, 0, 5];
    const f = holtWinters.forecast(ctxOf(weekly(pattern, 8)), 7);
    for (let k = 0; k < 7; k++) expect(f[k]).toBeCloseTo(pattern[k] as number, 6);
  });
});

describe('spike-robust averages', () => {
  it('keep a flat series flat', () => {
    const c = ctxOf(new Array(100).fill(4));
    expect(robustAverage(28).forecast(c, 1)[0]).toBeCloseTo(4, 9);
    expect(robustSes.forecast(c, 1)[0]).toBeCloseTo(4, 9);
  });

  it('react less than a plain average to one huge order, yet keep the long-run mean', () => {
    const y = new Array(200).fill(2);
    y[190] = 400;
    const c = ctxOf(y);
    const plain = movingAverage(28).forecast(c, 1)[0] as number;
    const robust = robustAverage(28).forecast(c, 1)[0] as number;
    expect(robust).toBeLessThan(plain);
    expect(robust).toBeGreaterThan(2);
  });
});

describe('ensemble', () => {
  it('is the day-by-day mean of its members', () => {
    const r = rng(3);
    const c = ctxOf(Array.from({ length: 120 }, () => Math.floor(r() * 10)));
    const all = forecastAll(c, ['ens', 'rma28', 'rses', 'tsb'], 5);
    for (let k = 0; k < 5; k++) {
      const m = ((all.get('rma28')?.[k] ?? 0) + (all.get('rses')?.[k] ?? 0) + (all.get('tsb')?.[k] ?? 0)) / 3;
      expect(all.get('ens')?.[k]).toBeCloseTo(m, 9);
    }
  });
});

describe('guarded ARIMA', () => {
  it('refuses inputs the package mishandles', () => {
    expect(guardedArima(new Float64Array(100), 10)).toBeUndefined();
    expect(guardedArima(new Float64Array(100).fill(3), 10)).toBeUndefined();
    expect(guardedArima(new Float64Array(10).fill(1), 10)).toBeUndefined();
    const withNaN = Float64Array.from({ length: 100 }, (_, i) => (i === 99 ? Number.NaN : i % 3));
    expect(guardedArima(withNaN, 10)).toBeUndefined();
  });

  it('returns a finite, non-negative path bounded by history, or falls back', () => {
    const r = rng(7);
    let x = 5;
    const z = Float64Array.from({ length: 150 }, () => {
      x = 5 + 0.6 * (x - 5) + (r() - 0.5) * 4;
      return Math.max(0, x);
    });
    const path = guardedArima(z, 20);
    if (path !== undefined) {
      expect(path).toHaveLength(20);
      for (const v of path) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(Math.max(...z));
      }
    }
  });
});
