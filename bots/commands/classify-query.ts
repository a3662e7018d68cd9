// Which identifier a /stock query could be. Marketplace ids are digits (WB nmID up to 9 digits today,
// Ozon sku up to 10), barcodes are EAN-8 / UPC-A / EAN-13 / GTIN-14; but sellers also use numbers as
// their own article codes, so digits keep seller SKU and offer_id as later candidates.

export type IdentifierKind = 'barcode' | 'wbNmId' | 'ozonSku' | 'sellerSku' | 'ozonOfferId';

const SELLER: IdentifierKind[] = ['sellerSku', 'ozonOfferId'];

/** Candidate kinds, most likely first; empty for an empty query. */
export function classifyQuery(query: string): IdentifierKind[] {
  const q = query.trim();
  if (!q) return [];
  if (!/^\d+$/.test(q)) return [...SELLER];
  if (q.length === 12 || q.length === 13 || q.length === 14) return ['barcode', ...SELLER];
  // EAN-8 and an 8-digit nmID look the same: try the marketplace id first, it is far more common.
  if (q.length === 8) return ['wbNmId', 'ozonSku', 'barcode', ...SELLER];
  if (q.length <= 11) return ['wbNmId', 'ozonSku', ...SELLER];
  return [...SELLER];
}
