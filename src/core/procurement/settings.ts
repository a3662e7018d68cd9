import type { AbcClass } from './input.js';

/** Company-level knobs of the procurement engine. */
export interface ProcurementSettings {
  reviewPeriodDays: number;
  /** Days of demand an order covers beyond lead time + review period. */
  coverageDays: number;
  /** Cycle service level (probability of no stock-out before the next order can arrive). */
  serviceLevel: { default: number } & Partial<Record<AbcClass, number>>;
  maxStockAgeHours: number;
  maxSalesAgeHours: number;
  minHistoryDays: number;
  /** With sales history: days of it whose rolling risk-period totals bound the order-up-to
   * level from below (empirical-risk.ts); 0 = the forecast alone. */
  riskHistoryDays: number;
  /** With sales history: the forecast is lifted to at least the sales rate of this many last
   * days (recent-level.ts); 0 = never. */
  recentLevelDays: number;
  /** Backtest MASE above this marks the forecast unreliable. */
  maxMase: number;
  /** Consecutive days outside the forecast interval that make a spike or a drop. */
  outlierDays: number;
  /** Cover (stock + on order) beyond this many days is overstock. */
  overstockDays: number;
}

export const defaultProcurementSettings: Readonly<ProcurementSettings> = Object.freeze({
  reviewPeriodDays: 1,
  coverageDays: 30,
  serviceLevel: { default: 0.95 },
  // The sync runs daily; a day and a bit is normal, two missed syncs are not.
  maxStockAgeHours: 36,
  maxSalesAgeHours: 48,
  minHistoryDays: 28,
  // A year: every season once, so last year's pre-Christmas peak is in the tail; older lumps age out.
  riskHistoryDays: 365,
  recentLevelDays: 28,
  maxMase: 1.5,
  outlierDays: 3,
  overstockDays: 180,
});

export function resolveSettings(overrides: Partial<ProcurementSettings> = {}): ProcurementSettings {
  return { ...defaultProcurementSettings, ...overrides };
}

export function serviceLevelFor(
  settings: ProcurementSettings,
  abcClass: AbcClass | null | undefined,
): number {
  const level = (abcClass ? settings.serviceLevel[abcClass] : undefined) ?? settings.serviceLevel.default;
  if (!(level > 0 && level < 1)) throw new RangeError(`service level must be in (0, 1): ${level}`);
  return level;
}
