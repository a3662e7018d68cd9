import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/adapters/db/queries/chat.js';
import { startTestRuntime } from '../helpers/runtime.js';
import { seedCompany } from '../helpers/seed.js';

// The bot mounted in the service as `npm start` mounts it, driven through the real HTTP surface.

const TOKEN = '123456789:AAH-telegram-test-token-value_xyz';
const SECRET = 'webhook-secret-123';
const TG = 'https://api.telegram.org';
const sent: string[] = [];
{
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  const ok = (result: object) => ({ ok: true, result });
  nock(TG)
    .persist()
    .post(/\/bot.*\/getMe$/)
    .reply(200, ok({ id: 1, is_bot: true, first_name: 'stockpilot', username: 'stockpilot_bot' }));
  nock(TG)
    .persist()
    .post(/\/bot.*\/(setMyCommands|deleteMessage)$/)
    .reply(200, ok({}));
  // The body matcher sees each message the bot sends; the reply is the same for all.
  nock(TG)
    .persist()
    .post(/\/bot.*\/sendMessage$/, (body: { text: string }) => {
      sent.push(body.text);
      return true;
    })
    .reply(200, ok({ message_id: 1, date: 0, chat: { id: 42, type: 'private' } }));
}
const { runtime, lines } = await startTestRuntime({
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
});
const { company } = await seedCompany(runtime.database.db, 'Acme');
await createLinkCode(runtime.database.db, {
  companyId: company.id,
  code: 'ACME-7',
  role: 'buyer',
  approvalLimit: 1000,
  createdBy: 'cli',
  expiresAt: new Date(Date.now() + 86_400_000),
});
afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await runtime.close();
});
let updateId = 1000;
const message = (text: string) => ({
  update_id: ++updateId,
  message: {
    message_id: updateId,
    date: 1_732_000_000,
    chat: { id: 42, type: 'private', first_name: 'Anna' },
    from: { id: 42, is_bot: false, first_name: 'Anna', username: 'anna', language_code: 'en' },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 }],
  },
});
const post = (body: object, secret?: string) =>
  runtime.app.inject({
    method: 'POST',
    url: '/telegram/webhook',
    payload: body,
    headers: secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret },
  });

describe('Telegram webhook in the service', () => {
  it('refuses a wrong or missing secret with 403 and no effect', async () => {
    expect((await post(message('/help'))).statusCode).toBe(403);
    expect((await post(message('/help'), 'nope')).statusCode).toBe(403);
    expect(sent).toEqual([]);
  });

  it('politely refuses an unlinked user, links with a code, then answers /stock from the database', async () => {
    expect((await post(message('/stock MUG-01'), SECRET)).statusCode).toBe(200);
    await waitFor(() => sent.length === 1);
    expect(sent[0]).not.toContain('MUG-01');
    await post(message('/link ACME-7'), SECRET);
    await waitFor(() => sent.length === 2);
    await post(message('/stock MUG-01'), SECRET);
    await waitFor(() => sent.length === 3);
    expect(sent[2]).toContain('MUG-01');
  });

  it('handles a replayed update once', async () => {
    const update = message('/help');
    await post(update, SECRET);
    await post(update, SECRET);
    await new Promise((r) => setTimeout(r, 300));
    expect(sent.filter((t) => t === sent.at(-1))).toHaveLength(1);
  });
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until)
      throw new Error(
        `timed out; sent so far: ${JSON.stringify(sent)}\n${lines
          .filter((l) => !l.includes('setMyCommands'))
          .slice(-12)
          .join('\n')}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}
