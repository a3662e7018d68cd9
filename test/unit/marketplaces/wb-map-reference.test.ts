import { describe, expect, it } from 'vitest';
import type { WbOrderRow, WbSaleRow } from '../../../src/adapters/marketplaces/wildberries/dto.js';
import { mapWbOrder, mapWbSale } from '../../../src/adapters/marketplaces/wildberries/map.js';

const order: WbOrderRow = {
  date: '2026-09-28T01:03:11',
  lastChangeDate: '2026-09-29T14:00:00.5',
  warehouseName: 'Склад продавца Подольск',
  warehouseType: 'Склад продавца',
  countryName: 'Россия',
  oblastOkrugName: 'Центральный федеральный округ',
  regionName: 'Московская область',
  supplierArticle: 'SP-00001',
  nmId: 300000001,
  barcode: '2040000000007',
  category: 'Одежда',
  subject: 'Футболки',
  brand: 'Taiga',
  techSize: 'M',
  incomeID: 0,
  isSupply: false,
  isRealization: true,
  totalPrice: 1990,
  discountPercent: 20,
  spp: 20,
  finishedPrice: 1592,
  priceWithDisc: 1592,
  isCancel: true,
  cancelDate: '2026-09-29T14:00:00',
  sticker: '1',
  gNumber: '2',
  srid: 'abc.0.0',
} as WbOrderRow;
const { isCancel: _c, cancelDate: _d, ...base } = order;

describe('WB order and sale lines', () => {
  it.each([[order], [{ ...order, isCancel: false, warehouseType: 'Склад WB' }]])(
    'an order row maps as before',
    (row) => {
      const line = mapWbOrder(row);
      expect(line).toEqual({
        marketplace: 'wildberries',
        lineId: `order:${row.srid}`,
        kind: 'order',
        orderId: row.srid,
        sku: null,
        barcode: row.barcode,
        productId: '300000001',
        offerId: 'SP-00001',
        quantity: 1,
        orderedAt: '2026-09-27T22:03:11.000Z',
        orderDay: '2026-09-28',
        changedAt: '2026-09-29T11:00:00.500Z',
        status: row.isCancel ? 'cancelled' : 'ordered',
        cancelled: row.isCancel,
        scheme: row.warehouseType === 'Склад продавца' ? 'FBS' : 'FBO',
        warehouseId: null,
        warehouseName: row.warehouseName,
        price: 1592,
        currency: 'RUB',
      });
    },
  );

  it.each([
    ['S123', 'sale', 'sold', 1592],
    ['R123', 'return', 'returned', -1592],
  ])('a sale row %s is the order line of the same fields, re-labelled', (saleID, kind, status, price) => {
    const sale = { ...base, saleID, finishedPrice: price, priceWithDisc: price } as WbSaleRow;
    // The original: the order mapping of the row, not cancelled, with id, kind and status replaced.
    const expected = {
      ...mapWbOrder({ ...sale, isCancel: false, cancelDate: '0001-01-01T00:00:00' } as WbOrderRow),
      lineId: `sale:${saleID}`,
      kind,
      status,
    };
    const line = mapWbSale(sale);
    expect(line).toEqual(expected);
    expect(Object.keys(line)).toEqual(Object.keys(expected));
  });
});
