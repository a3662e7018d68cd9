import type { Command } from 'commander';
import { openDatabase } from '../../adapters/db/client.js';
import { runMigrations } from '../../adapters/db/migrate.js';
import { serve } from '../../main.js';
import type { CliContext } from '../context.js';

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description(
      'run the HTTP service, the schedule and the bots (migrates first unless MIGRATE_ON_START=false)',
    )
    .action(async () => {
      await serve(ctx.config(), ctx.log());
    });

  program
    .command('migrate')
    .description('apply pending database migrations (safe to run again: a second run applies nothing)')
    .action(async () => {
      const database = await openDatabase(ctx.config().database, ctx.log());
      try {
        const result = await runMigrations(database);
        ctx.io.out(
          result.applied.length === 0
            ? `Database is up to date (${result.total} migrations).`
            : `Applied ${result.applied.length} of ${result.total} migrations: ${result.applied.join(', ')}`,
        );
      } finally {
        await database.close();
      }
    });
}
