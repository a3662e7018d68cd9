#!/usr/bin/env node
// Launcher for `stockpilot`: the TypeScript sources via tsx in a checkout, the built code in an
// image that ships only dist/ (so a stale build never shadows the sources).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A .env in the working directory is read the way Node reads it; real environment variables win.
if (existsSync('.env')) process.loadEnvFile('.env');

const source = fileURLToPath(new URL('./cli/index.ts', import.meta.url));
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source);
} else {
  cli = await import(fileURLToPath(new URL('../dist/src/cli/index.js', import.meta.url)));
}
const code = await cli.runCli(process.argv.slice(2), process.env, {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
if (code !== 0) process.exit(code);
