import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  addDays,
  buildDailySeries,
  type DailyRow,
  type DailySeries,
  DEFAULT_HORIZON,
  forecastSeries,
} from '../core/forecast/index.js';

export interface SkuSeries extends DailySeries {
  sku: string;
}

/**
 * Streams `sku,date,units[,in_stock]` CSV, one SKU at a time (a SKU's rows must be contiguous; their
 * dates may be in any order). Memory stays at one SKU's rows however large the file.
 */
export async function* readSkuSeries(path: string): AsyncGenerator<SkuSeries> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let cols: { sku: number; date: number; units: number; inStock: number } | undefined;
  let sku: string | undefined;
  let rows: DailyRow[] = [];
  const seen = new Set<string>();
  const flush = (): SkuSeries | undefined => {
    const s = sku === undefined ? undefined : buildDailySeries(rows);
    rows = [];
    return s === undefined ? undefined : { sku: sku as string, ...s };
  };
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const f = line.split(',');
    if (cols === undefined) {
      const h = f.map((c) => c.trim().toLowerCase());
      cols = {
        sku: h.indexOf('sku'),
        date: h.indexOf('date'),
        units: h.indexOf('units'),
        inStock: h.indexOf('in_stock'),
      };
      if (cols.sku < 0 || cols.date < 0 || cols.units < 0)
        throw new Error('input needs columns sku,date,units');
      continue;
    }
    const key = f[cols.sku]?.trim() ?? '';
    if (key !== sku) {
      const done = flush();
      if (done) yield done;
      if (seen.has(key)) throw new Error(`rows of SKU ${key} are not contiguous: sort the input by sku`);
      seen.add(key);
      sku = key;
    }
    const row: DailyRow = { date: f[cols.date]?.trim() ?? '', units: Number(f[cols.units]) };
    if (cols.inStock >= 0 && f[cols.inStock]?.trim() === '0') row.inStock = false;
    rows.push(row);
  }
  const done = flush();
  if (done) yield done;
}

/**
 * Runs f with stdout diverted to stderr: the arima package's WASM prints warnings to stdout,
 * which must not corrupt a CSV or the final JSON line.
 */
export function quietly<T>(f: () => T): T {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof write;
  try {
    return f();
  } finally {
    process.stdout.write = write;
  }
}

export interface ForecastCsvOptions {
  input: string;
  output: string;
  /** Days after each SKU's last date (default 30). */
  horizon?: number;
  /** Restrict the automatic choice to these models (first = default, see ForecastOptions). */
  models?: readonly string[];
  json: boolean;
}

const HEADER = 'sku,date,mean,p025,p10,p50,p80,p90,p95,p975';
const KEYS = ['p025', 'p10', 'p50', 'p80', 'p90', 'p95', 'p975'];
const LEVELS = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];

const fmt = (v: number | undefined): string => (v === undefined ? '0' : String(Math.round(v * 1000) / 1000));

/** `stockpilot forecast`: forecasts `horizon` days after each SKU's last date, streaming CSV in and out. */
export async function runForecastCsv(
  opts: ForecastCsvOptions,
): Promise<{ skus: number; rows: number; seconds: number }> {
  const horizon = opts.horizon ?? DEFAULT_HORIZON;
  const out = createWriteStream(opts.output);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`${HEADER}\n`);
  const started = performance.now();
  let skus = 0;
  let rows = 0;
  const models: Record<string, number> = {};
  for await (const s of readSkuSeries(opts.input)) {
    const input = {
      units: s.units,
      firstDate: s.firstDate,
      horizon,
      levels: LEVELS,
      ...(s.inStock ? { inStock: s.inStock } : {}),
    };
    const r = quietly(() => forecastSeries(input, opts.models ? { models: opts.models } : {}));
    models[r.model] = (models[r.model] ?? 0) + 1;
    let chunk = '';
    for (let k = 0; k < r.mean.length; k++) {
      const qs = KEYS.map((key) => fmt(r.quantiles[key]?.[k]));
      chunk += `${s.sku},${addDays(s.lastDate, k + 1)},${fmt(r.mean[k])},${qs.join(',')}\n`;
    }
    await write(chunk);
    skus++;
    rows += r.mean.length;
  }
  out.end();
  await once(out, 'finish');
  const seconds = (performance.now() - started) / 1000;
  const summary = { skus, rows, seconds, seriesPerSecond: skus / seconds, models, output: opts.output };
  if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else
    process.stdout.write(
      `forecast: ${skus} SKUs, ${rows} rows -> ${opts.output} (${summary.seriesPerSecond.toFixed(1)} series/s)\n`,
    );
  return { skus, rows, seconds };
}
