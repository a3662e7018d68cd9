import { DAY_MS, type DemoSeller } from './demo-seller.js';
import { OZON_FBO_WAREHOUSES } from './ozon-data.js';
import { createRng, hashInts, SALT } from './rng.js';

const STATES = [
  'DATA_FILLING',
  'READY_TO_SUPPLY',
  'IN_TRANSIT',
  'ACCEPTANCE_AT_STORAGE_WAREHOUSE',
  'COMPLETED',
  'CANCELLED',
  'ACCEPTED_AT_SUPPLY_WAREHOUSE',
];

export interface OzonSupplyOrderFact {
  orderId: number;
  state: string;
  createdAt: number;
  stateUpdatedAt: number;
  timeslotFrom: number;
  warehouse: { warehouse_id: number; name: string };
  supplyId: number;
  bundleId: string;
  items: Array<{ skuIndex: number; quantity: number }>;
}

export function ozonSupplyOrders(seller: DemoSeller, now: number): OzonSupplyOrderFact[] {
  const count = Math.max(3, Math.ceil(seller.skus.length / 40));
  const anchor = seller.anchorDay * DAY_MS;
  const out: OzonSupplyOrderFact[] = [];
  for (let j = 0; j < count; j += 1) {
    const rng = createRng(hashInts(seller.seed, SALT.supply, j, 2));
    const createdAt = anchor - Math.floor(rng() * 40 * DAY_MS);
    if (createdAt > now) continue;
    const lines = 1 + Math.floor(rng() * Math.min(15, seller.skus.length));
    const start = Math.floor(rng() * seller.skus.length);
    const items = [];
    for (let g = 0; g < lines; g += 1)
      items.push({ skuIndex: (start + g) % seller.skus.length, quantity: 5 + Math.floor(rng() * 100) });
    out.push({
      orderId: 84_800_000 + j,
      state: STATES[j % STATES.length] ?? 'DATA_FILLING',
      createdAt,
      stateUpdatedAt: Math.min(now, createdAt + Math.floor(rng() * 5 * DAY_MS)),
      timeslotFrom: createdAt + 6 * DAY_MS,
      warehouse: OZON_FBO_WAREHOUSES[j % OZON_FBO_WAREHOUSES.length] ?? { warehouse_id: 1, name: '' },
      supplyId: 2_000_000_000_000 + j,
      bundleId: `019c5755-8768-7a00-9582-${String(j).padStart(12, '0')}`,
      items,
    });
  }
  return out;
}

export function renderSupplyOrder(o: OzonSupplyOrderFact) {
  const iso = (t: number) => new Date(t).toISOString();
  return {
    order_id: o.orderId,
    order_number: String(2_000_000_000_000 + o.orderId),
    state: o.state,
    created_date: iso(o.createdAt),
    state_updated_date: iso(o.stateUpdatedAt),
    dropoff_warehouse: { ...o.warehouse, address: '' },
    timeslot: {
      timeslot: { from: iso(o.timeslotFrom), to: iso(o.timeslotFrom + 3_600_000) },
      timezone_info: { iana_name: 'Europe/Moscow', offset: '10800' },
    },
    supplies: [
      {
        supply_id: o.supplyId,
        bundle_id: o.bundleId,
        state: o.state,
        storage_warehouse: { ...o.warehouse, address: '' },
        macrolocal_cluster_id: 4039,
        is_crossdock: false,
      },
    ],
  };
}

export function renderBundleItem(seller: DemoSeller, item: { skuIndex: number; quantity: number }) {
  const sku = seller.skus[item.skuIndex];
  return {
    sku: sku?.ozonSku ?? 0,
    offer_id: sku?.ozonOfferId ?? '',
    product_id: sku?.ozonProductId ?? 0,
    name: sku?.title ?? '',
    barcode: sku?.barcode ?? '',
    quantity: item.quantity,
    quant: 1,
    volume_in_litres: 0.4,
  };
}
