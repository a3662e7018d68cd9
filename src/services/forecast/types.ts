// Messages between the forecast batch service and its worker threads: plain data only.

export type ForecastJob = {
  productId: number;
  firstDate: string;
  units: number[];
  /** 1 = in stock (or unknown), 0 = out of stock all day: a censored day, not zero demand. */
  inStock: number[];
};

export type ForecastBatch = { horizon: number; levels: number[]; jobs: ForecastJob[] };

export type ForecastOutcome =
  | {
      productId: number;
      ok: true;
      model: string;
      modelVersion: string;
      demandClass: string;
      mean: number[];
      quantiles: Record<string, number[]>;
      metrics: Record<string, number | null>;
    }
  | { productId: number; ok: false; error: string };

/**
 * Heap bounds of a forecast worker. A batch of 64 SKUs × two years needs a few MB; without a
 * bound each worker's heap grew with garbage to ~70 MB over a 10,000-SKU run (bench:pipeline).
 */
export const FORECAST_WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 } as const;
