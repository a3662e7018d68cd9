import { makeContext } from '../../../src/core/forecast/profile.js';
import type { FitContext } from '../../../src/core/forecast/types.js';

/** Context for a complete series (no censoring), weekday 0 at index 0. */
export function ctxOf(values: readonly number[], dow0 = 0): FitContext {
  const y = Float64Array.from(values);
  return makeContext(y, y, dow0, y.length);
}

/** `weeks` repetitions of a weekly pattern. */
export function weekly(pattern: readonly number[], weeks: number): number[] {
  return Array.from({ length: weeks * pattern.length }, (_, t) => pattern[t % pattern.length] as number);
}

/** Deterministic pseudo-random generator (mulberry32) for synthetic series. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
