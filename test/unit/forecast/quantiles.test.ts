import { describe, expect, it } from 'vitest';
import { countQuantiles } from '../../../src/core/forecast/count-distribution.js';
import {
  hurdleQuantile,
  hurdleShape,
  hurdleZeroMass,
  recentSellingRate,
} from '../../../src/core/forecast/hurdle.js';
import {
  buildQuantiles,
  horizonDraws,
  quantileKey,
  randomisedLowQuantile,
  sampleQuantile,
} from '../../../src/core/forecast/quantiles.js';

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
    // Recency-weighted: the last day (t = 83) sold nothing, so a little under a half.
    expect(p).toBe(recentSellingRate(observed));
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.5);
    expect(hurdleQuantile(shape, 0, 6, 0.4)).toBe(0);
    expect(hurdleQuantile(shape, 0, 6, 0.9)).toBeCloseTo(6 / p, 9);
  });

  it('are monotone in the level and capped', () => {
    const mean = Float64Array.from([0, 1, 5, 50]);
    const levels = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];
    const q = buildQuantiles(mean, levels, {
      hurdle: undefined,
      weekdayOf: () => 0,
      draw: () => 0,
      dispersion: 4,
      cap: 60,
    });
    for (let k = 0; k < 4; k++) {
      const col = levels.map((l) => q[quantileKey(l)]?.[k] as number);
      for (let i = 1; i < col.length; i++) expect(col[i]).toBeGreaterThanOrEqual(col[i - 1] as number);
      expect(Math.max(...col)).toBeLessThanOrEqual(60);
    }
    expect(q.p975?.[0]).toBe(0);
  });
});

describe('randomised lower quantiles', () => {
  const zm = { p0: 0.4, lowest: 2 };
  // level, plain quantile, zero mass, draw → quantile
  const cases: [number, number, typeof zm | undefined, number, number][] = [
    [0.1, 0, zm, 0.2, 2], // 0.2 × 0.4 < 0.1: a zero falls below
    [0.1, 0, zm, 0.3, 0], // 0.3 × 0.4 ≥ 0.1: the interval starts at 0
    [0.025, 0, zm, 0.05, 2],
    [0.025, 0, zm, 0.07, 0],
    [0.1, 3, zm, 0.9, 3], // above the zero mass: the plain quantile
    [0.5, 0, zm, 0, 0], // the median and above are never randomised
    [0.1, 0, undefined, 0, 0], // no hurdle
    [0.1, 0, { p0: 1, lowest: 2 }, 0, 0], // certain zero (a closed weekday)
  ];
  it.each(cases)('level %d, plain %d, %o, draw %d → %d', (level, q, zero, draw, want) => {
    expect(randomisedLowQuantile(level, q, zero, draw)).toBe(want);
  });

  it('draws are deterministic, in [0, 1), evenly spread, and differ between histories', () => {
    const h = Float64Array.from([1, 0, 3, Number.NaN, 2]);
    const a = horizonDraws(h);
    const b = horizonDraws(Float64Array.from(h));
    const c = horizonDraws(Float64Array.from([1, 0, 3, Number.NaN, 4]));
    const draws = Array.from({ length: 1000 }, (_, k) => a(k));
    expect(draws).toEqual(Array.from({ length: 1000 }, (_, k) => b(k)));
    expect(c(0)).not.toBe(a(0));
    for (const d of draws) expect(d >= 0 && d < 1).toBe(true);
    expect(draws.filter((d) => d < 0.25).length / 1000).toBeCloseTo(0.25, 2);
  });

  it('a zero falls below p10 on a share 0.1 of the days when P(zero) ≥ 0.1', () => {
    // Sells on 40% of days (sizes 1..10): P(zero) ≈ 0.6 on every weekday.
    const observed = Float64Array.from({ length: 364 }, (_, t) => (t % 5 < 2 ? 1 + (t % 10) : 0));
    const shape = hurdleShape(observed, new Float64Array(7).fill(1));
    expect(shape).toBeDefined();
    if (!shape) return;
    const p0 = hurdleZeroMass(shape, 0, 4)?.p0 as number;
    expect(p0).toBeGreaterThan(0.5);
    const days = 2000;
    const q = buildQuantiles(new Float64Array(days).fill(4), [0.1, 0.9], {
      hurdle: shape,
      weekdayOf: (k) => k % 7,
      draw: horizonDraws(observed),
      dispersion: 1,
      cap: 100,
    });
    const positive = (q.p10 ?? []).filter((v) => v > 0).length / days;
    // A zero is below p10 exactly when p10 > 0: P = share × p0 = 0.1.
    expect(positive * p0).toBeCloseTo(0.1, 2);
  });

  it('p10 > 0 whenever P(zero) < 0.1, for any draw', () => {
    // Sells 19 days in 20.
    const observed = Float64Array.from({ length: 364 }, (_, t) => (t % 20 === 0 ? 0 : 5 + (t % 3)));
    const shape = hurdleShape(observed, new Float64Array(7).fill(1));
    expect(shape).toBeDefined();
    if (!shape) return;
    expect(hurdleZeroMass(shape, 0, 5)?.p0).toBeLessThan(0.1);
    for (const draw of [0, 0.5, 0.999]) {
      const q = buildQuantiles(Float64Array.from([5]), [0.1], {
        hurdle: shape,
        weekdayOf: () => 0,
        draw: () => draw,
        dispersion: 1,
        cap: 100,
      });
      expect(q.p10?.[0]).toBeGreaterThan(0);
    }
  });

  it('hurdle quantiles stay monotone, finite, non-negative and capped with randomised lower ends', () => {
    const observed = Float64Array.from({ length: 200 }, (_, t) => (t % 3 === 0 ? 12 * (1 + (t % 4)) : 0));
    const profile = Float64Array.from([1.4, 1.4, 1.4, 1.4, 1.4, 0, 0]);
    const shape = hurdleShape(observed, profile);
    expect(shape).toBeDefined();
    const levels = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];
    const mean = Float64Array.from({ length: 70 }, (_, k) => (k % 7 >= 5 ? 0 : 3 + (k % 5)));
    const q = buildQuantiles(mean, levels, {
      hurdle: shape,
      weekdayOf: (k) => k % 7,
      draw: horizonDraws(observed),
      dispersion: 1,
      cap: 144,
    });
    for (let k = 0; k < mean.length; k++) {
      const col = levels.map((l) => q[quantileKey(l)]?.[k] as number);
      for (const v of col) expect(Number.isFinite(v) && v >= 0 && v <= 144).toBe(true);
      for (let i = 1; i < col.length; i++) expect(col[i]).toBeGreaterThanOrEqual(col[i - 1] as number);
      if (k % 7 >= 5) expect(Math.max(...col)).toBe(0); // closed weekday: a certain zero
    }
  });
});

describe('recent selling rate', () => {
  it('follows recent activity and stays inside (0, 1)', () => {
    const dead = new Array<number>(300).fill(0);
    const waking = Float64Array.from([...dead, ...new Array<number>(28).fill(3)]);
    // A flat 84-day share would say 28/84 = 0.33; the last four weeks all sold.
    expect(recentSellingRate(waking)).toBeGreaterThan(0.7);
    expect(recentSellingRate(Float64Array.from(dead))).toBeGreaterThan(0);
    expect(recentSellingRate(new Float64Array(300).fill(2))).toBeLessThan(1);
    expect(recentSellingRate(new Float64Array(0))).toBe(0.5);
    expect(recentSellingRate(Float64Array.from([Number.NaN, Number.NaN]))).toBe(0.5);
  });
});
