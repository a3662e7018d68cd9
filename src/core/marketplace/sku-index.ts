import type { CatalogueItem, OrderLine, SupplyLine } from './records.js';

/**
 * WB statistics rows and FBW supply goods carry a barcode, WB stock carries a chrtID: the
 * catalogue joins them. Ozon lines carry the sku directly.
 */
export interface SkuIndex {
  byBarcode: Map<string, CatalogueItem>;
  bySku: Map<string, CatalogueItem>;
}

export function indexCatalogue(items: Iterable<CatalogueItem>): SkuIndex {
  const byBarcode = new Map<string, CatalogueItem>();
  const bySku = new Map<string, CatalogueItem>();
  for (const item of items) {
    bySku.set(`${item.marketplace}:${item.sku}`, item);
    for (const barcode of item.barcodes) byBarcode.set(`${item.marketplace}:${barcode}`, item);
  }
  return { byBarcode, bySku };
}

/** The catalogue sku of an order or supply line, or null when the catalogue does not know it. */
export function skuOf(
  line: Pick<OrderLine | SupplyLine, 'marketplace' | 'sku' | 'barcode'>,
  index: SkuIndex,
): string | null {
  if (line.sku !== null) return line.sku;
  if (line.barcode === null) return null;
  return index.byBarcode.get(`${line.marketplace}:${line.barcode}`)?.sku ?? null;
}

export interface DailyUnits {
  sku: string;
  day: string;
  ordered: number;
  cancelled: number;
}

/** Units ordered per sku per order day (cancelled counted apart); lines of unknown skus are left out. */
export function dailyOrderedUnits(lines: Iterable<OrderLine>, index: SkuIndex): DailyUnits[] {
  const totals = new Map<string, DailyUnits>();
  for (const line of lines) {
    if (line.kind !== 'order') continue;
    const sku = skuOf(line, index);
    if (sku === null) continue;
    const key = `${sku}|${line.orderDay}`;
    const entry = totals.get(key) ?? { sku, day: line.orderDay, ordered: 0, cancelled: 0 };
    if (line.cancelled) entry.cancelled += line.quantity;
    else entry.ordered += line.quantity;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) =>
    a.sku === b.sku ? a.day.localeCompare(b.day) : a.sku.localeCompare(b.sku),
  );
}
