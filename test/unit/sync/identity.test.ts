import { describe, expect, it } from 'vitest';
import type { OrderLine, StockLevel } from '../../../src/core/marketplace/records.js';
import { createProductIndex, sellerSkuOf } from '../../../src/services/sync/identity.js';

describe('sellerSkuOf', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['MUG-01', null, 'MUG-01'],
    ['MUG-01', '', 'MUG-01'],
    ['MUG-01', '0', 'MUG-01'],
    ['MUG-01', 'One size', 'MUG-01'],
    ['MUG-01', 'без размера', 'MUG-01'],
    ['TSHIRT', 'XL', 'TSHIRT-XL'],
    [' TSHIRT ', ' 42 ', 'TSHIRT-42'],
  ])('%s in size %s is %s', (offerId, size, expected) => {
    expect(sellerSkuOf({ offerId, size })).toBe(expected);
  });
});

describe('product index', () => {
  const index = createProductIndex([
    {
      id: 1,
      sellerSku: 'MUG-01',
      barcodes: ['460001'],
      wbNmId: 100,
      wbChrtId: 1000,
      ozonSku: 555,
      ozonOfferId: 'MUG-01',
    },
    {
      id: 2,
      sellerSku: 'TSHIRT-S',
      barcodes: ['460002'],
      wbNmId: 200,
      wbChrtId: 2001,
      ozonSku: null,
      ozonOfferId: null,
    },
    {
      id: 3,
      sellerSku: 'TSHIRT-M',
      barcodes: ['460003'],
      wbNmId: 200,
      wbChrtId: 2002,
      ozonSku: null,
      ozonOfferId: null,
    },
  ]);
  const order = (o: Partial<OrderLine>) =>
    ({
      marketplace: 'wildberries',
      barcode: null,
      productId: null,
      sku: null,
      offerId: '',
      ...o,
    }) as OrderLine;
  const stock = (s: Partial<StockLevel>) =>
    ({ marketplace: 'wildberries', sku: '', productId: null, offerId: null, ...s }) as StockLevel;

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['WB order by barcode', order({ barcode: '460003', productId: '200' }), 3],
    ['WB order by nmID of a one-size card', order({ productId: '100' }), 1],
    ['WB order by nmID of a card with sizes: ambiguous', order({ productId: '200' }), undefined],
    ['WB order by seller article', order({ offerId: 'MUG-01' }), 1],
    ['Ozon order by sku', order({ marketplace: 'ozon', sku: '555' }), 1],
    ['Ozon order by offer_id', order({ marketplace: 'ozon', sku: '9', offerId: 'MUG-01' }), 1],
    ['unknown', order({ barcode: '999', productId: '999', offerId: 'NOPE' }), undefined],
  ])('%s', (_name, line, expected) => {
    expect(index.forOrder(line)).toBe(expected);
  });

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each([
    ['WB stock by chrtID', stock({ sku: '2002' }), 3],
    ['WB stock by barcode in the sku field', stock({ sku: '460002' }), 2],
    ['Ozon stock by sku', stock({ marketplace: 'ozon', sku: '555' }), 1],
    ['Ozon stock by offer_id', stock({ marketplace: 'ozon', sku: '1', offerId: 'MUG-01' }), 1],
  ])('%s', (_name, level, expected) => {
    expect(index.forStock(level)).toBe(expected);
  });

  it('learns products added during a sync', () => {
    index.add({
      id: 9,
      sellerSku: 'NEW',
      barcodes: ['777'],
      wbNmId: null,
      wbChrtId: null,
      ozonSku: null,
      ozonOfferId: null,
    });
    expect(index.forOrder(order({ barcode: '777' }))).toBe(9);
  });
});
