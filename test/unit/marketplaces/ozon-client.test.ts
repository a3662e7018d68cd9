import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOzonClient } from '../../../src/adapters/marketplaces/ozon/client.js';
import type { OzonOrdersCursor } from '../../../src/adapters/marketplaces/ozon/orders.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import { collect, createFakeClock, exchanges, fixture, replay } from './helpers.js';

const OZON = 'https://api-seller.ozon.ru';

function client(
  pageSizes = {},
  credentials = { clientId: '1234567', apiKey: '<api key uuid>' },
  options: Partial<Parameters<typeof createOzonClient>[0]> = {},
) {
  const clock = createFakeClock(Date.parse('2026-09-29T00:00:00Z'));
  const ozon = createOzonClient({
    accountId: 'seller-1',
    ...credentials,
    limiters: createRateLimiterRegistry(clock),
    clock,
    pageSizes,
    ...options,
  });
  return { ozon, clock };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('Ozon catalogue', () => {
  it('pages /v3/product/list by last_id (stop on a short page), then ARCHIVED, with details from info/list', async () => {
    replay(exchanges('ozon-v3-product-list.last-id-boundary.exchange.json'), { matchBody: true });
    const info = fixture<{ items: Record<string, unknown>[] }>('ozon-v3-product-info-list.json');
    const second = {
      ...info.items[0],
      id: 1834201773,
      offer_id: 'TSH-WHT-001-M',
      sku: 2123456791,
      barcodes: [],
    };
    nock(OZON, { reqheaders: { 'client-id': '1234567', 'api-key': '<api key uuid>' } })
      .post('/v3/product/info/list', { product_id: ['1834201771', '1834201772'] })
      .reply(200, info)
      .post('/v3/product/info/list', { product_id: ['1834201773'] })
      .reply(200, { items: [second] })
      .post('/v3/product/list', { filter: { visibility: 'ARCHIVED' }, last_id: '', limit: 2 })
      .reply(200, { result: { items: [], last_id: '', total: 0, total_items: 0 } });
    const run = await collect(client({ products: 2 }).ozon.listCatalogue());
    expect(run.records.map((r) => [r.sku, r.productId, r.offerId, r.barcodes])).toEqual([
      ['2123456789', '1834201771', 'TSH-BLK-001-M', ['4601234567893', 'OZN1834201771']],
      ['2123456791', '1834201773', 'TSH-WHT-001-M', []],
    ]);
    expect(run.pages.map((p) => p.cursor)).toEqual([
      { visibility: 'ALL', lastId: 'WzE4MzQyMDE3NzIsMTgzNDIwMTc3Ml0=' },
      { visibility: 'ALL', lastId: 'WzE4MzQyMDE3NzMsMTgzNDIwMTc3M10=' },
      null,
    ]);
  });
});

describe('Ozon catalogue, single page', () => {
  it('stops after a page shorter than the limit, then reads ARCHIVED', async () => {
    nock(OZON)
      .post('/v3/product/list', { filter: { visibility: 'ALL' }, last_id: '', limit: 1000 })
      .reply(200, fixture('ozon-v3-product-list.json'))
      .post('/v3/product/info/list')
      .reply(200, fixture('ozon-v3-product-info-list.json'))
      .post('/v3/product/list', { filter: { visibility: 'ARCHIVED' }, last_id: '', limit: 1000 })
      .reply(200, { result: { items: [], last_id: '', total_items: 0 } });
    const run = await collect(client().ozon.listCatalogue());
    expect(run.records.map((r) => r.offerId)).toEqual(['TSH-BLK-001-M']);
    expect(run.pages.at(-1)).toMatchObject({ cursor: null, hasMore: false });
  });
});

describe('Ozon postings', () => {
  it('reads v3 FBO and v4 FBS by cursor while has_next, in UTC', async () => {
    nock(OZON)
      .post(
        '/v3/posting/fbo/list',
        (b) => b.filter.since === '2026-09-28T00:00:00Z' && b.limit === 1 && b.cursor === '',
      )
      .reply(200, fixture('ozon-v3-posting-fbo-list.json'));
    replay(exchanges('ozon-v4-posting-fbs-list.cursor-boundary.exchange.json'), { matchBody: true });
    const run = await collect(client({ postings: 1 }).ozon.fetchOrders({ since: '2026-09-28T00:00:00Z' }));
    expect(
      run.records.map((r) => [
        r.lineId,
        r.scheme,
        r.status,
        r.quantity,
        r.orderedAt,
        r.orderDay,
        r.warehouseId,
        r.price,
      ]),
    ).toEqual([
      [
        '0142558877-0091-1:2123456789',
        'FBO',
        'delivered',
        1,
        '2026-09-28T09:13:02.114Z',
        '2026-09-28',
        '15431806189000',
        1345,
      ],
      [
        '0142560311-0027-1:2123456789',
        'FBS',
        'delivering',
        1,
        '2026-09-28T10:05:31.000Z',
        '2026-09-28',
        '1020005001234000',
        1345,
      ],
    ]);
    // The FBS page that has a next one leaves its window open at the API's cursor.
    expect(run.pages.flatMap((p) => (p.cursor as OzonOrdersCursor).resume?.windows ?? [])).toContainEqual({
      feed: 'fbs',
      apiCursor: 'eyJsYXN0X2lkIjo0MTg3NzMwMTU1Nn0=',
      since: '2026-09-28T00:00:00Z',
      to: '2026-09-29T00:00:00Z',
    });
    expect(run.lastCursor).toEqual({
      fboSince: '2026-09-15T00:00:00Z',
      fbsChangedSince: '2026-09-28T23:00:00Z',
      resume: null,
    });
  });

  it('an incremental run asks FBS for status changes since the cursor', async () => {
    nock(OZON)
      .post('/v3/posting/fbo/list', (b) => b.filter.since === '2026-09-15T00:00:00Z')
      .reply(200, { cursor: '', has_next: false, postings: [] })
      .post('/v4/posting/fbs/list', (b) => b.filter.last_changed_status_date?.from === '2026-09-28T00:00:00Z')
      .reply(200, { cursor: '', has_next: false, postings: [] });
    const cursor = {
      fboSince: '2026-09-15T00:00:00Z',
      fbsChangedSince: '2026-09-28T00:00:00Z',
      resume: null,
    };
    const run = await collect(client().ozon.fetchOrders({ cursor }));
    expect(run.records).toEqual([]);
  });
});

describe('Ozon stock and supplies', () => {
  it('reads FBO stock per Ozon warehouse (names from warehouse/ozon/list) and FBS per seller warehouse', async () => {
    nock(OZON)
      .post('/v1/warehouse/ozon/list')
      .reply(200, fixture('ozon-v1-warehouse-ozon-list.json'))
      .post('/v1/product/info/stocks-by-warehouse/fbo', {
        limit: 1000,
        cursor: '',
        skus: ['2123456789', '2123456790'],
      })
      .reply(200, fixture('ozon-v1-product-info-stocks-by-warehouse-fbo.json'))
      .post('/v2/product/info/stocks-by-warehouse/fbs', {
        limit: 1000,
        cursor: '',
        sku: ['2123456789', '2123456790'],
      })
      .reply(200, fixture('ozon-v2-product-info-stocks-by-warehouse-fbs.json'));
    const run = await collect(client().ozon.fetchStock({ skus: ['2123456789', '2123456790'] }));
    expect(run.records.map((r) => [r.scheme, r.warehouseName, r.sku, r.available, r.reserved])).toEqual([
      ['FBO', 'ХОРУГВИНО_РФЦ', '2123456789', 21, 1],
      ['FBO', 'САНКТ-ПЕТЕРБУРГ_РФЦ', '2123456789', 14, 1],
      ['FBO', 'ХОРУГВИНО_РФЦ', '2123456790', 12, 0],
      ['FBS', 'Склад Подольск FBS', '2123456789', 24, 1],
      ['FBS', 'Склад Подольск FBS', '2123456791', 40, 0],
    ]);
  });

  it('lists supply orders, gets them and reads each bundle', async () => {
    nock(OZON)
      .post('/v3/supply-order/list', (b) => b.filter.states.length === 11 && b.limit === 100)
      .reply(200, fixture('ozon-v3-supply-order-list.json'))
      .post('/v3/supply-order/get', { order_ids: ['84882285', '84882291'] })
      .reply(200, fixture('ozon-v3-supply-order-get.json'))
      .post('/v1/supply-order/bundle', {
        bundle_ids: ['019c5755-8768-7a00-9582-7c1f2c81681f'],
        limit: 100,
        last_id: '',
      })
      .reply(200, fixture('ozon-v1-supply-order-bundle.json'));
    const run = await collect(client().ozon.fetchSupplies());
    expect(run.records).toEqual([
      expect.objectContaining({
        supplyId: '2000041877261',
        status: 'in_transit',
        rawStatus: 'IN_TRANSIT',
        warehouseId: '15431806189000',
        sku: '2123456789',
        barcode: '4601234567893',
        quantity: 40,
        expectedAt: '2026-10-01T09:00:00.000Z',
      }),
    ]);
  });
});

describe('Ozon errors', () => {
  it.each([
    [0, 'AUTH_INVALID', /paste the key again/],
    [1, 'AUTH_MISSING', /not configured/],
    [2, 'AUTH_INVALID', /numeric seller id/],
  ] as const)('auth exchange %i → %s, no retry', async (index, code, hint) => {
    const exchange = exchanges('ozon-error-auth.exchange.json')[index];
    if (!exchange) throw new Error('fixture changed');
    replay([exchange]);
    const { ozon } = client({ products: 100 });
    const error = await collect(ozon.listCatalogue()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, status: exchange.response.status, marketplace: 'ozon' });
    expect((error as Error).message).toMatch(hint);
    expect(ozon.stats().totalCalls).toBe(1);
  });

  it('429: waits Retry-After seconds, then retries', async () => {
    const [exchange] = exchanges('ozon-error-429.exchange.json');
    nock(OZON)
      .post('/v3/posting/fbo/list')
      .reply(429, exchange?.response.body as nock.Body, exchange?.response.headers)
      .post('/v3/posting/fbo/list')
      .reply(200, { cursor: '', has_next: false, postings: [] })
      .post('/v4/posting/fbs/list')
      .reply(200, { cursor: '', has_next: false, postings: [] });
    const { ozon, clock } = client({}, undefined, { postingConcurrency: 1 });
    await collect(ozon.fetchOrders({ since: '2026-09-28T00:00:00Z' }));
    // Exactly Retry-After; afterwards the 50 rps pacing resumes (one 20 ms interval).
    expect(clock.sleeps).toEqual([1_000, 20]);
    expect(ozon.stats()).toMatchObject({ throttled: 1, rateLimitWaitMs: 1_020, totalCalls: 3 });
  });
});

describe('Ozon postings over a long range', () => {
  type Filter = { since: string; to: string; last_changed_status_date?: { from: string; to: string } };
  type Body = { cursor: string; filter: Filter };
  const empty = { cursor: '', has_next: false, postings: [] };

  /** Answers every posting request with no postings, recording what was asked. */
  function recordAll(times: number) {
    const asked: { feed: string; since: string; to: string; cursor: string }[] = [];
    for (const [feed, path] of [
      ['fbo', '/v3/posting/fbo/list'],
      ['fbs', '/v4/posting/fbs/list'],
    ] as const) {
      nock(OZON)
        .post(path, (b: Body) => {
          asked.push({ feed, since: b.filter.since, to: b.filter.to, cursor: b.cursor });
          return true;
        })
        .times(times)
        .reply(200, empty);
    }
    return asked;
  }

  it('a first sync cuts 90 days into windows of at most 31 days per feed, sharing their edges', async () => {
    const asked = recordAll(3);
    const run = await collect(client().ozon.fetchOrders({ since: '2026-07-01T00:00:00Z' }));
    const windows = [
      { since: '2026-07-01T00:00:00Z', to: '2026-07-31T00:00:00Z', cursor: '' },
      { since: '2026-07-31T00:00:00Z', to: '2026-08-30T00:00:00Z', cursor: '' },
      { since: '2026-08-30T00:00:00Z', to: '2026-09-29T00:00:00Z', cursor: '' },
    ];
    const sorted = (feed: string) =>
      asked
        .filter((a) => a.feed === feed)
        .map(({ feed: _, ...w }) => w)
        .sort((a, b) => a.since.localeCompare(b.since));
    expect(sorted('fbo')).toEqual(windows);
    expect(sorted('fbs')).toEqual(windows);
    expect(run.lastCursor).toEqual({
      fboSince: '2026-09-15T00:00:00Z',
      fbsChangedSince: '2026-09-28T23:00:00Z',
      resume: null,
    });
  });

  it('a run cut short resumes each open window at its page, and reads nothing finished twice', async () => {
    // One window at a time, so which page fails is certain.
    const { ozon } = client({}, undefined, { postingConcurrency: 1 });
    const posting = fixture<{ postings: unknown[] }>('ozon-v3-posting-fbo-list.json').postings;
    nock(OZON)
      .post('/v3/posting/fbo/list', (b: Body) => b.filter.since === '2026-08-28T00:00:00Z' && b.cursor === '')
      .reply(200, { cursor: 'page-2', has_next: true, postings: posting })
      .post('/v3/posting/fbo/list', (b: Body) => b.cursor === 'page-2')
      .reply(400, { code: 3, message: 'invalid cursor', details: [] });
    const pages: { cursor: unknown; records: unknown[] }[] = [];
    const error = await (async () => {
      for await (const page of ozon.fetchOrders({ since: '2026-08-28T00:00:00Z' })) pages.push(page);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ marketplace: 'ozon', status: 400 });
    expect(pages).toHaveLength(1);
    expect(pages[0]?.records).toHaveLength(1);
    const saved = pages[0]?.cursor as OzonOrdersCursor;
    // The first FBO window stays open at page 2; its neighbour and both FBS windows are untouched.
    expect(saved.resume?.windows).toEqual([
      { feed: 'fbo', since: '2026-08-28T00:00:00Z', to: '2026-09-13T00:00:00Z', apiCursor: 'page-2' },
      { feed: 'fbo', since: '2026-09-13T00:00:00Z', to: '2026-09-29T00:00:00Z', apiCursor: '' },
      { feed: 'fbs', since: '2026-08-28T00:00:00Z', to: '2026-09-13T00:00:00Z', apiCursor: '' },
      { feed: 'fbs', since: '2026-09-13T00:00:00Z', to: '2026-09-29T00:00:00Z', apiCursor: '' },
    ]);

    const asked = recordAll(2);
    const rerun = await collect(client().ozon.fetchOrders({ cursor: saved as never }));
    expect(asked.map((a) => `${a.feed} ${a.since} ${a.cursor}`).sort()).toEqual([
      'fbo 2026-08-28T00:00:00Z page-2',
      'fbo 2026-09-13T00:00:00Z ',
      'fbs 2026-08-28T00:00:00Z ',
      'fbs 2026-09-13T00:00:00Z ',
    ]);
    expect(rerun.lastCursor).toMatchObject({ resume: null });
  });

  it('a cursor saved mid-run before windows existed still resumes: its range, then FBS', async () => {
    const asked = recordAll(1);
    const cursor = {
      fboSince: '2026-09-01T00:00:00Z',
      fbsChangedSince: null,
      resume: { feed: 'fbo', since: '2026-09-01T00:00:00Z', to: '2026-09-28T00:00:00Z', apiCursor: 'c7' },
    };
    await collect(client().ozon.fetchOrders({ cursor, since: '2026-09-01T00:00:00Z' }));
    expect(asked.map((a) => `${a.feed} ${a.since}..${a.to} ${a.cursor}`).sort()).toEqual([
      'fbo 2026-09-01T00:00:00Z..2026-09-28T00:00:00Z c7',
      'fbs 2026-09-01T00:00:00Z..2026-09-29T00:00:00Z ',
    ]);
  });

  it('an incremental FBS read by status change stays one window over the year', async () => {
    const asked = recordAll(1);
    await collect(
      client().ozon.fetchOrders({
        cursor: { fboSince: '2026-09-15T00:00:00Z', fbsChangedSince: '2026-09-28T00:00:00Z', resume: null },
      }),
    );
    expect(asked.filter((a) => a.feed === 'fbs')).toEqual([
      { feed: 'fbs', since: '2025-09-30T00:00:00Z', to: '2026-09-29T00:00:00Z', cursor: '' },
    ]);
  });
});
