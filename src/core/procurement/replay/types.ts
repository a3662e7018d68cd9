import type { ForecastShape } from '../input.js';
import type { ProcurementSettings } from '../settings.js';

/** Forecasts `horizon` days after `history` (whose first day is `firstDate`), injected so the
 * replay runs with any model. */
export type Forecaster = (history: number[], firstDate: string, horizon: number) => ForecastShape;

/** One SKU's real daily demand, oldest first. */
export interface ReplaySeries {
  sku: string;
  firstDate: string;
  demand: readonly number[];
}

export interface ReplayOptions {
  forecaster: Forecaster;
  /** Days at the end of the series that are replayed (default 180). */
  windowDays?: number;
  leadTimeDays: number;
  /** Days between order decisions (default 1: every morning). */
  reviewPeriodDays?: number;
  /** Days of demand an order of ours covers beyond lead time + review (default 0: order up to
   * the risk period's service-level demand, topped up at every review). */
  coverageDays?: number;
  serviceLevel?: number;
  /** Re-forecast every this many days and reuse the forecast in between (default 1; 7 = weekly). */
  reforecastEveryDays?: number;
  /** Opening stock, in days of mean demand over the 90 days before the window (default 30). */
  initialCoverDays?: number;
  packSize?: number;
  moq?: number;
  /** Overrides of the engine's company settings for ours. */
  settings?: Partial<ProcurementSettings>;
  /** Policies to replay (default both); skipping ours skips the forecaster, the slow part. */
  policies?: readonly ReplayPolicyName[];
}

export type ReplayPolicyName = 'ours' | 'burn-rate';

export interface OpenReplayOrder {
  quantity: number;
  /** Series index of the morning the goods can be sold. */
  arrivalDay: number;
}

/** What a policy sees each review morning: only the past and its own stock. */
export interface PolicyState {
  /** Series index of today. */
  day: number;
  date: string;
  /** Real demand of the days before today. */
  history: number[];
  onHand: number;
  pipeline: readonly OpenReplayOrder[];
}

/** Returns the units to order this morning (0 = none). */
export type OrderPolicy = (state: PolicyState) => number;

export interface PolicyOutcome {
  demanded: number;
  served: number;
  /** served ÷ demanded; 1 when nothing was demanded. */
  fillRate: number;
  /** Days that began with no stock or left demand unmet. */
  stockOutDays: number;
  /** Mean end-of-day stock, units. */
  averageStock: number;
  /** Mean daily demand over the replayed days. */
  meanDailyDemand: number;
  /** averageStock ÷ mean daily demand of the window; null when nothing was demanded. */
  averageStockDays: number | null;
  orders: number;
  orderedUnits: number;
}

export interface SkuReplay {
  sku: string;
  days: number;
  initialStock: number;
  /** Absent when the policy was not replayed. */
  ours?: PolicyOutcome;
  burnRate?: PolicyOutcome;
}
