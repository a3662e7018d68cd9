import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('runs on the embedded database in demo mode with nothing set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data/pglite' });
    expect(config.demoMode).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.credentials.keys.get('k1')).toHaveLength(32);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.database)).toBe(true);
  });

  it('uses PostgreSQL and leaves demo mode when DATABASE_URL is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/x',
      CREDENTIALS_KEY: KEY,
      DATABASE_POOL_MAX: '4',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/x', poolMax: 4 });
    expect(config.demoMode).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: expected a whole number from 0 to 65535'],
    [{ PORT: '70000' }, 'PORT: expected a whole number from 0 to 65535'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent'],
    [
      { DATABASE_URL: 'mysql://x/y' },
      'DATABASE_URL: expected a URL starting with postgres:// or postgresql://',
    ],
    [{ DATABASE_URL: 'postgres://h/db' }, 'CREDENTIALS_KEY: required outside demo mode'],
    [{ CREDENTIALS_KEY: 'c2hvcnQ=' }, 'CREDENTIALS_KEY: expected 32 random bytes in base64'],
    [{ CREDENTIALS_OLD_KEYS: 'old:short' }, 'CREDENTIALS_OLD_KEYS: expected id:key pairs'],
    [
      { CREDENTIALS_OLD_KEYS: `k1:${KEY}` },
      'CREDENTIALS_OLD_KEYS: must not contain the current CREDENTIALS_KEY_ID',
    ],
    [{ TELEGRAM_MODE: 'push' }, 'TELEGRAM_MODE: expected webhook, polling or off'],
    [{ TELEGRAM_MODE: 'polling' }, 'TELEGRAM_BOT_TOKEN: required when TELEGRAM_MODE is polling'],
    [{ TELEGRAM_BOT_TOKEN: 'nope' }, 'TELEGRAM_BOT_TOKEN: expected a bot token'],
    [{ SLACK_BOT_TOKEN: 'xoxp-user' }, 'SLACK_BOT_TOKEN: expected a bot token starting with xoxb-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START: expected true or false'],
    [{ DEMO_MODE: 'sometimes' }, 'DEMO_MODE: expected auto, true or false'],
  ])('names the variable and what it expects: %o', (env, message) => {
    expect(problemsOf(env)).toContain(message);
  });

  it('reports every problem at once', () => {
    const message = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud' });
    expect(message).toContain('PORT:');
    expect(message).toContain('LOG_LEVEL:');
  });

  it('keeps old keys for rotation next to the current one', () => {
    const old = Buffer.alloc(32, 1).toString('base64');
    const config = loadConfig({
      CREDENTIALS_KEY: KEY,
      CREDENTIALS_KEY_ID: 'k2',
      CREDENTIALS_OLD_KEYS: `k1:${old}`,
    });
    expect([...config.credentials.keys.keys()].sort()).toEqual(['k1', 'k2']);
    expect(config.credentials.currentKeyId).toBe('k2');
  });
});
