// The Edit quantity modal: a number input whose block_id is `qty`, and private_metadata carrying a
// signed edit id plus where the digest message is, so the submission can be trusted and the
// message updated in place. Validation errors go back in the ack and show under the input.

import type { Locale, RecommendationView } from '../../src/ports.js';
import { slackTexts } from './texts.js';

export const EDIT_CALLBACK_ID = 'po_edit_qty_modal';
export const QTY_BLOCK = 'qty';
const QTY_ACTION = 'value';

export type EditMetadata = { a: string; c: string; ts: string };

type Rec = Pick<RecommendationView, 'sellerSku' | 'name' | 'recommendedQty'>;

export function editModal(locale: Locale, rec: Rec, meta: EditMetadata) {
  const t = slackTexts(locale);
  const label = t.editLabel(rec.sellerSku, rec.name, rec.recommendedQty);
  return {
    type: 'modal' as const,
    callback_id: EDIT_CALLBACK_ID,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text' as const, text: t.editTitle.slice(0, 24) },
    submit: { type: 'plain_text' as const, text: t.save },
    close: { type: 'plain_text' as const, text: t.cancel },
    blocks: [
      {
        type: 'input' as const,
        block_id: QTY_BLOCK,
        label: { type: 'plain_text' as const, text: label.slice(0, 2000) },
        element: {
          type: 'number_input' as const,
          action_id: QTY_ACTION,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: '1000000',
          initial_value: String(rec.recommendedQty),
        },
      },
    ],
  };
}

export function parseMetadata(text: unknown): EditMetadata | null {
  try {
    const m = JSON.parse(String(text)) as Partial<EditMetadata>;
    return typeof m.a === 'string' && typeof m.c === 'string' && typeof m.ts === 'string'
      ? { a: m.a, c: m.c, ts: m.ts }
      : null;
  } catch {
    return null;
  }
}

type ViewState = { values?: Record<string, Record<string, { value?: string | null }>> };

/** The submitted whole number of units from 1 to 1,000,000, or null. */
export function submittedQuantity(state: ViewState | undefined): number | null {
  const raw = state?.values?.[QTY_BLOCK]?.[QTY_ACTION]?.value ?? '';
  const clean = String(raw).trim();
  if (!/^\d{1,7}$/.test(clean)) return null;
  const n = Number(clean);
  return n >= 1 && n <= 1_000_000 ? n : null;
}
