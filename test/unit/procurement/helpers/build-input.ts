import type {
  ForecastShape,
  OpenPurchaseOrder,
  ProcurementInput,
  WarehouseStock,
} from '../../../../src/core/procurement/index.js';

export const TODAY = '2026-03-01';

/** A forecast of `mean` units every day from `startDate`, with constant quantiles if given. */
export function flatForecast(
  mean: number,
  opts: { days?: number; startDate?: string; quantiles?: Record<string, number>; mase?: number } = {},
): ForecastShape {
  const days = opts.days ?? 120;
  const quantiles: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(opts.quantiles ?? {})) quantiles[k] = Array<number>(days).fill(v);
  return {
    ...(opts.startDate ? { startDate: opts.startDate } : {}),
    mean: Array<number>(days).fill(mean),
    quantiles,
    ...(opts.mase !== undefined ? { metrics: { mase: opts.mase, origins: 4 } } : {}),
  };
}

/** flatForecast starting today, the short form for tables. */
export const fc = (mean: number, opts: Parameters<typeof flatForecast>[1] = {}): ForecastShape =>
  flatForecast(mean, { startDate: TODAY, ...opts });

export const po = (id: string, quantity: number, expectedDate: string): OpenPurchaseOrder => ({
  id,
  quantity,
  expectedDate,
});

export const wh = (warehouse: string, present: number, reserved = 0, inTransit = 0): WarehouseStock => ({
  warehouse,
  kind: warehouse === 'own' ? 'own' : 'marketplace',
  present,
  reserved,
  inTransit,
});

/** One own warehouse with `present` units. */
export const stockOf = (present: number): WarehouseStock[] => [wh('own', present)];

/** A healthy SKU: 100 units in one warehouse, 2/day forecast starting today, fresh data. */
export function buildInput(patch: Partial<ProcurementInput> = {}): ProcurementInput {
  return {
    sku: 'SKU-1',
    today: TODAY,
    stock: [wh('WB Koledino', 100)],
    forecast: fc(2),
    leadTime: { defaultDays: 14 },
    historyDays: 365,
    freshness: { stockAgeHours: 2, salesAgeHours: 2 },
    ...patch,
  };
}
