import { checkApproval } from '../../core/approvals/approval-policy.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import {
  type Actor,
  OPEN_PO_STATUSES,
  type PoStatus,
  type PurchaseOrder,
  type PurchaseOrderStore,
  type RecommendationStore,
} from '../../ports.js';

/** Open orders past draft: a product on one of these counts as ordered. */
const ORDERED_STATUSES: readonly PoStatus[] = ['approved', 'sent', 'partially_received'];

const DAY = 86_400_000;
const addDays = (date: Date, days: number) =>
  new Date(date.getTime() + days * DAY).toISOString().slice(0, 10);
const label = (po: Pick<PurchaseOrder, 'number'>) => `PO-${po.number}`;
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '?');

/** Why a change did not apply, in words a person in a chat understands. */
function explainLost(po: PurchaseOrder | undefined, attempted: string): ConflictError {
  if (!po) return new ConflictError(`The purchase order no longer exists; nothing was ${attempted}.`);
  const state =
    po.status === 'approved'
      ? `was already approved by ${po.approvedBy ?? 'someone'} at ${when(po.approvedAt)}`
      : `is ${po.status.replace('_', ' ')}`;
  return new ConflictError(`${label(po)} ${state}; nothing was ${attempted}.`, {
    status: po.status,
    version: po.version,
  });
}

function requireRole(actor: Actor, roles: readonly Actor['role'][], what: string): void {
  if (!roles.includes(actor.role)) throw new ForbiddenError(`Your role (${actor.role}) cannot ${what}.`);
}

/** Purchase orders: drafts from the day's recommendations, edits, approval, receipt. */
export function createPurchaseOrderService(deps: {
  orders: PurchaseOrderStore;
  recommendations: RecommendationStore;
  now: () => Date;
}) {
  const { orders } = deps;
  const mustGet = async (companyId: string, id: number) => {
    const po = await orders.get(companyId, id);
    if (!po) throw new NotFoundError(`purchase order ${id}`);
    return po;
  };

  return {
    get: mustGet,
    list: orders.list,

    /** One draft per supplier from the day's ORDER_TODAY rows; SKUs already on an open order are left out. */
    async draftFromRecommendations(companyId: string, runDate: string, actor: Actor, productIds?: number[]) {
      requireRole(actor, ['buyer', 'admin'], 'create purchase orders');
      const recs = await deps.recommendations.list(companyId, runDate, {
        categories: ['ORDER_TODAY'],
        productIds,
      });
      const open = await orders.openProductIds(companyId);
      const bySupplier = new Map<number | null, typeof recs>();
      for (const r of recs) {
        if (r.recommendedQty <= 0 || open.has(r.productId)) continue;
        bySupplier.set(r.supplierId, [...(bySupplier.get(r.supplierId) ?? []), r]);
      }
      const created: PurchaseOrder[] = [];
      for (const [supplierId, lines] of bySupplier) {
        created.push(
          await orders.create(
            companyId,
            {
              supplierId,
              source: 'recommendation',
              runDate,
              createdBy: actor.id,
              refuseIfOpenIn: OPEN_PO_STATUSES,
              lines: lines.map((r) => ({
                productId: r.productId,
                quantity: r.recommendedQty,
                unitCost: r.unitCost,
                recommendationId: r.id,
              })),
            },
            {
              actor: actor.id,
              action: 'purchase_order.create',
              entityType: 'purchase_order',
              entityId: '',
              after: { runDate, lines: lines.map((r) => ({ sku: r.sellerSku, quantity: r.recommendedQty })) },
            },
          ),
        );
      }
      return created;
    },

    async editLine(
      companyId: string,
      id: number,
      productId: number,
      quantity: number,
      actor: Actor,
      version?: number,
    ) {
      requireRole(actor, ['buyer', 'admin'], 'edit purchase orders');
      if (!Number.isInteger(quantity) || quantity <= 0 || quantity > 1_000_000) {
        throw new ValidationError('Quantity must be a whole number from 1 to 1,000,000.');
      }
      const before = await mustGet(companyId, id);
      const line = before.lines.find((l) => l.productId === productId);
      const updated = await orders.setLineQuantity(
        companyId,
        id,
        { productId, quantity, version },
        {
          actor: actor.id,
          action: 'purchase_order.edit',
          entityType: 'purchase_order',
          entityId: label(before),
          before: { productId, quantity: line?.quantity ?? 0 },
          after: { productId, quantity },
        },
      );
      if (!updated) throw explainLost(await orders.get(companyId, id), 'changed');
      return updated;
    },

    /** Approving twice, or 50 times at once, has exactly one effect; the others get a clear answer. */
    async approve(companyId: string, id: number, actor: Actor, version?: number) {
      const po = await mustGet(companyId, id);
      if (po.status !== 'draft') throw explainLost(po, 'approved');
      const verdict = checkApproval(actor, po.lines);
      if (!verdict.ok) throw new ForbiddenError(verdict.message);
      const at = deps.now();
      const lead = await orders.leadTimeDays(companyId, po.supplierId);
      const approved = await orders.transition(
        companyId,
        id,
        {
          from: ['draft'],
          version: version ?? po.version,
          set: {
            status: 'approved',
            approvedBy: actor.display ?? actor.id,
            approvedAt: at,
            expectedAt: addDays(at, lead),
          },
        },
        {
          actor: actor.id,
          action: 'purchase_order.approve',
          entityType: 'purchase_order',
          entityId: label(po),
          before: { status: 'draft', version: po.version },
          after: { status: 'approved', value: verdict.value },
        },
      );
      if (!approved) throw explainLost(await orders.get(companyId, id), 'approved');
      return approved;
    },

    async markSent(companyId: string, id: number, actor: Actor) {
      requireRole(actor, ['buyer', 'admin'], 'send purchase orders');
      const po = await mustGet(companyId, id);
      const sent = await orders.transition(
        companyId,
        id,
        { from: ['approved'], set: { status: 'sent', sentAt: deps.now() } },
        { actor: actor.id, action: 'purchase_order.send', entityType: 'purchase_order', entityId: label(po) },
      );
      if (!sent) throw explainLost(await orders.get(companyId, id), 'sent');
      return sent;
    },

    async receive(
      companyId: string,
      id: number,
      lines: { productId: number; quantity: number }[],
      actor: Actor,
    ) {
      requireRole(actor, ['buyer', 'admin'], 'receive purchase orders');
      const po = await mustGet(companyId, id);
      for (const l of lines) {
        if (!po.lines.some((x) => x.productId === l.productId)) {
          throw new ValidationError(`Product ${l.productId} is not on ${label(po)}.`);
        }
        if (!Number.isInteger(l.quantity) || l.quantity <= 0) {
          throw new ValidationError('Received quantities must be whole numbers above zero.');
        }
      }
      const received = await orders.receive(companyId, id, lines, deps.now(), {
        actor: actor.id,
        action: 'purchase_order.receive',
        entityType: 'purchase_order',
        entityId: label(po),
        after: { lines },
      });
      if (!received) throw explainLost(await orders.get(companyId, id), 'received');
      return received;
    },

    async cancel(companyId: string, id: number, actor: Actor) {
      requireRole(actor, ['buyer', 'admin'], 'cancel purchase orders');
      const po = await mustGet(companyId, id);
      const cancelled = await orders.transition(
        companyId,
        id,
        { from: ['draft', 'approved', 'sent'], set: { status: 'cancelled', cancelledAt: deps.now() } },
        {
          actor: actor.id,
          action: 'purchase_order.cancel',
          entityType: 'purchase_order',
          entityId: label(po),
          before: { status: po.status },
        },
      );
      if (!cancelled) throw explainLost(await orders.get(companyId, id), 'cancelled');
      return cancelled;
    },

    /** "Mark ordered": an order placed outside stockpilot, recorded as sent so it is netted. */
    async recordExternal(
      companyId: string,
      productId: number,
      quantity: number,
      actor: Actor,
      opts: {
        supplierId?: number | null;
        expectedAt?: string | null;
        externalRef?: string | null;
        /** Refuse when the product is already on an order past draft (chat buttons: one click wins). */
        onlyIfNotOrdered?: boolean;
      } = {},
    ) {
      requireRole(actor, ['buyer', 'admin'], 'record purchase orders');
      if (!Number.isInteger(quantity) || quantity <= 0)
        throw new ValidationError('Quantity must be a whole number above zero.');
      const supplierId = opts.supplierId ?? null;
      const expectedAt =
        opts.expectedAt ?? addDays(deps.now(), await orders.leadTimeDays(companyId, supplierId));
      return orders.create(
        companyId,
        {
          supplierId,
          source: 'external',
          runDate: null,
          createdBy: actor.id,
          status: 'sent',
          expectedAt,
          externalRef: opts.externalRef ?? null,
          lines: [{ productId, quantity, unitCost: null }],
          refuseIfOpenIn: opts.onlyIfNotOrdered ? ORDERED_STATUSES : undefined,
        },
        {
          actor: actor.id,
          action: 'purchase_order.record_external',
          entityType: 'purchase_order',
          entityId: '',
          after: { productId, quantity, expectedAt },
        },
      );
    },
  };
}

export type PurchaseOrderService = ReturnType<typeof createPurchaseOrderService>;
