// Tiny runner: npx tsx test/bench/simulate-run.ts --input FILE --lead-time 14 --service-level 0.95 --review 1
//   [--policy ours|burn-rate|both] [--holdout 180] [--reforecast-every 7] [--cover 7] [--sample-every 1] [--json]
import { runSimulate } from '../../src/cli/simulate.js';

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const number = (flag: string): number | undefined => {
  const v = value(flag);
  return v === undefined ? undefined : Number(v);
};
const policy = value('--policy');
await runSimulate(
  {
    input: value('--input') ?? '../shared/data/online_retail/dev.csv',
    leadTime: number('--lead-time') ?? 14,
    serviceLevel: number('--service-level') ?? 0.95,
    review: number('--review') ?? 1,
    ...(policy === 'ours' || policy === 'burn-rate' || policy === 'both' ? { policy } : {}),
    holdout: number('--holdout') ?? 180,
    reforecastEvery: number('--reforecast-every') ?? 7,
    ...(value('--cover') === undefined ? {} : { coverDays: number('--cover') }),
    ...(value('--sample-every') === undefined ? {} : { sampleEvery: number('--sample-every') }),
    json: args.includes('--json'),
  },
  { out: (line) => process.stdout.write(`${line}\n`) },
);
