import type { Command } from 'commander';
import { createLinkCodeStore } from '../../adapters/db/stores.js';
import { createLinkCodeService } from '../../services/chat/link-codes.js';
import type { CliContext } from '../context.js';
import { companyOrFail } from './shared.js';

export function registerLinkCode(program: Command, ctx: CliContext): void {
  program
    .command('link-code')
    .description(
      'issue a one-time code; "/link CODE" in a Slack channel or Telegram chat binds it and the person',
    )
    .requiredOption('--company <id>', 'company id or slug')
    .option('--role <role>', 'viewer, buyer or admin', 'viewer')
    .option('--limit <amount>', 'largest purchase order value the person may approve (buyers)', Number)
    .option('--hours <n>', 'hours the code stays valid', Number, 72)
    .action(async (o: { company: string; role: string; limit?: number; hours: number }) => {
      await ctx.withRuntime(async (rt) => {
        const company = await companyOrFail(rt, o.company);
        const issue = createLinkCodeService({
          store: createLinkCodeStore(rt.database.db),
          now: () => new Date(),
        });
        const { code, expiresAt } = await issue({
          companyId: company.id,
          role: o.role,
          approvalLimit: o.limit ?? null,
          hours: o.hours,
          createdBy: 'cli',
        });
        ctx.io.out(
          `${code}\n/link ${code} — ${o.role} of ${company.name}, valid until ${expiresAt.toISOString()}`,
        );
      });
    });
}
