import { describe, expect, it } from 'vitest';
import { dailyVariance } from '../../../src/core/procurement/daily-spread.js';

describe('dailyVariance: spread implied by the quantiles, floored at Poisson', () => {
  it.each([
    // name,                          mean, quantiles,                                  variance
    ['no quantiles → Poisson', 4, {}, 4],
    ['p10–p90 width', 4, { p10: 1, p90: 7 }, 5.4799], // (6 / 2.5631)²
    ['p025–p975 width', 10, { p025: 2, p975: 18 }, 16.6603], // (16 / 3.9199)²
    ['upper side p50–p95', 4, { p50: 4, p95: 9 }, 9.2403], // (5 / 1.6449)²
    ['σ averaged over intervals', 4, { p10: 1, p90: 7, p025: 0, p975: 10 }, 5.9829],
    ['narrower than Poisson → mean', 0.3, { p10: 0, p90: 1 }, 0.3],
    ['inverted interval ignored', 4, { p10: 7, p90: 1 }, 4],
    ['missing day value ignored', 4, { p10: undefined, p90: 7 }, 4],
    ['negative mean → 0', -1, {}, 0],
  ])('%s', (_name, mean, quantiles, expected) => {
    expect(dailyVariance(mean, quantiles)).toBeCloseTo(expected, 3);
  });
});
