import { describe, expect, it } from 'vitest';
import { decodeConfirm, encodeConfirm } from '../../../bots/telegram/confirm-id.js';
import { inPlaceEdit } from '../../../bots/telegram/in-place.js';
import { parseQuantity } from '../../../bots/telegram/prompts.js';
import { signAction, verifyAction } from './harness.js';

const NOW = new Date('2026-01-15T06:00:00Z');
const LATER = new Date('2026-01-16T06:00:00Z');

describe('confirm ids', () => {
  const yes = encodeConfirm(
    { kind: 'confirm', recommendationId: 101, quantity: 156, expiresAt: LATER },
    signAction,
  );
  const no = encodeConfirm({ kind: 'cancel', recommendationId: 101, expiresAt: LATER }, signAction);

  it.each([
    [
      'yes',
      yes,
      { ok: true, action: { kind: 'confirm', recommendationId: 101, quantity: 156, expiresAt: LATER } },
    ],
    ['cancel', no, { ok: true, action: { kind: 'cancel', recommendationId: 101, expiresAt: LATER } }],
    ['a changed quantity', yes.replace('.4c.', '.4d.'), { ok: false, code: 'TAMPERED' }],
    ['garbage', 'po:approve:PO-7:v1', { ok: false, code: 'MALFORMED' }],
    ['not a string', 42, { ok: false, code: 'MALFORMED' }],
  ])('%s', (_, data, expected) => {
    expect(decodeConfirm(data, verifyAction, NOW)).toEqual(expected);
  });

  it('expires', () => {
    expect(decodeConfirm(yes, verifyAction, LATER)).toEqual({ ok: false, code: 'EXPIRED' });
  });

  it('fits in 64 bytes', () => {
    expect(Buffer.byteLength(yes)).toBeLessThanOrEqual(64);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['150', 150],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['150 шт', 150],
    ['40 units', 40],
    ['0', null],
    ['-5', null],
    ['1.5', null],
    ['lots', null],
    ['99999999', null],
  ])('%s → %s', (text, n) => {
    expect(parseQuantity(text)).toBe(n);
  });
});

describe('inPlaceEdit', () => {
  const button = (rec: number) => ({ text: `b${rec}`, callback_data: `a.${rec.toString(36)}.t5x1kg.sig` });
  const message = {
    text: 'Order today',
    entities: [{ type: 'bold' as const, offset: 0, length: 11 }],
    reply_markup: { inline_keyboard: [[button(101)], [button(102)], [{ text: 'x', url: 'https://e.com' }]] },
  };

  it('appends the status, keeps the entities, removes only that line', () => {
    const edit = inPlaceEdit(message, 101, '✅ Approved');
    expect(edit.text).toBe('Order today\n\n✅ Approved');
    expect(edit.entities).toEqual(message.entities);
    expect(edit.keyboard.map((r) => r[0]?.text)).toEqual(['b102', 'x']);
  });

  it('changes only the keyboard when the text would be too long', () => {
    expect(inPlaceEdit({ ...message, text: 'x'.repeat(4090) }, 101, '✅ Approved').text).toBeNull();
  });
});
