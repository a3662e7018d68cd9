/** How loud an alert is; routes pick a minimum per chat. */
export type Severity = 'critical' | 'warning' | 'info';

export type AlertRule =
  | 'CRITICAL_LOW_STOCK'
  | 'LOW_STOCK'
  | 'OUT_OF_STOCK'
  | 'OVERSTOCK'
  | 'RAPID_DEPLETION'
  | 'DEMAND_SPIKE'
  | 'DEMAND_DROP'
  | 'PO_OVERDUE'
  | 'SYNC_FAILED'
  | 'DATA_STALE';

/** What a rule found for one subject (a SKU or an account). */
export interface AlertCandidate {
  rule: AlertRule;
  severity: Severity;
  /** Stable id of company + rule + subject (fingerprint.ts). */
  fingerprint: string;
  productId?: number;
  accountId?: number;
  sku?: string;
  /** One line of plain English with the numbers. */
  summary: string;
  /** The measured number; null when there is none (e.g. stock with no demand at all). */
  value: number | null;
  /** The fire threshold the value was compared with. */
  threshold: number;
  details: Record<string, unknown>;
}

/**
 * A rule's verdict for one subject. `firing`: past the fire threshold. `holding`: no longer past
 * it but not yet cleared by the hysteresis margin, so a firing alert stays firing and a resolved
 * one does not fire. A subject a rule does not report at all is cleared.
 */
export interface AlertSignal extends AlertCandidate {
  status: 'firing' | 'holding';
}

/** The forecast band over the last days, oldest first, next to what actually sold. */
export interface RecentSales {
  /** Dates of the days (YYYY-MM-DD), for the details; optional. */
  dates?: readonly string[];
  actual: readonly number[];
  /** Per-day quantiles of the forecast made before those days, keyed 'p025', 'p05', 'p95', … */
  quantiles: Readonly<Record<string, readonly number[]>>;
}

/** One SKU as the alert rules see it after a sync or a procurement run. */
export interface SkuObservation {
  productId: number;
  sellerSku: string;
  /** Sellable units now. */
  stock: number;
  /** Sellable units 24 h before `now`; null when unknown. */
  stock24hAgo: number | null;
  /** Outstanding units on open purchase orders; counts toward the reorder point. */
  onOrder?: number;
  /** Full days the stock lasts; null when demand never exhausts it or there is no forecast. */
  runwayDays: number | null;
  reorderPoint: number | null;
  /** Forecast units per day; null without a forecast. */
  dailyDemand: number | null;
  /** Days stock + on order lasts; null when demand never exhausts it. */
  coverDays: number | null;
  outOfStock: boolean;
  /** Per-SKU floor overriding `AlertSettings.stockFloor`. */
  stockFloor?: number;
  recentSales?: RecentSales;
  openPurchaseOrders?: readonly { id: string; expectedDate: string; quantity?: number }[];
}

/** One marketplace account's sync health. */
export interface AccountObservation {
  accountId: number;
  name?: string;
  lastSync: {
    status: 'success' | 'partial' | 'failed';
    at: Date;
    error: string | null;
    /** Failed runs in a row up to and including this one. */
    consecutiveFailures?: number;
  } | null;
  /** Hours since each data type (stock, sales, …) was last refreshed; null = never. */
  dataAge: readonly { type: string; ageHours: number | null; maxAgeHours?: number }[];
}

/** Everything one evaluation looks at for one company. */
export interface AlertContext {
  companyId: string;
  now: Date;
  /** The company's local date (YYYY-MM-DD) for PO due dates; defaults to now's UTC date. */
  today?: string;
}
