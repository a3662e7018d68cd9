import { and, eq, inArray, sql } from 'drizzle-orm';
import { ConflictError } from '../../../lib/errors.js';
import type { AuditEntry, NewPurchaseOrder, PoChange, PoStatus, PurchaseOrder } from '../../../ports.js';
import { OPEN_PO_STATUSES } from '../../../ports.js';
import type { Db } from '../client.js';
import { auditLog, companies, purchaseOrderLines, purchaseOrders, suppliers } from '../schema/index.js';
import { getPurchaseOrder } from './purchase-order-reads.js';

export async function writeAudit(db: Db, companyId: string, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    companyId,
    actor: entry.actor,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export async function createPurchaseOrder(
  db: Db,
  companyId: string,
  po: NewPurchaseOrder,
  audit: AuditEntry,
): Promise<PurchaseOrder> {
  const id = await db.transaction(async (tx) => {
    const [counter] = await tx
      .update(companies)
      .set({ nextPoNumber: sql`${companies.nextPoNumber} + 1` })
      .where(eq(companies.id, companyId))
      .returning({ number: sql<number>`${companies.nextPoNumber} - 1` });
    if (!counter) throw new Error(`company ${companyId} not found`);
    // The counter's row lock is held to commit: whoever created an order before us has committed.
    if (po.refuseIfOpenIn && po.refuseIfOpenIn.length > 0 && po.lines.length > 0) {
      const held = await openPoProductIds(
        tx,
        companyId,
        po.refuseIfOpenIn,
        po.lines.map((l) => l.productId),
      );
      if (held.size > 0)
        throw new ConflictError('Already on an open purchase order.', { productIds: [...held] });
    }
    const [row] = await tx
      .insert(purchaseOrders)
      .values({
        companyId,
        number: Number(counter.number),
        supplierId: po.supplierId,
        status: po.status ?? 'draft',
        source: po.source,
        runDate: po.runDate,
        expectedAt: po.expectedAt ?? null,
        externalRef: po.externalRef ?? null,
        createdBy: po.createdBy,
        sentAt: po.status === 'sent' ? new Date() : null,
      })
      .returning();
    if (!row) throw new Error('insert into purchase_orders returned no row');
    if (po.lines.length > 0) {
      await tx.insert(purchaseOrderLines).values(
        po.lines.map((l) => ({
          companyId,
          purchaseOrderId: row.id,
          productId: l.productId,
          quantity: l.quantity,
          unitCost: l.unitCost,
          recommendationId: l.recommendationId ?? null,
        })),
      );
    }
    await writeAudit(tx, companyId, {
      ...audit,
      entityId: `PO-${row.number}`,
      after: { ...(audit.after as object), id: row.id },
    });
    return row.id;
  });
  const created = await getPurchaseOrder(db, companyId, id);
  if (!created) throw new Error('purchase order vanished after insert');
  return created;
}

/** A conditional update: only one of any number of racing callers sees its change applied. */
export async function transitionPurchaseOrder(
  db: Db,
  companyId: string,
  id: number,
  change: { from: readonly PoStatus[]; version?: number; set: PoChange },
  audit: AuditEntry,
): Promise<PurchaseOrder | undefined> {
  const applied = await db.transaction(async (tx) => {
    const conditions = [
      eq(purchaseOrders.companyId, companyId),
      eq(purchaseOrders.id, id),
      inArray(purchaseOrders.status, [...change.from]),
    ];
    if (change.version !== undefined) conditions.push(eq(purchaseOrders.version, change.version));
    const [row] = await tx
      .update(purchaseOrders)
      .set({ ...change.set, version: sql`${purchaseOrders.version} + 1` })
      .where(and(...conditions))
      .returning({ id: purchaseOrders.id });
    if (!row) return false;
    await writeAudit(tx, companyId, audit);
    return true;
  });
  return applied ? getPurchaseOrder(db, companyId, id) : undefined;
}

export async function setPurchaseOrderLineQuantity(
  db: Db,
  companyId: string,
  id: number,
  line: { productId: number; quantity: number; version?: number },
  audit: AuditEntry,
): Promise<PurchaseOrder | undefined> {
  const applied = await db.transaction(async (tx) => {
    const conditions = [
      eq(purchaseOrders.companyId, companyId),
      eq(purchaseOrders.id, id),
      eq(purchaseOrders.status, 'draft'),
    ];
    if (line.version !== undefined) conditions.push(eq(purchaseOrders.version, line.version));
    const [po] = await tx
      .update(purchaseOrders)
      .set({ version: sql`${purchaseOrders.version} + 1` })
      .where(and(...conditions))
      .returning({ id: purchaseOrders.id });
    if (!po) return false;
    const [updated] = await tx
      .update(purchaseOrderLines)
      .set({ quantity: line.quantity })
      .where(
        and(eq(purchaseOrderLines.purchaseOrderId, id), eq(purchaseOrderLines.productId, line.productId)),
      )
      .returning({ id: purchaseOrderLines.id });
    if (!updated) {
      await tx
        .insert(purchaseOrderLines)
        .values({ companyId, purchaseOrderId: id, productId: line.productId, quantity: line.quantity });
    }
    await writeAudit(tx, companyId, audit);
    return true;
  });
  return applied ? getPurchaseOrder(db, companyId, id) : undefined;
}

export async function receivePurchaseOrder(
  db: Db,
  companyId: string,
  id: number,
  lines: readonly { productId: number; quantity: number }[],
  at: Date,
  audit: AuditEntry,
): Promise<PurchaseOrder | undefined> {
  const applied = await db.transaction(async (tx) => {
    // Lock the order so two receipts add up instead of overwriting each other.
    const [po] = await tx
      .select({ id: purchaseOrders.id })
      .from(purchaseOrders)
      .where(
        and(
          eq(purchaseOrders.companyId, companyId),
          eq(purchaseOrders.id, id),
          inArray(purchaseOrders.status, ['approved', 'sent', 'partially_received']),
        ),
      )
      .for('update');
    if (!po) return false;
    for (const l of lines) {
      await tx
        .update(purchaseOrderLines)
        .set({ receivedQuantity: sql`${purchaseOrderLines.receivedQuantity} + ${l.quantity}` })
        .where(
          and(eq(purchaseOrderLines.purchaseOrderId, id), eq(purchaseOrderLines.productId, l.productId)),
        );
    }
    const [totals] = await tx
      .select({
        open: sql<number>`count(*) filter (where ${purchaseOrderLines.receivedQuantity} < ${purchaseOrderLines.quantity})::int`,
      })
      .from(purchaseOrderLines)
      .where(eq(purchaseOrderLines.purchaseOrderId, id));
    const complete = Number(totals?.open ?? 1) === 0;
    await tx
      .update(purchaseOrders)
      .set({
        status: complete ? 'received' : 'partially_received',
        receivedAt: complete ? at : null,
        version: sql`${purchaseOrders.version} + 1`,
      })
      .where(eq(purchaseOrders.id, id));
    await writeAudit(tx, companyId, audit);
    return true;
  });
  return applied ? getPurchaseOrder(db, companyId, id) : undefined;
}

/** Products on an order in one of `statuses` (open ones by default), optionally among `productIds`. */
export async function openPoProductIds(
  db: Db,
  companyId: string,
  statuses: readonly PoStatus[] = OPEN_PO_STATUSES,
  productIds?: readonly number[],
): Promise<Set<number>> {
  const rows = await db
    .selectDistinct({ productId: purchaseOrderLines.productId })
    .from(purchaseOrderLines)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, purchaseOrderLines.purchaseOrderId))
    .where(
      and(
        eq(purchaseOrders.companyId, companyId),
        inArray(purchaseOrders.status, [...statuses]),
        productIds ? inArray(purchaseOrderLines.productId, [...productIds]) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.productId));
}

export async function leadTimeDays(db: Db, companyId: string, supplierId: number | null): Promise<number> {
  const [company] = await db
    .select({ lead: companies.leadTimeDays })
    .from(companies)
    .where(eq(companies.id, companyId));
  if (supplierId === null) return company?.lead ?? 14;
  const [supplier] = await db
    .select({ lead: suppliers.leadTimeDays })
    .from(suppliers)
    .where(and(eq(suppliers.companyId, companyId), eq(suppliers.id, supplierId)));
  return supplier?.lead ?? company?.lead ?? 14;
}

export { getPurchaseOrder, getPurchaseOrderByNumber, listPurchaseOrders } from './purchase-order-reads.js';
