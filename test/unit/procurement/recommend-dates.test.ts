import { describe, expect, it } from 'vitest';
import { recommend } from '../../../src/core/procurement/index.js';
import { buildInput, fc, flatForecast, stockOf } from './helpers/build-input.js';

// Weekdays 1/day, weekends 10/day; 2026-03-02 is a Monday.
const weekly = {
  startDate: '2026-03-02',
  mean: Array.from({ length: 56 }, (_, d) => (d % 7 >= 5 ? 10 : 1)),
  quantiles: {},
};

describe('recommend: runway, stock-out and order-by dates (today 2026-03-01)', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    // name,                               stock, forecast,            lead, runway, stock-out,    order-by
    ['100 units at 2/day, lead 14',        100,   fc(2),               14,   50,     '2026-04-20', '2026-04-06'],
    ['forecast starting tomorrow',         100,   flatForecast(2),     14,   50,     '2026-04-20', '2026-04-06'],
    ['order-by already past',              20,    fc(2),               14,   10,     '2026-03-11', '2026-02-25'],
    ['order-by is today',                  28,    fc(2),               14,   14,     '2026-03-15', '2026-03-01'],
    ['out of stock: today',                0,     fc(2),               14,   0,      '2026-03-01', '2026-02-15'],
    ['negative stock: today',              -4,    fc(2),               7,    0,      '2026-03-01', '2026-02-22'],
    ['zero demand: never',                 100,   fc(0),               14,   null,   null,         null],
    ['beyond a 30-day horizon',            300,   fc(2, { days: 30 }), 14,   150,    '2026-07-29', '2026-07-15'],
    // Today (Sunday) takes Monday's 1; Mon–Fri 5 more, Saturday 10: 16 used, 20 runs out on Sunday.
    ['weekend peak, not stock ÷ average', 20,    weekly,              3,    7,      '2026-03-08', '2026-03-05'],
  ])('%s', (_name, stock, forecast, lead, runway, stockOut, orderBy) => {
    const r = recommend(buildInput({ stock: stockOf(stock), forecast, leadTime: { defaultDays: lead } }));
    expect([r.runwayDays, r.stockOutDate, r.orderByDate]).toEqual([runway, stockOut, orderBy]);
  });
});
