import type { Page, StockLevel } from '../../../core/marketplace/records.js';
import type { StockFetchOptions } from '../../../ports/marketplace.js';
import { fieldOf, parseEnvelope, validateRecords } from '../validate.js';
import { listOzonProducts } from './catalogue.js';
import { type OzonContext, ozonPost } from './context.js';
import { ozonFboStock, ozonFboWarehouses, ozonFbsStock, ozonWarehouseStocksPage } from './dto.js';
import { mapOzonFboStock, mapOzonFbsStock } from './map.js';

const FBO = '/v1/product/info/stocks-by-warehouse/fbo';
const FBS = '/v2/product/info/stocks-by-warehouse/fbs';

/**
 * Stock snapshot per warehouse: Ozon warehouses (FBO, beta method since 2026-07-02, names from
 * `/v1/warehouse/ozon/list`) then seller warehouses (FBS/rFBS, v2). Both need skus (≤1000 a call).
 */
export async function* fetchOzonStock(
  ctx: OzonContext,
  options: StockFetchOptions = {},
): AsyncGenerator<Page<StockLevel>> {
  const { signal } = options;
  const skus = options.skus ?? (await collectSkus(ctx, signal));
  const warehousesResponse = await ozonPost(ctx, '/v1/warehouse/ozon/list', {}, signal);
  const warehouses = parseEnvelope(
    ozonFboWarehouses,
    warehousesResponse.data,
    'ozon',
    'POST /v1/warehouse/ozon/list',
  );
  const names = new Map(warehouses.warehouses.map((w) => [w.warehouse_id, w.name]));
  const batch = ctx.pageSizes.stocks;

  for (const scheme of ['FBO', 'FBS'] as const) {
    const path = scheme === 'FBO' ? FBO : FBS;
    for (let i = 0; i < skus.length; i += batch) {
      const ids = skus.slice(i, i + batch);
      let cursor = '';
      for (;;) {
        const body =
          scheme === 'FBO' ? { limit: batch, cursor, skus: ids } : { limit: batch, cursor, sku: ids };
        const response = await ozonPost(ctx, path, body, signal);
        const page = parseEnvelope(ozonWarehouseStocksPage, response.data, 'ozon', `POST ${path}`);
        const key = (row: unknown) => `${fieldOf(row, 'sku')}@${fieldOf(row, 'warehouse_id')}`;
        const records: StockLevel[] = [];
        let skipped: Page<StockLevel>['skipped'];
        if (scheme === 'FBO') {
          const v = validateRecords(page.products, ozonFboStock, `POST ${path}`, key);
          records.push(...v.valid.map((row) => mapOzonFboStock(row, names)));
          skipped = v.skipped;
        } else {
          const v = validateRecords(page.products, ozonFbsStock, `POST ${path}`, key);
          records.push(...v.valid.map(mapOzonFbsStock));
          skipped = v.skipped;
        }
        ctx.stats.skipped(skipped.length);
        yield { records, skipped, cursor: null, hasMore: true };
        if (!page.has_next || page.cursor === '') break;
        cursor = page.cursor;
      }
    }
  }
  yield { records: [], skipped: [], cursor: null, hasMore: false };
}

async function collectSkus(ctx: OzonContext, signal?: AbortSignal): Promise<string[]> {
  const skus: string[] = [];
  for await (const page of listOzonProducts(ctx, null, signal)) {
    for (const product of page.products) if (product.sku) skus.push(product.sku);
  }
  return skus;
}
