import { z } from 'zod';
import { formatMoscowTime } from '../../../core/marketplace/moscow-time.js';
import type { Page, SupplyLine } from '../../../core/marketplace/records.js';
import type { FetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import type { WbContext } from './context.js';
import { type WbSupply, wbSupply, wbSupplyDetails, wbSupplyGood } from './dto.js';
import { mapWbSupplyGood, wbSupplyId } from './map.js';

export type WbSuppliesCursor = { updatedSince: string };

const LIST = 'POST /api/v1/supplies';
const DETAILS = 'GET /api/v1/supplies/{ID}';
const GOODS = 'GET /api/v1/supplies/{ID}/goods';
const OPEN_STATUSES = [1, 2, 3, 4, 6];

function readCursor(value: unknown): WbSuppliesCursor | null {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>).updatedSince : undefined;
  return typeof v === 'string' ? { updatedSince: v } : null;
}

/**
 * FBW supplies (supplies-api; `supplier/incomes` was removed 2026-03-11). Full run: every supply
 * WB lists. Incremental: open supplies plus those updated since the cursor day. One page per supply.
 */
export async function* fetchWbSupplies(
  ctx: WbContext,
  options: FetchOptions = {},
): AsyncGenerator<Page<SupplyLine>> {
  const previous = readCursor(options.cursor);
  const runDay = formatMoscowTime(ctx.clock.now()).slice(0, 10);
  const filters: object[] = previous
    ? [
        { statusIDs: OPEN_STATUSES },
        { dates: [{ from: previous.updatedSince, till: runDay, type: 'updatedDate' }] },
      ]
    : [{}];
  const seen = new Set<string>();
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;
  const cursor = previous ?? null;

  for (const body of filters) {
    for (let offset = 0; ; offset += ctx.pageSizes.supplies) {
      const response = await ctx.http.supplies.send(
        {
          method: 'POST',
          path: '/api/v1/supplies',
          query: { limit: ctx.pageSizes.supplies, offset },
          body,
          group: 'supplies',
          limit: ctx.limit('supplies'),
          endpoint: LIST,
        },
        options.signal,
      );
      const rows = parseEnvelope(z.array(z.unknown()), response.data, 'wildberries', LIST);
      const { valid, skipped } = validateRecords(rows, wbSupply, LIST, (row) => fieldOf(row, 'preorderID'));
      ctx.stats.skipped(skipped.length);
      if (skipped.length > 0) yield { records: [], skipped, cursor, hasMore: true };
      for (const supply of valid) {
        const id = wbSupplyId(supply);
        if (seen.has(id)) continue;
        seen.add(id);
        if (pages >= maxPages) return;
        pages += 1;
        yield { ...(await fetchSupplyLines(ctx, supply, options.signal)), cursor, hasMore: true };
      }
      if (rows.length < ctx.pageSizes.supplies) break;
    }
  }
  yield { records: [], skipped: [], cursor: { updatedSince: runDay }, hasMore: false };
}

async function fetchSupplyLines(ctx: WbContext, supply: WbSupply, signal?: AbortSignal) {
  const isPreorderID = supply.supplyID === null;
  const id = supply.supplyID ?? supply.preorderID;
  const common = { group: 'supplies', limit: ctx.limit('supplies') } as const;
  const detailsResponse = await ctx.http.supplies.send(
    { ...common, method: 'GET', path: `/api/v1/supplies/${id}`, query: { isPreorderID }, endpoint: DETAILS },
    signal,
  );
  const details = wbSupplyDetails.safeParse(detailsResponse.data);
  const records: SupplyLine[] = [];
  const skippedAll = [];
  for (let offset = 0; ; offset += ctx.pageSizes.supplyGoods) {
    const response = await ctx.http.supplies.send(
      {
        ...common,
        method: 'GET',
        path: `/api/v1/supplies/${id}/goods`,
        query: { limit: ctx.pageSizes.supplyGoods, offset, isPreorderID },
        endpoint: GOODS,
      },
      signal,
    );
    const rows = parseEnvelope(z.array(z.unknown()), response.data, 'wildberries', GOODS);
    const { valid, skipped } = validateRecords(rows, wbSupplyGood, GOODS, (row) => fieldOf(row, 'barcode'));
    ctx.stats.skipped(skipped.length);
    skippedAll.push(...skipped);
    records.push(
      ...valid.map((good) => mapWbSupplyGood(supply, details.success ? details.data : null, good)),
    );
    if (rows.length < ctx.pageSizes.supplyGoods) break;
  }
  return { records, skipped: skippedAll };
}
