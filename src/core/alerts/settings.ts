import type { AlertRule } from './types.js';

/** Company-level knobs of the alert rules and the state machine; defaults below. */
export interface AlertSettings {
  /** CRITICAL_LOW_STOCK when runway is below this many days… */
  criticalRunwayDays: number;
  /** …and clears only at criticalRunwayDays + this margin. */
  criticalRunwayClearDays: number;
  /** …or when sellable stock is below this floor (0 = off; a SKU may set its own). */
  stockFloor: number;
  stockFloorClearUnits: number;
  /** LOW_STOCK clears when stock + on order reaches reorder point × (1 + this). */
  lowStockClearRatio: number;
  /** OVERSTOCK when cover exceeds this many days; clears at overstockDays − the margin. */
  overstockDays: number;
  overstockClearDays: number;
  /** RAPID_DEPLETION when more than this share of the stock went in 24 h; clears below share − margin. */
  rapidDepletionShare: number;
  rapidDepletionClearShare: number;
  /** Ignore drops of fewer units: 2 of 5 is 40 % but not news. */
  rapidDepletionMinUnits: number;
  /** DEMAND_SPIKE / DEMAND_DROP when the last N days all fall outside the band… */
  demandOutlierDays: number;
  /** …and clear after this many latest days back inside. */
  demandClearDays: number;
  /** Quantile keys for the band, first present wins. */
  demandBand: { low: readonly string[]; high: readonly string[] };
  /** PO_OVERDUE this many days after the expected date; critical at poOverdueCriticalDays. */
  poOverdueGraceDays: number;
  poOverdueCriticalDays: number;
  /** SYNC_FAILED turns critical after this many failed runs in a row. */
  syncFailedCriticalRuns: number;
  /** DATA_STALE per data type (hours); unknown types use `default`. */
  staleHours: Readonly<Record<string, number>> & { default: number };
  staleClearHours: number;
  /** DATA_STALE turns critical at this multiple of the threshold. */
  staleCriticalFactor: number;
  /** A firing alert is reminded after this many hours without a notification. */
  repeatIntervalHours: number;
  /** Alertmanager-style inhibition: a firing `source` mutes `target` of the same SKU or account. */
  inhibitions: readonly { source: AlertRule; target: AlertRule }[];
}

export const defaultAlertSettings: Readonly<AlertSettings> = Object.freeze<AlertSettings>({
  criticalRunwayDays: 3,
  criticalRunwayClearDays: 1,
  // Off by default: a floor is a per-SKU decision (a display minimum, a bundle's parts).
  stockFloor: 0,
  stockFloorClearUnits: 1,
  lowStockClearRatio: 0.1,
  overstockDays: 180,
  overstockClearDays: 20,
  rapidDepletionShare: 0.3,
  rapidDepletionClearShare: 0.1,
  rapidDepletionMinUnits: 5,
  demandOutlierDays: 3,
  demandClearDays: 2,
  // The widest band the forecaster gives first: fewer false alarms than p05/p95.
  demandBand: { low: ['p025', 'p05'], high: ['p975', 'p95'] },
  poOverdueGraceDays: 0,
  poOverdueCriticalDays: 7,
  syncFailedCriticalRuns: 3,
  // Same limits as procurement's maxStockAgeHours / maxSalesAgeHours: the sync runs daily.
  staleHours: { default: 48, stock: 36, sales: 48 },
  staleClearHours: 2,
  staleCriticalFactor: 2,
  repeatIntervalHours: 24,
  // The worse stock alert speaks for the SKU; the milder one stays quiet until it is alone.
  inhibitions: [
    { source: 'OUT_OF_STOCK', target: 'CRITICAL_LOW_STOCK' },
    { source: 'OUT_OF_STOCK', target: 'LOW_STOCK' },
    { source: 'CRITICAL_LOW_STOCK', target: 'LOW_STOCK' },
  ],
});

const MARGINS = [
  'criticalRunwayClearDays',
  'stockFloorClearUnits',
  'lowStockClearRatio',
  'overstockClearDays',
  'rapidDepletionClearShare',
  'staleClearHours',
] as const;

/** Defaults + overrides, checked once: a negative margin would make an alert resolve while firing. */
export function resolveAlertSettings(overrides: Partial<AlertSettings> = {}): AlertSettings {
  const s = { ...defaultAlertSettings, ...overrides };
  for (const key of MARGINS) {
    if (!(s[key] >= 0)) throw new RangeError(`${key} must be 0 or more: ${s[key]}`);
  }
  if (!(s.repeatIntervalHours > 0))
    throw new RangeError(`repeatIntervalHours must be positive: ${s.repeatIntervalHours}`);
  if (!(s.demandOutlierDays >= 1 && s.demandClearDays >= 1))
    throw new RangeError('demand days must be 1 or more');
  return s;
}
