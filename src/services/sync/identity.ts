import type { CatalogueItem, OrderLine, StockLevel, SupplyLine } from '../../core/marketplace/records.js';
import type { CatalogueRow, ProductIdentity } from '../../ports.js';

// Matching marketplace records to our products. Pure, so the rules are table-tested.

const ONE_SIZE = /^(0|one ?size|onesize|без размера|единый)$/i;

/** The seller SKU: the seller's article, with the size when a WB card has real sizes. */
export function sellerSkuOf(item: Pick<CatalogueItem, 'offerId' | 'size'>): string {
  const size = item.size?.trim();
  return !size || ONE_SIZE.test(size) ? item.offerId.trim() : `${item.offerId.trim()}-${size}`;
}

const int = (v: string | null | undefined) => {
  if (!v || !/^\d{1,15}$/.test(v)) return null;
  return Number(v);
};

export function catalogueRow(item: CatalogueItem): CatalogueRow {
  const common = {
    sellerSku: sellerSkuOf(item),
    name: item.name,
    brand: item.brand,
    barcodes: item.barcodes,
    active: !item.archived,
  };
  return item.marketplace === 'wildberries'
    ? { ...common, wbNmId: int(item.productId), wbChrtId: int(item.sku) }
    : { ...common, ozonProductId: int(item.productId), ozonOfferId: item.offerId, ozonSku: int(item.sku) };
}

/** Lookups from every identifier a record may carry to our product id. */
export function createProductIndex(initial: readonly ProductIdentity[] = []) {
  const byBarcode = new Map<string, number>();
  const byWbChrt = new Map<number, number>();
  const byWbNm = new Map<number, number[]>();
  const byOzonSku = new Map<number, number>();
  const byOffer = new Map<string, number>();
  const bySku = new Map<string, number>();

  const add = (p: ProductIdentity) => {
    for (const b of p.barcodes) byBarcode.set(b, p.id);
    if (p.wbChrtId !== null) byWbChrt.set(p.wbChrtId, p.id);
    if (p.wbNmId !== null) byWbNm.set(p.wbNmId, [...new Set([...(byWbNm.get(p.wbNmId) ?? []), p.id])]);
    if (p.ozonSku !== null) byOzonSku.set(p.ozonSku, p.id);
    if (p.ozonOfferId) byOffer.set(p.ozonOfferId, p.id);
    bySku.set(p.sellerSku, p.id);
  };
  initial.forEach(add);

  /** A WB nmID names a card; it identifies a product only when the card has one size. */
  const byNm = (nm: number | null) => {
    const ids = nm === null ? undefined : byWbNm.get(nm);
    return ids?.length === 1 ? ids[0] : undefined;
  };

  return {
    add,
    forOrder(line: OrderLine): number | undefined {
      if (line.marketplace === 'ozon') {
        return byOzonSku.get(int(line.sku) ?? -1) ?? byOffer.get(line.offerId) ?? bySku.get(line.offerId);
      }
      return (
        (line.barcode ? byBarcode.get(line.barcode) : undefined) ??
        byNm(int(line.productId)) ??
        bySku.get(line.offerId)
      );
    },
    forStock(level: StockLevel): number | undefined {
      const sku = int(level.sku) ?? -1;
      const byMarketplaceSku = level.marketplace === 'wildberries' ? byWbChrt.get(sku) : byOzonSku.get(sku);
      return (
        byMarketplaceSku ??
        byBarcode.get(level.sku) ??
        (level.offerId ? (byOffer.get(level.offerId) ?? bySku.get(level.offerId)) : undefined) ??
        (level.marketplace === 'wildberries' ? byNm(int(level.productId)) : undefined)
      );
    },
    forSupply(line: SupplyLine): number | undefined {
      const sku = int(line.sku) ?? -1;
      return (
        (line.marketplace === 'wildberries' ? byWbChrt.get(sku) : byOzonSku.get(sku)) ??
        (line.barcode ? byBarcode.get(line.barcode) : undefined) ??
        (line.offerId ? (byOffer.get(line.offerId) ?? bySku.get(line.offerId)) : undefined) ??
        (line.marketplace === 'wildberries' ? byNm(int(line.productId)) : undefined)
      );
    },
  };
}

export type ProductIndex = ReturnType<typeof createProductIndex>;
