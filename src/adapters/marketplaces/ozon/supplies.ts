import type { Page, SkippedRecord, SupplyLine } from '../../../core/marketplace/records.js';
import type { FetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { type OzonContext, ozonPost } from './context.js';
import {
  type OzonSupplyOrder,
  ozonBundleItem,
  ozonBundlePage,
  ozonSupplyOrder,
  ozonSupplyOrderListPage,
  ozonSupplyOrdersPage,
} from './dto.js';
import { mapOzonSupplyItem } from './map.js';

export type OzonSuppliesCursor = { updatedSince: string };

export const OZON_OPEN_SUPPLY_STATES = [
  'DATA_FILLING',
  'READY_TO_SUPPLY',
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
  'REPORTS_CONFIRMATION_AWAITING',
  'REPORT_REJECTED',
];
export const OZON_FINAL_SUPPLY_STATES = ['COMPLETED', 'REJECTED_AT_SUPPLY_WAREHOUSE', 'CANCELLED', 'OVERDUE'];

/**
 * FBO supply orders: `/v3/supply-order/list` (last_id) → `/v3/supply-order/get` (≤50 ids) →
 * `/v1/supply-order/bundle` per supply. Full run: every state. Incremental: open states plus final
 * ones updated since the cursor (sorted by state update, newest first, stop at the cursor).
 */
export async function* fetchOzonSupplies(
  ctx: OzonContext,
  options: FetchOptions = {},
): AsyncGenerator<Page<SupplyLine>> {
  const raw =
    options.cursor && typeof options.cursor === 'object' ? (options.cursor as Record<string, unknown>) : {};
  const updatedSince = typeof raw.updatedSince === 'string' ? raw.updatedSince : null;
  const runStart = new Date(ctx.clock.now() - ctx.changeOverlapMs).toISOString();
  const cursor = updatedSince ? { updatedSince } : null;
  const passes = updatedSince
    ? [
        { states: OZON_OPEN_SUPPLY_STATES, sortBy: 'ORDER_CREATION', stopBefore: null },
        {
          states: OZON_FINAL_SUPPLY_STATES,
          sortBy: 'ORDER_STATE_UPDATED_AT',
          stopBefore: Date.parse(updatedSince),
        },
      ]
    : [
        {
          states: [...OZON_OPEN_SUPPLY_STATES, ...OZON_FINAL_SUPPLY_STATES],
          sortBy: 'ORDER_CREATION',
          stopBefore: null,
        },
      ];
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;

  for (const pass of passes) {
    let lastId = '';
    for (let stop = false; !stop; ) {
      const listResponse = await ozonPost(
        ctx,
        '/v3/supply-order/list',
        {
          filter: { states: pass.states },
          last_id: lastId,
          limit: ctx.pageSizes.supplyOrders,
          sort_by: pass.sortBy,
          sort_dir: pass.stopBefore === null ? 'ASC' : 'DESC',
        },
        options.signal,
      );
      const list = parseEnvelope(
        ozonSupplyOrderListPage,
        listResponse.data,
        'ozon',
        'POST /v3/supply-order/list',
      );
      for (let i = 0; i < list.order_ids.length; i += 50) {
        const orders = await getOrders(ctx, list.order_ids.slice(i, i + 50), options.signal);
        if (orders.skipped.length > 0) yield { records: [], skipped: orders.skipped, cursor, hasMore: true };
        for (const order of orders.valid) {
          const updated = Date.parse(order.state_updated_date ?? '');
          if (pass.stopBefore !== null && updated < pass.stopBefore) {
            stop = true;
            break;
          }
          if (pages >= maxPages) return;
          pages += 1;
          yield { ...(await orderLines(ctx, order, options.signal)), cursor, hasMore: true };
        }
        if (stop) break;
      }
      lastId = list.last_id ?? '';
      if (list.order_ids.length < ctx.pageSizes.supplyOrders || lastId === '') stop = true;
    }
  }
  yield { records: [], skipped: [], cursor: { updatedSince: runStart }, hasMore: false };
}

async function getOrders(ctx: OzonContext, ids: string[], signal?: AbortSignal) {
  const response = await ozonPost(ctx, '/v3/supply-order/get', { order_ids: ids }, signal);
  const page = parseEnvelope(ozonSupplyOrdersPage, response.data, 'ozon', 'POST /v3/supply-order/get');
  const checked = validateRecords(page.orders, ozonSupplyOrder, 'POST /v3/supply-order/get', (row) =>
    fieldOf(row, 'order_id'),
  );
  ctx.stats.skipped(checked.skipped.length);
  return checked;
}

async function orderLines(ctx: OzonContext, order: OzonSupplyOrder, signal?: AbortSignal) {
  const records: SupplyLine[] = [];
  const skipped: SkippedRecord[] = [];
  for (const supply of order.supplies) {
    let lastId = '';
    for (;;) {
      const body = { bundle_ids: [supply.bundle_id], limit: ctx.pageSizes.bundle, last_id: lastId };
      const response = await ozonPost(ctx, '/v1/supply-order/bundle', body, signal);
      const page = parseEnvelope(ozonBundlePage, response.data, 'ozon', 'POST /v1/supply-order/bundle');
      const v = validateRecords(page.items, ozonBundleItem, 'POST /v1/supply-order/bundle', (row) =>
        fieldOf(row, 'sku'),
      );
      ctx.stats.skipped(v.skipped.length);
      skipped.push(...v.skipped);
      records.push(...v.valid.map((item) => mapOzonSupplyItem(order, supply, item)));
      if (!page.has_next || !page.last_id) break;
      lastId = page.last_id;
    }
  }
  return { records, skipped };
}
