import { describe, expect, it } from 'vitest';
import { demandPath, meanAt, sumOver } from '../../../src/core/procurement/demand-path.js';

const forecast = (startDate: string | undefined, mean: number[]) => ({
  ...(startDate ? { startDate } : {}),
  mean,
  quantiles: {},
});

describe('demandPath aligns the forecast to today', () => {
  it.each([
    // name,                                  startDate,     mean,            expected days 0..4 from today
    ['starts today', '2026-03-01', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]],
    ['starts tomorrow: today = first day', '2026-03-02', [1, 2, 3, 4, 5], [1, 1, 2, 3, 4]],
    ['no startDate means tomorrow', undefined, [1, 2, 3, 4, 5], [1, 1, 2, 3, 4]],
    ['made 2 days ago: past days dropped', '2026-02-27', [1, 2, 3, 4, 5, 6, 7], [3, 4, 5, 6, 7]],
    ['past the horizon: last week average', '2026-03-01', [1, 1, 7], [1, 1, 7, 3, 3]],
    ['negative and NaN read as 0', '2026-03-01', [-1, Number.NaN, 2, 2, 2], [0, 0, 2, 2, 2]],
  ])('%s', (_name, startDate, mean, expected) => {
    const path = demandPath(forecast(startDate, mean), '2026-03-01');
    expect([0, 1, 2, 3, 4].map((d) => meanAt(path, d))).toEqual(expected);
  });

  it.each([
    // from, days, mean sum
    [0, 3, 6],
    [2, 3, 12],
    [0, 10, 30], // 5 forecast days (1..5 → 15) + 5 tail days at avg(1..5) = 3
  ])('sumOver(from %i, %i days) = %d', (from, days, expected) => {
    const path = demandPath(forecast('2026-03-01', [1, 2, 3, 4, 5]), '2026-03-01');
    expect(sumOver(path, from, days).mean).toBe(expected);
  });
});
