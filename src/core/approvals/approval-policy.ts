// Who may approve which purchase order. Pure: the actor and the order's lines in, a verdict out.

export type ApprovalActor = { role: 'viewer' | 'buyer' | 'admin'; approvalLimit: number | null };
export type ApprovalLine = { sellerSku: string; quantity: number; unitCost: number | null };

export type ApprovalVerdict =
  | { ok: true; value: number | null }
  | { ok: false; code: 'ROLE' | 'LIMIT' | 'UNKNOWN_VALUE' | 'EMPTY'; message: string };

/** The order's value, or null when a line has no unit cost (then nobody with a limit may approve). */
export function orderValue(lines: readonly ApprovalLine[]): number | null {
  let total = 0;
  for (const l of lines) {
    if (l.unitCost === null) return null;
    total += l.quantity * l.unitCost;
  }
  return Math.round(total * 100) / 100;
}

export function checkApproval(actor: ApprovalActor, lines: readonly ApprovalLine[]): ApprovalVerdict {
  if (actor.role === 'viewer') {
    return {
      ok: false,
      code: 'ROLE',
      message: 'Viewers cannot approve purchase orders; an admin can give you the buyer role.',
    };
  }
  if (lines.length === 0 || lines.every((l) => l.quantity <= 0)) {
    return { ok: false, code: 'EMPTY', message: 'The purchase order has no lines to approve.' };
  }
  const value = orderValue(lines);
  if (actor.approvalLimit === null) return { ok: true, value };
  if (value === null) {
    const missing = lines.filter((l) => l.unitCost === null).map((l) => l.sellerSku);
    return {
      ok: false,
      code: 'UNKNOWN_VALUE',
      message: `Unit cost is missing for ${missing.slice(0, 5).join(', ')}, so the value is unknown and your approval limit cannot be checked; an admin must approve.`,
    };
  }
  if (value > actor.approvalLimit) {
    return {
      ok: false,
      code: 'LIMIT',
      message: `The order is worth ${value.toFixed(2)}, above your approval limit of ${actor.approvalLimit.toFixed(2)}; an admin must approve.`,
    };
  }
  return { ok: true, value };
}
