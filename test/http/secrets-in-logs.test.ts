import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { captureLogger } from '../helpers/logs.js';
import { startTestRuntime } from '../helpers/runtime.js';

const KEY = Buffer.alloc(32, 0x5a).toString('base64');
const OLD_KEY = Buffer.alloc(32, 0x3c).toString('base64');
const SECRETS = {
  DATABASE_URL: 'postgres://stockpilot:Db-Pa55word-XYZ@db.internal:5432/stockpilot',
  CREDENTIALS_KEY: KEY,
  CREDENTIALS_KEY_ID: 'k2',
  CREDENTIALS_OLD_KEYS: `k1:${OLD_KEY}`,
  SLACK_SIGNING_SECRET: 'slack-signing-secret-8f14e45fceea167a5a36',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-slackbottokenvalue',
  TELEGRAM_BOT_TOKEN: '123456789:AAH-telegram-bot-token-value_xyz',
  TELEGRAM_WEBHOOK_SECRET: 'telegram-webhook-secret-value',
};
const needles = ['Db-Pa55word-XYZ', KEY, OLD_KEY, ...Object.values(SECRETS).slice(4)];

describe('secrets never reach a log line', () => {
  it('when the service starts with every secret set and serves requests carrying tokens', async () => {
    // The database is handed in (embedded), so DATABASE_URL is set only to prove it is not logged.
    const { runtime, lines } = await startTestRuntime({ ...SECRETS, DEMO_MODE: 'false', LOG_LEVEL: 'trace' });
    await runtime.app.inject({
      url: '/healthz',
      headers: { authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` },
    });
    await runtime.app.inject({
      url: '/api/v1/anything',
      headers: {
        'x-telegram-bot-api-secret-token': SECRETS.TELEGRAM_WEBHOOK_SECRET,
        authorization: 'Bearer sp_live_token',
        'x-slack-signature': 'v0=abc',
      },
      query: { a: '1' },
    });
    await runtime.close();
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.some((l) => l.includes('starting stockpilot') && l.includes('db.internal'))).toBe(true);
    for (const secret of [...needles, 'sp_live_token']) {
      expect(lines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });

  it('when a component logs an object that carries credentials or auth headers', () => {
    const { log, lines } = captureLogger();
    log.info(
      { token: 'tkn-1', credentials: { apiKey: 'k-2' }, headers: { Authorization: 'Bearer tkn-3' } },
      'x',
    );
    log.info({ account: { apiKey: 'k-4', token: 'tkn-5' } }, 'y');
    log.info({ config: { headers: { Authorization: 'tkn-6', 'Api-Key': 'k-7' } } }, 'axios-like');
    expect(lines.join('\n')).not.toMatch(/tkn-|k-\d/);
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('uses pretty output only when asked or on a terminal', () => {
    expect(() => createLogger({ level: 'info', pretty: 'auto', isTty: false })).not.toThrow();
  });
});
