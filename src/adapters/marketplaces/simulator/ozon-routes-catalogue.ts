import { z } from 'zod';
import { moscowDayNumber, type SkuModel } from './demo-seller.js';
import { decodeCursor, encodeCursor, type SimResponse } from './http.js';
import type { OzonRoute } from './ozon-server.js';
import type { SimState } from './state.js';

const bad = (message: string): SimResponse => ({ status: 400, body: { code: 3, message, details: [] } });
const ids = z
  .array(z.union([z.string(), z.number()]).transform(String))
  .max(1000)
  .optional();

/** Dead items are archived in the emulator once they stop selling. */
export function isArchived(state: SimState, sku: SkuModel): boolean {
  return sku.pattern === 'dead' && moscowDayNumber(state.dataNow()) >= sku.switchDay;
}

export function renderProductInfo(state: SimState, sku: SkuModel) {
  const archived = isArchived(state, sku);
  return {
    id: sku.ozonProductId,
    offer_id: sku.ozonOfferId,
    sku: sku.ozonSku,
    name: sku.title,
    barcodes: [sku.barcode],
    description_category_id: 200000933,
    type_id: 93244,
    currency_code: 'RUB',
    is_archived: archived,
    is_autoarchived: false,
    created_at: new Date(sku.cardUpdatedAt).toISOString(),
    updated_at: new Date(sku.cardUpdatedAt).toISOString(),
  };
}

const listBody = z.object({
  filter: z.object({ visibility: z.string().optional() }).optional(),
  last_id: z.string().optional(),
  limit: z.number().int().min(1).max(1000),
});

const productList: OzonRoute = (state, req) => {
  const body = listBody.safeParse(req.body);
  if (!body.success) return bad('limit must be 1..1000');
  const visibility = body.data.filter?.visibility ?? 'ALL';
  const after = decodeCursor<number>(body.data.last_id) ?? -1;
  const matches = state.seller.skus.filter(
    (s) => s.index > after && isArchived(state, s) === (visibility === 'ARCHIVED'),
  );
  const page = matches.slice(0, body.data.limit);
  const items = page.map((s) => ({
    product_id: s.ozonProductId,
    offer_id: s.ozonOfferId,
    sku: s.ozonSku,
    archived: visibility === 'ARCHIVED',
    has_fbo_stocks: true,
    has_fbs_stocks: true,
    is_discounted: false,
    quants: [],
  }));
  const last = page.at(-1);
  const total = state.seller.skus.filter((s) => isArchived(state, s) === (visibility === 'ARCHIVED')).length;
  return {
    status: 200,
    body: { result: { items, last_id: last ? encodeCursor(last.index) : '', total, total_items: total } },
  };
};

const productInfo: OzonRoute = (state, req) => {
  const body = z.object({ product_id: ids, offer_id: ids, sku: ids }).safeParse(req.body);
  if (!body.success) return bad('at most 1000 ids');
  const { product_id = [], offer_id = [], sku = [] } = body.data;
  if (product_id.length + offer_id.length + sku.length > 1000) return bad('at most 1000 ids in total');
  const wanted = new Set([...product_id, ...offer_id, ...sku]);
  const items = state.seller.skus
    .filter(
      (s) =>
        wanted.has(String(s.ozonProductId)) || wanted.has(s.ozonOfferId) || wanted.has(String(s.ozonSku)),
    )
    .map((s) => state.faults.corrupt(renderProductInfo(state, s), `product:${s.ozonProductId}`, 'barcodes'));
  return { status: 200, body: { items } };
};

export const ozonCatalogueRoutes: Record<string, OzonRoute> = {
  '/v3/product/list': productList,
  '/v3/product/info/list': productInfo,
};
