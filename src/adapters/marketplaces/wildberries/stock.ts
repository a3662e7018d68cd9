import { z } from 'zod';
import type { Page, SkippedRecord, StockLevel } from '../../../core/marketplace/records.js';
import type { StockFetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { listWbCatalogue } from './catalogue.js';
import type { WbContext } from './context.js';
import {
  wbSellerStock,
  wbSellerStocksPage,
  wbSellerWarehouse,
  wbWarehouseStock,
  wbWarehouseStockPage,
} from './dto.js';
import { mapWbSellerStock, mapWbWarehouseStock } from './map.js';

const WB_STOCKS = 'POST /api/analytics/v1/stocks-report/wb-warehouses';
const WAREHOUSES = 'GET /api/v3/warehouses';
const SELLER_STOCKS = 'POST /api/v3/stocks/{warehouseId}';

/**
 * A stock snapshot: WB warehouses (FBW, `stocks-report/wb-warehouses`; today one aggregate
 * "Склад WB" row per size) then every seller warehouse (FBS, `/api/v3/stocks/{id}` by chrtId).
 * The removed `supplier/stocks` is not used.
 */
export async function* fetchWbStock(
  ctx: WbContext,
  options: StockFetchOptions = {},
): AsyncGenerator<Page<StockLevel>> {
  const { signal } = options;
  const limit = ctx.pageSizes.warehouseStocks;
  for (let offset = 0; ; offset += limit) {
    const response = await ctx.http.analytics.send(
      {
        method: 'POST',
        path: '/api/analytics/v1/stocks-report/wb-warehouses',
        body: { limit, offset },
        group: 'analytics-wb-stocks',
        limit: ctx.limit('analytics-wb-stocks'),
        endpoint: WB_STOCKS,
      },
      signal,
    );
    const items = parseEnvelope(wbWarehouseStockPage, response.data, 'wildberries', WB_STOCKS).data.items;
    const { valid, skipped } = validateRecords(items, wbWarehouseStock, WB_STOCKS, (row) =>
      fieldOf(row, 'chrtId'),
    );
    ctx.stats.skipped(skipped.length);
    yield { records: valid.map(mapWbWarehouseStock), skipped, cursor: null, hasMore: true };
    if (items.length < limit) break;
  }

  const warehousesResponse = await ctx.http.marketplace.send(
    {
      method: 'GET',
      path: '/api/v3/warehouses',
      group: 'marketplace',
      limit: ctx.limit('marketplace'),
      endpoint: WAREHOUSES,
    },
    signal,
  );
  const warehouses = parseEnvelope(z.array(z.unknown()), warehousesResponse.data, 'wildberries', WAREHOUSES);
  const checked = validateRecords(warehouses, wbSellerWarehouse, WAREHOUSES, (row) => fieldOf(row, 'id'));
  let pendingSkipped: SkippedRecord[] = checked.skipped;
  ctx.stats.skipped(checked.skipped.length);
  const active = checked.valid.filter((w) => !w.isDeleting);
  const chrtIds = active.length > 0 ? (options.skus ?? (await collectChrtIds(ctx, signal))) : [];

  for (const warehouse of active) {
    for (let i = 0; i < chrtIds.length; i += ctx.pageSizes.sellerStocks) {
      const batch = chrtIds.slice(i, i + ctx.pageSizes.sellerStocks).map(Number);
      const response = await ctx.http.marketplace.send(
        {
          method: 'POST',
          path: `/api/v3/stocks/${warehouse.id}`,
          body: { chrtIds: batch },
          group: 'marketplace',
          limit: ctx.limit('marketplace'),
          endpoint: SELLER_STOCKS,
        },
        signal,
      );
      const stocks = parseEnvelope(wbSellerStocksPage, response.data, 'wildberries', SELLER_STOCKS).stocks;
      const { valid, skipped } = validateRecords(stocks, wbSellerStock, SELLER_STOCKS, (row) =>
        fieldOf(row, 'chrtId'),
      );
      ctx.stats.skipped(skipped.length);
      yield {
        records: valid.map((row) => mapWbSellerStock(row, warehouse)),
        skipped: [...pendingSkipped, ...skipped],
        cursor: null,
        hasMore: true,
      };
      pendingSkipped = [];
    }
  }
  yield { records: [], skipped: pendingSkipped, cursor: null, hasMore: false };
}

async function collectChrtIds(ctx: WbContext, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of listWbCatalogue(ctx, { signal, maxPages: Number.POSITIVE_INFINITY })) {
    for (const item of page.records) ids.push(item.sku);
  }
  return ids;
}
