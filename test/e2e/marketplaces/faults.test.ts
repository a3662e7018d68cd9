import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError, UpstreamError } from '../../../src/adapters/marketplaces/errors.js';
import { createOzonClient } from '../../../src/adapters/marketplaces/ozon/client.js';
import type { OzonOrdersCursor } from '../../../src/adapters/marketplaces/ozon/orders.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import type { JsonValue, OrderLine } from '../../../src/core/marketplace/records.js';
import { DAY, NOW, ozonTruth, startHarness, syncOrders, wbTruthKeys } from './harness.js';

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
afterEach(async () => {
  await harness?.emulator.close();
  harness = undefined;
});
const since = new Date(NOW - 95 * DAY).toISOString();

describe('429 storms', () => {
  it('WB: waits exactly X-Ratelimit-Retry each time and finishes with zero lost rows', async () => {
    harness = await startHarness({ faults: { stormRequests: 5, throttleRate: 0.2, retryAfterSeconds: 7 } });
    const { wb, emulator } = harness;
    const run = await syncOrders(wb.fetchOrders({ since }));
    const truth = wbTruthKeys(emulator);
    expect([...truth.keys()].filter((k) => !run.store.has(k))).toEqual([]);
    const stats = wb.stats();
    expect(stats.throttled).toBe(emulator.faultCounts().throttles);
    expect(stats.throttled).toBeGreaterThanOrEqual(5);
    expect(stats.rateLimitWaitMs).toBeGreaterThanOrEqual(stats.throttled * 7_000);
  });

  it('Ozon: honours Retry-After and loses nothing', async () => {
    harness = await startHarness({
      skuCount: 10,
      faults: { stormRequests: 4, throttleRate: 0.3, retryAfterSeconds: 2 },
    });
    const { ozon, emulator } = harness;
    const run = await syncOrders(ozon.fetchOrders());
    expect(run.store.size).toBe(ozonTruth(emulator).size);
    expect(ozon.stats().throttled).toBe(emulator.faultCounts().throttles);
  });
});

describe('5xx and a page that fails mid-run', () => {
  it('recovers from transient 500s with backoff', async () => {
    harness = await startHarness({
      skuCount: 10,
      faults: { failPath: { path: 'ozon:/v3/posting/fbo/list', afterRequests: 3, times: 2 } },
    });
    const { ozon, emulator } = harness;
    const run = await syncOrders(ozon.fetchOrders());
    expect(run.store.size).toBe(ozonTruth(emulator).size);
    expect(ozon.stats().retries).toBe(2);
  });

  it('after 3 failed attempts throws a typed error; the saved cursor resumes with nothing lost', async () => {
    harness = await startHarness({
      skuCount: 10,
      // Windows are read 4 at a time: 12 failures in a row exhaust the 3 attempts of one of them.
      faults: { failPath: { path: 'ozon:/v3/posting/fbo/list', afterRequests: 3, times: 12 } },
    });
    const { ozon, emulator } = harness;
    const store = new Map<string, OrderLine>();
    let cursor: JsonValue = null;
    const error = await (async () => {
      for await (const page of ozon.fetchOrders()) {
        for (const line of page.records) store.set(line.lineId, line);
        cursor = page.cursor;
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', status: 500, marketplace: 'ozon' });
    expect(store.size).toBeGreaterThan(0);
    // The saved cursor names the FBO windows still open, and every FBS one (not started).
    const open = (cursor as unknown as OzonOrdersCursor).resume?.windows ?? [];
    expect(open.some((w) => w.feed === 'fbo')).toBe(true);
    expect(open.filter((w) => w.feed === 'fbs').every((w) => w.apiCursor === '')).toBe(true);

    await syncOrders(ozon.fetchOrders({ cursor }), store);
    expect(store.size).toBe(ozonTruth(emulator).size);
  });

  it('WB: random 500s are retried and every row arrives', async () => {
    harness = await startHarness({ faults: { errorRate: 0.15 } });
    const { wb, emulator } = harness;
    const run = await syncOrders(wb.fetchOrders({ since }));
    expect(run.store.size).toBe(wbTruthKeys(emulator).size);
    expect(wb.stats().retries).toBe(emulator.faultCounts().errors);
  });
});

describe('timeouts and dead connections', () => {
  it('slow answers past the timeout are retried, then a NetworkError TIMEOUT', async () => {
    harness = await startHarness({ timeoutMs: 200, faults: { slowRate: 1, slowMs: 700 } });
    const error = await syncOrders(harness.wb.listCatalogue() as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 3 });
  });

  it('some slow answers: retried and the catalogue is complete', async () => {
    harness = await startHarness({ timeoutMs: 200, faults: { slowRate: 0.3, slowMs: 700 } });
    const items = [];
    for await (const page of harness.ozon.listCatalogue()) items.push(...page.records);
    expect(items.length).toBe(harness.emulator.truth.skus().length);
  });

  it('connection refused: NetworkError CONNECTION_FAILED after 3 attempts', async () => {
    harness = await startHarness();
    const { clock, limiters } = harness;
    const ozon = createOzonClient({
      accountId: 'x',
      clientId: '1',
      apiKey: 'secret-key-123',
      baseUrl: 'http://127.0.0.1:9',
      limiters,
      clock,
    });
    const error = await syncOrders(ozon.fetchOrders()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', code: 'CONNECTION_FAILED', attempts: 3 });
    expect(String((error as Error).message)).not.toContain('secret-key-123');
  });
});

describe('malformed records', () => {
  it('WB: corrupted rows are skipped with reasons and counted; every other row is kept', async () => {
    harness = await startHarness({ faults: { malformedRate: 0.05 } });
    const { wb, emulator } = harness;
    const run = await syncOrders(wb.fetchOrders({ since }));
    const corrupted = emulator.truth.corruptedKeys();
    expect(corrupted.size).toBeGreaterThan(10);
    expect(run.skipped).toBeGreaterThanOrEqual(corrupted.size);
    expect(wb.stats().skippedRecords).toBe(run.skipped);
    for (const key of wbTruthKeys(emulator).keys()) expect(run.store.has(key), key).toBe(!corrupted.has(key));
  });

  it('Ozon: a corrupted posting is skipped, the rest of its page kept', async () => {
    harness = await startHarness({ skuCount: 10, faults: { malformedRate: 0.05 } });
    const { ozon, emulator } = harness;
    const skippedReasons: string[] = [];
    const store = new Map<string, OrderLine>();
    for await (const page of ozon.fetchOrders()) {
      for (const line of page.records) store.set(line.lineId, line);
      skippedReasons.push(...page.skipped.map((s) => s.reason));
    }
    const corrupted = emulator.truth.corruptedKeys();
    expect(skippedReasons.length).toBe(corrupted.size);
    expect(skippedReasons.every((r) => r.startsWith('products'))).toBe(true);
    expect(store.size + corrupted.size).toBe(ozonTruth(emulator).size);
  });
});

describe('tokens', () => {
  it.each([
    ['expired', 'AUTH_INVALID', /expired/],
    ['contentOnly', 'AUTH_WRONG_CATEGORY', /Statistics category/],
  ] as const)('WB %s token → %s', async (wbToken, code, hint) => {
    harness = await startHarness({ wbToken });
    const error = await syncOrders(harness.wb.fetchOrders()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, status: 401 });
    expect((error as Error).message).toMatch(hint);
  });

  it('WB Base token on the WB-warehouse stock report → 403 TOKEN_TYPE_NOT_ALLOWED', async () => {
    harness = await startHarness();
    const { emulator, clock, limiters } = harness;
    const wb = createWildberriesClient({
      accountId: 'b',
      token: emulator.tokens.wb.base,
      tokenType: 'base',
      baseUrls: emulator.wbBaseUrls,
      clock,
      limiters,
    });
    const error = await syncOrders(wb.fetchStock() as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOKEN_TYPE_NOT_ALLOWED', status: 403 });
  });

  it('Ozon wrong Api-Key → 404 AUTH_INVALID, removed endpoints answer 404', async () => {
    harness = await startHarness();
    const { emulator, clock, limiters } = harness;
    const ozon = createOzonClient({
      accountId: 'x',
      clientId: emulator.tokens.ozon.clientId,
      apiKey: 'wrong',
      baseUrl: emulator.ozonBaseUrl,
      clock,
      limiters,
    });
    const error = await syncOrders(ozon.fetchOrders()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUTH_INVALID', status: 404 });
    const removed = await fetch(
      `${emulator.wbBaseUrls.statistics}/api/v1/supplier/stocks?dateFrom=2026-09-01`,
      {
        headers: { Authorization: emulator.tokens.wb.personal },
      },
    );
    expect(removed.status).toBe(404);
  });
});
