import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../src/adapters/marketplaces/errors.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import { collect, createFakeClock, exchanges, fixture, replay } from './helpers.js';

const STATS = 'https://statistics-api.wildberries.ru';
const TOKEN = '<WB API token (JWT), sent as-is>';

function client(overrides: { pageSizes?: { cards?: number } } = {}) {
  const clock = createFakeClock(Date.parse('2026-09-30T06:00:00Z'));
  const wb = createWildberriesClient({
    accountId: 'seller-1',
    token: TOKEN,
    limiters: createRateLimiterRegistry(clock),
    clock,
    random: () => 0.5,
    ...overrides,
  });
  return { wb, clock };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe('WB orders and sales (statistics-api)', () => {
  it('pages orders by the full lastChangeDate of the last row, then sales, and normalizes Moscow time', async () => {
    replay(exchanges('wb-supplier-orders.page-boundary.exchange.json'));
    nock(STATS, { reqheaders: { authorization: TOKEN } })
      .get('/api/v1/supplier/sales')
      .query({ dateFrom: '2026-09-28T00:00:00', flag: '0' })
      .reply(200, fixture('wb-supplier-sales.json'))
      .get('/api/v1/supplier/sales')
      .query({ dateFrom: '2026-09-29T16:58:09', flag: '0' })
      .reply(200, []);
    const { wb } = client();

    const run = await collect(wb.fetchOrders({ since: '2026-09-27T21:00:00Z' }));

    expect(run.pages.map((p) => p.cursor)).toEqual([
      { orders: '2026-09-28T19:02:55.113', sales: '2026-09-28T00:00:00' },
      { orders: '2026-09-28T19:02:55.113', sales: '2026-09-29T16:58:09' },
      { orders: '2026-09-28T19:02:55.113', sales: '2026-09-29T16:58:09' },
    ]);
    expect(run.pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(run.records.map((r) => [r.lineId, r.kind, r.cancelled, r.scheme])).toEqual([
      ['order:8f1c2b7de0a94c51b2f4e9d1a3c0b7e2.0.0', 'order', false, 'FBO'],
      ['order:c41e7a0f93d24b6f8a1e5c2d9b7f0a13.0.0', 'order', true, 'FBS'],
      ['sale:S20418877301', 'sale', false, 'FBO'],
      ['sale:R20418903355', 'return', false, 'FBO'],
    ]);
    expect(run.records[0]).toMatchObject({
      orderedAt: '2026-09-28T11:03:11.000Z',
      orderDay: '2026-09-28',
      changedAt: '2026-09-28T11:35:02.000Z',
      barcode: '2041127785003',
      productId: '254878912',
      offerId: 'TSH-BLK-001',
      price: 1082,
    });
  });

  it('resumes from a saved cursor and asks only for changes', async () => {
    nock(STATS)
      .get('/api/v1/supplier/orders')
      .query({ dateFrom: '2026-09-28T19:02:55.113', flag: '0' })
      .reply(200, [])
      .get('/api/v1/supplier/sales')
      .query({ dateFrom: '2026-09-29T16:58:09', flag: '0' })
      .reply(200, []);
    const { wb } = client();
    const cursor = { orders: '2026-09-28T19:02:55.113', sales: '2026-09-29T16:58:09' };
    const run = await collect(wb.fetchOrders({ cursor }));
    expect(run.records).toEqual([]);
    expect(run.lastCursor).toEqual(cursor);
  });

  it('skips a malformed row with its reason and keeps the rest of the page', async () => {
    const rows = fixture<Record<string, unknown>[]>('wb-supplier-orders.json');
    const broken = [{ ...rows[0], nmId: 'abc' }, rows[1]];
    nock(STATS)
      .get('/api/v1/supplier/orders')
      .query(true)
      .reply(200, broken)
      .get('/api/v1/supplier/orders')
      .query(true)
      .reply(200, [])
      .get('/api/v1/supplier/sales')
      .query(true)
      .reply(200, []);
    const { wb } = client();
    const run = await collect(wb.fetchOrders({ since: '2026-09-27T21:00:00Z' }));
    expect(run.records.map((r) => r.orderId)).toEqual(['c41e7a0f93d24b6f8a1e5c2d9b7f0a13.0.0']);
    expect(run.skipped).toEqual([
      expect.objectContaining({
        key: '8f1c2b7de0a94c51b2f4e9d1a3c0b7e2.0.0',
        reason: expect.stringContaining('nmId'),
      }),
    ]);
    expect(wb.stats().skippedRecords).toBe(1);
  });
});

describe('WB errors', () => {
  it('401: a typed error that says to replace the token', async () => {
    replay(
      exchanges('wb-error-401.exchange.json').map((e) => ({
        ...e,
        request: { ...e.request, url: `${STATS}/api/v1/supplier/orders?dateFrom=2026-09-01T00:00:00&flag=0` },
      })),
    );
    const { wb } = client();
    const error = await collect(wb.fetchOrders({ since: '2026-08-31T21:00:00Z' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'AUTH_INVALID', status: 401, marketplace: 'wildberries' });
    expect((error as Error).message).toMatch(/token is malformed.*Personal token/);
  });

  it('403 base token: says to use a Personal token', async () => {
    const [exchange] = exchanges('wb-error-403-base-token.exchange.json');
    nock('https://seller-analytics-api.wildberries.ru')
      .post('/api/analytics/v1/stocks-report/wb-warehouses')
      .reply(403, exchange?.response.body as nock.Body, exchange?.response.headers);
    const { wb } = client();
    const error = await collect(wb.fetchStock({ skus: [] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOKEN_TYPE_NOT_ALLOWED', status: 403 });
    expect((error as Error).message).toContain('use a Personal');
  });

  it.each(
    exchanges('wb-error-400-statistics.exchange.json').map(
      (e) => [JSON.stringify(e.response.body), e] as const,
    ),
  )('400 %s: no retry, the text is kept', async (_name, exchange) => {
    nock(STATS)
      .get('/api/v1/supplier/orders')
      .query(true)
      .reply(400, exchange.response.body as nock.Body);
    const { wb } = client();
    const error = await collect(wb.fetchOrders()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
    expect((error as Error).message).toContain('dateFrom');
  });

  it('429: waits exactly X-Ratelimit-Retry seconds, then retries', async () => {
    const [exchange] = exchanges('wb-error-429.exchange.json');
    nock(STATS)
      .get('/api/v1/supplier/orders')
      .query(true)
      .reply(200, [])
      .get('/api/v1/supplier/sales')
      .query({ dateFrom: '2026-09-01T00:00:00', flag: '0' })
      .reply(429, exchange?.response.body as nock.Body, exchange?.response.headers)
      .get('/api/v1/supplier/sales')
      .query({ dateFrom: '2026-09-01T00:00:00', flag: '0' })
      .reply(200, []);
    const { wb, clock } = client();
    await collect(wb.fetchOrders({ since: '2026-08-31T21:00:00Z' }));
    expect(clock.sleeps).toEqual([47_000]);
    expect(wb.stats()).toMatchObject({ throttled: 1, rateLimitWaitMs: 47_000, totalCalls: 3 });
  });

  it('5xx: retried with backoff; after 3 attempts a typed error', async () => {
    nock(STATS).get('/api/v1/supplier/orders').query(true).times(3).reply(503, 'upstream down');
    const { wb, clock } = client();
    const error = await collect(wb.fetchOrders()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryable: true });
    expect(clock.sleeps).toEqual([750, 1_500]);
  });
});
