import { hashString } from './http.js';
import { createRng } from './rng.js';

export interface FaultOptions {
  /** Share of requests answered 500. */
  errorRate?: number;
  /** Share of requests answered 429 whatever the budget (a noisy neighbour on the account). */
  throttleRate?: number;
  /** The next N requests are answered 429 (a storm). */
  stormRequests?: number;
  /** `X-Ratelimit-Retry` / `Retry-After` seconds sent with injected 429s. */
  retryAfterSeconds?: number;
  /** Share of requests answered after `slowMs` real milliseconds (to trip client timeouts). */
  slowRate?: number;
  slowMs?: number;
  /** Share of records corrupted, decided per record key (a re-read corrupts the same records). */
  malformedRate?: number;
  /** Requests to `path` after the first `afterRequests` fail with `status` (default 500), `times` times. */
  failPath?: { path: string; afterRequests: number; times: number; status?: number };
}

export type FaultDecision =
  | { kind: 'error'; status: number }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'slow'; ms: number }
  | null;

export interface FaultInjector {
  set(options: FaultOptions): void;
  decide(path: string): FaultDecision;
  /** Corrupts a record if its key is chosen; remembers the key. */
  corrupt<T extends Record<string, unknown>>(record: T, key: string, breakField: string): T;
  readonly corruptedKeys: Set<string>;
  readonly counts: { errors: number; throttles: number; slow: number };
}

export function createFaultInjector(seed: number): FaultInjector {
  let options: FaultOptions = {};
  let storm = 0;
  const rng = createRng(seed ^ 0x5eed);
  const pathCounts = new Map<string, number>();
  let failed = 0;
  const counts = { errors: 0, throttles: 0, slow: 0 };
  const corruptedKeys = new Set<string>();
  return {
    corruptedKeys,
    counts,
    set(next) {
      options = next;
      storm = next.stormRequests ?? 0;
      failed = 0;
      pathCounts.clear();
    },
    decide(path) {
      const seen = (pathCounts.get(path) ?? 0) + 1;
      pathCounts.set(path, seen);
      const fail = options.failPath;
      if (fail && fail.path === path && seen > fail.afterRequests && failed < fail.times) {
        failed += 1;
        counts.errors += 1;
        return { kind: 'error', status: fail.status ?? 500 };
      }
      const retryAfterSeconds = options.retryAfterSeconds ?? 2;
      if (storm > 0) {
        storm -= 1;
        counts.throttles += 1;
        return { kind: 'throttle', retryAfterSeconds };
      }
      if (options.throttleRate && rng() < options.throttleRate) {
        counts.throttles += 1;
        return { kind: 'throttle', retryAfterSeconds };
      }
      if (options.errorRate && rng() < options.errorRate) {
        counts.errors += 1;
        return { kind: 'error', status: 500 };
      }
      if (options.slowRate && rng() < options.slowRate) {
        counts.slow += 1;
        return { kind: 'slow', ms: options.slowMs ?? 1_000 };
      }
      return null;
    },
    corrupt(record, key, breakField) {
      const rate = options.malformedRate ?? 0;
      if (rate <= 0 || hashString(key) / 0x100000000 >= rate) return record;
      corruptedKeys.add(key);
      return { ...record, [breakField]: { broken: true } };
    },
  };
}
