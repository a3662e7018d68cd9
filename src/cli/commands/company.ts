import type { Command } from 'commander';
import { createCompanyStore } from '../../adapters/db/stores.js';
import { AppError } from '../../lib/errors.js';
import { createCompanyService } from '../../services/companies.js';
import type { CliContext } from '../context.js';

export function registerCompany(program: Command, ctx: CliContext): void {
  const company = program.command('company').description('manage seller companies');
  company
    .command('add')
    .description('add a seller company')
    .requiredOption('--name <name>', 'company name')
    .option('--tz <zone>', 'IANA time zone the schedule runs in', 'Europe/Moscow')
    .option('--locale <locale>', 'language of messages: ru or en', 'ru')
    .option('--slug <slug>', 'short name used in commands (default: from the name)')
    .action(async (opts: { name: string; tz: string; locale: string; slug?: string }) => {
      if (opts.locale !== 'ru' && opts.locale !== 'en')
        throw new AppError('BAD_OPTION', '--locale: expected ru or en');
      const locale = opts.locale;
      await ctx.withDatabase(async ({ db }) => {
        const companies = createCompanyService({ companies: createCompanyStore(db) });
        const c = await companies.add({ name: opts.name, timezone: opts.tz, locale, slug: opts.slug });
        ctx.io.out(`Added company ${c.name} (${c.slug})\nid: ${c.id}`);
      });
    });
  company
    .command('list')
    .description('list companies')
    .action(async () => {
      await ctx.withDatabase(async ({ db }) => {
        const companies = createCompanyService({ companies: createCompanyStore(db) });
        for (const c of await companies.list())
          ctx.io.out(`${c.id}  ${c.slug}  ${c.name}  ${c.timezone}  ${c.locale}`);
      });
    });
}
