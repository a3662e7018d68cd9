import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import type { CliContext } from '../context.js';
import { runSimulate } from '../simulate.js';

const positive =
  (name: string, integer = true) =>
  (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
      throw new AppError('BAD_OPTION', `${name}: expected a ${integer ? 'whole ' : ''}number ≥ 0`);
    }
    return n;
  };

export function registerSimulate(program: Command, ctx: CliContext): void {
  program
    .command('simulate')
    .description("replay each SKU's history day by day under our policy and the burn-rate rule, and compare")
    .requiredOption('--input <file>', 'CSV with sku,date,units')
    .option('--lead-time <days>', 'supplier lead time', positive('--lead-time'), 14)
    .option(
      '--service-level <p>',
      'target service level, e.g. 0.95',
      positive('--service-level', false),
      0.95,
    )
    .option('--review <days>', 'days between reviews', positive('--review'), 1)
    .option('--policy <name>', 'ours, burn-rate or both', 'both')
    .option('--days <n>', 'days replayed at the end of each series', positive('--days'), 180)
    .option(
      '--reforecast-every <days>',
      're-forecast every n days and reuse in between',
      positive('--reforecast-every'),
      7,
    )
    .option('--cover <days>', 'days an order of ours covers beyond lead time + review', positive('--cover'))
    .option('--json', 'print the figures as one JSON object on the last line')
    .action(
      async (o: {
        input: string;
        leadTime: number;
        serviceLevel: number;
        review: number;
        policy: string;
        days: number;
        reforecastEvery: number;
        cover?: number;
        json?: boolean;
      }) => {
        if (!['ours', 'burn-rate', 'both'].includes(o.policy)) {
          throw new AppError('BAD_OPTION', '--policy: expected ours, burn-rate or both');
        }
        if (!(o.serviceLevel > 0 && o.serviceLevel < 1)) {
          throw new AppError('BAD_OPTION', '--service-level: expected a number between 0 and 1, e.g. 0.95');
        }
        await runSimulate(
          {
            input: o.input,
            leadTime: o.leadTime,
            serviceLevel: o.serviceLevel,
            review: Math.max(1, o.review),
            policy: o.policy as 'ours' | 'burn-rate' | 'both',
            holdout: o.days,
            reforecastEvery: Math.max(1, o.reforecastEvery),
            ...(o.cover === undefined ? {} : { coverDays: o.cover }),
            json: Boolean(o.json),
          },
          ctx.io,
        );
      },
    );
}
