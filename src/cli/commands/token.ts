import type { Command } from 'commander';
import { createApiTokenStore, createCompanyStore } from '../../adapters/db/stores.js';
import { AppError } from '../../lib/errors.js';
import { createApiTokenService } from '../../services/api-tokens.js';
import { createCompanyService } from '../../services/companies.js';
import type { CliContext } from '../context.js';

export function registerToken(program: Command, ctx: CliContext): void {
  program
    .command('token')
    .description('manage API tokens')
    .command('create')
    .description('create an API token (printed once; only its hash is stored)')
    .option('--company <id>', 'company id or slug the token is limited to')
    .option('--all-companies', 'an operator token valid for every company')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--scopes <list>', 'comma-separated: read, write, approve, admin', 'read')
    .action(async (opts: { company?: string; allCompanies?: boolean; name: string; scopes: string }) => {
      if (!opts.company === !opts.allCompanies) {
        throw new AppError('BAD_OPTION', 'Pass either --company <id> or --all-companies.');
      }
      await ctx.withDatabase(async ({ db }) => {
        let companyId: string | null = null;
        if (opts.company) {
          const company = await createCompanyService({ companies: createCompanyStore(db) }).resolve(
            opts.company,
          );
          if (!company) throw new AppError('NOT_FOUND', `company ${opts.company} not found`);
          companyId = company.id;
        }
        const tokens = createApiTokenService({ tokens: createApiTokenStore(db), now: () => new Date() });
        const { token, record } = await tokens.create({
          companyId,
          name: opts.name,
          scopes: opts.scopes.split(',').map((s) => s.trim()),
          createdBy: 'cli',
        });
        ctx.io.out(`Token ${record.name} (${record.scopes.join(', ')}), shown once:\n${token}`);
      });
    });
}
