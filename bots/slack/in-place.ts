// After an action, the message the button was on is updated for everyone: the acted-on line's
// actions block is replaced by its status, so nobody can click it again. A digest carries many
// lines, so the other lines' buttons stay usable. Pure: the caller does chat.update.

import { escapeSlack } from '../../src/adapters/render/index.js';

type Block = { type?: string; elements?: Record<string, unknown>[] } & Record<string, unknown>;

// bots/commands action ids put the recommendation second: `<kind>.<id base 36>.<expiry>.<sig>`.
const REC = /^[a-z]\.([0-9a-z]{1,11})\./;

export function recommendationOfValue(value: unknown): number | null {
  const m = typeof value === 'string' ? REC.exec(value) : null;
  return m?.[1] ? Number.parseInt(m[1], 36) : null;
}

/** The blocks with recommendation `recId`'s buttons replaced by `status`; null when none are left. */
export function settleBlocks(blocks: readonly Block[], recId: number, status: string): Block[] | null {
  let changed = false;
  const out = blocks.map((b): Block => {
    const mine =
      b.type === 'actions' && (b.elements ?? []).some((e) => recommendationOfValue(e.value) === recId);
    if (!mine) return b;
    changed = true;
    return { type: 'context', elements: [{ type: 'mrkdwn', text: escapeSlack(status) }] };
  });
  return changed ? out : null;
}
