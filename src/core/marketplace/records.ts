// Normalized marketplace records: what the sync service stores, whatever the marketplace said.
// Timestamps are ISO 8601 UTC strings; `*Raw` fields keep the marketplace's own string when it
// carries no offset (WB statistics = Moscow time), so the original can be audited.

export type Marketplace = 'wildberries' | 'ozon';

/** FBO = stock held by the marketplace (WB "FBW"), FBS = stock on the seller's own warehouse. */
export type FulfilmentScheme = 'FBO' | 'FBS';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One sellable unit: a WB card size (chrtID) or an Ozon product (sku). */
export interface CatalogueItem {
  marketplace: Marketplace;
  /** Join key used by stock and supplies: WB chrtID, Ozon sku (as strings). */
  sku: string;
  /** WB nmID, Ozon product_id. */
  productId: string;
  /** Seller's own article: WB vendorCode, Ozon offer_id. */
  offerId: string;
  barcodes: string[];
  name: string;
  size: string | null;
  brand: string | null;
  archived: boolean;
  updatedAt: string | null;
}

export type OrderLineKind = 'order' | 'sale' | 'return';

/** One order (or WB sale/return) line; upsert by `lineId`. */
export interface OrderLine {
  marketplace: Marketplace;
  lineId: string;
  kind: OrderLineKind;
  /** WB srid, Ozon posting_number. */
  orderId: string;
  /** Ozon sku; null for WB statistics rows (they carry a barcode, map it via the catalogue). */
  sku: string | null;
  barcode: string | null;
  /** WB nmId; null for Ozon postings (they carry the sku). */
  productId: string | null;
  offerId: string;
  quantity: number;
  /** Order time in UTC. */
  orderedAt: string;
  /** Order day in the marketplace's reporting zone (Moscow for WB, UTC for Ozon). */
  orderDay: string;
  changedAt: string | null;
  status: string;
  cancelled: boolean;
  scheme: FulfilmentScheme;
  warehouseId: string | null;
  warehouseName: string | null;
  /** Price per unit the buyer paid (all discounts applied), in `currency`. */
  price: number | null;
  currency: string;
}

/** Stock of one sku on one warehouse at the time of the request. */
export interface StockLevel {
  marketplace: Marketplace;
  sku: string;
  productId: string | null;
  offerId: string | null;
  scheme: FulfilmentScheme;
  warehouseId: string;
  warehouseName: string | null;
  /** Units on hand that can be sold (WB quantity/amount, Ozon present - reserved). */
  available: number;
  /** Units reserved by buyers; null where the marketplace does not say. */
  reserved: number | null;
  inTransitToClient: number | null;
  inTransitFromClient: number | null;
}

export type SupplyStatus = 'draft' | 'planned' | 'in_transit' | 'accepting' | 'accepted' | 'cancelled';

/** One sku line of an inbound supply to a marketplace warehouse. */
export interface SupplyLine {
  marketplace: Marketplace;
  supplyId: string;
  status: SupplyStatus;
  rawStatus: string;
  warehouseId: string | null;
  warehouseName: string | null;
  createdAt: string | null;
  expectedAt: string | null;
  updatedAt: string | null;
  sku: string | null;
  barcode: string | null;
  productId: string | null;
  offerId: string | null;
  quantity: number;
  acceptedQuantity: number | null;
}

/** A record that failed validation; the rest of its page is kept. */
export interface SkippedRecord {
  endpoint: string;
  reason: string;
  key: string | null;
  excerpt: string;
}

/**
 * One page of records and the cursor that covers it: save both in one transaction, and the
 * next run resumes from `cursor` (a plain JSON value, opaque to the caller).
 */
export interface Page<T> {
  records: T[];
  skipped: SkippedRecord[];
  cursor: JsonValue;
  /** false on the last page of a complete run; true when the page cap stopped the run early. */
  hasMore: boolean;
}
