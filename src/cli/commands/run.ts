import type { Command } from 'commander';
import { JOB_NAMES, type JobName, localClock } from '../../jobs/table.js';
import { AppError } from '../../lib/errors.js';
import type { CliContext } from '../context.js';
import { companyOrFail } from './shared.js';

export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description(
      `run one daily job now for a company: ${JOB_NAMES.join(', ')} (recorded in job_runs, never overlapping itself)`,
    )
    .argument('<job>', JOB_NAMES.join(' | '))
    .requiredOption('--company <id>', 'company id or slug')
    .option('--date <yyyy-mm-dd>', "run date (default: today in the company's time zone)")
    .action(async (job: string, o: { company: string; date?: string }) => {
      if (!JOB_NAMES.includes(job as JobName)) {
        throw new AppError('BAD_OPTION', `job: expected one of ${JOB_NAMES.join(', ')}, got ${job}`);
      }
      await ctx.withRuntime(async (rt) => {
        const company = await companyOrFail(rt, o.company);
        const date = o.date ?? localClock(company.timezone, new Date()).date;
        const result = await rt.runJob(company, job as JobName, date, 'cli');
        if (job === 'digest') await rt.notifications.deliverNow();
        ctx.io.out(
          `${job} for ${company.slug} on ${date}: ${result.status}${result.error ? ` — ${result.error}` : ''}`,
        );
        if (result.status === 'failed') throw new AppError('JOB_FAILED', `${job} failed`);
      });
    });
}
