export type ProcurementCategory = 'ORDER_TODAY' | 'ALREADY_ORDERED' | 'ATTENTION_REQUIRED' | 'NORMAL';

/** Why the order decision came out as it did. */
export type DecisionReason =
  /** Available stock + open POs are below the reorder point. */
  | 'BELOW_REORDER_POINT'
  /** The last day to order so goods arrive before the stock-out is today or past. */
  | 'ORDER_BY_DATE_REACHED'
  /** Without the open POs it would be ORDER_TODAY. */
  | 'COVERED_BY_OPEN_PO'
  /** Nothing can be computed without a forecast. */
  | 'NO_FORECAST';

export type AttentionCode =
  | 'MISSING_FORECAST'
  | 'STALE_DATA'
  | 'SHORT_HISTORY'
  | 'UNRELIABLE_FORECAST'
  | 'NEGATIVE_STOCK'
  | 'OUT_OF_STOCK_WITH_DEMAND'
  | 'OVERDUE_PO'
  /** An open PO lands after the projected stock-out: expedite it or buy elsewhere. */
  | 'PO_ARRIVES_AFTER_STOCKOUT'
  | 'DEMAND_SPIKE'
  | 'DEMAND_DROP'
  | 'OVERSTOCK';

export interface AttentionReason {
  code: AttentionCode;
  /** A short sentence with the numbers, for the person who looks. */
  detail: string;
}

export interface Recommendation {
  sku: string;
  today: string;
  /** Precedence: ORDER_TODAY > ATTENTION_REQUIRED > ALREADY_ORDERED > NORMAL (see decide-category.ts). */
  category: ProcurementCategory;
  reasons: DecisionReason[];
  /** True whenever attentionReasons is not empty, whatever the category. */
  needsAttention: boolean;
  attentionReasons: AttentionReason[];
  /** Sellable stock (present − reserved, all warehouses) + stock in transit + inbound supplies. */
  available: number;
  onHand: number;
  inTransit: number;
  /** Outstanding quantity of open purchase orders. */
  onOrder: number;
  /** Mean forecast demand per day over lead time + review + coverage; null without a forecast. */
  dailyDemand: number | null;
  /** Full days the available stock covers; null when demand never exhausts it (or no forecast). */
  runwayDays: number | null;
  stockOutDate: string | null;
  /** Last day to order so that the goods arrive before the stock-out (stockOutDate − lead time). */
  orderByDate: string | null;
  /** Stock-out date with open POs received on their expected dates. */
  projectedStockOutDate: string | null;
  leadTimeDays: number;
  leadTimeSource: 'product' | 'supplier' | 'default';
  reviewPeriodDays: number;
  coverageDays: number;
  serviceLevel: number;
  /** Mean demand over lead time + review period (the risk period). */
  leadTimeDemand: number | null;
  safetyStock: number | null;
  reorderPoint: number | null;
  /** Demand over lead time + review + coverage, rounded to units. */
  cycleDemand: number | null;
  /** cycleDemand + safetyStock − available − onOrder (may be negative). */
  netRequirement: number | null;
  recommendedQuantity: number;
  packSize: number;
  moq: number;
  explanation: string;
}

/** The fields known before any demand is looked at. */
export type RecommendationBase = Pick<
  Recommendation,
  | 'sku'
  | 'today'
  | 'available'
  | 'onHand'
  | 'inTransit'
  | 'onOrder'
  | 'leadTimeDays'
  | 'leadTimeSource'
  | 'reviewPeriodDays'
  | 'coverageDays'
  | 'serviceLevel'
  | 'packSize'
  | 'moq'
>;
