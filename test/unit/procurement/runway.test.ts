import { describe, expect, it } from 'vitest';
import { demandPath } from '../../../src/core/procurement/demand-path.js';
import { runwayDays } from '../../../src/core/procurement/runway.js';

const path = (mean: number[]) => demandPath({ startDate: '2026-03-01', mean, quantiles: {} }, '2026-03-01');
const flat = (rate: number, days = 30) => path(Array<number>(days).fill(rate));
// Weekdays 1/day, weekends 10/day, starting on a Monday.
const weekly = path(Array.from({ length: 28 }, (_, d) => (d % 7 >= 5 ? 10 : 1)));

describe('runwayDays: the first day cumulative forecast demand exceeds the stock', () => {
  it.each([
    // name,                                  stock, path,        arrivals,      runway
    ['flat 4/day, 80 units → 20 full days', 80, flat(4), [], 20],
    ['flat 4/day, 81 units', 81, flat(4), [], 20],
    ['flat 4/day, 79 units', 79, flat(4), [], 19],
    ['no stock → runs out today', 0, flat(4), [], 0],
    ['negative stock → runs out today', -5, flat(4), [], 0],
    ['zero demand → never (null)', 50, flat(0), [], null],
    ['zero demand, negative stock → today', -5, flat(0), [], 0],
    ['weekend peak: 10 lasts Mon–Fri + 5 of Sat', 10, weekly, [], 5],
    ['weekend peak: 15 covers Sat, not Sun', 15, weekly, [], 6],
    ['past the horizon: tail rate', 200, flat(4, 30), [], 50],
    ['an arrival on day 5 extends it', 20, flat(4), [0, 0, 0, 0, 0, 40], 15],
    ['an arrival after the stock-out is too late', 8, flat(4), [0, 0, 0, 40], 2],
  ])('%s', (_name, stock, p, arrivals, expected) => {
    expect(runwayDays(stock, p, arrivals)).toBe(expected);
  });
});
