import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import invalid from './fixtures/view_submission.edit_qty.invalid.json' with { type: 'json' };
import { BUYER, CHANNEL, commandBody, FORM, payloadBody, setup, VIEWER } from './harness.js';

afterEach(() => nock.cleanAll());

type Block = { type: string; elements?: Record<string, unknown>[] };
const TS = '1768460400.000100';
let shown: unknown[] = [];

async function digestAndEdit(user = BUYER) {
  const h = await setup({ history: () => shown });
  await h.post(commandBody('/digest', ''), FORM);
  const post = h.of('chat.postMessage')[0];
  const blocks = JSON.parse(String(post?.body.blocks)) as Block[];
  const message = { type: 'message', text: String(post?.body.text), ts: TS, blocks };
  shown = [message];
  const edit = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'edit');
  h.calls.length = 0;
  await h.post(
    payloadBody({
      type: 'block_actions',
      user: { id: user, username: 'anna', team_id: 'T111' },
      container: { type: 'message', message_ts: TS, channel_id: CHANNEL, is_ephemeral: false },
      trigger_id: '5555555555.111.edit',
      team: { id: 'T111', domain: 'acme-retail' },
      channel: { id: CHANNEL, name: 'purchasing' },
      message,
      response_url: 'https://hooks.slack.com/actions/T111/1/x',
      actions: [{ ...edit, type: 'button', block_id: 'b1', action_ts: '1768460460.1' }],
    }),
    FORM,
  );
  return h;
}

/** The modal views.open was called with, submitted with `value` in the quantity input. */
function submission(viewJson: unknown, value: string, user = BUYER) {
  const view = JSON.parse(String(viewJson)) as Record<string, unknown>;
  return payloadBody({
    ...invalid.payload,
    user: { ...invalid.payload.user, id: user },
    view: {
      ...invalid.payload.view,
      ...view,
      state: { values: { qty: { value: { type: 'number_input', value } } } },
    },
  });
}

describe('Edit quantity', () => {
  it('opens a modal with the recommended quantity', async () => {
    const h = await digestAndEdit();
    const open = h.of('views.open')[0];
    expect(open?.body.trigger_id).toBe('5555555555.111.edit');
    const view = JSON.parse(String(open?.body.view));
    expect(view).toMatchObject({ type: 'modal', callback_id: 'po_edit_qty_modal' });
    expect(JSON.stringify(view.blocks)).toContain('"initial_value":"156"');
    expect(h.fake.callsOf('approve')).toEqual([]);
  });

  it('shows a validation error in the modal for the real invalid submission', async () => {
    const h = await setup();
    const res = await h.post(payloadBody(invalid.payload), FORM);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { qty: expect.stringMatching(/whole number/) },
    });
    expect(h.fake.callsOf('approve')).toEqual([]);
  });

  it.each(['0', '1.5', 'abc', '2000000'])('refuses %s in the modal', async (value) => {
    const h = await digestAndEdit();
    const res = await h.post(submission(h.of('views.open')[0]?.body.view, value), FORM);
    expect(res.json()).toMatchObject({ response_action: 'errors' });
    expect(h.fake.callsOf('approve')).toEqual([]);
  });

  it('approves the entered quantity once and updates the digest in place', async () => {
    const h = await digestAndEdit();
    const body = submission(h.of('views.open')[0]?.body.view, '200');
    const res = await h.post(body, FORM);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(h.fake.callsOf('approve')[0]?.args).toEqual([
      'acme',
      101,
      expect.objectContaining({ role: 'buyer' }),
      200,
    ]);
    const update = h.of('chat.update')[0];
    expect(update?.body).toMatchObject({ channel: CHANNEL, ts: TS });
    expect(String(update?.body.blocks)).toContain('PO-1042, 200 units');
    const again = await h.post(body, FORM);
    expect(again.json()).toMatchObject({ errors: { qty: expect.stringMatching(/Already done/) } });
    expect(h.fake.settled.size).toBe(1);
  });

  it('a tampered modal reference is refused', async () => {
    const h = await digestAndEdit();
    const view = JSON.parse(String(h.of('views.open')[0]?.body.view));
    const meta = JSON.parse(view.private_metadata);
    meta.a = meta.a.replace(/^e\.2t\./, 'e.2u.');
    const res = await h.post(
      submission(JSON.stringify({ ...view, private_metadata: JSON.stringify(meta) }), '5'),
      FORM,
    );
    expect(res.json()).toMatchObject({
      response_action: 'errors',
      errors: { qty: expect.stringMatching(/not valid/) },
    });
    expect(h.fake.callsOf('approve')).toEqual([]);
  });

  it('a viewer cannot open the modal', async () => {
    const h = await digestAndEdit(VIEWER);
    expect(h.of('views.open')).toEqual([]);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/Viewers can only look/);
  });
});
