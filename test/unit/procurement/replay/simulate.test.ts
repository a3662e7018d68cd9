import { describe, expect, it } from 'vitest';
import { type OrderPolicy, simulate } from '../../../../src/core/procurement/index.js';

/** Orders `quantity` on each listed series day. */
const ordersOn =
  (plan: Record<number, number>): OrderPolicy =>
  ({ day }) =>
    plan[day] ?? 0;
const series = (demand: number[]) => ({ sku: 'x', firstDate: '2026-01-01', demand });

describe('simulate: receive, order, serve; lost sales', () => {
  it.each([
    // name,                               demand (day 0 = history), initial, lead, review, plan,      served, stock-out days, avg stock, orders
    ['an order arrives after lead time', [2, 2, 2, 2, 2, 2], 5, 2, 1, { 1: 4 }, 9, 1, 1.6, 1],
    ['no orders: runs dry', [2, 2, 2, 2, 2, 2], 3, 2, 1, {}, 3, 4, 0.2, 0],
    ['lead time 0 arrives the same morning', [2, 2, 2, 2, 2, 2], 0, 0, 1, { 1: 10 }, 10, 0, 4, 1],
    ['orders only on review days', [2, 2, 2, 2, 2, 2], 0, 0, 2, { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 }, 6, 2, 0, 3],
    ['a zero-demand day with no stock is a stock-out day', [0, 0, 3, 0], 0, 1, 1, {}, 0, 3, 0, 0],
  ])(
    '%s',
    (_name, demand, initialStock, leadTimeDays, reviewPeriodDays, plan, served, stockOutDays, averageStock, orders) => {
      const out = simulate({
        series: series(demand),
        start: 1,
        initialStock,
        leadTimeDays,
        reviewPeriodDays,
        policy: ordersOn(plan),
      });
      expect([out.served, out.stockOutDays, out.averageStock, out.orders]).toEqual([
        served,
        stockOutDays,
        averageStock,
        orders,
      ]);
    },
  );

  it('reports fill rate and stock in days of demand', () => {
    const out = simulate({
      series: series([2, 2, 2, 2, 2, 2]),
      start: 1,
      initialStock: 5,
      leadTimeDays: 2,
      reviewPeriodDays: 1,
      policy: ordersOn({ 1: 4 }),
    });
    expect(out).toMatchObject({
      demanded: 10,
      served: 9,
      fillRate: 0.9,
      averageStockDays: 0.8,
      orderedUnits: 4,
    });
  });

  it('shows the policy only the past', () => {
    const seen: number[] = [];
    simulate({
      series: series([5, 6, 7, 8]),
      start: 2,
      initialStock: 0,
      leadTimeDays: 1,
      reviewPeriodDays: 1,
      policy: ({ history }) => {
        seen.push(history.length);
        return 0;
      },
    });
    expect(seen).toEqual([2, 3]);
  });
});
