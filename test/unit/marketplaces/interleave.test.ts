import { describe, expect, it } from 'vitest';
import { interleave } from '../../../src/adapters/marketplaces/interleave.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Sources that yield `count` items each, a tick apart, counting how many run at once. */
function sources(count: number) {
  const seen = { active: 0, peak: 0, aborted: 0, started: [] as string[] };
  async function* read(name: string, signal: AbortSignal) {
    seen.started.push(name);
    seen.active += 1;
    seen.peak = Math.max(seen.peak, seen.active);
    try {
      for (let i = 0; i < count; i += 1) {
        await tick();
        if (signal.aborted) {
          seen.aborted += 1;
          return;
        }
        yield `${name}${i}`;
      }
    } finally {
      seen.active -= 1;
    }
  }
  return { read, seen };
}

describe('interleave', () => {
  it('reads up to `concurrency` sources at once, each in its own order, and loses nothing', async () => {
    const { read, seen } = sources(5);
    const out: string[] = [];
    for await (const item of interleave(['a', 'b', 'c', 'd', 'e'], read, { concurrency: 3, buffer: 4 }))
      out.push(item);
    expect(out).toHaveLength(25);
    for (const name of ['a', 'b', 'c', 'd', 'e'])
      expect(out.filter((x) => x.startsWith(name))).toEqual([0, 1, 2, 3, 4].map((i) => `${name}${i}`));
    expect(seen.peak).toBe(3);
    // Sources start in the order given.
    expect(seen.started).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Items of several sources arrive mixed, not one source after another.
    expect(out.slice(0, 3).sort()).toEqual(['a0', 'b0', 'c0']);
  });

  it('a slow reader pauses the sources: at most `buffer` items wait', async () => {
    const { read } = sources(50);
    let produced = 0;
    async function* counted(name: string, signal: AbortSignal) {
      for await (const x of read(name, signal)) {
        produced += 1;
        yield x;
      }
    }
    const it = interleave(['a', 'b'], counted, { concurrency: 2, buffer: 3 })[Symbol.asyncIterator]();
    await it.next();
    for (let i = 0; i < 20; i += 1) await tick();
    // One handed out, three waiting, and at most one more held by each paused source.
    expect(produced).toBeLessThanOrEqual(1 + 3 + 2);
    await it.return?.(undefined);
  });

  it('a failing source stops the others; its error comes after the items that arrived before it', async () => {
    const { read, seen } = sources(3);
    async function* failing(name: string, signal: AbortSignal): AsyncGenerator<string> {
      if (name !== 'bad') return yield* read(name, signal);
      yield 'bad0';
      await tick();
      throw new Error('page 2 refused');
    }
    const out: string[] = [];
    const error = await (async () => {
      for await (const item of interleave(['bad', 'ok', 'later'], failing, { concurrency: 2, buffer: 10 }))
        out.push(item);
    })().catch((e: unknown) => e);
    expect(error).toEqual(new Error('page 2 refused'));
    expect(out[0]).toBe('bad0');
    // The source not yet started never starts after the failure.
    expect(seen.started).toEqual(['ok']);
    expect(seen.active).toBe(0);
  });

  it('a reader that stops early aborts the running sources and waits for them', async () => {
    const { read, seen } = sources(100);
    for await (const item of interleave(['a', 'b'], read, { concurrency: 2, buffer: 2 })) {
      if (item === 'a3') break;
    }
    expect(seen.active).toBe(0);
    expect(seen.aborted).toBeGreaterThan(0);
  });

  it('an outside abort ends the reading with its reason', async () => {
    const { read } = sources(100);
    const outside = new AbortController();
    const error = await (async () => {
      for await (const item of interleave(['a', 'b'], read, {
        concurrency: 2,
        buffer: 2,
        signal: outside.signal,
      })) {
        if (item === 'a2') outside.abort(new Error('shutting down'));
      }
    })().catch((e: unknown) => e);
    expect(error).toEqual(new Error('shutting down'));
  });

  it('no sources: ends at once', async () => {
    const { read } = sources(1);
    const out = [];
    for await (const item of interleave([], read, { concurrency: 4, buffer: 4 })) out.push(item);
    expect(out).toEqual([]);
  });
});
