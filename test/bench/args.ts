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
    const rss = process.memoryUsage().rss;
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
