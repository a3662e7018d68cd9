import { describe, expect, it } from 'vitest';
import { empiricalSumQuantile } from '../../../src/core/procurement/empirical-risk.js';

const lump = [0, 0, 0, 0, 10, 0, 0, 0, 0, 0];

describe('empiricalSumQuantile: quantile of the rolling sums of the last days', () => {
  it.each([
    // name,                                 history,                 days, level, lookback, min days, expected
    ['one lump: the median 2-day sum is 0', lump, 2, 0.5, 365, 1, 0],
    ['one lump: the 90% 2-day sum is the lump', lump, 2, 0.9, 365, 1, 10],
    ['interpolates between sums (type 7)', [1, 2, 3, 4], 1, 0.5, 365, 1, 2.5],
    ['sums over the window', [1, 2, 3, 4], 2, 1, 365, 1, 7],
    ['old lumps age out of the lookback', [50, 50, ...Array<number>(10).fill(1)], 3, 1, 10, 1, 3],
    ['unknown and negative days count as 0', [1, Number.NaN, -5, 1], 2, 1, 365, 1, 1],
    ['shorter than the minimum: none', [1, 2, 3], 2, 0.95, 365, 28, null],
    ['shorter than the window: none', [1, 2, 3], 5, 0.95, 365, 1, null],
    ['no window: none', [1, 2, 3], 0, 0.95, 365, 1, null],
  ])('%s', (_name, history, days, level, lookback, minDays, expected) => {
    expect(empiricalSumQuantile(history, days, level, lookback, minDays)).toBe(expected);
  });
});
