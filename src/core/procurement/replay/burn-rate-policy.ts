import { roundOrderQuantity } from '../order-quantity.js';
import type { OrderPolicy } from './types.js';

const BURN_DAYS = 30;
const COVER_DAYS = 30;

/**
 * The rule of the original design, as the baseline: burn rate = mean daily sales of the last
 * 30 days; order when stock ÷ burn rate ≤ lead time, where stock counts open orders too (the
 * original's ALREADY_ORDERED); quantity = burn rate × (lead time + 30), not net of stock,
 * rounded like ours (whole units, cases, MOQ) so only the rule differs.
 */
export function createBurnRatePolicy(o: {
  leadTimeDays: number;
  packSize: number;
  moq: number;
}): OrderPolicy {
  return ({ history, onHand, pipeline }) => {
    const recent = history.slice(-BURN_DAYS);
    if (recent.length === 0) return 0;
    const burn = recent.reduce((s, x) => s + x, 0) / recent.length;
    if (burn <= 0) return 0;
    const stock = onHand + pipeline.reduce((s, po) => s + po.quantity, 0);
    if (stock / burn > o.leadTimeDays) return 0;
    return roundOrderQuantity(Math.ceil(burn * (o.leadTimeDays + COVER_DAYS)), o.packSize, o.moq);
  };
}
