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

/** Samples this process's resident memory until stopped; `peakMb()` reads the highest so far. */
export function rssSampler(everyMs = 25) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, everyMs);
  return { peakMb: () => Math.round(peak / 1e6), stop: () => clearInterval(timer) };
}
