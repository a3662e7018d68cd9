// Per-target send pacing (Slack ≈ 1 message/s per channel; Telegram 1/s per chat, 20/min per
// group, 30/s overall). A sliding window per key; `wait` says how long until a send is allowed.

export type Window = { max: number; perMs: number };

export type PacingRules = (channel: string, target: string) => { key: string; window: Window }[];

export const DEFAULT_PACING: PacingRules = (channel, target) => {
  if (channel === 'slack') return [{ key: `slack:${target}`, window: { max: 1, perMs: 1000 } }];
  if (channel === 'telegram') {
    // Telegram group and channel ids are negative.
    const isGroup = target.startsWith('-');
    return [
      { key: `telegram:${target}`, window: { max: 1, perMs: 1000 } },
      ...(isGroup ? [{ key: `telegram-group:${target}`, window: { max: 20, perMs: 60_000 } }] : []),
      { key: 'telegram:*', window: { max: 30, perMs: 1000 } },
    ];
  }
  return [];
};

export function createRateGate(rules: PacingRules = DEFAULT_PACING) {
  const sent = new Map<string, number[]>();
  const windowsOf = (channel: string, target: string) => rules(channel, target);
  return {
    /** Milliseconds until a message to this target may go; 0 = now. */
    wait(channel: string, target: string, now: number): number {
      let wait = 0;
      for (const { key, window } of windowsOf(channel, target)) {
        const times = (sent.get(key) ?? []).filter((t) => t > now - window.perMs);
        sent.set(key, times);
        if (times.length >= window.max)
          wait = Math.max(wait, (times[times.length - window.max] ?? now) + window.perMs - now);
      }
      return wait;
    },
    record(channel: string, target: string, now: number): void {
      for (const { key } of windowsOf(channel, target)) sent.set(key, [...(sent.get(key) ?? []), now]);
    },
  };
}
