import { isoOrNull, moscowToIso } from '../../../core/marketplace/moscow-time.js';
import type {
  CatalogueItem,
  OrderLine,
  StockLevel,
  SupplyLine,
  SupplyStatus,
} from '../../../core/marketplace/records.js';
import type {
  WbCard,
  WbOrderRow,
  WbSaleRow,
  WbSellerWarehouse,
  WbSupply,
  WbSupplyDetails,
  WbSupplyGood,
  WbWarehouseStock,
} from './dto.js';

const SELLER_WAREHOUSE = 'Склад продавца';

// Schemas guarantee these parse; the fallback keeps the types honest.
const iso = (moscow: string) => moscowToIso(moscow) ?? moscow;

/** The fields an order row and a sale row share, as one line (built once: this runs per row). */
function wbLine(
  row: WbSaleRow | WbOrderRow,
  lineId: string,
  kind: OrderLine['kind'],
  status: string,
  cancelled: boolean,
): OrderLine {
  return {
    marketplace: 'wildberries',
    lineId,
    kind,
    orderId: row.srid,
    sku: null,
    barcode: row.barcode,
    productId: String(row.nmId),
    offerId: row.supplierArticle,
    quantity: 1,
    orderedAt: iso(row.date),
    orderDay: row.date.slice(0, 10),
    changedAt: iso(row.lastChangeDate),
    status,
    cancelled,
    scheme: row.warehouseType === SELLER_WAREHOUSE ? 'FBS' : 'FBO',
    warehouseId: null,
    warehouseName: row.warehouseName,
    price: row.finishedPrice,
    currency: 'RUB',
  };
}

export function mapWbOrder(row: WbOrderRow): OrderLine {
  return wbLine(row, `order:${row.srid}`, 'order', row.isCancel ? 'cancelled' : 'ordered', row.isCancel);
}

/** `S…` = sale (buyout), `R…` = return; classify by prefix, not by the sign of money fields. */
export function mapWbSale(row: WbSaleRow): OrderLine {
  const isReturn = row.saleID.startsWith('R');
  return wbLine(
    row,
    `sale:${row.saleID}`,
    isReturn ? 'return' : 'sale',
    isReturn ? 'returned' : 'sold',
    false,
  );
}

export function mapWbCard(card: WbCard): CatalogueItem[] {
  return card.sizes.map((size) => ({
    marketplace: 'wildberries',
    sku: String(size.chrtID),
    productId: String(card.nmID),
    offerId: card.vendorCode,
    barcodes: size.skus,
    name: card.title ?? card.subjectName ?? card.vendorCode,
    size: size.techSize ?? null,
    brand: card.brand ?? null,
    archived: false,
    updatedAt: isoOrNull(card.updatedAt),
  }));
}

export function mapWbWarehouseStock(row: WbWarehouseStock): StockLevel {
  return {
    marketplace: 'wildberries',
    sku: String(row.chrtId),
    productId: String(row.nmId),
    offerId: null,
    scheme: 'FBO',
    warehouseId: String(row.warehouseId),
    warehouseName: row.warehouseName,
    available: row.quantity,
    reserved: null,
    inTransitToClient: row.inWayToClient,
    inTransitFromClient: row.inWayFromClient,
  };
}

export function mapWbSellerStock(
  row: { chrtId: number; amount: number },
  warehouse: WbSellerWarehouse,
): StockLevel {
  return {
    marketplace: 'wildberries',
    sku: String(row.chrtId),
    productId: null,
    offerId: null,
    scheme: 'FBS',
    warehouseId: String(warehouse.id),
    warehouseName: warehouse.name,
    available: row.amount,
    reserved: null,
    inTransitToClient: null,
    inTransitFromClient: null,
  };
}

const WB_SUPPLY_STATUS: Record<number, SupplyStatus> = {
  1: 'draft',
  2: 'planned',
  3: 'planned',
  4: 'accepting',
  5: 'accepted',
  6: 'in_transit',
};

export function wbSupplyId(supply: WbSupply): string {
  return supply.supplyID === null ? `preorder:${supply.preorderID}` : String(supply.supplyID);
}

export function mapWbSupplyGood(
  supply: WbSupply,
  details: WbSupplyDetails | null,
  good: WbSupplyGood,
): SupplyLine {
  const warehouseId = details?.actualWarehouseID ?? details?.warehouseID ?? null;
  return {
    marketplace: 'wildberries',
    supplyId: wbSupplyId(supply),
    status: WB_SUPPLY_STATUS[supply.statusID] ?? 'planned',
    rawStatus: String(supply.statusID),
    warehouseId: warehouseId === null ? null : String(warehouseId),
    warehouseName: details?.actualWarehouseName || details?.warehouseName || null,
    createdAt: isoOrNull(supply.createDate),
    expectedAt: isoOrNull(supply.supplyDate),
    updatedAt: isoOrNull(supply.updatedDate),
    sku: null,
    barcode: good.barcode,
    productId: String(good.nmID),
    offerId: good.vendorCode,
    quantity: good.quantity,
    acceptedQuantity: good.acceptedQuantity ?? null,
  };
}
