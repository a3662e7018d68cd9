import { z } from 'zod';

// The only reader of the environment (STYLE.md rule 2). Everything else receives a frozen Config.

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const boolText = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''], { error: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['true', '1', 'yes'].includes(v)));

const intText = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `expected a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });

const urlText = (protocols: readonly string[]) =>
  optionalText.refine(
    (v) => v === undefined || (URL.canParse(v) && protocols.includes(new URL(v).protocol)),
    { message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );

/** `id:base64key` pairs separated by commas; each key must be 32 bytes (AES-256). */
const keyRing = optionalText.transform((v, ctx) => {
  const ring = new Map<string, Buffer>();
  for (const part of (v ?? '').split(',').filter((p) => p.trim() !== '')) {
    const [id, b64] = part.trim().split(':');
    const key = b64 ? Buffer.from(b64, 'base64') : Buffer.alloc(0);
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || key.length !== 32) {
      ctx.addIssue({
        code: 'custom',
        message:
          'expected id:key pairs separated by commas, each key 32 bytes in base64 (openssl rand -base64 32)',
      });
      return z.NEVER;
    }
    ring.set(id, key);
  }
  return ring;
});

const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: intText(3000, 0, 65535),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_PRETTY: z.enum(['auto', 'true', 'false'], { error: 'expected auto, true or false' }).default('auto'),
  DATABASE_URL: urlText(['postgres:', 'postgresql:']),
  DATABASE_POOL_MAX: intText(10, 1, 200),
  PGLITE_DIR: z.string().default('./data/pglite'),
  DEMO_MODE: z.enum(['auto', 'true', 'false'], { error: 'expected auto, true or false' }).default('auto'),
  CREDENTIALS_KEY: optionalText.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, {
    message: 'expected 32 random bytes in base64 (openssl rand -base64 32)',
  }),
  CREDENTIALS_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'expected 1-32 letters, digits, _ or -')
    .default('k1'),
  CREDENTIALS_OLD_KEYS: keyRing,
  MIGRATE_ON_START: boolText(true),
  SCHEDULER_ENABLED: boolText(true),
  SHUTDOWN_TIMEOUT_MS: intText(10_000, 100, 600_000),
  PUBLIC_URL: urlText(['http:', 'https:']),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'expected a bot token starting with xoxb-',
  }),
  SLACK_API_URL: urlText(['http:', 'https:']),
  TELEGRAM_BOT_TOKEN: optionalText.refine((v) => v === undefined || /^\d+:[\w-]{20,}$/.test(v), {
    message: 'expected a bot token like 123456:ABC-DEF… from @BotFather',
  }),
  TELEGRAM_WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), {
    message: 'expected 1-256 characters A-Z, a-z, 0-9, _ or - (Telegram secret_token rules)',
  }),
  TELEGRAM_MODE: z
    .enum(['webhook', 'polling', 'off'], { error: 'expected webhook, polling or off' })
    .default('off'),
  TELEGRAM_API_URL: urlText(['http:', 'https:']),
});

type Raw = z.output<typeof schema>;

export type Config = Readonly<{
  host: string;
  port: number;
  logLevel: (typeof LOG_LEVELS)[number];
  logPretty: boolean | 'auto';
  database: Readonly<
    { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string }
  >;
  demoMode: boolean;
  credentials: Readonly<{ currentKeyId: string; keys: ReadonlyMap<string, Buffer> }>;
  migrateOnStart: boolean;
  schedulerEnabled: boolean;
  shutdownTimeoutMs: number;
  publicUrl: string | undefined;
  slack: Readonly<{ signingSecret?: string; botToken?: string; apiUrl?: string }>;
  telegram: Readonly<{
    botToken?: string;
    webhookSecret?: string;
    mode: 'webhook' | 'polling' | 'off';
    apiUrl?: string;
  }>;
}>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// A well-known key for the demo only: demo credentials are fake, and this lets `npm start` run
// with nothing configured. Outside demo mode a missing key is a start-up error.
const DEMO_KEY = Buffer.from('stockpilot-demo-key-not-secret!!', 'utf8');

/** Validate the environment once; `env` is a parameter so tests pass a plain object. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const raw: Raw = parsed.data;
  const demoMode = raw.DEMO_MODE === 'auto' ? raw.DATABASE_URL === undefined : raw.DEMO_MODE === 'true';
  const problems = crossFieldProblems(raw, demoMode);
  if (problems.length > 0) throw new ConfigError(problems);

  const keys = new Map(raw.CREDENTIALS_OLD_KEYS);
  keys.set(
    raw.CREDENTIALS_KEY_ID,
    raw.CREDENTIALS_KEY ? Buffer.from(raw.CREDENTIALS_KEY, 'base64') : DEMO_KEY,
  );

  return deepFreeze({
    host: raw.HOST,
    port: raw.PORT,
    logLevel: raw.LOG_LEVEL,
    logPretty: raw.LOG_PRETTY === 'auto' ? 'auto' : raw.LOG_PRETTY === 'true',
    database: raw.DATABASE_URL
      ? { kind: 'postgres', url: raw.DATABASE_URL, poolMax: raw.DATABASE_POOL_MAX }
      : { kind: 'pglite', dataDir: raw.PGLITE_DIR },
    demoMode,
    credentials: { currentKeyId: raw.CREDENTIALS_KEY_ID, keys },
    migrateOnStart: raw.MIGRATE_ON_START,
    schedulerEnabled: raw.SCHEDULER_ENABLED,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS,
    publicUrl: raw.PUBLIC_URL,
    slack: {
      signingSecret: raw.SLACK_SIGNING_SECRET,
      botToken: raw.SLACK_BOT_TOKEN,
      apiUrl: raw.SLACK_API_URL,
    },
    telegram: {
      botToken: raw.TELEGRAM_BOT_TOKEN,
      webhookSecret: raw.TELEGRAM_WEBHOOK_SECRET,
      mode: raw.TELEGRAM_MODE,
      // telegraf resolves `./bot<token>/<method>` against it: without the slash a proxy path is lost.
      apiUrl: raw.TELEGRAM_API_URL?.replace(/\/?$/, '/'),
    },
  } satisfies Config);
}

function crossFieldProblems(raw: Raw, demoMode: boolean): string[] {
  const problems: string[] = [];
  if (!demoMode && !raw.CREDENTIALS_KEY) {
    problems.push(
      'CREDENTIALS_KEY: required outside demo mode to encrypt marketplace credentials; set 32 random bytes in base64 (openssl rand -base64 32)',
    );
  }
  if (raw.CREDENTIALS_OLD_KEYS.has(raw.CREDENTIALS_KEY_ID)) {
    problems.push('CREDENTIALS_OLD_KEYS: must not contain the current CREDENTIALS_KEY_ID');
  }
  if (raw.TELEGRAM_MODE !== 'off' && !raw.TELEGRAM_BOT_TOKEN) {
    problems.push(`TELEGRAM_BOT_TOKEN: required when TELEGRAM_MODE is ${raw.TELEGRAM_MODE}`);
  }
  if (raw.TELEGRAM_MODE === 'webhook' && !raw.TELEGRAM_WEBHOOK_SECRET) {
    problems.push('TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE is webhook');
  }
  if (raw.SLACK_BOT_TOKEN && !raw.SLACK_SIGNING_SECRET) {
    problems.push(
      'SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set, to verify requests from Slack',
    );
  }
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !(value instanceof Map) && !Buffer.isBuffer(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Names of configuration values that are secrets, for redaction and the log test. */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'CREDENTIALS_KEY',
  'CREDENTIALS_OLD_KEYS',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
] as const;
