import { formatMoscowTime, parseMoscowTime } from '../../../core/marketplace/moscow-time.js';
import type { OrderLine, Page } from '../../../core/marketplace/records.js';
import type { OrderFetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import type { WbContext } from './context.js';
import { wbOrderRow, wbSaleRow, wbStatisticsPage } from './dto.js';
import { mapWbOrder, mapWbSale } from './map.js';

/** Incremental cursor: the `dateFrom` (Moscow, no offset) each statistics feed resumes from. */
export type WbOrdersCursor = {
  orders: string;
  sales: string;
};

function readCursor(value: unknown): WbOrdersCursor | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  return typeof c.orders === 'string' && typeof c.sales === 'string'
    ? { orders: c.orders, sales: c.sales }
    : null;
}

function lastChangeOfChunk(rows: unknown[]): string | null {
  for (let i = rows.length - 1; i >= 0; i -= 1) {
    const row = rows[i];
    const v = row && typeof row === 'object' ? (row as Record<string, unknown>).lastChangeDate : undefined;
    if (typeof v === 'string' && parseMoscowTime(v) !== null) return v;
  }
  return null;
}

async function fetchRows(ctx: WbContext, feed: 'orders' | 'sales', dateFrom: string, signal?: AbortSignal) {
  const endpoint = `GET /api/v1/supplier/${feed}`;
  const response = await ctx.http.statistics.send(
    {
      method: 'GET',
      path: `/api/v1/supplier/${feed}`,
      query: { dateFrom, flag: 0 },
      group: `statistics-${feed}`,
      limit: ctx.limit(`statistics-${feed}`),
      endpoint,
      streamJson: true,
    },
    signal,
  );
  if (!Array.isArray(response.data)) parseEnvelope(wbStatisticsPage, response.data, 'wildberries', endpoint);
  return response.data as unknown[];
}

/**
 * `supplier/orders` then `supplier/sales` (flag=0): each next `dateFrom` is the FULL lastChangeDate
 * of the last row; `[]` ends a feed. Rows with lastChangeDate == dateFrom come again, so a page
 * that makes no progress also ends it (upsert by lineId absorbs the repeats).
 */
export async function* fetchWbOrders(
  ctx: WbContext,
  options: OrderFetchOptions = {},
): AsyncGenerator<Page<OrderLine>> {
  const sinceMs = options.since
    ? Date.parse(options.since)
    : ctx.clock.now() - ctx.orderLookbackDays * 86_400_000;
  const start = formatMoscowTime(sinceMs);
  const cursor: WbOrdersCursor = readCursor(options.cursor) ?? { orders: start, sales: start };
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;

  for (const feed of ['orders', 'sales'] as const) {
    const endpoint = `GET /api/v1/supplier/${feed}`;
    for (;;) {
      if (pages >= maxPages) return;
      const dateFrom = cursor[feed];
      const rows = await fetchRows(ctx, feed, dateFrom, options.signal);
      if (rows.length === 0) break;
      // A real page holds up to ~80 000 rows: hand it over in chunks, each with the cursor of its
      // last row (rows are sorted by lastChangeDate, so resuming mid-page is as valid as after it),
      // and drop raw rows as they are mapped to keep memory flat.
      for (let i = 0; i < rows.length; i += ctx.pageSizes.statisticsChunk) {
        const chunk = rows.slice(i, i + ctx.pageSizes.statisticsChunk);
        rows.fill(undefined, i, i + chunk.length);
        const records = mapRows(feed, chunk, endpoint);
        ctx.stats.skipped(records.skipped.length);
        cursor[feed] = lastChangeOfChunk(chunk) ?? cursor[feed];
        yield { records: records.valid, skipped: records.skipped, cursor: { ...cursor }, hasMore: true };
      }
      pages += 1;
      if ((parseMoscowTime(cursor[feed]) ?? 0) <= (parseMoscowTime(dateFrom) ?? 0)) break;
    }
  }
  yield { records: [], skipped: [], cursor: { ...cursor }, hasMore: false };
}

function mapRows(feed: 'orders' | 'sales', rows: unknown[], endpoint: string) {
  if (feed === 'orders') {
    const v = validateRecords(rows, wbOrderRow, endpoint, (row) => fieldOf(row, 'srid'));
    return { valid: v.valid.map(mapWbOrder), skipped: v.skipped };
  }
  const v = validateRecords(rows, wbSaleRow, endpoint, (row) => fieldOf(row, 'saleID'));
  return { valid: v.valid.map(mapWbSale), skipped: v.skipped };
}
