import { describe, expect, it } from 'vitest';
import type { CatalogueItem, OrderLine } from '../../../src/core/marketplace/records.js';
import { dailyOrderedUnits, indexCatalogue, skuOf } from '../../../src/core/marketplace/sku-index.js';

const item = (sku: string, barcodes: string[]): CatalogueItem => ({
  marketplace: 'wildberries',
  sku,
  productId: '1',
  offerId: 'A',
  barcodes,
  name: 'n',
  size: null,
  brand: null,
  archived: false,
  updatedAt: null,
});
const line = (over: Partial<OrderLine>): OrderLine => ({
  marketplace: 'wildberries',
  lineId: 'x',
  kind: 'order',
  orderId: 'o',
  sku: null,
  barcode: '111',
  productId: '1',
  offerId: 'A',
  quantity: 1,
  orderedAt: '2026-09-28T11:00:00.000Z',
  orderDay: '2026-09-28',
  changedAt: null,
  status: 'ordered',
  cancelled: false,
  scheme: 'FBO',
  warehouseId: null,
  warehouseName: null,
  price: 100,
  currency: 'RUB',
  ...over,
});

describe('sku index', () => {
  const index = indexCatalogue([item('401', ['111']), item('402', ['222', '223'])]);

  it.each([
    [{ sku: null, barcode: '111' }, '401'],
    [{ sku: null, barcode: '223' }, '402'],
    [{ sku: '999', barcode: null }, '999'],
    [{ sku: null, barcode: '000' }, null],
  ] as const)('%j → %s', (l, sku) => expect(skuOf({ marketplace: 'wildberries', ...l }, index)).toBe(sku));

  it('sums ordered and cancelled units per sku and order day, ignoring sales and returns', () => {
    expect(
      dailyOrderedUnits(
        [
          line({}),
          line({ barcode: '111', cancelled: true }),
          line({ barcode: '222', quantity: 2 }),
          line({ barcode: '111', orderDay: '2026-09-29' }),
          line({ kind: 'sale' }),
          line({ barcode: 'unknown' }),
        ],
        index,
      ),
    ).toEqual([
      { sku: '401', day: '2026-09-28', ordered: 1, cancelled: 1 },
      { sku: '401', day: '2026-09-29', ordered: 1, cancelled: 0 },
      { sku: '402', day: '2026-09-28', ordered: 2, cancelled: 0 },
    ]);
  });
});
