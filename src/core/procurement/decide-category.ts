import type { DecisionReason, ProcurementCategory } from './recommendation.js';

export interface CategoryFacts {
  hasForecast: boolean;
  /** Available stock alone is below the reorder point or past its order-by date. */
  wouldOrderWithoutPOs: boolean;
  /** Available + open POs below the reorder point. */
  belowReorderPoint: boolean;
  /** Order-by date (open POs counted on their expected dates) is today or past. */
  orderByReached: boolean;
  onOrder: number;
  recommendedQuantity: number;
  needsAttention: boolean;
}

/**
 * Precedence ORDER_TODAY > ATTENTION_REQUIRED > ALREADY_ORDERED > NORMAL. An order is the
 * time-critical action, so it wins and its attention reasons ride along (needsAttention); a
 * person must still look before an SKU is filed as "already ordered" or "fine". Without a
 * forecast nothing can be computed, so that is always ATTENTION_REQUIRED.
 */
export function decideCategory(f: CategoryFacts): {
  category: ProcurementCategory;
  reasons: DecisionReason[];
} {
  if (!f.hasForecast) return { category: 'ATTENTION_REQUIRED', reasons: ['NO_FORECAST'] };
  const reasons: DecisionReason[] = [];
  if (f.belowReorderPoint) reasons.push('BELOW_REORDER_POINT');
  if (f.orderByReached) reasons.push('ORDER_BY_DATE_REACHED');
  if (reasons.length > 0 && f.recommendedQuantity > 0) return { category: 'ORDER_TODAY', reasons };
  const covered = f.wouldOrderWithoutPOs && f.onOrder > 0;
  if (covered) reasons.push('COVERED_BY_OPEN_PO');
  if (f.needsAttention) return { category: 'ATTENTION_REQUIRED', reasons };
  if (covered) return { category: 'ALREADY_ORDERED', reasons };
  return { category: 'NORMAL', reasons: [] };
}
