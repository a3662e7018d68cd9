import { describe, expect, it } from 'vitest';
import { stockPosition } from '../../../src/core/procurement/stock-position.js';
import { po, wh } from './helpers/build-input.js';

const supply = (quantity: number) => ({ id: 's', quantity });

describe('stockPosition nets warehouses, transit, supplies and POs', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    // name,                                 stock,                                supplies,                POs,                         onHand, in transit, available, on order
    ['one warehouse', [wh('wb', 80)], [], [], 80, 0, 80, 0],
    ['reserved is not sellable', [wh('wb', 80, 15)], [], [], 65, 0, 65, 0],
    ['marketplace + own', [wh('wb', 50, 5), wh('ozon', 20), wh('own', 30)], [], [], 95, 0, 95, 0],
    ['in transit counts as available', [wh('wb', 50, 0, 12)], [], [], 50, 12, 62, 0],
    ['inbound supplies count as in transit', [wh('wb', 50)], [supply(20), supply(5)], [], 50, 25, 75, 0],
    ['open POs are on order, not available', [wh('wb', 50)], [], [po('a', 40, '2026-03-10')], 50, 0, 50, 40],
    ['negative stock nets out', [wh('wb', -5), wh('own', 20)], [], [], 15, 0, 15, 0],
    ['everything', [wh('wb', 50, 10, 5), wh('own', 30)], [supply(10)], [po('a', 40, '2026-03-10'), po('b', 8, '2026-03-20')], 70, 15, 85, 48],
  ] as const)('%s', (_name, stock, supplies, orders, onHand, inTransit, available, onOrder) => {
    const p = stockPosition('2026-03-01', stock, supplies, orders);
    expect([p.onHand, p.inTransit, p.available, p.onOrder]).toEqual([onHand, inTransit, available, onOrder]);
  });

  it.each([
    // POs → arrivals by day (overdue counted as today), overdue ids
    [[po('a', 40, '2026-03-03')], [0, 0, 40], []],
    [[po('a', 40, '2026-02-20'), po('b', 5, '2026-03-01')], [45], ['a']],
    [[po('a', 10, '2026-03-02'), po('b', 5, '2026-03-02')], [0, 15], []],
  ] as const)('arrivals of %j', (orders, arrivals, overdue) => {
    const p = stockPosition('2026-03-01', [], [], orders);
    expect(p.arrivals).toEqual(arrivals);
    expect(p.overduePurchaseOrders.map((o) => o.id)).toEqual(overdue);
  });

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    [[wh('wb', 10), wh('own', 5)], []],
    [[wh('wb', -2), wh('own', 5)], ['wb']],
    [[wh('wb', 3, 5), wh('own', -1)], ['wb', 'own']],
  ] as const)('negative warehouses of %j', (stock, negative) => {
    expect(stockPosition('2026-03-01', stock).negativeWarehouses).toEqual(negative);
  });
});
