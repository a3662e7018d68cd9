/**
 * Reads several paged sources at once and yields their items as they arrive: at most
 * `concurrency` sources are read at a time, each source's items keep their order, and at most
 * `buffer` items wait for the reader (a slow reader pauses the sources, so memory stays bounded).
 *
 * A source that throws stops the others; the error is thrown after the items that arrived before
 * it. A reader that stops early aborts the sources still running (through the signal) and waits
 * for them to settle.
 */
export async function* interleave<U, T>(
  sources: readonly U[],
  read: (source: U, signal: AbortSignal) => AsyncIterable<T>,
  options: { concurrency: number; buffer: number; signal?: AbortSignal },
): AsyncGenerator<T> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const queue: T[] = [];
  const failure: { error?: unknown; happened: boolean } = { happened: false };
  let next = 0;
  let running = 0;
  let wakeReader: (() => void) | null = null;
  let wakeSources: (() => void)[] = [];
  const nudgeReader = () => {
    wakeReader?.();
    wakeReader = null;
  };
  const nudgeSources = () => {
    const waiting = wakeSources;
    wakeSources = [];
    for (const wake of waiting) wake();
  };

  async function worker(): Promise<void> {
    while (!signal.aborted && next < sources.length) {
      const source = sources[next++] as U;
      for await (const item of read(source, signal)) {
        while (queue.length >= options.buffer && !signal.aborted)
          await new Promise<void>((resolve) => wakeSources.push(resolve));
        if (signal.aborted) return;
        queue.push(item);
        nudgeReader();
      }
    }
  }

  const workers = Array.from({ length: Math.min(options.concurrency, sources.length) }, () => {
    running += 1;
    return worker()
      .catch((error: unknown) => {
        if (!failure.happened) Object.assign(failure, { error, happened: true });
        stop.abort();
      })
      .finally(() => {
        running -= 1;
        nudgeSources();
        nudgeReader();
      });
  });

  try {
    for (;;) {
      if (queue.length > 0) {
        const item = queue.shift() as T;
        nudgeSources();
        yield item;
        continue;
      }
      if (failure.happened) throw failure.error;
      if (running === 0) {
        options.signal?.throwIfAborted();
        return;
      }
      await new Promise<void>((resolve) => {
        wakeReader = resolve;
      });
    }
  } finally {
    stop.abort();
    nudgeSources();
    await Promise.allSettled(workers);
  }
}
