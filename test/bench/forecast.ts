// Forecast benchmark: npx tsx test/bench/forecast.ts [--json] [--input dev.csv] [--skus 10000] [--days 365]
// 1) single-thread series/s of the automatic choice on the dev set (history loaded first, compute timed);
// 2) peak RSS while `stockpilot forecast` streams a synthetic batch (skus × days) from CSV to CSV.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quietly, readSkuSeries, runForecastCsv, type SkuSeries } from '../../src/cli/forecast-csv.js';
import { addDays, forecastSeries } from '../../src/core/forecast/index.js';

const args = process.argv.slice(2);
const value = (flag: string, fallback: string): string => {
  const i = args.indexOf(flag);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const json = args.includes('--json');
const input = value('--input', '../shared/data/online_retail/dev.csv');
const skus = Number(value('--skus', '10000'));
const days = Number(value('--days', '365'));
const log = (s: string) => {
  if (!json) process.stdout.write(`${s}\n`);
};

// 1) Dev set throughput.
const series: SkuSeries[] = [];
for await (const s of readSkuSeries(input)) series.push(s);
const t0 = performance.now();
for (const s of series)
  quietly(() => forecastSeries({ units: s.units, firstDate: s.firstDate, horizon: 28 }));
const devSeconds = (performance.now() - t0) / 1000;
const devSeries = series.length;
const devSeriesPerSecond = devSeries / devSeconds;
log(
  `dev set: ${devSeries} series in ${devSeconds.toFixed(2)} s = ${devSeriesPerSecond.toFixed(1)} series/s (one thread)`,
);
series.length = 0;

// 2) Synthetic batch, streamed through the CSV command.
const dir = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
const csv = join(dir, 'synthetic.csv');
await writeSynthetic(csv, skus, days);
const rssBefore = process.memoryUsage().rss / 2 ** 20;
const batch = await runForecastCsv({ input: csv, output: join(dir, 'out.csv'), horizon: 28, json: false });
const peakRssMb = process.resourceUsage().maxRSS / 1024;
rmSync(dir, { recursive: true, force: true });
const batchSeriesPerSecond = batch.skus / batch.seconds;
log(
  `synthetic batch: ${batch.skus} SKUs × ${days} days in ${batch.seconds.toFixed(1)} s = ${batchSeriesPerSecond.toFixed(1)} series/s (CSV in and out)`,
);
log(`RSS before batch ${rssBefore.toFixed(0)} MB, peak RSS ${peakRssMb.toFixed(0)} MB (target < 500 MB)`);
if (json) {
  process.stdout.write(
    `${JSON.stringify({ devSeries, devSeriesPerSecond, batchSkus: batch.skus, days, batchSeriesPerSecond, peakRssMb })}\n`,
  );
}

/** Mixed frequent / intermittent / sparse SKUs with a closed weekday, written as a stream. */
async function writeSynthetic(path: string, n: number, len: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  out.write('sku,date,units\n');
  for (let i = 0; i < n; i++) {
    const p = [0.7, 0.3, 0.08][i % 3] as number;
    let chunk = '';
    for (let t = 0; t < len; t++) {
      const units = t % 7 === 5 || rand() > p ? 0 : 6 * (1 + Math.floor(rand() * 4));
      chunk += `S${i},${addDays('2023-01-02', t)},${units}\n`;
    }
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
