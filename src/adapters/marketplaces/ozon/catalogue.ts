import type { CatalogueItem, Page, SkippedRecord } from '../../../core/marketplace/records.js';
import type { FetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { type OzonContext, ozonPost } from './context.js';
import { ozonProductInfo, ozonProductInfoPage, ozonProductListItem, ozonProductListPage } from './dto.js';
import { mapOzonProduct } from './map.js';

/** Resume point inside a run; Ozon has no "changed since" filter, so a finished run resets to null. */
export type OzonCatalogueCursor = { visibility: 'ALL' | 'ARCHIVED'; lastId: string };

const LIST = 'POST /v3/product/list';
const INFO = 'POST /v3/product/info/list';

function readCursor(value: unknown): OzonCatalogueCursor | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  return (c.visibility === 'ALL' || c.visibility === 'ARCHIVED') && typeof c.lastId === 'string'
    ? { visibility: c.visibility, lastId: c.lastId }
    : null;
}

/** A listed product (id, offer, sku) without details; enough to ask for stock. */
export interface OzonListedProduct {
  productId: string;
  offerId: string;
  sku: string | null;
}

/**
 * `/v3/product/list` by `last_id` (visibility ALL = everything but archived, then ARCHIVED), stop
 * when a page has fewer than `limit` items; each page's details from `/v3/product/info/list`.
 */
export async function* listOzonCatalogue(
  ctx: OzonContext,
  options: FetchOptions = {},
): AsyncGenerator<Page<CatalogueItem>> {
  const maxPages = options.maxPages ?? ctx.maxPages;
  let pages = 0;
  for await (const listed of listOzonProducts(ctx, options.cursor, options.signal)) {
    if (pages >= maxPages) return;
    pages += 1;
    const records: CatalogueItem[] = [];
    const skipped = [...listed.skipped];
    if (listed.products.length > 0) {
      const response = await ozonPost(
        ctx,
        '/v3/product/info/list',
        { product_id: listed.products.map((p) => p.productId) },
        options.signal,
      );
      const items = parseEnvelope(ozonProductInfoPage, response.data, 'ozon', INFO).items;
      const checked = validateRecords(items, ozonProductInfo, INFO, (row) => fieldOf(row, 'id'));
      skipped.push(...checked.skipped);
      ctx.stats.skipped(checked.skipped.length);
      records.push(
        ...checked.valid.map((info) => mapOzonProduct(info, listed.cursor?.visibility === 'ARCHIVED')),
      );
    }
    yield { records, skipped, cursor: listed.done ? null : listed.cursor, hasMore: !listed.done };
  }
}

export async function* listOzonProducts(
  ctx: OzonContext,
  cursorValue: unknown,
  signal?: AbortSignal,
): AsyncGenerator<{
  products: OzonListedProduct[];
  skipped: SkippedRecord[];
  cursor: OzonCatalogueCursor | null;
  done: boolean;
}> {
  const start = readCursor(cursorValue);
  const passes: Array<'ALL' | 'ARCHIVED'> =
    start?.visibility === 'ARCHIVED' ? ['ARCHIVED'] : ['ALL', 'ARCHIVED'];
  const limit = ctx.pageSizes.products;
  for (const visibility of passes) {
    let lastId = start?.visibility === visibility ? start.lastId : '';
    for (;;) {
      const response = await ozonPost(
        ctx,
        '/v3/product/list',
        { filter: { visibility }, last_id: lastId, limit },
        signal,
      );
      const page = parseEnvelope(ozonProductListPage, response.data, 'ozon', LIST).result;
      const { valid, skipped } = validateRecords(page.items, ozonProductListItem, LIST, (row) =>
        fieldOf(row, 'product_id'),
      );
      ctx.stats.skipped(skipped.length);
      lastId = page.last_id;
      const last = page.items.length < limit || lastId === '';
      const products = valid.map((p) => ({
        productId: p.product_id,
        offerId: p.offer_id,
        sku: p.sku ?? null,
      }));
      yield { products, skipped, cursor: { visibility, lastId }, done: last && visibility === 'ARCHIVED' };
      if (last) break;
    }
  }
}
