import { DAY_MS, type DemoSeller, moscowDayNumber } from './demo-seller.js';
import { createRng, hashInts, SALT } from './rng.js';
import { WB_SELLER_WAREHOUSES } from './wb-data.js';

const OFFSET = '+03:00';
const wbIso = (t: number) => `${new Date(t + 3 * 3_600_000).toISOString().slice(0, 19)}${OFFSET}`;

/** FBW stock today: one aggregate "Склад WB" row per size (as WB shows since release note 570). */
export function wbWarehouseStock(seller: DemoSeller, now: number) {
  const day = moscowDayNumber(now);
  return seller.skus.map((sku) => {
    const rng = createRng(hashInts(seller.seed, SALT.stock, sku.index, day));
    const rate = seller.rate(sku, day, 'wb');
    const out = rate === 0 && rng() < 0.7;
    return {
      nmId: sku.nmId,
      chrtId: sku.chrtId,
      warehouseId: -999999,
      warehouseName: 'Склад WB',
      regionName: 'Склад WB',
      quantity: out ? 0 : Math.floor(rate * (3 + rng() * 40)),
      inWayToClient: Math.floor(rate * rng() * 2),
      inWayFromClient: Math.floor(rng() * 2),
    };
  });
}

/** FBS stock on one seller warehouse (`amount` per chrtId). */
export function wbSellerStock(seller: DemoSeller, warehouseId: number, chrtIds: number[], now: number) {
  const day = moscowDayNumber(now);
  const byChrt = new Map(seller.skus.map((s) => [s.chrtId, s]));
  return chrtIds.flatMap((chrtId) => {
    const sku = byChrt.get(chrtId);
    if (!sku) return [];
    const rng = createRng(hashInts(seller.seed, SALT.stock, sku.index, day, warehouseId));
    return [{ chrtId, amount: rng() < 0.5 ? Math.floor(rng() * 30) : 0 }];
  });
}

export interface WbSupplyFact {
  supplyID: number | null;
  preorderID: number;
  statusID: number;
  createDate: number;
  supplyDate: number | null;
  factDate: number | null;
  updatedDate: number | null;
  warehouse: { id: number; name: string };
  goods: Array<{ skuIndex: number; quantity: number; accepted: number | null }>;
}

const FBW_WAREHOUSES = [
  { id: 507, name: 'Коледино' },
  { id: 120762, name: 'Электросталь' },
  { id: 117986, name: 'Казань' },
];

/** Supplies as of `now`: a few per 40 skus, in every status. */
export function wbSupplies(seller: DemoSeller, now: number): WbSupplyFact[] {
  const count = Math.max(3, Math.ceil(seller.skus.length / 40));
  const anchor = seller.anchorDay * DAY_MS;
  const facts: WbSupplyFact[] = [];
  for (let j = 0; j < count; j += 1) {
    const rng = createRng(hashInts(seller.seed, SALT.supply, j));
    const createDate = anchor - Math.floor(rng() * 40 * DAY_MS);
    const statusID = 1 + (j % 6);
    const supplyDate = statusID === 1 ? null : createDate + Math.floor((2 + rng() * 5) * DAY_MS);
    const factDate = statusID === 5 && supplyDate !== null ? supplyDate + 3_600_000 : null;
    const lines = 1 + Math.floor(rng() * Math.min(20, seller.skus.length));
    const start = Math.floor(rng() * seller.skus.length);
    const goods = [];
    for (let g = 0; g < lines; g += 1) {
      const quantity = 10 + Math.floor(rng() * 200);
      goods.push({
        skuIndex: (start + g) % seller.skus.length,
        quantity,
        accepted: statusID === 5 ? quantity - (g % 3) : null,
      });
    }
    if (createDate > now) continue;
    facts.push({
      supplyID: statusID === 1 ? null : 31_000_000 + j,
      preorderID: 40_000_000 + j,
      statusID,
      createDate,
      supplyDate,
      factDate,
      updatedDate: statusID === 1 ? null : Math.min(now, (factDate ?? supplyDate ?? createDate) + 3_600_000),
      warehouse: FBW_WAREHOUSES[j % FBW_WAREHOUSES.length] ?? { id: 507, name: 'Коледино' },
      goods,
    });
  }
  return facts;
}

export function wbSupplyListRow(s: WbSupplyFact) {
  return {
    phone: '+7 916 *** 12 34',
    supplyID: s.supplyID,
    preorderID: s.preorderID,
    createDate: wbIso(s.createDate),
    supplyDate: s.supplyDate === null ? null : wbIso(s.supplyDate),
    factDate: s.factDate === null ? null : wbIso(s.factDate),
    updatedDate: s.updatedDate === null ? null : wbIso(s.updatedDate),
    statusID: s.statusID,
    boxTypeID: 2,
    isBoxOnPallet: false,
  };
}

export function wbSupplyDetails(s: WbSupplyFact) {
  const quantity = s.goods.reduce((sum, g) => sum + g.quantity, 0);
  const accepted = s.goods.reduce((sum, g) => sum + (g.accepted ?? 0), 0);
  return {
    ...wbSupplyListRow(s),
    warehouseID: s.warehouse.id,
    warehouseName: s.warehouse.name,
    actualWarehouseID: s.warehouse.id,
    actualWarehouseName: s.warehouse.name,
    transitWarehouseID: null,
    transitWarehouseName: '',
    acceptanceCost: 0,
    quantity,
    acceptedQuantity: accepted,
    readyForSaleQuantity: accepted,
  };
}

export function wbSupplyGoods(seller: DemoSeller, s: WbSupplyFact) {
  return s.goods.map((g) => {
    const sku = seller.skus[g.skuIndex];
    return {
      barcode: sku?.barcode ?? '',
      vendorCode: sku?.vendorCode ?? '',
      nmID: sku?.nmId ?? 0,
      needKiz: false,
      tnved: null,
      techSize: sku?.size ?? '',
      color: null,
      supplierBoxAmount: g.quantity,
      quantity: g.quantity,
      readyForSaleQuantity: g.accepted,
      acceptedQuantity: g.accepted,
      unloadingQuantity: null,
    };
  });
}

export { WB_SELLER_WAREHOUSES };
