/** The forecast the engine needs; the shape the forecaster (src/core/forecast) returns. */
export interface ForecastShape {
  /** Date of mean[0] (YYYY-MM-DD). Without it the forecast starts the day after `today`. */
  startDate?: string;
  /** Expected units per day. */
  mean: readonly number[];
  /** Per-day quantiles keyed 'p025', 'p10', 'p50', 'p80', 'p90', 'p95', 'p975'; any may be missing. */
  quantiles: Readonly<Record<string, readonly number[]>>;
  /** Backtest quality; `origins: 0` means no backtest was possible, so `mase` says nothing. */
  metrics?: { mase?: number; origins?: number };
}

/** Stock of the SKU in one warehouse (a marketplace FBO warehouse or the seller's own). */
export interface WarehouseStock {
  warehouse: string;
  kind: 'marketplace' | 'own';
  present: number;
  /** Units sold but not yet shipped; not sellable again. */
  reserved: number;
  /** Units on their way into this warehouse (already ours, not yet sellable). */
  inTransit: number;
}

/** A supply to a marketplace warehouse (already bought, on the road). */
export interface InboundSupply {
  id: string;
  quantity: number;
  expectedDate?: string;
}

/** An open purchase order at a supplier; `quantity` is what is still to be received. */
export interface OpenPurchaseOrder {
  id: string;
  quantity: number;
  expectedDate: string;
}

export type AbcClass = 'A' | 'B' | 'C';

/** Last days' actual demand next to the interval the forecast had given for those days. */
export interface RecentDemandCheck {
  actual: readonly number[];
  /** Lower and upper bounds (e.g. the earlier forecast's p025 and p975), same length as actual. */
  low: readonly number[];
  high: readonly number[];
}

export interface ProcurementInput {
  sku: string;
  /** The morning of the decision (YYYY-MM-DD); stock is as of this morning. */
  today: string;
  stock: readonly WarehouseStock[];
  inboundSupplies?: readonly InboundSupply[];
  openPurchaseOrders?: readonly OpenPurchaseOrder[];
  /** null when no forecast could be made. */
  forecast: ForecastShape | null;
  /** Most specific wins: product, then supplier, then the company default. */
  leadTime: { productDays?: number | null; supplierDays?: number | null; defaultDays: number };
  abcClass?: AbcClass | null;
  /** Per-SKU overrides of the company settings. */
  reviewPeriodDays?: number;
  coverageDays?: number;
  /** Minimum order quantity and units per case (both default 1). */
  moq?: number;
  packSize?: number;
  /** Units sold per day, oldest first, ending yesterday: the SKU's own lumpiness (optional). */
  salesHistory?: readonly number[];
  /** Days of sales history behind the forecast. */
  historyDays: number;
  /** Ages the caller computed from sync times; null = never synced. */
  freshness: { stockAgeHours: number | null; salesAgeHours: number | null };
  recentDemand?: RecentDemandCheck;
}
