/** Keeps the last few generated days: paging walks forward, so a small LRU is enough. */
export function createDayCache<T>(generate: (day: number) => T, size: number): (day: number) => T {
  const cache = new Map<number, T>();
  return (day) => {
    const hit = cache.get(day);
    if (hit !== undefined) {
      cache.delete(day);
      cache.set(day, hit);
      return hit;
    }
    const value = generate(day);
    cache.set(day, value);
    if (cache.size > size) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}
