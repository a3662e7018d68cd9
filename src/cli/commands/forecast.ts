import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import type { CliContext } from '../context.js';
import { runForecastCsv } from '../forecast-csv.js';
import { runForecastEval } from '../forecast-eval.js';
import { companyOrFail, runDateOf } from './shared.js';

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new AppError('BAD_OPTION', `${name}: expected a whole number above 0`);
  return n;
};
const list = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function registerForecast(program: Command, ctx: CliContext): void {
  program
    .command('forecast')
    .description(
      'forecast demand: offline from a CSV (--input/--output), or for a company in the database (--company)',
    )
    .option('--input <file>', 'CSV with sku,date,units[,in_stock]')
    .option('--output <file>', 'CSV to write: sku,date,mean,p025,p10,p50,p80,p90,p95,p975')
    .option('--horizon <days>', "days to forecast after each SKU's last date", int('--horizon'), 30)
    .option('--models <list>', 'restrict the automatic choice to these models', list)
    .option('--company <id>', 'forecast every active SKU of this company (id or slug) and store the result')
    .option('--date <yyyy-mm-dd>', "run date for --company (default: today in the company's time zone)")
    .option('--json', 'print the figures as one JSON object on the last line')
    .action(
      async (o: {
        input?: string;
        output?: string;
        horizon: number;
        models?: string[];
        company?: string;
        date?: string;
        json?: boolean;
      }) => {
        if (o.company) {
          await ctx.withRuntime(async (rt) => {
            const company = await companyOrFail(rt, o.company ?? '');
            const summary = await rt.forecast(company, runDateOf(company, o.date), { horizon: o.horizon });
            ctx.io.out(
              o.json
                ? JSON.stringify(summary)
                : `Forecast ${summary.forecasted} of ${summary.products} SKUs for ${summary.runDate} in ${summary.durationMs} ms; models: ${JSON.stringify(summary.models)}${summary.failed.length ? `; failed: ${summary.failed.length}` : ''}`,
            );
          });
          return;
        }
        if (!o.input || !o.output)
          throw new AppError('BAD_OPTION', 'Pass --input and --output (offline), or --company.');
        await runForecastCsv({
          input: o.input,
          output: o.output,
          horizon: o.horizon,
          json: Boolean(o.json),
          ...(o.models ? { models: o.models } : {}),
        });
      },
    );

  program
    .command('forecast-eval')
    .description(
      "hide each SKU's last days, forecast them, and print accuracy per model and for the automatic choice",
    )
    .requiredOption('--input <file>', 'CSV with sku,date,units[,in_stock]')
    .option('--holdout <days>', 'days held out at the end of each SKU', int('--holdout'), 28)
    .option('--models <list>', 'models to score one by one (default: all)', list)
    .option('--auto-arima', 'let ARIMA compete in the automatic choice (slow)')
    .option('--json', 'print the figures as one JSON object on the last line')
    .action(
      async (o: {
        input: string;
        holdout: number;
        models?: string[];
        autoArima?: boolean;
        json?: boolean;
      }) => {
        await runForecastEval({
          input: o.input,
          holdout: o.holdout,
          autoArima: Boolean(o.autoArima),
          json: Boolean(o.json),
          ...(o.models ? { models: o.models } : {}),
        });
      },
    );
}
