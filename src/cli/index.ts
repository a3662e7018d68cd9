import { Command, CommanderError } from 'commander';
import { openDatabase } from '../adapters/db/client.js';
import { runMigrations } from '../adapters/db/migrate.js';
import { createCompanyStore } from '../adapters/db/stores.js';
import { type Config, ConfigError, loadConfig } from '../config.js';
import { AppError } from '../lib/errors.js';
import { createLogger, type Logger } from '../lib/logger.js';
import { projectVersion } from '../lib/project-root.js';
import { serve } from '../main.js';
import { createCompanyService } from '../services/companies.js';

type Io = { out: (line: string) => void; err: (line: string) => void };

/** The `stockpilot` command. Returns the exit code; `serve` keeps the process alive instead. */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  let config: Config | undefined;
  let log: Logger | undefined;
  const context = () => {
    config ??= loadConfig(env);
    log ??= createLogger({ level: config.logLevel, pretty: config.logPretty });
    return { config, log };
  };

  const program = new Command('stockpilot')
    .description('Replenishment bot for Wildberries and Ozon sellers')
    .version(projectVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  program
    .command('serve')
    .description(
      'run the HTTP service, the schedule and the bots (migrates first unless MIGRATE_ON_START=false)',
    )
    .action(async () => {
      const { config, log } = context();
      await serve(config, log);
    });

  program
    .command('migrate')
    .description('apply pending database migrations (safe to run again: a second run applies nothing)')
    .action(async () => {
      const { config, log } = context();
      const database = await openDatabase(config.database, log);
      try {
        const result = await runMigrations(database);
        io.out(
          result.applied.length === 0
            ? `Database is up to date (${result.total} migrations).`
            : `Applied ${result.applied.length} of ${result.total} migrations: ${result.applied.join(', ')}`,
        );
      } finally {
        await database.close();
      }
    });

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
      await withCompanies(context(), async (companies) => {
        const c = await companies.add({
          name: opts.name,
          timezone: opts.tz,
          locale: opts.locale as 'ru' | 'en',
          slug: opts.slug,
        });
        io.out(`Added company ${c.name} (${c.slug})\nid: ${c.id}`);
      });
    });
  company
    .command('list')
    .description('list companies')
    .action(async () => {
      await withCompanies(context(), async (companies) => {
        for (const c of await companies.list())
          io.out(`${c.id}  ${c.slug}  ${c.name}  ${c.timezone}  ${c.locale}`);
      });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof ConfigError || err instanceof AppError) {
      io.err(err.message);
      return 2;
    }
    io.err(`stockpilot: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

async function withCompanies<T>(
  ctx: { config: Config; log: Logger },
  fn: (companies: ReturnType<typeof createCompanyService>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(ctx.config.database, ctx.log);
  try {
    if (ctx.config.migrateOnStart) await runMigrations(database);
    return await fn(createCompanyService({ companies: createCompanyStore(database.db) }));
  } finally {
    await database.close();
  }
}
