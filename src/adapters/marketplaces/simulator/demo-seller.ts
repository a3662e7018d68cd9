import { createRng, hashInts, SALT, unit } from './rng.js';

export const DAY_MS = 86_400_000;
const MOSCOW_MS = 3 * 3_600_000;

/** Absolute Moscow day number of an instant (day 0 = 1970-01-01 Moscow). */
export const moscowDayNumber = (t: number) => Math.floor((t + MOSCOW_MS) / DAY_MS);
/** The instant a Moscow day starts. */
export const moscowDayStart = (day: number) => day * DAY_MS - MOSCOW_MS;

export type DemandPattern = 'regular' | 'intermittent' | 'dead' | 'new';

export interface SkuModel {
  index: number;
  nmId: number;
  chrtId: number;
  barcode: string;
  vendorCode: string;
  size: string;
  title: string;
  brand: string;
  subject: string;
  ozonProductId: number;
  ozonSku: number;
  ozonOfferId: string;
  pattern: DemandPattern;
  /** Mean units/day at the anchor day, before seasonality. */
  base: number;
  /** Multiplicative drift per day (e.g. 0.002 = +0.2 %/day). */
  trend: number;
  weekly: number[];
  promos: Array<{ from: number; to: number; lift: number }>;
  stockouts: Array<{ from: number; to: number }>;
  /** Dead items stop selling after this day; new items start on it. */
  switchDay: number;
  cardUpdatedAt: number;
}

export interface DemoSeller {
  seed: number;
  anchorDay: number;
  historyDays: number;
  skus: SkuModel[];
  /** Demand rate for one marketplace on one Moscow day (units, expected). */
  rate(sku: SkuModel, day: number, marketplace: 'wb' | 'ozon'): number;
}

const SIZES = ['S', 'M', 'L', 'XL'];
const SUBJECTS = ['Футболки', 'Худи', 'Кружки', 'Рюкзаки', 'Носки'];
const BRANDS = ['Northfield', 'Taiga', 'Polar'];

export interface DemoSellerOptions {
  seed: number;
  skuCount: number;
  historyDays: number;
  /** The instant the history ends (the emulator's initial now). */
  anchor: number;
}

export function createDemoSeller(options: DemoSellerOptions): DemoSeller {
  const { seed, skuCount, historyDays } = options;
  const anchorDay = moscowDayNumber(options.anchor);
  const firstDay = anchorDay - historyDays;
  const skus: SkuModel[] = [];
  let card = 0;
  let sizeInCard = 0;
  let cardSizes = 1;
  for (let i = 0; i < skuCount; i += 1) {
    if (sizeInCard >= cardSizes) {
      card += 1;
      sizeInCard = 0;
      cardSizes = 1 + (hashInts(seed, SALT.sku, card) % 3);
    }
    const rng = createRng(hashInts(seed, SALT.sku, i, 7));
    const r = rng();
    const pattern: DemandPattern =
      r < 0.08 ? 'dead' : r < 0.25 ? 'intermittent' : r < 0.3 ? 'new' : 'regular';
    // Long tail: most skus sell about one unit a day or less, a few sell tens.
    const base = pattern === 'intermittent' ? 0.02 + rng() * 0.18 : 0.1 + rng() ** 3 * 4;
    const weekend = 0.7 + rng() * 0.8;
    const weekly = [1, 1, 1, 1, 1.05, weekend, weekend * 0.95].map((w) => w * (0.9 + rng() * 0.2));
    const promos = [];
    for (let p = 0; p < 3; p += 1) {
      if (rng() < 0.4) {
        const from = firstDay + Math.floor(rng() * historyDays);
        promos.push({ from, to: from + 3 + Math.floor(rng() * 10), lift: 1.5 + rng() * 2.5 });
      }
    }
    const stockouts = [];
    if (rng() < 0.2) {
      const from = firstDay + Math.floor(rng() * historyDays);
      stockouts.push({ from, to: from + 2 + Math.floor(rng() * 20) });
    }
    const subject = SUBJECTS[card % SUBJECTS.length] ?? 'Товары';
    const size = SIZES[sizeInCard % SIZES.length] ?? 'M';
    const vendorCode = `SP-${String(card).padStart(5, '0')}`;
    skus.push({
      index: i,
      nmId: 300_000_000 + card,
      chrtId: 500_000_000 + i,
      barcode: String(2_040_000_000_000 + i * 7 + (seed % 7)),
      vendorCode,
      size,
      title: `${subject} ${vendorCode}`,
      brand: BRANDS[card % BRANDS.length] ?? 'Northfield',
      subject,
      ozonProductId: 1_800_000_000 + i,
      ozonSku: 2_100_000_000 + i,
      ozonOfferId: `${vendorCode}-${size}`,
      pattern,
      base,
      trend: (rng() - 0.45) * 0.004,
      weekly,
      promos,
      stockouts,
      switchDay: firstDay + Math.floor(historyDays * (0.3 + rng() * 0.5)),
      cardUpdatedAt:
        moscowDayStart(firstDay) + Math.floor(unit(seed, SALT.sku, card, 9) * historyDays * DAY_MS),
    });
    sizeInCard += 1;
  }

  return {
    seed,
    anchorDay,
    historyDays,
    skus,
    rate(sku, day, marketplace) {
      if (sku.pattern === 'dead' && day >= sku.switchDay) return 0;
      if (sku.pattern === 'new' && day < sku.switchDay) return 0;
      if (sku.stockouts.some((s) => day >= s.from && day <= s.to)) return 0;
      const dow = (((day + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday; 0 = Monday
      const promo = sku.promos.find((p) => day >= p.from && day <= p.to)?.lift ?? 1;
      const share = marketplace === 'wb' ? 0.6 : 0.4;
      const trend = Math.max(0.2, Math.min(3, (1 + sku.trend) ** (day - anchorDay)));
      return sku.base * share * trend * (sku.weekly[dow] ?? 1) * promo;
    },
  };
}
