// Tiny runner: npx tsx test/bench/forecast-eval-run.ts --input FILE [--holdout 28] [--models a,b] [--auto-arima] [--json]
import { runForecastEval } from '../../src/cli/forecast-eval.js';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const input = value('--input') ?? '../shared/data/online_retail/dev.csv';
const models = value('--models')?.split(',');
await runForecastEval({
  input,
  holdout: Number(value('--holdout') ?? 28),
  ...(models ? { models } : {}),
  autoArima: args.includes('--auto-arima'),
  json: args.includes('--json'),
});
