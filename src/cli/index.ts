import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { AppError } from '../lib/errors.js';
import { projectVersion } from '../lib/project-root.js';
import { registerCompany } from './commands/company.js';
import { registerForecast } from './commands/forecast.js';
import { registerLinkCode } from './commands/link-code.js';
import { registerPipeline } from './commands/pipeline.js';
import { registerRun } from './commands/run.js';
import { registerServe } from './commands/serve.js';
import { registerSimulate } from './commands/simulate.js';
import { registerToken } from './commands/token.js';
import { createCliContext, type Io } from './context.js';

/** The `stockpilot` command. Returns the exit code; `serve` keeps the process alive instead. */
export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: Io,
): Promise<number> {
  // The service logs to stdout; a one-off command keeps stdout for its own output.
  const ctx = createCliContext(env, io, { logToStderr: argv[0] !== 'serve' });
  const program = new Command('stockpilot')
    .description('Replenishment bot for Wildberries and Ozon sellers')
    .version(projectVersion())
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerServe(program, ctx);
  registerCompany(program, ctx);
  registerToken(program, ctx);
  registerPipeline(program, ctx);
  registerForecast(program, ctx);
  registerSimulate(program, ctx);
  registerRun(program, ctx);
  registerLinkCode(program, ctx);

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
