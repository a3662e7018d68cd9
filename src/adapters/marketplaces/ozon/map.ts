import { isoOrNull, utcDay } from '../../../core/marketplace/moscow-time.js';
import type {
  CatalogueItem,
  FulfilmentScheme,
  OrderLine,
  StockLevel,
  SupplyLine,
  SupplyStatus,
} from '../../../core/marketplace/records.js';
import type {
  OzonBundleItem,
  OzonFboStock,
  OzonFbsStock,
  OzonPosting,
  OzonProductInfo,
  OzonSupplyOrder,
} from './dto.js';

export function mapOzonProduct(info: OzonProductInfo, listedArchived: boolean): CatalogueItem {
  return {
    marketplace: 'ozon',
    sku: info.sku,
    productId: info.id,
    offerId: info.offer_id,
    barcodes: info.barcodes,
    name: info.name,
    size: null,
    brand: null,
    archived: listedArchived || info.is_archived === true || info.is_autoarchived === true,
    updatedAt: isoOrNull(info.updated_at),
  };
}

/** One line per posting product; times are UTC, the order day is the UTC day of `in_process_at`. */
export function mapOzonPosting(posting: OzonPosting, scheme: FulfilmentScheme): OrderLine[] {
  const orderedAt = isoOrNull(posting.in_process_at) ?? isoOrNull(posting.created_at) ?? '';
  const warehouseId = posting.analytics_data?.warehouse_id ?? posting.delivery_method?.warehouse_id ?? null;
  const warehouseName =
    posting.analytics_data?.warehouse_name ??
    posting.analytics_data?.warehouse ??
    posting.delivery_method?.warehouse ??
    null;
  return posting.products.map((product) => ({
    marketplace: 'ozon',
    lineId: `${posting.posting_number}:${product.sku}`,
    kind: 'order',
    orderId: posting.posting_number,
    sku: product.sku,
    barcode: null,
    productId: null,
    offerId: product.offer_id,
    quantity: product.quantity,
    orderedAt,
    orderDay: utcDay(orderedAt) ?? '',
    changedAt: null,
    status: posting.status,
    cancelled: posting.status === 'cancelled',
    scheme,
    warehouseId,
    warehouseName,
    price: Number.isFinite(Number(product.price.amount)) ? Number(product.price.amount) : null,
    currency: product.price.currency,
  }));
}

export function mapOzonFboStock(row: OzonFboStock, warehouseNames: Map<string, string>): StockLevel {
  return {
    marketplace: 'ozon',
    sku: row.sku,
    productId: row.product_id,
    offerId: row.offer_id,
    scheme: 'FBO',
    warehouseId: row.warehouse_id,
    warehouseName: warehouseNames.get(row.warehouse_id) ?? null,
    available: Math.max(0, row.present - row.reserved),
    reserved: row.reserved,
    inTransitToClient: null,
    inTransitFromClient: null,
  };
}

export function mapOzonFbsStock(row: OzonFbsStock): StockLevel {
  return {
    ...mapOzonFboStock(row, new Map([[row.warehouse_id, row.warehouse_name]])),
    scheme: 'FBS',
    available: Math.max(0, row.free_stock),
  };
}

const SUPPLY_STATE: Record<string, SupplyStatus> = {
  DATA_FILLING: 'draft',
  READY_TO_SUPPLY: 'planned',
  ACCEPTED_AT_SUPPLY_WAREHOUSE: 'in_transit',
  IN_TRANSIT: 'in_transit',
  ACCEPTANCE_AT_STORAGE_WAREHOUSE: 'accepting',
  REPORTS_CONFIRMATION_AWAITING: 'accepting',
  REPORT_REJECTED: 'accepting',
  COMPLETED: 'accepted',
  REJECTED_AT_SUPPLY_WAREHOUSE: 'cancelled',
  CANCELLED: 'cancelled',
  OVERDUE: 'cancelled',
};

export function mapOzonSupplyItem(
  order: OzonSupplyOrder,
  supply: OzonSupplyOrder['supplies'][number],
  item: OzonBundleItem,
): SupplyLine {
  return {
    marketplace: 'ozon',
    supplyId: supply.supply_id,
    status: SUPPLY_STATE[order.state] ?? 'planned',
    rawStatus: order.state,
    warehouseId: supply.storage_warehouse?.warehouse_id ?? null,
    warehouseName: supply.storage_warehouse?.name ?? null,
    createdAt: isoOrNull(order.created_date),
    expectedAt: isoOrNull(order.timeslot?.timeslot?.from),
    updatedAt: isoOrNull(order.state_updated_date),
    sku: item.sku,
    barcode: item.barcode ?? null,
    productId: item.product_id ?? null,
    offerId: item.offer_id,
    quantity: item.quantity,
    acceptedQuantity: null,
  };
}
