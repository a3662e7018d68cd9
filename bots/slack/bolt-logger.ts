// Bolt and WebClient log through our pino child instead of their own console logger, so there is
// one log stream with the same redaction (STYLE.md rule 5).

import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/lib/logger.js';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const line = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: (...msg) => log.debug({ source: 'bolt' }, line(msg)),
    info: (...msg) => log.info({ source: 'bolt' }, line(msg)),
    warn: (...msg) => log.warn({ source: 'bolt' }, line(msg)),
    error: (...msg) => log.error({ source: 'bolt' }, line(msg)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
