import { dateOf, dayNumber } from './dates.js';

export interface DailyRow {
  date: string;
  units: number;
  /** false = out of stock that day. */
  inStock?: boolean;
}

export interface DailySeries {
  firstDate: string;
  lastDate: string;
  units: number[];
  /** Present only when some row said in_stock = 0. */
  inStock?: boolean[];
  /** Rows dropped for an invalid date. */
  badRows: number;
}

/**
 * Dense daily arrays from one SKU's rows in any order: duplicate dates are summed, dates without a
 * row are days without sales (0, in stock), a day is out of stock if any of its rows says so.
 * Returns undefined when no row has a valid date.
 */
export function buildDailySeries(rows: readonly DailyRow[]): DailySeries | undefined {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const days = rows.map((r) => dayNumber(r.date));
  for (const d of days) {
    if (Number.isNaN(d)) continue;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (!Number.isFinite(lo)) return undefined;
  const n = hi - lo + 1;
  const units = new Array<number>(n).fill(0);
  let inStock: boolean[] | undefined;
  let badRows = 0;
  rows.forEach((r, i) => {
    const d = days[i] as number;
    if (Number.isNaN(d)) {
      badRows++;
      return;
    }
    const t = d - lo;
    // NaN/negative units stay as they are: the core treats them as unknown days.
    units[t] = (units[t] as number) + r.units;
    if (r.inStock === false) {
      inStock ??= new Array<boolean>(n).fill(true);
      inStock[t] = false;
    }
  });
  const out: DailySeries = { firstDate: dateOf(lo), lastDate: dateOf(hi), units, badRows };
  if (inStock !== undefined) out.inStock = inStock;
  return out;
}
