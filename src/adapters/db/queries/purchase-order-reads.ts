import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PoStatus, PurchaseOrder, PurchaseOrderLine } from '../../../ports.js';
import type { Db } from '../client.js';
import { products, purchaseOrderLines, purchaseOrders, suppliers } from '../schema/index.js';

type PoRow = typeof purchaseOrders.$inferSelect;

/** Orders with their lines (SKU and name) and supplier names, in two queries whatever the count. */
export async function hydrate(db: Db, rows: PoRow[]): Promise<PurchaseOrder[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const lines = await db
    .select({
      poId: purchaseOrderLines.purchaseOrderId,
      productId: purchaseOrderLines.productId,
      sellerSku: products.sellerSku,
      name: products.name,
      quantity: purchaseOrderLines.quantity,
      receivedQuantity: purchaseOrderLines.receivedQuantity,
      unitCost: purchaseOrderLines.unitCost,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(inArray(purchaseOrderLines.purchaseOrderId, ids))
    .orderBy(asc(products.sellerSku));
  const supplierIds = [...new Set(rows.map((r) => r.supplierId).filter((s): s is number => s !== null))];
  const names = new Map<number, string>();
  if (supplierIds.length > 0) {
    for (const s of await db
      .select({ id: suppliers.id, name: suppliers.name })
      .from(suppliers)
      .where(inArray(suppliers.id, supplierIds))) {
      names.set(s.id, s.name);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    companyId: r.companyId,
    number: r.number,
    supplierId: r.supplierId,
    supplierName: r.supplierId === null ? null : (names.get(r.supplierId) ?? null),
    status: r.status,
    source: r.source,
    runDate: r.runDate,
    expectedAt: r.expectedAt,
    createdBy: r.createdBy,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    sentAt: r.sentAt,
    receivedAt: r.receivedAt,
    cancelledAt: r.cancelledAt,
    externalRef: r.externalRef,
    version: r.version,
    lines: lines.filter((l) => l.poId === r.id).map(({ poId: _, ...l }): PurchaseOrderLine => l),
  }));
}

export async function getPurchaseOrder(
  db: Db,
  companyId: string,
  id: number,
): Promise<PurchaseOrder | undefined> {
  const rows = await db
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.companyId, companyId), eq(purchaseOrders.id, id)));
  return (await hydrate(db, rows))[0];
}

export async function getPurchaseOrderByNumber(
  db: Db,
  companyId: string,
  number: number,
): Promise<PurchaseOrder | undefined> {
  const rows = await db
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.companyId, companyId), eq(purchaseOrders.number, number)));
  return (await hydrate(db, rows))[0];
}

export async function listPurchaseOrders(
  db: Db,
  companyId: string,
  statuses?: readonly PoStatus[],
): Promise<PurchaseOrder[]> {
  const where = statuses?.length
    ? and(eq(purchaseOrders.companyId, companyId), inArray(purchaseOrders.status, [...statuses]))
    : eq(purchaseOrders.companyId, companyId);
  return hydrate(db, await db.select().from(purchaseOrders).where(where).orderBy(asc(purchaseOrders.number)));
}
