import type { PolicyOutcome, SkuReplay } from './types.js';

export interface PolicySummary {
  skus: number;
  /** Σ served ÷ Σ demanded over all SKUs. */
  fillRate: number;
  stockOutDays: number;
  /** Pooled like the fill rate: Σ average stock ÷ Σ mean daily demand, over SKUs with demand. */
  averageStockDays: number;
  /** The middle SKU's average stock in days of demand (a few dead SKUs cannot move it). */
  medianSkuStockDays: number;
  orders: number;
}

/** A policy's summary is absent when no SKU replayed it. */
export interface ReplaySummary {
  ours?: PolicySummary;
  burnRate?: PolicySummary;
}

const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function summarizePolicy(outcomes: readonly PolicyOutcome[]): PolicySummary {
  const demanded = sum(outcomes.map((o) => o.demanded));
  const served = sum(outcomes.map((o) => o.served));
  const withDemand = outcomes.filter((o) => o.averageStockDays !== null);
  const dailyDemand = sum(withDemand.map((o) => o.meanDailyDemand));
  return {
    skus: outcomes.length,
    fillRate: demanded > 0 ? served / demanded : 1,
    stockOutDays: sum(outcomes.map((o) => o.stockOutDays)),
    averageStockDays: dailyDemand > 0 ? sum(withDemand.map((o) => o.averageStock)) / dailyDemand : 0,
    medianSkuStockDays: median(withDemand.map((o) => o.averageStockDays ?? 0)),
    orders: sum(outcomes.map((o) => o.orders)),
  };
}

export function summarizeReplays(replays: readonly SkuReplay[]): ReplaySummary {
  const ours = replays.flatMap((r) => (r.ours ? [r.ours] : []));
  const burnRate = replays.flatMap((r) => (r.burnRate ? [r.burnRate] : []));
  return {
    ...(ours.length > 0 ? { ours: summarizePolicy(ours) } : {}),
    ...(burnRate.length > 0 ? { burnRate: summarizePolicy(burnRate) } : {}),
  };
}
