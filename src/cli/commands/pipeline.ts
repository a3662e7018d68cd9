import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { companyOrFail, runDateOf } from './shared.js';

export function registerPipeline(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description('pull catalogue, orders, stock and supplies from the marketplaces into the database')
    .requiredOption('--company <id>', 'company id or slug')
    .option('--account <id>', 'only this marketplace account', (v) => Number(v))
    .option('--full', 'ignore the saved cursors and fetch everything the marketplaces keep')
    .option('--json', 'print the reports as one JSON object on the last line')
    .action(async (o: { company: string; account?: number; full?: boolean; json?: boolean }) => {
      await ctx.withRuntime(async (rt) => {
        const company = await companyOrFail(rt, o.company);
        const tty = process.stdout.isTTY && !o.json;
        const reports = await rt.sync.syncCompany(company.id, {
          full: Boolean(o.full),
          ...(o.account !== undefined ? { accountId: o.account } : {}),
          onPage: tty
            ? (account, step, r) =>
                process.stdout.write(
                  `\r${account.name}: ${step} — ${r.pages} pages, ${r.written} rows, ${r.skipped} skipped   `,
                )
            : undefined,
        });
        if (tty) process.stdout.write('\n');
        if (o.json) return ctx.io.out(JSON.stringify({ reports }));
        for (const r of reports) {
          ctx.io.out(
            `${r.name}: ${r.status} — ${r.recordsUpdated} rows written, ${r.recordsSkipped} skipped, ${r.durationMs} ms${r.errorMessage ? ` — ${r.errorMessage}` : ''}`,
          );
        }
      });
    });

  program
    .command('sync-status')
    .description("how fresh each account's data is: last success, age, last status and error")
    .requiredOption('--company <id>', 'company id or slug')
    .option('--json', 'print as one JSON object')
    .action(async (o: { company: string; json?: boolean }) => {
      await ctx.withRuntime(async (rt) => {
        const company = await companyOrFail(rt, o.company);
        const health = await rt.sync.health(company);
        if (o.json) return ctx.io.out(JSON.stringify({ accounts: health }));
        for (const a of health) {
          for (const d of a.data) {
            ctx.io.out(
              `${a.name}  ${d.dataType.padEnd(9)} ${String(d.lastStatus ?? 'never').padEnd(8)} ${d.ageHours === null ? '—' : `${d.ageHours} h`}${d.stale ? '  STALE' : ''}${d.lastError ? `  ${d.lastError}` : ''}`,
            );
          }
        }
      });
    });

  program
    .command('procure')
    .description(
      'decide for every SKU of a company (ORDER_TODAY, ALREADY_ORDERED, ATTENTION_REQUIRED, NORMAL)',
    )
    .requiredOption('--company <id>', 'company id or slug')
    .option('--date <yyyy-mm-dd>', "run date (default: today in the company's time zone)")
    .option('--json', 'print the summary as one JSON object')
    .action(async (o: { company: string; date?: string; json?: boolean }) => {
      await ctx.withRuntime(async (rt) => {
        const company = await companyOrFail(rt, o.company);
        const summary = await rt.procurement(company.id, runDateOf(company, o.date));
        ctx.io.out(
          o.json
            ? JSON.stringify(summary)
            : `Recommendations for ${summary.runDate}: ${JSON.stringify(summary.categories)} (${summary.products} SKUs, ${summary.durationMs} ms)`,
        );
      });
    });
}
