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
