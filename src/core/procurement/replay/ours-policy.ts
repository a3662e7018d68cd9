import type { ForecastShape } from '../input.js';
import { addDays } from '../iso-date.js';
import { recommend } from '../recommend.js';
import { defaultProcurementSettings, type ProcurementSettings } from '../settings.js';
import type { Forecaster, OrderPolicy } from './types.js';

export interface OursPolicyOptions {
  forecaster: Forecaster;
  firstDate: string;
  leadTimeDays: number;
  reviewPeriodDays: number;
  coverageDays: number;
  serviceLevel: number;
  reforecastEveryDays: number;
  packSize: number;
  moq: number;
  /** Overrides of the engine's company settings. */
  settings?: Partial<ProcurementSettings>;
}

/**
 * The procurement engine as a replay policy: orders the recommended quantity when the category
 * is ORDER_TODAY. The forecast is remade every `reforecastEveryDays` mornings and reused in
 * between (the engine aligns an older forecast to today). The engine also gets the sales known
 * that morning (the days before today) to read the SKU's lumps and recent rate. Keeps the one
 * forecast as state, so make a fresh policy per SKU and per run.
 */
export function createOursPolicy(o: OursPolicyOptions): OrderPolicy {
  const settings = {
    ...defaultProcurementSettings,
    reviewPeriodDays: o.reviewPeriodDays,
    coverageDays: o.coverageDays,
    serviceLevel: { default: o.serviceLevel },
    ...o.settings,
  };
  const horizon = o.leadTimeDays + o.reviewPeriodDays + o.coverageDays + o.reforecastEveryDays;
  let cached: { day: number; forecast: ForecastShape } | null = null;
  return (state) => {
    if (!cached || state.day - cached.day >= o.reforecastEveryDays) {
      const made = o.forecaster(state.history, o.firstDate, horizon);
      // History ends yesterday, so the forecast starts today unless the forecaster says otherwise.
      cached = { day: state.day, forecast: { ...made, startDate: made.startDate ?? state.date } };
    }
    const rec = recommend(
      {
        sku: 'replay',
        today: state.date,
        stock: [{ warehouse: 'replay', kind: 'own', present: state.onHand, reserved: 0, inTransit: 0 }],
        openPurchaseOrders: state.pipeline.map((po, i) => ({
          id: `po-${i}`,
          quantity: po.quantity,
          expectedDate: addDays(o.firstDate, po.arrivalDay),
        })),
        forecast: cached.forecast,
        leadTime: { defaultDays: o.leadTimeDays },
        packSize: o.packSize,
        moq: o.moq,
        salesHistory: state.history,
        historyDays: state.history.length,
        freshness: { stockAgeHours: 0, salesAgeHours: 0 },
      },
      settings,
    );
    return rec.category === 'ORDER_TODAY' ? rec.recommendedQuantity : 0;
  };
}
