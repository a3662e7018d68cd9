import { parseIso } from '../../core/marketplace/moscow-time.js';
import type { OrderLine, StockLevel, SupplyLine } from '../../core/marketplace/records.js';
import type { CatalogueRow, OrderRow, StockRow, SupplyRow } from '../../ports.js';

// From the clients' normalized records to our rows, once the product is known. Pure.

const ORDER_STATUS: Record<string, OrderRow['status']> = {
  cancelled: 'cancelled',
  sold: 'bought_out',
  returned: 'returned',
  delivered: 'bought_out',
};

export function orderRow(line: OrderLine, productId: number): OrderRow {
  const changed = line.changedAt ?? line.orderedAt;
  return {
    externalId: line.lineId,
    kind: line.kind,
    orderId: line.orderId,
    productId,
    warehouseName: line.warehouseName,
    quantity: Math.max(1, Math.round(line.quantity)),
    price: line.price,
    status: line.cancelled ? 'cancelled' : (ORDER_STATUS[line.status] ?? 'ordered'),
    orderedAt: new Date(parseIso(line.orderedAt)),
    orderDate: line.orderDay,
    lastChangeAt: new Date(parseIso(changed)),
  };
}

/** A line for a product the catalogue never listed: keep the sale, create the product from what we know. */
export function placeholderProduct(line: OrderLine): CatalogueRow {
  const nm = line.productId && /^\d+$/.test(line.productId) ? Number(line.productId) : null;
  const sku = line.sku && /^\d+$/.test(line.sku) ? Number(line.sku) : null;
  return {
    sellerSku: line.offerId,
    name: line.offerId,
    brand: null,
    barcodes: line.barcode ? [line.barcode] : [],
    active: true,
    ...(line.marketplace === 'wildberries' ? { wbNmId: nm } : { ozonOfferId: line.offerId, ozonSku: sku }),
  };
}

export function stockRow(level: StockLevel, productId: number): StockRow {
  const n = (v: number | null) => Math.max(0, Math.round(v ?? 0));
  return {
    productId,
    warehouse: {
      externalId: level.warehouseId,
      name: level.warehouseName ?? level.warehouseId,
      type: level.scheme,
    },
    stockType: level.scheme,
    quantity: Math.round(level.available),
    reserved: n(level.reserved),
    inTransitToCustomers: n(level.inTransitToClient),
    inTransitFromCustomers: n(level.inTransitFromClient),
  };
}

export function supplyRow(line: SupplyLine, productId: number): SupplyRow {
  return {
    externalId: line.supplyId,
    productId,
    warehouse: line.warehouseId
      ? { externalId: line.warehouseId, name: line.warehouseName ?? line.warehouseId }
      : null,
    status: line.status,
    quantity: Math.max(0, Math.round(line.quantity)),
    acceptedQuantity: Math.max(0, Math.round(line.acceptedQuantity ?? 0)),
    expectedAt: line.expectedAt ? new Date(line.expectedAt) : null,
  };
}
