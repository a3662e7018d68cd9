/** Time source for rate limiters, retries and the emulator; tests scale or fake it. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createSystemClock(): Clock {
  return { now: () => Date.now(), sleep: realSleep };
}

export interface ScaledClockOptions {
  /** Simulated milliseconds per real millisecond (1000 = a minute passes in 60 ms). */
  speed: number;
  /** Simulated epoch ms at creation; defaults to the real now. */
  start?: number;
  /** Real monotonic time source, injectable for tests. */
  realNow?: () => number;
}

/** A clock that runs `speed` times faster than real time; share one between clients and emulator. */
export function createScaledClock(options: ScaledClockOptions): Clock {
  const realNow = options.realNow ?? (() => performance.now());
  const origin = realNow();
  const start = options.start ?? Date.now();
  return {
    now: () => start + (realNow() - origin) * options.speed,
    sleep: (ms, signal) => realSleep(ms / options.speed, signal),
  };
}

export interface VirtualClock extends Clock {
  /** Jumps time forward (e.g. "a day passes between two syncs"). */
  advance(ms: number): void;
}

/**
 * Time that moves only when someone waits: every sleep returns on the next tick with the clock
 * moved to its deadline. Rate-limit minutes cost nothing, and client and emulator agree exactly.
 */
export function createVirtualClock(start: number): VirtualClock {
  let now = start;
  return {
    now: () => now,
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      const target = now + Math.max(0, ms);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw signal.reason;
      now = Math.max(now, target);
    },
  };
}
