import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../../../src/core/forecast/count-distribution.js';
import { hurdleQuantile, hurdleShape } from '../../../src/core/forecast/hurdle.js';
import { buildQuantiles, quantileKey, sampleQuantile } from '../../../src/core/forecast/quantiles.js';

describe('quantiles', () => {
  it('names levels like the CSV columns', () => {
    expect([0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975].map(quantileKey)).toEqual([
      'p025',
      'p10',
      'p50',
      'p80',
      'p90',
      'p95',
      'p975',
    ]);
  });

  it('Poisson(2) quantiles by hand', () => {
    // CDF: 0.135, 0.406, 0.677, 0.857, 0.947, 0.983.
    expect(countQuantiles(2, 2, [0.1, 0.5, 0.8, 0.9, 0.975])).toEqual([0, 2, 3, 4, 5]);
    expect(countQuantiles(0, 0, [0.5])).toEqual([0]);
  });

  it('negative binomial is wider than Poisson with the same mean', () => {
    const [nb] = countQuantiles(2, 10, [0.95]);
    const [po] = countQuantiles(2, 2, [0.95]);
    expect(nb).toBeGreaterThan(po as number);
  });

  it('type-7 sample quantile', () => {
    expect(sampleQuantile(Float64Array.from([0, 10]), 0.25)).toBe(2.5);
  });

  it('hurdle: zero below the no-sale mass, scaled sizes above, expectation = mean', () => {
    // Sells on half of the days, always 12 units.
    const observed = Float64Array.from({ length: 84 }, (_, t) => (t % 2 === 0 ? 12 : 0));
    const shape = hurdleShape(observed, new Float64Array(7).fill(1));
    expect(shape).toBeDefined();
    if (!shape) return;
    const p = shape.pSell[0] as number;
    expect(p).toBeCloseTo(43 / 86, 9);
    expect(hurdleQuantile(shape, 0, 6, 0.4)).toBe(0);
    expect(hurdleQuantile(shape, 0, 6, 0.9)).toBeCloseTo(6 / p, 9);
  });

  it('are monotone in the level and capped', () => {
    const mean = Float64Array.from([0, 1, 5, 50]);
    const levels = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];
    const q = buildQuantiles(mean, levels, { hurdle: undefined, weekdayOf: () => 0, dispersion: 4, cap: 60 });
    for (let k = 0; k < 4; k++) {
      const col = levels.map((l) => q[quantileKey(l)]?.[k] as number);
      for (let i = 1; i < col.length; i++) expect(col[i]).toBeGreaterThanOrEqual(col[i - 1] as number);
      expect(Math.max(...col)).toBeLessThanOrEqual(60);
    }
    expect(q.p975?.[0]).toBe(0);
  });
});
