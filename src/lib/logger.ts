import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

// Paths pino censors wherever they appear (one wildcard level deep, plus request headers).
// Secrets must never reach a log line; this is the last line of defence, not the first.
export const REDACT_PATHS = [
  'password',
  'token',
  'secret',
  'apiKey',
  'authorization',
  'credentials',
  'connectionString',
  '*.password',
  '*.token',
  '*.secret',
  '*.apiKey',
  '*.botToken',
  '*.signingSecret',
  '*.webhookSecret',
  '*.credentials',
  '*.authorization',
  '*.Authorization',
  '*.connectionString',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["api-key"]',
  'req.headers["x-slack-signature"]',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'headers.authorization',
  'headers.Authorization',
  'headers["Api-Key"]',
  'headers["api-key"]',
  'config.headers.Authorization',
  'config.headers["Api-Key"]',
];

export type LoggerOptions = {
  level: string;
  pretty: boolean | 'auto';
  /** Tests pass a stream to capture lines; production writes to stdout. */
  destination?: DestinationStream;
  isTty?: boolean;
  /** CLI commands log to stderr, so their stdout carries only what they print. */
  stderr?: boolean;
};

/** The one pino root: Fastify, jobs and bots take children of it. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'stockpilot' },
  };
  if (options.destination) return pino(base, options.destination);
  const fd = options.stderr ? 2 : 1;
  const pretty =
    options.pretty === 'auto'
      ? (options.isTty ?? (options.stderr ? process.stderr : process.stdout).isTTY)
      : options.pretty;
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', destination: fd },
      },
    });
  }
  return pino(base, pino.destination(fd));
}

/** postgres://user:pass@host/db → postgres://host/db: enough to say where, never who with what. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '[unparseable url]';
  }
}
