import {
  addSeries,
  type EvalAccumulator,
  type EvalSummary,
  forecastSeries,
  listModels,
  newAccumulator,
  seasonalNaiveScale,
  summarise,
} from '../core/forecast/index.js';
import { quietly, readSkuSeries } from './forecast-csv.js';

export interface ForecastEvalOptions {
  input: string;
  holdout?: number;
  /** Models scored one by one (default: all of listModels()). */
  models?: readonly string[];
  /** Let ARIMA compete in the automatic choice too (slow). */
  autoArima?: boolean;
  json: boolean;
}

export interface ForecastEvalReport {
  holdout: number;
  skus: number;
  skipped: number;
  auto: EvalSummary & { seriesPerSecond: number; msPerSeries: number };
  models: Record<string, EvalSummary & { msPerSeries: number }>;
  choices: Record<string, number>;
  peakRssMb: number;
}

const LEVELS = [0.025, 0.1, 0.5, 0.8, 0.9, 0.95, 0.975];

/**
 * `stockpilot forecast-eval`: hides each SKU's last `holdout` days, forecasts them from the rest only
 * (the automatic choice and every listed model), and prints holdout accuracy averaged over SKUs.
 * Series per second is single-thread time of the automatic choice alone.
 */
export async function runForecastEval(opts: ForecastEvalOptions): Promise<ForecastEvalReport> {
  const holdout = opts.holdout ?? 28;
  const known = listModels().map((m) => m.name);
  const models = [...new Set(opts.models ?? known)];
  const unknown = models.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new Error(`unknown model(s): ${unknown.join(', ')}; known: ${known.join(', ')}`);
  const auto = newAccumulator();
  const per = new Map<string, EvalAccumulator>(models.map((m) => [m, newAccumulator()]));
  const choices: Record<string, number> = {};
  let autoMs = 0;
  const modelMs = new Map<string, number>();
  let skus = 0;
  let skipped = 0;
  for await (const s of readSkuSeries(opts.input)) {
    const n = s.units.length - holdout;
    if (n < 1) {
      skipped++;
      continue;
    }
    const train = s.units.slice(0, n);
    const inStock = s.inStock?.slice(0, n);
    const actual = s.units
      .slice(n)
      .map((v, i) => (s.inStock?.[n + i] === false || !(v >= 0) ? Number.NaN : v));
    const scale = seasonalNaiveScale(
      train.map((v, i) => (inStock?.[i] === false || !(v >= 0) ? Number.NaN : v)),
    );
    const input = {
      units: train,
      firstDate: s.firstDate,
      horizon: holdout,
      levels: LEVELS,
      ...(inStock ? { inStock } : {}),
    };
    let t = performance.now();
    const r = quietly(() => forecastSeries(input, { arima: opts.autoArima ? 'frequent' : 'off' }));
    autoMs += performance.now() - t;
    addSeries(auto, actual, r, scale);
    choices[r.model] = (choices[r.model] ?? 0) + 1;
    for (const m of models) {
      // One call per model, so its time includes its own backtest (the cost it would have alone).
      t = performance.now();
      const one = quietly(() => forecastSeries(input, { models: [m] }));
      modelMs.set(m, (modelMs.get(m) ?? 0) + performance.now() - t);
      addSeries(per.get(m) as EvalAccumulator, actual, one, scale);
    }
    skus++;
  }
  const report: ForecastEvalReport = {
    holdout,
    skus,
    skipped,
    auto: { ...summarise(auto), seriesPerSecond: (skus * 1000) / autoMs, msPerSeries: autoMs / skus },
    models: Object.fromEntries(
      models.map((m) => [
        m,
        { ...summarise(per.get(m) as EvalAccumulator), msPerSeries: (modelMs.get(m) ?? 0) / skus },
      ]),
    ),
    choices,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  return report;
}

const COLS: [string, keyof EvalSummary][] = [
  ['RMSSE', 'rmsse'],
  ['MASE', 'mase'],
  ['WAPE', 'wape'],
  ['bias', 'bias'],
  ['pin50', 'pin50'],
  ['pin80', 'pin80'],
  ['pin90', 'pin90'],
  ['pin95', 'pin95'],
  ['pinAvg', 'pinAvg'],
  ['cov80', 'cov80'],
  ['cov95', 'cov95'],
  ['<=p90', 'le90'],
  ['<=p95', 'le95'],
];

export function formatReport(r: ForecastEvalReport): string {
  const head = ['model', ...COLS.map((c) => c[0]), 'ms/series'];
  const row = (name: string, s: EvalSummary & { msPerSeries: number }) => [
    name,
    ...COLS.map(([, k]) => (k === 'bias' && s[k] >= 0 ? '+' : '') + s[k].toFixed(3)),
    s.msPerSeries.toFixed(2),
  ];
  const rows = [head, ...Object.entries(r.models).map(([m, s]) => row(m, s)), row('AUTO', r.auto)];
  const widths = head.map((_, i) => Math.max(...rows.map((x) => (x[i] ?? '').length)));
  const lines = rows.map((x) => `| ${x.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`);
  lines.splice(1, 0, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  const choices = Object.entries(r.choices)
    .sort((a, b) => b[1] - a[1])
    .map(([m, c]) => `${m} ${c}`)
    .join(', ');
  return `${lines.join('\n')}
holdout ${r.holdout} days, ${r.skus} SKUs (${r.skipped} skipped)
auto: ${r.auto.seriesPerSecond.toFixed(1)} series/s single thread, peak RSS ${r.peakRssMb.toFixed(0)} MB
auto choices: ${choices}
`;
}
