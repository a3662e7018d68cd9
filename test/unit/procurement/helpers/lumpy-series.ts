/** mulberry32: a tiny seeded generator so the synthetic series is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lumpy demand: on a given day an order comes with probability `p` (higher on weekends),
 * its size is geometric with mean `size`. Mostly zeros, occasional big days.
 */
export function lumpySeries(days: number, seed: number, p = 0.35, size = 6): number[] {
  const rand = seededRandom(seed);
  const out: number[] = [];
  for (let d = 0; d < days; d++) {
    const weekend = d % 7 >= 5;
    if (rand() >= (weekend ? Math.min(1, p * 1.6) : p)) {
      out.push(0);
      continue;
    }
    // Geometric on {1, 2, ...} with mean `size`.
    const q = 1 / size;
    out.push(1 + Math.floor(Math.log(1 - rand()) / Math.log(1 - q)));
  }
  return out;
}
