import { type DemandPath, meanAt } from './demand-path.js';

// A century; keeps dates valid when a few units of a dead SKU would "last" forever.
const MAX_RUNWAY_DAYS = 36_500;
const EPS = 1e-9;

/**
 * Full days (from today) the stock serves forecast demand: the index of the first day on which
 * cumulative forecast demand exceeds the stock (plus any arrivals up to that day). Following
 * the forecast day by day, not stock ÷ a flat burn rate, so a weekend peak or a season counts.
 * null when demand never exhausts it (zero demand).
 */
export function runwayDays(stock: number, path: DemandPath, arrivals: readonly number[] = []): number | null {
  const walk = Math.max(path.mean.length, arrivals.length);
  let balance = stock;
  for (let day = 0; day < walk; day++) {
    balance += arrivals[day] ?? 0;
    balance -= meanAt(path, day);
    if (balance < -EPS) return day;
  }
  if (path.tailMean <= 0) return null;
  return Math.min(MAX_RUNWAY_DAYS, walk + Math.floor(balance / path.tailMean + EPS));
}
