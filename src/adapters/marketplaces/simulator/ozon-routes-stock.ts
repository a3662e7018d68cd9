import { z } from 'zod';
import { decodeCursor, encodeCursor, type SimResponse } from './http.js';
import { OZON_FBO_WAREHOUSES, OZON_FBS_WAREHOUSE, ozonStock } from './ozon-data.js';
import type { OzonRoute } from './ozon-server.js';
import { ozonSupplyOrders, renderBundleItem, renderSupplyOrder } from './ozon-supplies.js';

const bad = (message: string): SimResponse => ({ status: 400, body: { code: 3, message, details: [] } });
const ids = z
  .array(z.union([z.string(), z.number()]).transform(String))
  .max(1000)
  .optional();
const ok = (body: unknown): SimResponse => ({ status: 200, body });

function stockRoute(scheme: 'fbo' | 'fbs'): OzonRoute {
  const schema = z.object({
    limit: z.number().int().min(1).max(1000),
    cursor: z.string().optional(),
    skus: ids,
    sku: ids,
    offer_ids: ids,
    offer_id: ids,
  });
  return (state, req) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) return bad('limit must be 1..1000, at most 1000 ids');
    const b = parsed.data;
    const skus = new Set(scheme === 'fbo' ? (b.skus ?? []) : (b.sku ?? []));
    const offers = new Set(scheme === 'fbo' ? (b.offer_ids ?? []) : (b.offer_id ?? []));
    if (scheme === 'fbo' && skus.size === 0 && offers.size === 0) return bad('pass offer_ids or skus');
    const rows = ozonStock(state.seller, state.dataNow())[scheme].filter(
      (r) =>
        (skus.size === 0 && offers.size === 0) || skus.has(String(r.sku)) || offers.has(String(r.offer_id)),
    );
    const offset = decodeCursor<number>(b.cursor) ?? 0;
    const page = rows.slice(offset, offset + b.limit);
    const hasNext = offset + b.limit < rows.length;
    return ok({
      cursor: hasNext ? encodeCursor(offset + b.limit) : '',
      has_next: hasNext,
      products: page.map((r) =>
        state.faults.corrupt(r, `${scheme}stock:${r.sku}@${r.warehouse_id}`, 'present'),
      ),
    });
  };
}

const supplyList: OzonRoute = (state, req) => {
  const parsed = z
    .object({
      filter: z.object({ states: z.array(z.string()).min(1) }),
      last_id: z.string().optional(),
      limit: z.number().int().min(1).max(100),
      sort_by: z.string(),
      sort_dir: z.enum(['ASC', 'DESC']).optional(),
    })
    .safeParse(req.body);
  if (!parsed.success) return bad('filter.states, limit (1..100) and sort_by are required');
  const { filter, limit, sort_by, sort_dir } = parsed.data;
  const key = sort_by === 'ORDER_STATE_UPDATED_AT' ? 'stateUpdatedAt' : 'createdAt';
  const orders = ozonSupplyOrders(state.seller, state.dataNow())
    .filter((o) => filter.states.includes(o.state))
    .sort((a, b) => (a[key] - b[key] || a.orderId - b.orderId) * (sort_dir === 'DESC' ? -1 : 1));
  const offset = decodeCursor<number>(parsed.data.last_id) ?? 0;
  const page = orders.slice(offset, offset + limit);
  return ok({
    order_ids: page.map((o) => String(o.orderId)),
    last_id: page.length > 0 ? encodeCursor(offset + page.length) : '',
  });
};

const supplyGet: OzonRoute = (state, req) => {
  const parsed = z
    .object({
      order_ids: z
        .array(z.union([z.string(), z.number()]).transform(Number))
        .min(1)
        .max(50),
    })
    .safeParse(req.body);
  if (!parsed.success) return bad('order_ids: 1..50');
  const wanted = new Set(parsed.data.order_ids);
  const orders = ozonSupplyOrders(state.seller, state.dataNow()).filter((o) => wanted.has(o.orderId));
  return ok({ orders: orders.map(renderSupplyOrder) });
};

const bundle: OzonRoute = (state, req) => {
  const parsed = z
    .object({
      bundle_ids: z.array(z.string()).min(1).max(100),
      limit: z.number().int().min(1).max(100),
      last_id: z.string().optional(),
    })
    .safeParse(req.body);
  if (!parsed.success) return bad('bundle_ids (1..100) and limit (1..100) are required');
  const wanted = new Set(parsed.data.bundle_ids);
  const items = ozonSupplyOrders(state.seller, state.dataNow())
    .filter((o) => wanted.has(o.bundleId))
    .flatMap((o) => o.items.map((i) => renderBundleItem(state.seller, i)));
  const offset = decodeCursor<number>(parsed.data.last_id) ?? 0;
  const page = items.slice(offset, offset + parsed.data.limit);
  const hasNext = offset + page.length < items.length;
  return ok({
    items: page,
    total_count: items.length,
    has_next: hasNext,
    last_id: hasNext ? encodeCursor(offset + page.length) : '',
  });
};

export const ozonStockRoutes: Record<string, OzonRoute> = {
  '/v1/product/info/stocks-by-warehouse/fbo': stockRoute('fbo'),
  '/v2/product/info/stocks-by-warehouse/fbs': stockRoute('fbs'),
  '/v1/warehouse/ozon/list': () =>
    ok({
      warehouses: OZON_FBO_WAREHOUSES.map((w) => ({
        ...w,
        is_active: true,
        warehouse_type: 'FULL_FILLMENT',
      })),
    }),
  '/v2/warehouse/list': () =>
    ok({
      warehouses: [{ ...OZON_FBS_WAREHOUSE, status: 'created', is_rfbs: false }],
      cursor: '',
      has_next: false,
    }),
  '/v3/supply-order/list': supplyList,
  '/v3/supply-order/get': supplyGet,
  '/v1/supply-order/bundle': bundle,
};
