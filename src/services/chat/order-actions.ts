import { AppError, ConflictError, ForbiddenError } from '../../lib/errors.js';
import { type Actor, OPEN_PO_STATUSES, type PurchaseOrder, type RecommendationView } from '../../ports.js';
import type { PurchaseOrderService } from '../purchase-orders/service.js';

// The chat buttons that make purchase orders (Approve, Edit quantity, Mark ordered): each finds the
// SKU's open order or makes one, and a click that loses a race is answered with what the winner did.

type Refusal<C extends string> = { ok: false; code: C; message: string };
export type ActionRefusal = Refusal<'ALREADY_DONE' | 'FORBIDDEN' | 'LIMIT' | 'NOT_FOUND' | 'EXPIRED'>;
export type ActionOk = { ok: true; poNumber: number | null; quantity: number; text: string };

export const NOT_CURRENT: ActionRefusal = {
  ok: false,
  code: 'NOT_FOUND',
  message: 'This recommendation is no longer current.',
};

const hhmm = (d: Date, tz: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);

export function createOrderActions(deps: {
  purchaseOrders: PurchaseOrderService;
  /** The company's IANA time zone: times in answers are its local times. */
  timezone: (companyId: string) => Promise<string>;
  findRec: (companyId: string, id: number) => Promise<RecommendationView | undefined>;
}) {
  const { purchaseOrders, findRec } = deps;

  /** The open order that holds a product, if any: a second click finds it and gets a clear answer. */
  const openOrderFor = async (companyId: string, productId: number): Promise<PurchaseOrder | undefined> =>
    (await purchaseOrders.list(companyId, OPEN_PO_STATUSES)).find((po) =>
      po.lines.some((l) => l.productId === productId),
    );
  /** "Approved by @anna at 09:12 — PO-7, 25 units" (the company's local time), or null for a draft. */
  const settled = async (companyId: string, po: PurchaseOrder): Promise<string | null> => {
    if (po.status === 'draft') return null;
    const at = po.approvedAt ? ` at ${hhmm(po.approvedAt, await deps.timezone(companyId))}` : '';
    const units = po.lines.reduce((n, l) => n + l.quantity, 0);
    return `${po.status === 'approved' ? 'Approved' : 'Ordered'} by ${po.approvedBy ?? po.createdBy}${at} — PO-${po.number}, ${units} units`;
  };
  /** A draft for one SKU, or undefined when another click's order got there first. */
  const draftOnce = async (companyId: string, runDate: string, actor: Actor, productId: number) => {
    try {
      return (await purchaseOrders.draftFromRecommendations(companyId, runDate, actor, [productId]))[0];
    } catch (err) {
      if (err instanceof ConflictError) return undefined;
      throw err;
    }
  };
  /** Lost a race (a conflict): answer with what the winner did, as a second click would see it. */
  const settledBySomeoneElse = async (
    err: unknown,
    companyId: string,
    productId: number,
  ): Promise<ActionRefusal | undefined> => {
    if (!(err instanceof ConflictError)) return undefined;
    const po = await openOrderFor(companyId, productId);
    const text = po ? await settled(companyId, po) : null;
    return text ? { ok: false, code: 'ALREADY_DONE', message: text } : undefined;
  };
  const alreadyDone = async (companyId: string, po: PurchaseOrder): Promise<ActionRefusal> => ({
    ok: false,
    code: 'ALREADY_DONE',
    message: (await settled(companyId, po)) ?? 'Already ordered.',
  });

  return {
    async recommendation(companyId: string, recommendationId: number) {
      const view = await findRec(companyId, recommendationId);
      if (!view) return null;
      const po = await openOrderFor(companyId, view.productId);
      return { view, settled: po ? await settled(companyId, po) : null };
    },

    async approve(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      quantity?: number,
    ): Promise<ActionOk | ActionRefusal> {
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return NOT_CURRENT;
      try {
        // A racing click may create the draft between our look and our create: then its order is ours to find.
        let po =
          (await openOrderFor(companyId, rec.productId)) ??
          (await draftOnce(companyId, rec.runDate, actor, rec.productId)) ??
          (await openOrderFor(companyId, rec.productId));
        if (!po) return { ok: false, code: 'NOT_FOUND', message: 'Nothing to order for this SKU today.' };
        if (po.status !== 'draft') return alreadyDone(companyId, po);
        if (quantity !== undefined)
          po = await purchaseOrders.editLine(companyId, po.id, rec.productId, quantity, actor);
        const approved = await purchaseOrders.approve(companyId, po.id, actor);
        const units = approved.lines.find((l) => l.productId === rec.productId)?.quantity ?? 0;
        return {
          ok: true,
          poNumber: approved.number,
          quantity: units,
          text: (await settled(companyId, approved)) ?? '',
        };
      } catch (err) {
        return (await settledBySomeoneElse(err, companyId, rec.productId)) ?? refusal(err);
      }
    },

    async markOrdered(
      companyId: string,
      recommendationId: number,
      actor: Actor,
      quantity?: number,
    ): Promise<ActionOk | ActionRefusal> {
      const rec = await findRec(companyId, recommendationId);
      if (!rec) return NOT_CURRENT;
      const existing = await openOrderFor(companyId, rec.productId);
      if (existing && existing.status !== 'draft') return alreadyDone(companyId, existing);
      try {
        const po = await purchaseOrders.recordExternal(
          companyId,
          rec.productId,
          quantity ?? rec.recommendedQty,
          actor,
          { supplierId: rec.supplierId, onlyIfNotOrdered: true },
        );
        const units = po.lines[0]?.quantity ?? 0;
        return {
          ok: true,
          poNumber: po.number,
          quantity: units,
          text: `Ordered outside by ${actor.display ?? actor.id} — PO-${po.number}, ${units} units`,
        };
      } catch (err) {
        return (await settledBySomeoneElse(err, companyId, rec.productId)) ?? refusal(err);
      }
    },
  };
}

/** A service error as the answer a person sees; anything unexpected is rethrown. */
function refusal(err: unknown): ActionRefusal {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof ForbiddenError) {
    return { ok: false, code: /limit|unit cost/i.test(message) ? 'LIMIT' : 'FORBIDDEN', message };
  }
  if (err instanceof ConflictError) return { ok: false, code: 'ALREADY_DONE', message };
  if (err instanceof AppError && err.status === 404) return { ok: false, code: 'NOT_FOUND', message };
  throw err;
}
