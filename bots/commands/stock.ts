// /stock <query>: find the product by any identifier people have at hand, else offer a short list.
// Exact identifiers win; then a substring of SKU or name; then "did you mean" by similarity.

import type { StockChoicesView, StockView } from '../../src/adapters/render/views.js';
import type { ProductStockView, RecommendationView } from '../../src/ports.js';
import { classifyQuery, type IdentifierKind } from './classify-query.js';
import { closestMatches } from './closest-matches.js';

export type StockLookup<P extends ProductStockView = ProductStockView> =
  | { kind: 'found'; product: P; matchedBy: IdentifierKind | 'name' }
  | { kind: 'several'; products: P[]; total: number }
  | { kind: 'none'; suggestions: P[] };

export const STOCK_LIST_SIZE = 8;
const SUGGESTIONS = 5;

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('ru').trim();

function matches(p: ProductStockView, kind: IdentifierKind, q: string): boolean {
  switch (kind) {
    case 'barcode':
      return p.barcodes.includes(q);
    case 'wbNmId':
      return p.wbNmId !== null && String(p.wbNmId) === q;
    case 'ozonSku':
      return p.ozonSku !== null && String(p.ozonSku) === q;
    case 'sellerSku':
      return fold(p.sellerSku) === fold(q);
    case 'ozonOfferId':
      return p.ozonOfferId !== null && fold(p.ozonOfferId) === fold(q);
  }
}

const bySku = (a: ProductStockView, b: ProductStockView): number => a.sellerSku.localeCompare(b.sellerSku);

export function lookupStock<P extends ProductStockView>(
  query: string,
  products: readonly P[],
): StockLookup<P> {
  const q = query.trim();
  for (const kind of classifyQuery(q)) {
    const hits = products.filter((p) => matches(p, kind, q));
    if (hits.length === 1 && hits[0]) return { kind: 'found', product: hits[0], matchedBy: kind };
    // One barcode on two products, or a number that is one product's nmID and another's SKU.
    if (hits.length > 1)
      return { kind: 'several', products: hits.sort(bySku).slice(0, STOCK_LIST_SIZE), total: hits.length };
  }
  const needle = fold(q);
  if (needle.length >= 2) {
    const hits = products.filter((p) => fold(p.sellerSku).includes(needle) || fold(p.name).includes(needle));
    if (hits.length === 1 && hits[0]) return { kind: 'found', product: hits[0], matchedBy: 'name' };
    if (hits.length > 1)
      return { kind: 'several', products: hits.sort(bySku).slice(0, STOCK_LIST_SIZE), total: hits.length };
  }
  const bySkuText = new Map(products.map((p) => [p.sellerSku, p]));
  const suggestions = closestMatches(q, [...bySkuText.keys()], SUGGESTIONS).flatMap((m) => {
    const p = bySkuText.get(m.value);
    return p ? [p] : [];
  });
  return { kind: 'none', suggestions };
}

export type StockReply =
  | { template: 'stock'; view: StockView }
  | { template: 'stock-choices'; view: StockChoicesView };

export function buildStockReply(
  query: string,
  found: StockLookup,
  ctx: { timezone: string; recommendation: RecommendationView | null },
): StockReply {
  if (found.kind === 'found') {
    const { product: p } = found;
    const r = ctx.recommendation;
    return {
      template: 'stock',
      view: {
        sellerSku: p.sellerSku,
        name: p.name,
        barcodes: p.barcodes,
        wbNmId: p.wbNmId,
        ozonSku: p.ozonSku,
        ozonOfferId: p.ozonOfferId,
        stock: p.stock,
        stockTakenAt: p.stockTakenAt ? p.stockTakenAt.toISOString() : null,
        unitsLast30Days: p.unitsLast30Days,
        timezone: ctx.timezone,
        recommendation: r && {
          category: r.category,
          runwayDays: r.runwayDays,
          stockOutDate: r.stockOutDate,
          recommendedQty: r.recommendedQty,
          reasons: r.reasons,
        },
      },
    };
  }
  const list = found.kind === 'several' ? found.products : found.suggestions;
  return {
    template: 'stock-choices',
    view: {
      query: query.trim(),
      mode: found.kind === 'several' ? 'several' : list.length > 0 ? 'did-you-mean' : 'nothing',
      choices: list.map((p) => ({ sellerSku: p.sellerSku, name: p.name, stock: p.stock })),
      moreCount: found.kind === 'several' ? found.total - list.length : 0,
    },
  };
}
