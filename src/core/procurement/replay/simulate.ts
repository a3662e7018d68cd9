import { addDays } from '../iso-date.js';
import type { OpenReplayOrder, OrderPolicy, PolicyOutcome, ReplaySeries } from './types.js';

export interface SimulationSetup {
  series: ReplaySeries;
  /** Series index of the first replayed day; earlier days are history only. */
  start: number;
  initialStock: number;
  leadTimeDays: number;
  reviewPeriodDays: number;
  policy: OrderPolicy;
}

/**
 * Day by day: receive what arrives this morning, let the policy order on review days (goods
 * arrive lead-time days later, in the morning), then serve the day's real demand from stock.
 * Demand that finds no stock is lost, not back-ordered.
 */
export function simulate(s: SimulationSetup): PolicyOutcome {
  const { demand } = s.series;
  let onHand = s.initialStock;
  let pipeline: OpenReplayOrder[] = [];
  const receive = (day: number): void => {
    for (const o of pipeline) if (o.arrivalDay <= day) onHand += o.quantity;
    pipeline = pipeline.filter((o) => o.arrivalDay > day);
  };
  const out = { demanded: 0, served: 0, stockOutDays: 0, stockSum: 0, orders: 0, orderedUnits: 0 };
  const review = Math.max(1, Math.round(s.reviewPeriodDays));
  for (let day = s.start; day < demand.length; day++) {
    receive(day);
    if ((day - s.start) % review === 0) {
      const quantity = s.policy({
        day,
        date: addDays(s.series.firstDate, day),
        history: demand.slice(0, day),
        onHand,
        pipeline,
      });
      if (quantity > 0) {
        pipeline.push({ quantity, arrivalDay: day + s.leadTimeDays });
        out.orders += 1;
        out.orderedUnits += quantity;
        receive(day);
      }
    }
    const want = Math.max(0, demand[day] ?? 0);
    const served = Math.min(Math.max(0, onHand), want);
    if (onHand <= 0 || served < want) out.stockOutDays += 1;
    onHand -= served;
    out.demanded += want;
    out.served += served;
    out.stockSum += onHand;
  }
  const days = Math.max(1, demand.length - s.start);
  const averageStock = out.stockSum / days;
  return {
    demanded: out.demanded,
    served: out.served,
    fillRate: out.demanded > 0 ? out.served / out.demanded : 1,
    stockOutDays: out.stockOutDays,
    averageStock,
    meanDailyDemand: out.demanded / days,
    averageStockDays: out.demanded > 0 ? averageStock / (out.demanded / days) : null,
    orders: out.orders,
    orderedUnits: out.orderedUnits,
  };
}
