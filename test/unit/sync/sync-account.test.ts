import { describe, expect, it } from 'vitest';
import type { OrderLine, Page } from '../../../src/core/marketplace/records.js';
import type { MarketplaceClient } from '../../../src/ports/marketplace.js';
import type { OrderBatch, OrderRow, SyncStore } from '../../../src/ports.js';
import { createAccountSync } from '../../../src/services/sync/sync-account.js';
import { silentLogger } from '../../helpers/logs.js';

// The account sync's batching against an in-memory store: writes in order, one in flight while the
// next pages are fetched, and a failed write stops the step with the cursor of what did land.

const line = (n: number): OrderLine =>
  ({
    marketplace: 'ozon',
    lineId: `L${n}`,
    kind: 'order',
    orderId: `P${n}`,
    sku: '2002',
    barcode: null,
    productId: null,
    offerId: 'TEA-02',
    quantity: 1,
    orderedAt: '2026-11-01T10:00:00Z',
    orderDay: '2026-11-01',
    changedAt: null,
    status: 'awaiting_packaging',
    cancelled: false,
    scheme: 'FBO',
    warehouseId: null,
    warehouseName: null,
    price: 10,
    currency: 'RUB',
  }) as OrderLine;

/** The one product the fake stores know: Ozon SKU 2002. */
const TEA = {
  id: 7,
  sellerSku: 'TEA-02',
  barcodes: [],
  wbNmId: null,
  wbChrtId: null,
  ozonSku: 2002,
  ozonOfferId: 'TEA-02',
};

/** An order batch that keeps its rows, for the fake stores. */
function arrayBatch() {
  const rows: OrderRow[] = [];
  return {
    rows,
    add: (row: OrderRow) => {
      rows.push(row);
    },
    get size() {
      return rows.length;
    },
  } satisfies OrderBatch & { rows: OrderRow[] };
}

/** Pages of 10,000 lines (one batch each), cursor = page number; `log` records fetches. */
function client(pages: number, log: string[]): MarketplaceClient {
  const empty = async function* () {};
  return {
    marketplace: 'ozon',
    accountId: '1',
    listCatalogue: empty,
    fetchStock: empty,
    fetchSupplies: empty,
    async *fetchOrders() {
      for (let p = 1; p <= pages; p++) {
        log.push(`fetch ${p}`);
        const page: Page<OrderLine> = {
          records: Array.from({ length: 10_000 }, (_, i) => line(p * 100_000 + i)),
          skipped: [],
          cursor: p,
          hasMore: p < pages,
        };
        yield page;
      }
    },
    stats: () => ({ totalCalls: 0, retries: 0, throttled: 0, rateLimitWaitMs: 0 }) as never,
  } as MarketplaceClient;
}

function store(log: string[], failOn?: number) {
  const cursors: Record<string, unknown> = {};
  let calls = 0;
  const s: Partial<SyncStore> = {
    cursors: async () => ({}),
    identities: async () => [TEA],
    startRun: async () => 1,
    finishRun: async () => {},
    saveCatalogue: async () => [],
    orderBatch: arrayBatch,
    saveOrders: async (_c, _a, _m, batch, cursor) => {
      const n = ++calls;
      log.push(`write ${n} start`);
      await new Promise((r) => setTimeout(r, 20));
      if (n === failOn) {
        log.push(`write ${n} failed`);
        throw new Error('database went away');
      }
      cursors[cursor.key] = cursor.value;
      log.push(`write ${n} done`);
      return batch.size;
    },
    refreshDailySales: async () => {
      log.push('refresh');
      await new Promise((r) => setTimeout(r, 5));
      return 5;
    },
    closeStock: async () => 0,
  };
  return { store: s as SyncStore, cursors };
}

const account = { id: 1, companyId: 'c', marketplace: 'ozon' as const };
const sync = (s: SyncStore) => createAccountSync({ store: s, log: silentLogger(), now: () => new Date() });

describe('account sync batching', () => {
  it('fetches the next page while a batch is written, and writes every batch in order', async () => {
    const log: string[] = [];
    const { store: s, cursors } = store(log);
    const report = await sync(s)(account, client(3, log), { full: true });
    expect(report.steps.orders).toMatchObject({ status: 'success', written: 30_000 });
    expect(cursors.orders).toBe(3);
    // Page 2 was fetched before batch 1 had finished writing.
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('write 1 done'));
    expect(log.filter((l) => l.endsWith('start'))).toEqual([
      'write 1 start',
      'write 2 start',
      'write 3 start',
    ]);
    expect(log.indexOf('write 2 start')).toBeGreaterThan(log.indexOf('write 1 done'));
    expect(log.at(-1)).toBe('refresh');
  });

  it('a failed write stops the step: no later batch is written and the cursor stays with what landed', async () => {
    const log: string[] = [];
    const { store: s, cursors } = store(log, 2);
    const report = await sync(s)(account, client(4, log), { full: true });
    expect(report.steps.orders).toMatchObject({ status: 'failed', written: 10_000 });
    expect(report.steps.orders.error).toMatch(/database went away/);
    expect(cursors.orders).toBe(1);
    expect(log).not.toContain('write 3 start');
    // What did land is still summed into daily_sales.
    expect(log.at(-1)).toBe('refresh');
  });

  it('a long step sums daily_sales on the way every 200,000 lines, beside the fetching, and once more at the end', async () => {
    const log: string[] = [];
    const { store: s } = store(log);
    const report = await sync(s)(account, client(25, log), { full: true });
    expect(report.steps.orders).toMatchObject({ status: 'success', written: 250_000 });
    const refreshes = log.flatMap((l, i) => (l === 'refresh' ? [i] : []));
    expect(refreshes).toHaveLength(2);
    // The first starts once batch 20 has landed, while later pages are still being fetched.
    expect(refreshes[0]).toBeGreaterThan(log.indexOf('write 20 done'));
    expect(refreshes[0]).toBeLessThan(log.indexOf('fetch 25'));
    expect(log.at(-1)).toBe('refresh');
    // Rows written by both refreshes are counted.
    expect(report.steps.orders.derived).toBe(10);
  });
});

describe('account sync, lines for products the catalogue never listed', () => {
  it('creates the product from the line as its page arrives, and saves the line against it', async () => {
    const saved: OrderRow[] = [];
    const created: unknown[] = [];
    const known = TEA;
    const s: Partial<SyncStore> = {
      cursors: async () => ({}),
      identities: async () => [known],
      startRun: async () => 1,
      finishRun: async () => {},
      // Upserts by seller SKU, as the real store does: one product per SKU, however many rows name it.
      saveCatalogue: async (_c, rows) => {
        created.push(...rows);
        const skus = [...new Map(rows.map((r) => [r.sellerSku, r])).values()];
        return skus.map((r, i) => ({
          ...known,
          id: 9 + i,
          sellerSku: r.sellerSku,
          ozonSku: r.ozonSku ?? null,
        }));
      },
      orderBatch: arrayBatch,
      saveOrders: async (_c, _a, _m, batch) => {
        saved.push(...(batch as ReturnType<typeof arrayBatch>).rows);
        return batch.size;
      },
      refreshDailySales: async () => 0,
      closeStock: async () => 0,
    };
    const stranger = { ...line(1), lineId: 'X1', sku: '3003', offerId: 'NEW-03' } as OrderLine;
    const c = client(1, []);
    c.fetchOrders = async function* () {
      yield {
        records: [line(0), stranger, { ...stranger, lineId: 'X2' }],
        skipped: [],
        cursor: 1,
        hasMore: false,
      };
    };
    const report = await sync(s as SyncStore)(account, c, { full: true });
    expect(report.steps.orders).toMatchObject({ status: 'success', written: 3 });
    // One placeholder per unknown line, named after its offer id and carrying the Ozon SKU.
    expect(created).toMatchObject([
      { sellerSku: 'NEW-03', ozonOfferId: 'NEW-03', ozonSku: 3003 },
      { sellerSku: 'NEW-03', ozonOfferId: 'NEW-03', ozonSku: 3003 },
    ]);
    expect(saved.map((r) => [r.externalId, r.productId])).toEqual([
      ['L0', 7],
      ['X1', 9],
      ['X2', 9],
    ]);
  });
});
