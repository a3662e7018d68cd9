import { formatMoscowTime } from '../../../core/marketplace/moscow-time.js';
import { createDayCache } from './day-cache.js';
import { DAY_MS, type DemoSeller, moscowDayNumber, moscowDayStart, type SkuModel } from './demo-seller.js';
import { createRng, hashInts, poisson, SALT, unit } from './rng.js';

const HOUR = 3_600_000;
/** Sales and returns change up to this many days after the order day. */
export const WB_MAX_DELAY_DAYS = { orders: 3, sales: 17 } as const;
export const WB_RETENTION_DAYS = 90;

export const WB_SELLER_WAREHOUSES = [
  { id: 1184211, name: 'Склад продавца Подольск', officeId: 15 },
  { id: 1184212, name: 'Склад продавца Казань', officeId: 16 },
];

/** One ordered unit and its whole future (the emulator's `now` decides what is visible). */
export interface WbOrderFact {
  sku: SkuModel;
  srid: string;
  at: number;
  createdLcd: number;
  cancelAt: number | null;
  saleAt: number | null;
  returnAt: number | null;
  seller: boolean;
  price: number;
  discount: number;
}

export interface WbFeedRow {
  key: string;
  lcd: number;
  row: Record<string, unknown>;
}

export function priceOf(sku: SkuModel, seed: number): number {
  return 490 + Math.floor(unit(seed, SALT.sku, sku.index, 3) * 45) * 100;
}

export function createWbData(seller: DemoSeller) {
  const seed = seller.seed;
  const dayFacts = createDayCache((day: number): WbOrderFact[] => {
    const facts: WbOrderFact[] = [];
    const start = moscowDayStart(day);
    for (const sku of seller.skus) {
      const rng = createRng(hashInts(seed, SALT.wbDemand, sku.index, day));
      const units = poisson(seller.rate(sku, day, 'wb'), rng);
      for (let u = 0; u < units; u += 1) {
        const at = start + Math.floor((rng() * DAY_MS) / 1000) * 1000;
        const cancelled = rng() < 0.08;
        const bought = !cancelled && rng() < 0.85;
        const saleAt = bought ? at + (1 + rng() * 4) * DAY_MS : null;
        const returnAt = saleAt !== null && rng() < 0.06 ? saleAt + (2 + rng() * 10) * DAY_MS : null;
        facts.push({
          sku,
          srid: `${(seed >>> 0).toString(16)}${day.toString(16)}${sku.index.toString(16).padStart(5, '0')}${u}.0.0`,
          at,
          createdLcd: at + Math.floor((5 + rng() * 115) * 60_000),
          cancelAt: cancelled ? at + Math.floor((1 + rng() * 30) * HOUR) : null,
          saleAt: saleAt === null ? null : Math.floor(saleAt),
          returnAt: returnAt === null ? null : Math.floor(returnAt),
          seller: rng() < 0.2,
          price: priceOf(sku, seed),
          discount: 10 + Math.floor(rng() * 40),
        });
      }
    }
    return facts;
  }, 24);

  const common = (f: WbOrderFact, date: number, lcd: number) => {
    const warehouse = WB_SELLER_WAREHOUSES[f.sku.index % 2];
    const finished = Math.round(f.price * (1 - f.discount / 100));
    return {
      date: formatMoscowTime(date),
      lastChangeDate: formatMoscowTime(lcd),
      warehouseName: f.seller ? (warehouse?.name ?? '') : 'Склад WB РФ',
      warehouseType: f.seller ? 'Склад продавца' : 'Склад WB',
      countryName: 'Россия',
      oblastOkrugName: 'Центральный федеральный округ',
      regionName: 'Московская область',
      supplierArticle: f.sku.vendorCode,
      nmId: f.sku.nmId,
      barcode: f.sku.barcode,
      category: 'Одежда',
      subject: f.sku.subject,
      brand: f.sku.brand,
      techSize: f.sku.size,
      incomeID: 0,
      isSupply: false,
      isRealization: true,
      totalPrice: f.price,
      discountPercent: f.discount,
      spp: 20,
      finishedPrice: finished,
      priceWithDisc: finished,
    };
  };

  /** The rows a fact shows in a feed as of `now`, unrendered: kind 0 = order, 1 = sale, 2 = return. */
  function entriesOf(f: WbOrderFact, feed: 'orders' | 'sales', now: number, out: WbEntry[], from = 0): void {
    if (f.at > now) return;
    if (feed === 'orders') {
      const cancelled = f.cancelAt !== null && f.cancelAt <= now;
      const lcd = cancelled && f.cancelAt !== null ? f.cancelAt : f.createdLcd;
      if (lcd <= now && lcd >= from) out.push({ lcd, fact: f, kind: 0 });
      return;
    }
    for (const [kind, at] of [
      [1, f.saleAt],
      [2, f.returnAt],
    ] as const) {
      if (at === null) continue;
      const lcd = at + 600_000;
      if (lcd <= now && lcd >= from) out.push({ lcd, fact: f, kind });
    }
  }

  function render(e: WbEntry): WbFeedRow {
    const f = e.fact;
    if (e.kind === 0) {
      const cancelled = f.cancelAt !== null && e.lcd === f.cancelAt;
      const row = {
        ...common(f, f.at, e.lcd),
        isCancel: cancelled,
        cancelDate: cancelled ? formatMoscowTime(e.lcd) : '0001-01-01T00:00:00',
        sticker: String(hashInts(seed, f.at)),
        gNumber: String(hashInts(seed, f.at, 1)),
        srid: f.srid,
      };
      return { key: `order:${f.srid}`, lcd: e.lcd, row };
    }
    const prefix = e.kind === 1 ? 'S' : 'R';
    const saleID = `${prefix}${hashInts(seed, f.at, f.sku.index, prefix.charCodeAt(0))}`;
    const base = common(f, e.lcd - 600_000, e.lcd);
    const sign = prefix === 'R' ? -1 : 1;
    const row = {
      ...base,
      finishedPrice: sign * base.finishedPrice,
      priceWithDisc: sign * base.priceWithDisc,
      paymentSaleAmount: 0,
      forPay: sign * Math.round(base.finishedPrice * 0.8),
      saleID,
      sticker: '',
      gNumber: String(hashInts(seed, f.at, 1)),
      srid: f.srid,
    };
    return { key: `sale:${saleID}`, lcd: e.lcd, row };
  }

  const byLcd = (a: WbEntry, b: WbEntry) =>
    a.lcd - b.lcd || (a.fact.srid < b.fact.srid ? -1 : a.fact.srid > b.fact.srid ? 1 : a.kind - b.kind);

  return {
    dayFacts,
    /** `supplier/{feed}?flag=0`: rows with lastChangeDate >= dateFrom, ascending, at most `limit`. */
    render,
    feed(feed: 'orders' | 'sales', dateFrom: number, limit: number, now: number): WbEntry[] {
      const nowDay = moscowDayNumber(now);
      const first = Math.max(moscowDayNumber(dateFrom) - WB_MAX_DELAY_DAYS[feed], nowDay - WB_RETENTION_DAYS);
      const entries: WbEntry[] = [];
      for (let day = first; day <= nowDay; day += 1) {
        for (const fact of dayFacts(day)) entriesOf(fact, feed, now, entries, dateFrom);
        // Rows of later order days change on or after the next day starts: these are final.
        const settled = moscowDayStart(day + 1);
        let final = 0;
        for (const e of entries) if (e.lcd < settled) final += 1;
        if (final >= limit) break;
      }
      entries.sort(byLcd);
      return entries.slice(0, limit);
    },
    /** Every row the feed holds as of `now` (ground truth). */
    *all(feed: 'orders' | 'sales', now: number): Generator<WbFeedRow> {
      const nowDay = moscowDayNumber(now);
      for (let day = nowDay - WB_RETENTION_DAYS; day <= nowDay; day += 1) {
        const entries: WbEntry[] = [];
        for (const fact of dayFacts(day)) entriesOf(fact, feed, now, entries);
        yield* entries.map(render);
      }
    },
  };
}

export interface WbEntry {
  lcd: number;
  fact: WbOrderFact;
  kind: 0 | 1 | 2;
}

export type WbData = ReturnType<typeof createWbData>;
