// What every benchmark reads from its command line: `--flag value` options and `--json`, which
// keeps the human lines quiet so that the last line printed is the one JSON object.

export function benchArgs(argv: readonly string[] = process.argv.slice(2)) {
  const json = argv.includes('--json');
  return {
    json,
    value(flag: string, fallback: string): string {
      const i = argv.indexOf(flag);
      return i >= 0 ? (argv[i + 1] ?? fallback) : fallback;
    },
    say(line: string): void {
      if (!json) process.stdout.write(`${line}\n`);
    },
  };
}

/**
 * Samples this process's resident memory (worker threads included) until stopped; `peakMb()` reads
 * the highest so far, `stagePeakMb()` the highest of the current stage.
 */
export function rssSampler(everyMs = 25) {
  let peak = 0;
  let stagePeak = 0;
  const sample = () => {
    // rss() alone: memoryUsage() also walks the heap's spaces, about 0.3 ms a call (1% of a bench).
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
    stagePeak = Math.max(stagePeak, rss);
  };
  const timer = setInterval(sample, everyMs);
  return {
    peakMb: () => Math.round(peak / 1e6),
    /** The peak since the last call (or the start), then starts a new stage. */
    stagePeakMb: () => {
      sample();
      const mb = Math.round(stagePeak / 1e6);
      stagePeak = 0;
      return mb;
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * A fixed single-thread workload (JSON round trips and string building, like the sync's own work),
 * timed in ms: figures taken on different machines are only comparable next to it. The best of 3
 * rounds, so a stray scheduler pause does not count.
 */
export function cpuCalibrationMs(): number {
  const rows = Array.from({ length: 2_000 }, (_, i) => ({
    id: `line-${i}`,
    sku: 100_000 + i,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    quantity: (i % 7) + 1,
    price: { amount: String(i * 3.5), currency: 'RUB' },
  }));
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    for (let k = 0; k < 40; k += 1) {
      const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
      sink += parsed.map((r) => `${r.id}\t${r.sku}\t${r.at}\t${r.quantity}`).join('\n').length;
    }
    best = Math.min(best, performance.now() - started);
  }
  if (sink < 0) throw new Error('unreachable');
  return Math.round(best);
}
