import { createDayCache } from './day-cache.js';
import { DAY_MS, type DemoSeller, moscowDayNumber, moscowDayStart, type SkuModel } from './demo-seller.js';
import { createRng, hashInts, poisson, SALT } from './rng.js';
import { priceOf } from './wb-data.js';

const HOUR = 3_600_000;
const iso = (t: number) => new Date(t).toISOString();

export const OZON_FBO_WAREHOUSES = [
  { warehouse_id: 15431806189000, name: 'ХОРУГВИНО_РФЦ' },
  { warehouse_id: 22655170176000, name: 'САНКТ-ПЕТЕРБУРГ_РФЦ' },
  { warehouse_id: 18044249781000, name: 'КАЗАНЬ_РФЦ' },
];
export const OZON_FBS_WAREHOUSE = { warehouse_id: 1020005001234000, name: 'Склад Подольск FBS' };

export interface OzonPostingFact {
  sku: SkuModel;
  postingNumber: string;
  orderId: number;
  at: number;
  quantity: number;
  scheme: 'fbo' | 'fbs';
  cancelAt: number | null;
  warehouseId: number;
  warehouseName: string;
  price: number;
}

/** Status and its change time as of `now`. */
export function postingStatus(p: OzonPostingFact, now: number): { status: string; changedAt: number } {
  if (p.cancelAt !== null && p.cancelAt <= now) return { status: 'cancelled', changedAt: p.cancelAt };
  const steps: Array<[number, string]> = [
    [p.at + 72 * HOUR, 'delivered'],
    [p.at + 24 * HOUR, 'delivering'],
    [p.at + 6 * HOUR, 'awaiting_deliver'],
  ];
  for (const [t, status] of steps) if (t <= now) return { status, changedAt: t };
  return { status: 'awaiting_packaging', changedAt: p.at };
}

export function createOzonData(seller: DemoSeller) {
  const seed = seller.seed;
  const dayFacts = createDayCache((day: number): OzonPostingFact[] => {
    const facts: OzonPostingFact[] = [];
    const start = moscowDayStart(day);
    let n = 0;
    for (const sku of seller.skus) {
      const rng = createRng(hashInts(seed, SALT.ozonDemand, sku.index, day));
      let units = poisson(seller.rate(sku, day, 'ozon'), rng);
      while (units > 0) {
        const quantity = units > 1 && rng() < 0.15 ? 2 : 1;
        units -= quantity;
        n += 1;
        const fbo = rng() < 0.7;
        const wh = fbo
          ? (OZON_FBO_WAREHOUSES[Math.floor(rng() * 3)] ?? OZON_FBS_WAREHOUSE)
          : OZON_FBS_WAREHOUSE;
        const orderNumber = `${String(day).padStart(5, '0')}${String(n).padStart(5, '0')}-${String(sku.index % 10_000).padStart(4, '0')}`;
        const at = start + Math.floor((rng() * DAY_MS) / 1000) * 1000;
        facts.push({
          sku,
          postingNumber: `${orderNumber}-1`,
          orderId: day * 1_000_000 + n,
          at,
          quantity,
          scheme: fbo ? 'fbo' : 'fbs',
          cancelAt: rng() < 0.07 ? at + Math.floor((1 + rng() * 47) * HOUR) : null,
          warehouseId: wh.warehouse_id,
          warehouseName: wh.name,
          price: Math.round(priceOf(sku, seed) * 0.6),
        });
      }
    }
    facts.sort((a, b) => a.at - b.at || (a.postingNumber < b.postingNumber ? -1 : 1));
    return facts;
    // A full sync reads 4 windows side by side, an FBS page can span two days: 8 days thrashed
    // (every page regenerated its day). 24 days of facts is a few MB at 10,000 SKUs.
  }, 24);

  function render(p: OzonPostingFact, now: number) {
    const { status } = postingStatus(p, now);
    const product = {
      sku: p.sku.ozonSku,
      offer_id: p.sku.ozonOfferId,
      name: p.sku.title,
      quantity: p.quantity,
      price: { amount: String(p.price), currency: 'RUB' },
      is_marketplace_buyout: false,
    };
    const common = {
      posting_number: p.postingNumber,
      order_id: p.orderId,
      order_number: p.postingNumber.slice(0, -2),
      status,
      substatus: '',
      in_process_at: iso(p.at),
      products: [product],
    };
    if (p.scheme === 'fbo') {
      return {
        ...common,
        created_at: iso(p.at - 15_000),
        cancel_reason_id: 0,
        cancellation: null,
        analytics_data: {
          warehouse_id: p.warehouseId,
          warehouse_name: p.warehouseName,
          delivery_type: 'PVZ',
          city: '',
        },
        additional_data: [],
      };
    }
    return {
      ...common,
      shipment_date: iso(p.at + 24 * HOUR),
      delivery_schema: 'SDS',
      delivery_method: {
        id: 1,
        name: 'Ozon Логистика',
        warehouse_id: p.warehouseId,
        warehouse: p.warehouseName,
      },
      analytics_data: {
        warehouse_id: p.warehouseId,
        warehouse: p.warehouseName,
        delivery_type: 'PVZ',
        city: '',
      },
    };
  }

  return {
    dayFacts,
    render,
    /** Postings of one scheme with in_process_at in [since, to] (and status change in range), after a key. */
    *scan(
      scheme: 'fbo' | 'fbs',
      since: number,
      to: number,
      now: number,
      after: { at: number; pn: string } | null,
      changed: { from: number; to: number } | null,
    ): Generator<OzonPostingFact> {
      const end = Math.min(to, now);
      for (
        let day = moscowDayNumber(Math.max(since, after?.at ?? since));
        day <= moscowDayNumber(end);
        day += 1
      ) {
        const facts = dayFacts(day);
        for (let i = firstAtOrAfter(facts, Math.max(since, after?.at ?? since)); i < facts.length; i += 1) {
          const p = facts[i] as OzonPostingFact;
          if (p.at > end) break;
          if (p.scheme !== scheme) continue;
          if (after && (p.at < after.at || (p.at === after.at && p.postingNumber <= after.pn))) continue;
          if (changed) {
            const { changedAt } = postingStatus(p, now);
            if (changedAt < changed.from || changedAt > changed.to) continue;
          }
          yield p;
        }
      }
    },
  };
}

export type OzonData = ReturnType<typeof createOzonData>;

/** Index of the first fact at or after `t` (facts are sorted by time). */
function firstAtOrAfter(facts: OzonPostingFact[], t: number): number {
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((facts[mid]?.at ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function ozonStock(seller: DemoSeller, now: number) {
  const day = moscowDayNumber(now);
  const fbo: Array<Record<string, number | string>> = [];
  const fbs: Array<Record<string, number | string>> = [];
  for (const sku of seller.skus) {
    const rng = createRng(hashInts(seller.seed, SALT.stock, sku.index, day, 77));
    const rate = seller.rate(sku, day, 'ozon');
    const ids = { sku: sku.ozonSku, product_id: sku.ozonProductId, offer_id: sku.ozonOfferId };
    for (const wh of OZON_FBO_WAREHOUSES) {
      if (rate === 0 || rng() < 0.3) continue;
      const present = Math.floor(rate * (2 + rng() * 20));
      fbo.push({
        ...ids,
        warehouse_id: wh.warehouse_id,
        present,
        reserved: Math.min(present, Math.floor(rng() * 3)),
      });
    }
    if (rng() < 0.5) {
      const present = Math.floor(rng() * 40);
      const reserved = Math.min(present, Math.floor(rng() * 2));
      fbs.push({
        ...ids,
        warehouse_id: OZON_FBS_WAREHOUSE.warehouse_id,
        warehouse_name: OZON_FBS_WAREHOUSE.name,
        present,
        reserved,
        free_stock: present - reserved,
      });
    }
  }
  return { fbo, fbs };
}
