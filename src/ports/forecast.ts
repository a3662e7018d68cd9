/** One SKU's daily demand history for the forecaster, oldest first, one entry per calendar day. */
export type SalesHistory = {
  productId: number;
  firstDate: string;
  units: number[];
  /** 1 = in stock or unknown, 0 = no stock all day (censored demand). */
  inStock: number[];
};

export type ForecastRecord = {
  productId: number;
  runDate: string;
  startDate: string;
  model: string;
  modelVersion: string;
  demandClass: string | null;
  horizonDays: number;
  mean: number[];
  quantiles: Record<string, number[]>;
  metrics: Record<string, number | null>;
};

export type ForecastStore = {
  /** Active products in batches of `batchSize`, with demand and stock-out days from `from` to `to`. */
  histories(
    companyId: string,
    window: { from: string; to: string; timezone: string; batchSize: number },
  ): AsyncIterable<SalesHistory[]>;
  /** Upsert by (company, product, run date): a re-run of the day replaces its forecasts. */
  save(companyId: string, rows: readonly ForecastRecord[]): Promise<void>;
};
