import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import { collect, createFakeClock, exchanges, fixture, replay } from './helpers.js';

function client(pageSizes = {}) {
  const clock = createFakeClock(Date.parse('2026-09-30T06:00:00Z'));
  return createWildberriesClient({
    accountId: 'seller-1',
    token: 'tok',
    limiters: createRateLimiterRegistry(clock),
    clock,
    pageSizes,
  });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('WB catalogue (content-api cards/list)', () => {
  it('copies cursor.updatedAt + nmID into the next request and stops when total < limit', async () => {
    replay(exchanges('wb-content-cards-list.cursor-boundary.exchange.json'), { matchBody: true });
    const run = await collect(client({ cards: 2 }).listCatalogue());
    expect(run.pages.map((p) => [p.cursor, p.hasMore])).toEqual([
      [{ updatedAt: '2026-09-27T08:41:15.001203Z', nmID: 254878913 }, true],
      [{ updatedAt: '2026-09-30T17:05:02.781001Z', nmID: 254878914 }, false],
    ]);
    expect(run.records.map((r) => [r.sku, r.productId, r.offerId, r.size, r.barcodes])).toEqual([
      ['401233871', '254878912', 'TSH-BLK-001', 'M', ['2041127785003']],
      ['401233872', '254878912', 'TSH-BLK-001', 'L', ['2041127785010']],
      ['401233873', '254878913', 'TSH-WHT-001', 'M', ['2041127785027']],
      ['401233874', '254878914', 'TSH-GRN-001', 'S', ['2041127785034']],
    ]);
  });

  it('a first page with total < limit (100) is the whole catalogue', async () => {
    nock('https://content-api.wildberries.ru')
      .post('/content/v2/get/cards/list', {
        settings: { sort: { ascending: true }, filter: { withPhoto: -1 }, cursor: { limit: 100 } },
      })
      .query({ locale: 'ru' })
      .reply(200, fixture('wb-content-cards-list.json'));
    const run = await collect(client().listCatalogue());
    expect(run.pages).toHaveLength(1);
    expect(run.records).toHaveLength(3);
    expect(run.records[0]).toMatchObject({
      name: 'Футболка хлопковая черная',
      brand: 'Northfield',
      updatedAt: '2026-09-27T08:41:13.274Z',
    });
  });

  it('starts an incremental run from the saved cursor', async () => {
    const [, second] = exchanges('wb-content-cards-list.cursor-boundary.exchange.json');
    if (!second) throw new Error('fixture changed');
    replay([second], { matchBody: true });
    const cursor = { updatedAt: '2026-09-27T08:41:15.001203Z', nmID: 254878913 };
    const run = await collect(client({ cards: 2 }).listCatalogue({ cursor }));
    expect(run.records.map((r) => r.productId)).toEqual(['254878914']);
  });
});

describe('WB stock', () => {
  it('reads WB-warehouse stock, seller warehouses and their stock by chrtId', async () => {
    nock('https://seller-analytics-api.wildberries.ru')
      .post('/api/analytics/v1/stocks-report/wb-warehouses', { limit: 250000, offset: 0 })
      .reply(200, fixture('wb-stocks-report-wb-warehouses.json'));
    nock('https://marketplace-api.wildberries.ru')
      .get('/api/v3/warehouses')
      .reply(200, fixture('wb-marketplace-warehouses.json'))
      .post('/api/v3/stocks/1184211', { chrtIds: [401233871, 401233872] })
      .reply(200, fixture('wb-marketplace-stocks.json'))
      .post('/api/v3/stocks/1184212', { chrtIds: [401233871, 401233872] })
      .reply(200, { stocks: [] });
    const run = await collect(client().fetchStock({ skus: ['401233871', '401233872'] }));
    expect(run.pages.at(-1)?.hasMore).toBe(false);
    expect(
      run.records.map((r) => [r.scheme, r.warehouseId, r.sku, r.available, r.inTransitToClient]),
    ).toEqual([
      ['FBO', '-999999', '401233871', 112, 9],
      ['FBO', '-999999', '401233872', 64, 4],
      ['FBO', '-999999', '401233873', 0, 1],
      ['FBS', '1184211', '401233871', 25, null],
      ['FBS', '1184211', '401233872', 0, null],
    ]);
  });
});

describe('WB supplies (supplies-api)', () => {
  it('lists supplies, then details and goods of each; a preorder is asked by preorderID', async () => {
    const goods = fixture('wb-fbw-supply-goods.json');
    nock('https://supplies-api.wildberries.ru')
      .post('/api/v1/supplies', {})
      .query({ limit: 1000, offset: 0 })
      .reply(200, fixture('wb-fbw-supplies-list.json'))
      .get('/api/v1/supplies/31874411')
      .query({ isPreorderID: false })
      .reply(200, fixture('wb-fbw-supply-details.json'))
      .get('/api/v1/supplies/31874411/goods')
      .query({ limit: 1000, offset: 0, isPreorderID: false })
      .reply(200, goods)
      .get('/api/v1/supplies/40299102')
      .query({ isPreorderID: true })
      .reply(200, { ...(fixture('wb-fbw-supply-details.json') as object), statusID: 1 })
      .get('/api/v1/supplies/40299102/goods')
      .query({ limit: 1000, offset: 0, isPreorderID: true })
      .reply(200, []);
    const run = await collect(client().fetchSupplies());
    expect(run.records).toEqual([
      expect.objectContaining({
        supplyId: '31874411',
        status: 'accepted',
        warehouseId: '507',
        barcode: '2041127785003',
        quantity: 200,
        acceptedQuantity: 199,
        expectedAt: '2026-09-14T21:00:00.000Z',
      }),
      expect.objectContaining({ supplyId: '31874411', barcode: '2041127785010', quantity: 100 }),
    ]);
    expect(run.lastCursor).toEqual({ updatedSince: '2026-09-30' });
  });
});
