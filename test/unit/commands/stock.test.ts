import { describe, expect, it } from 'vitest';
import { buildStockReply, lookupStock } from '../../../bots/commands/stock.js';
import { product, rec } from './fixtures.js';

const catalogue = [
  product('SKU-42', {
    barcodes: ['4601234567890'],
    wbNmId: 12345678,
    ozonSku: 987654321,
    ozonOfferId: 'mug-blue',
  }),
  product('SKU-43', { name: 'Red mug', barcodes: ['4601234567891'] }),
  product('SKU-44', { name: 'Green mug', barcodes: ['4601234567891'] }),
  product('987654321', { name: 'Numeric SKU plate' }),
  product('PLATE-1', { name: 'Plate' }),
];

describe('lookupStock', () => {
  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, string, string[]]>([
    ['SKU-42', 'found:sellerSku', ['SKU-42']],
    ['sku-42', 'found:sellerSku', ['SKU-42']],
    ['12345678', 'found:wbNmId', ['SKU-42']],
    ['4601234567890', 'found:barcode', ['SKU-42']],
    ['mug-blue', 'found:ozonOfferId', ['SKU-42']],
    ['987654321', 'found:ozonSku', ['SKU-42']],
    ['4601234567891', 'several', ['SKU-43', 'SKU-44']],
    ['plate', 'several', ['987654321', 'PLATE-1']],
    ['Red', 'found:name', ['SKU-43']],
    ['SKU42', 'none', ['SKU-42', 'SKU-43', 'SKU-44']],
    ['zzzz', 'none', []],
  ])('%j → %s', (query, kind, skus) => {
    const found = lookupStock(query, catalogue);
    const label = found.kind === 'found' ? `found:${found.matchedBy}` : found.kind;
    const list = found.kind === 'found' ? [found.product] : found.kind === 'several' ? found.products : found.suggestions;
    expect(label).toBe(kind);
    expect(list.map((p) => p.sellerSku)).toEqual(skus);
  });

  it('lists a few of many and says how many more', () => {
    const many = Array.from({ length: 30 }, (_, i) => product(`MUG-${String(i).padStart(2, '0')}`));
    const reply = buildStockReply('mug', lookupStock('mug', many), { timezone: 'UTC', recommendation: null });
    expect(reply.template).toBe('stock-choices');
    expect(reply.view).toMatchObject({ mode: 'several', moreCount: 22 });
  });
});

describe('buildStockReply', () => {
  it.each<[string, string, string]>([
    ['SKU-42', 'stock', ''],
    ['SKU42', 'stock-choices', 'did-you-mean'],
    ['zzzz', 'stock-choices', 'nothing'],
  ])('%j → %s %s', (query, template, mode) => {
    const reply = buildStockReply(query, lookupStock(query, catalogue), {
      timezone: 'Europe/Moscow',
      recommendation: rec('SKU-42', { category: 'ORDER_TODAY', recommendedQty: 120 }),
    });
    expect(reply.template).toBe(template);
    if (reply.template === 'stock-choices') expect(reply.view.mode).toBe(mode);
    else
      expect(reply.view).toMatchObject({
        stockTakenAt: '2026-01-15T03:00:00.000Z',
        recommendation: { category: 'ORDER_TODAY', recommendedQty: 120 },
      });
  });
});
