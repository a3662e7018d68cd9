// POST /telegram/webhook as an encapsulated Fastify plugin: transport only (STYLE.md, after Bolt's
// receivers). It checks the secret-token header in constant time (403 and no effect otherwise),
// hands the update to the bot (which deduplicates by update_id) and answers 200 quickly: Telegram
// re-sends an update it waited too long for, so slow work finishes after the answer.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Update } from 'telegraf/types';

export type TelegramWebhookOptions = {
  bot: { handleUpdate(update: Update): Promise<void> };
  secretToken: string;
  /** How long to wait for the handlers before answering 200 anyway. */
  ackAfterMs?: number;
};

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function secretMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const isUpdate = (body: unknown): body is Update =>
  typeof body === 'object' && body !== null && Number.isSafeInteger((body as Update).update_id);

export const telegramWebhookRoute: FastifyPluginAsync<TelegramWebhookOptions> = async (app, opts) => {
  const ackAfterMs = opts.ackAfterMs ?? 2000;
  app.post('/telegram/webhook', async (req, reply) => {
    if (!secretMatches(req.headers[SECRET_HEADER], opts.secretToken)) {
      req.log.warn({ ip: req.ip }, 'telegram webhook: wrong or missing secret token');
      return reply.code(403).send({ error: 'FORBIDDEN', message: 'Wrong or missing secret token.' });
    }
    if (!isUpdate(req.body)) {
      return reply.code(400).send({ error: 'BAD_REQUEST', message: 'Expected a Telegram update.' });
    }
    const update = req.body;
    // Errors inside handlers reach bot.catch; this only catches what escapes it.
    const work = opts.bot.handleUpdate(update).catch((err: unknown) => {
      req.log.error({ err, updateId: update.update_id }, 'telegram webhook: update failed');
    });
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ackAfterMs);
    });
    await Promise.race([work, budget]);
    clearTimeout(timer);
    return reply.code(200).send({ ok: true });
  });
};
