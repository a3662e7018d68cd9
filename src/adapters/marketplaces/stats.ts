import type { ClientStats } from '../../ports/marketplace.js';

export interface StatsCollector {
  call(key: string): void;
  waited(ms: number): void;
  retried(): void;
  throttled(): void;
  skipped(count: number): void;
  snapshot(): ClientStats;
}

export function createStatsCollector(): StatsCollector {
  const stats: ClientStats = {
    calls: {},
    totalCalls: 0,
    rateLimitWaitMs: 0,
    retries: 0,
    throttled: 0,
    skippedRecords: 0,
  };
  return {
    call(key) {
      stats.calls[key] = (stats.calls[key] ?? 0) + 1;
      stats.totalCalls += 1;
    },
    waited(ms) {
      stats.rateLimitWaitMs += ms;
    },
    retried() {
      stats.retries += 1;
    },
    throttled() {
      stats.throttled += 1;
    },
    skipped(count) {
      stats.skippedRecords += count;
    },
    snapshot: () => ({ ...stats, calls: { ...stats.calls } }),
  };
}
