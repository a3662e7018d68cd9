import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/lib/logger.js';

/** A logger whose lines are kept in an array, to assert on what was (and was not) logged. */
export function captureLogger(level = 'trace'): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level, pretty: false, destination }), lines };
}

export function silentLogger(): Logger {
  return createLogger({
    level: 'silent',
    pretty: false,
    destination: new Writable({ write: (_c, _e, d) => d() }),
  });
}
