import { describe, expect, it } from 'vitest';
import { forecastSeries, listModels } from '../../../src/core/forecast/index.js';
import type { ForecastResult } from '../../../src/core/forecast/types.js';
import { rng, weekly } from './helpers.js';

const KEYS = ['p025', 'p10', 'p50', 'p80', 'p90', 'p95', 'p975'];

/** Every figure finite, non-negative, bounded; quantiles monotone in the level. */
function expectSane(r: ForecastResult, horizon: number, bound: number): void {
  expect(r.mean).toHaveLength(horizon);
  expect(Object.keys(r.quantiles)).toEqual(KEYS);
  for (const v of r.mean) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(bound);
  }
  for (let k = 0; k < horizon; k++) {
    let prev = 0;
    for (const key of KEYS) {
      const v = r.quantiles[key]?.[k] as number;
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v).toBeLessThanOrEqual(bound);
      prev = v;
    }
  }
}

function lumpy(days: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days }, (_, t) =>
    t % 7 === 5 ? 0 : r() < 0.4 ? 12 * (1 + Math.floor(r() * 3)) : 0,
  );
}

describe('forecastSeries on degenerate input', () => {
  const cases: [string, number[], boolean[] | undefined][] = [
    ['empty', [], undefined],
    ['all zeros', new Array(200).fill(0), undefined],
    ['constant', new Array(200).fill(7), undefined],
    ['one sale', [...new Array(150).fill(0), 24, ...new Array(49).fill(0)], undefined],
    ['one day', [5], undefined],
    ['very short', [1, 0, 3], undefined],
    [
      'NaN, negative and infinite values',
      [3, Number.NaN, -4, 2, Number.POSITIVE_INFINITY, 5, ...lumpy(100, 1)],
      undefined,
    ],
    ['all out of stock', new Array(100).fill(0), new Array(100).fill(false)],
  ];
  for (const [name, units, inStock] of cases) {
    it(`${name}: never throws, never NaN, negative or absurd`, () => {
      const r = forecastSeries({
        units,
        horizon: 30,
        firstDate: '2024-01-01',
        ...(inStock ? { inStock } : {}),
      });
      const max = Math.max(0, ...units.filter((v) => Number.isFinite(v)));
      expectSane(r, 30, 3 * max);
      expect(typeof r.model).toBe('string');
    });
  }

  it('all zeros and empty histories forecast exactly zero', () => {
    expect(forecastSeries({ units: new Array(90).fill(0) }).mean.every((v) => v === 0)).toBe(true);
    expect(forecastSeries({ units: [] }).model).toBe('empty');
  });

  it('a constant series forecasts that constant', () => {
    const r = forecastSeries({ units: new Array(200).fill(7), horizon: 14 });
    for (const v of r.mean) expect(v).toBeCloseTo(7, 6);
  });

  it('odd options do not break it', () => {
    const units = lumpy(200, 2);
    expectSane(forecastSeries({ units, horizon: 0 }), 0, 0);
    expectSane(forecastSeries({ units, horizon: Number.NaN }), 0, 0);
    const r = forecastSeries({ units, horizon: 5, levels: [0.9, 0.5, 2, -1, 0.5] });
    expect(Object.keys(r.quantiles)).toEqual(['p50', 'p90']);
    expect(forecastSeries({ units, horizon: 3 }, { models: ['nope'] }).model).not.toBe('nope');
    expect(forecastSeries({ units, horizon: 3, firstDate: 'not a date' }).mean).toHaveLength(3);
  });
});

describe('forecastSeries on real-looking input', () => {
  it('is sane on lumpy weekly demand and keeps Saturdays at zero', () => {
    const r = forecastSeries({ units: lumpy(400, 5), horizon: 28, firstDate: '2024-01-01' });
    const max = 36;
    expectSane(r, 28, 3 * max);
    // 2024-01-01 is a Monday; index 5 is a Saturday and the series never sells then.
    const sat = (5 - (400 % 7) + 7) % 7;
    expect(r.mean[sat]).toBe(0);
    expect(r.metrics.origins).toBeGreaterThan(0);
  });

  it('randomises the lower ends of zero-heavy days, never on a closed Saturday', () => {
    const r = forecastSeries({ units: lumpy(400, 5), horizon: 280, firstDate: '2024-01-01' });
    const sat = (5 - (400 % 7) + 7) % 7;
    const p10 = r.quantiles.p10 ?? [];
    const open = p10.filter((_, k) => k % 7 !== sat);
    // Sells on ~40% of the open days: p10 > 0 on ~0.1 / 0.6 of them (a zero falls below on 10%).
    const share = open.filter((v) => v > 0).length / open.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.25);
    expect(p10.filter((_, k) => k % 7 === sat).every((v) => v === 0)).toBe(true);
  });

  it('handles a new SKU (short history) with a flat-ish mean', () => {
    const r = forecastSeries({ units: [4, 6, 5, 0, 7, 3, 5, 6, 4], horizon: 10 });
    expect(r.model).toBe('short-mean');
    expect(r.demandClass).toBe('short');
    expectSane(r, 10, 21);
    const avg = r.mean.reduce((a, b) => a + b, 0) / 10;
    expect(avg).toBeGreaterThan(3);
    expect(avg).toBeLessThan(6);
  });

  it('a SKU 90 days after onboarding gets a backtested model', () => {
    const r = forecastSeries({ units: lumpy(90, 9), horizon: 28 });
    expect(r.metrics.origins).toBe(1);
    expectSane(r, 28, 108);
  });

  it('the choice is deterministic for a given input', () => {
    const input = { units: lumpy(500, 11), horizon: 28, firstDate: '2023-03-01' };
    const a = forecastSeries(input, { includeCandidates: true });
    const b = forecastSeries(input, { includeCandidates: true });
    expect(b).toEqual(a);
  });

  it('returns every requested candidate', () => {
    const names = listModels()
      .map((m) => m.name)
      .filter((m) => m !== 'arima');
    const r = forecastSeries(
      { units: lumpy(300, 4), horizon: 7 },
      { models: names, includeCandidates: true },
    );
    expect(Object.keys(r.candidates ?? {})).toEqual(names);
  });
});

describe('stock-outs are censored demand, not zeros', () => {
  const base = weekly([10, 10, 10, 10, 10, 0, 10], 20);
  const units = base.map((v, t) => (t >= 120 ? 0 : v));
  const inStock = base.map((_, t) => t < 120);

  it('do not pull the forecast down', () => {
    const censored = forecastSeries({ units, inStock, horizon: 14 });
    const asZeros = forecastSeries({ units, horizon: 14 });
    const total = (r: ForecastResult) => r.mean.reduce((a, b) => a + b, 0);
    // 12 trading days of 10 in two weeks.
    expect(total(censored)).toBeGreaterThan(0.9 * 120);
    expect(total(censored)).toBeLessThan(1.1 * 120);
    expect(total(asZeros)).toBeLessThan(0.5 * total(censored));
  });
});
