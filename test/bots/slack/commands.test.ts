import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { BETA_CHANNEL, BUYER, commandBody, FORM, STRANGER, setup } from './harness.js';

afterEach(() => nock.cleanAll());

const text = (body: Record<string, unknown> | undefined) => JSON.stringify(body ?? {});

describe('slash commands', () => {
  it.each([
    ['seller SKU', 'SKU-42'],
    ['WB nmID', '12345678'],
    ['barcode', '4601234567890'],
  ])('/stock by %s answers ephemerally through response_url', async (_name, query) => {
    const h = await setup();
    const res = await h.post(commandBody('/stock', query), FORM);
    expect(res.statusCode).toBe(200);
    const [reply, ...more] = h.of('respond');
    expect(more).toEqual([]);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(typeof reply?.body.text).toBe('string');
    expect(text(reply?.body)).toContain('SKU-42');
    expect(reply?.body.blocks).toBeInstanceOf(Array);
    expect(h.fake.callsOf('stockCandidates')[0]?.args[0]).toBe('acme');
  });

  it('refuses an unbound user politely, with no data', async () => {
    const h = await setup();
    await h.post(commandBody('/stock', 'SKU-42', STRANGER), FORM);
    const reply = h.of('respond')[0];
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(String(reply?.body.text)).toMatch(/not linked/);
    expect(text(reply?.body)).not.toContain('Blue mug');
    expect(h.fake.callsOf('stockCandidates')).toEqual([]);
  });

  it('refuses a known user in a channel of another company', async () => {
    const h = await setup();
    await h.post(commandBody('/runway', '', BUYER, BETA_CHANNEL), FORM);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/not linked/);
    expect(h.fake.callsOf('runway')).toEqual([]);
  });

  it('/help works for anyone', async () => {
    const h = await setup();
    await h.post(commandBody('/help', '', STRANGER), FORM);
    expect(String(h.of('respond')[0]?.body.text)).toContain('What stockpilot can do');
  });

  it('/link CODE binds the channel and the user', async () => {
    const h = await setup();
    await h.post(commandBody('/link', 'ACME-JOIN-1', STRANGER, 'C0NEWCHAN'), FORM);
    expect(h.fake.callsOf('link')[0]?.args[0]).toMatchObject({ platform: 'slack', chatId: 'C0NEWCHAN' });
    expect(String(h.of('respond')[0]?.body.text)).toContain('Linked to Acme');
  });

  it('/runway and /orders answer ephemerally', async () => {
    const h = await setup();
    await h.post(commandBody('/runway', '5'), FORM);
    await h.post(commandBody('/orders', ''), FORM);
    expect(h.of('respond').map((c) => c.body.response_type)).toEqual(['ephemeral', 'ephemeral']);
  });

  it('/digest posts Block Kit with a fallback and signed buttons; Approve has a confirm dialog', async () => {
    const h = await setup();
    await h.post(commandBody('/digest', ''), FORM);
    const post = h.of('chat.postMessage')[0];
    expect(post?.body.channel).toBe('C0PURCHASE');
    expect(String(post?.body.text)).toContain('Acme');
    const blocks = JSON.parse(String(post?.body.blocks)) as {
      type: string;
      elements?: Record<string, unknown>[];
    }[];
    const buttons = blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
    const approve = buttons.find((b) => b.action_id === 'approve');
    expect(approve?.confirm).toBeTruthy();
    expect(String(approve?.value)).toMatch(/^a\.2t\./);
    expect(buttons.map((b) => b.action_id)).toEqual(
      expect.arrayContaining(['approve', 'edit', 'snooze1', 'snooze7', 'ordered']),
    );
  });
});

describe('failures after the ack', () => {
  it('says so ephemerally when the digest cannot be posted', async () => {
    const h = await setup();
    nock.cleanAll();
    nock.disableNetConnect();
    const said: unknown[] = [];
    nock('https://slack.com')
      .persist()
      .post('/api/chat.postMessage')
      .reply(200, { ok: false, error: 'not_in_channel' });
    nock('https://hooks.slack.com')
      .post(/.*/, (body) => {
        said.push(body);
        return true;
      })
      .reply(200, 'ok');
    await h.post(commandBody('/digest', ''), FORM);
    expect(JSON.stringify(said)).toContain('/invite @stockpilot');
  });

  it('tells the person nothing was changed when the port fails', async () => {
    const h = await setup();
    h.fake.port.runway = async () => {
      throw new Error('db down');
    };
    await h.post(commandBody('/runway', ''), FORM);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/nothing was changed/);
  });
});
