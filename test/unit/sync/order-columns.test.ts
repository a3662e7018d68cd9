import { describe, expect, it } from 'vitest';
import { OrderColumns } from '../../../src/adapters/db/queries/sync-orders.js';
import type { OrderRow } from '../../../src/ports.js';

// The PostgreSQL store's order batch: what it tells the upsert about repeats, and which
// daily_sales keys it notes.

const row = (externalId: string, productId: number, orderDate: string): OrderRow => ({
  externalId,
  kind: 'order',
  orderId: externalId,
  productId,
  warehouseName: null,
  quantity: 1,
  price: 100,
  status: 'ordered',
  orderedAt: new Date(`${orderDate}T10:00:00Z`),
  orderDate,
  lastChangeAt: new Date(`${orderDate}T10:00:00Z`),
});

describe('order batch (PostgreSQL store)', () => {
  it('a batch of distinct lines skips the step that drops repeats', () => {
    const batch = new OrderColumns();
    for (let i = 0; i < 1_000; i++) batch.add(row(`L${i}`, 1 + (i % 7), '2026-11-01'));
    expect(batch.size).toBe(1_000);
    expect(batch.mayRepeat).toBe(false);
  });

  it('a line id that comes twice marks the batch, and both lines stay in it for the upsert to choose', () => {
    const batch = new OrderColumns();
    batch.add(row('L1', 1, '2026-11-01'));
    batch.add(row('L2', 1, '2026-11-01'));
    batch.add(row('L1', 2, '2026-11-02'));
    expect(batch.mayRepeat).toBe(true);
    expect(batch.size).toBe(3);
    expect(batch.literals().externalId).toBe('{"L1","L2","L1"}');
  });

  it('notes each product and day once, in the order first seen', () => {
    const batch = new OrderColumns();
    batch.add(row('L1', 1, '2026-11-01'));
    batch.add(row('L2', 1, '2026-11-01'));
    batch.add(row('L3', 2, '2026-11-01'));
    batch.add(row('L4', 1, '2026-11-02'));
    batch.add(row('L5', 2, '2026-11-01'));
    expect(batch.touched.literals()).toEqual({
      productId: '{"1","2","1"}',
      orderDate: '{"2026-11-01","2026-11-01","2026-11-02"}',
    });
  });
});
