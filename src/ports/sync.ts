import type { Marketplace } from './companies.js';

/** A product as the sync matches marketplace records to it. */
export type ProductIdentity = {
  id: number;
  sellerSku: string;
  barcodes: string[];
  wbNmId: number | null;
  wbChrtId: number | null;
  ozonSku: number | null;
  ozonOfferId: string | null;
};

export type CatalogueRow = {
  sellerSku: string;
  name: string;
  brand: string | null;
  barcodes: string[];
  active: boolean;
  wbNmId?: number | null;
  wbChrtId?: number | null;
  ozonProductId?: number | null;
  ozonOfferId?: string | null;
  ozonSku?: number | null;
};

export type OrderRow = {
  externalId: string;
  kind: 'order' | 'sale' | 'return';
  orderId: string | null;
  productId: number;
  warehouseName: string | null;
  quantity: number;
  price: number | null;
  status: 'ordered' | 'cancelled' | 'bought_out' | 'returned';
  orderedAt: Date;
  orderDate: string;
  lastChangeAt: Date;
};

export type StockRow = {
  productId: number;
  warehouse: { externalId: string; name: string; type: 'FBO' | 'FBS' };
  stockType: 'FBO' | 'FBS' | 'realFBS';
  quantity: number;
  reserved: number;
  inTransitToCustomers: number;
  inTransitFromCustomers: number;
};

export type SupplyRow = {
  externalId: string;
  productId: number;
  warehouse: { externalId: string; name: string } | null;
  status: string;
  quantity: number;
  acceptedQuantity: number;
  expectedAt: Date | null;
};

/**
 * Order lines gathered for one saveOrders as their pages arrive. The store keeps them in its own
 * compact form: a first sync's batches hold tens of thousands of lines while the next ones load.
 */
export interface OrderBatch {
  add(row: OrderRow): void;
  /** Lines added, repeats included. */
  readonly size: number;
}

export type SyncRunResult = {
  status: 'success' | 'partial' | 'failed';
  recordsProcessed: number;
  recordsUpdated: number;
  recordsSkipped: number;
  errorMessage: string | null;
  details: Record<string, unknown>;
  durationMs: number;
};

export type SyncStore = {
  cursors(companyId: string, accountId: number): Promise<Record<string, unknown>>;
  setCursor(companyId: string, accountId: number, key: string, value: unknown): Promise<void>;
  identities(companyId: string): Promise<ProductIdentity[]>;
  /** Upserts by seller SKU, merging marketplace identifiers and barcodes; returns the products. */
  saveCatalogue(companyId: string, rows: readonly CatalogueRow[]): Promise<ProductIdentity[]>;
  /** An empty batch of order lines for saveOrders. */
  orderBatch(): OrderBatch;
  /**
   * A batch of order lines, the daily_sales keys they touch (pending) and the cursor: one
   * transaction. A line that comes twice in the batch is saved once, as the later one; returns
   * the lines saved.
   */
  saveOrders(
    companyId: string,
    accountId: number,
    marketplace: Marketplace,
    batch: OrderBatch,
    cursor: { key: string; value: unknown },
  ): Promise<number>;
  /** Recomputes the pending daily_sales keys from the order lines; returns the rows changed. */
  refreshDailySales(companyId: string, marketplace: Marketplace): Promise<number>;
  saveStock(
    companyId: string,
    marketplace: Marketplace,
    rows: readonly StockRow[],
    takenAt: Date,
    runId: number,
  ): Promise<number>;
  /** After a complete stock fetch: what was in stock before and is absent now is recorded as zero. */
  closeStock(companyId: string, marketplace: Marketplace, takenAt: Date, runId: number): Promise<number>;
  saveSupplies(
    companyId: string,
    accountId: number,
    marketplace: Marketplace,
    rows: readonly SupplyRow[],
    cursor: { key: string; value: unknown },
  ): Promise<number>;
  startRun(companyId: string, accountId: number, syncType: 'full' | 'incremental', at: Date): Promise<number>;
  finishRun(companyId: string, runId: number, result: SyncRunResult, at: Date): Promise<void>;
  recentRuns(
    companyId: string,
    limit: number,
  ): Promise<{ accountId: number; startedAt: Date; status: string; details: Record<string, unknown> }[]>;
};

export type ProductStockView = {
  id: number;
  sellerSku: string;
  name: string;
  barcodes: string[];
  wbNmId: number | null;
  ozonSku: number | null;
  ozonOfferId: string | null;
  active: boolean;
  stock: number;
  stockTakenAt: Date | null;
  unitsLast30Days: number;
};

export type CatalogueReader = {
  list(
    companyId: string,
    page: { limit: number; offset: number; ids?: readonly number[] },
  ): Promise<{ total: number; items: ProductStockView[] }>;
};
