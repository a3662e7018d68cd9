// The marketplace emulator in a process of its own, so a benchmark measures the sync's memory and
// CPU, not the fake marketplace's. Prints one JSON line with URLs and tokens, then serves until killed;
// `advance <ms>` lines on stdin move its data time on (bench:pipeline's next morning).
import { createInterface } from 'node:readline';
import { createScaledClock } from '../../src/adapters/marketplaces/clock.js';
import { startMarketplaceEmulator } from '../../src/adapters/marketplaces/simulator/index.js';

const args = process.argv.slice(2);
const value = (flag: string, fallback: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
};
const start = Number(value('--start', String(Date.parse('2026-10-01T03:00:00Z'))));
const clock = createScaledClock({ speed: Number(value('--speed', '1000')), start });
const emulator = await startMarketplaceEmulator({
  clock,
  now: start,
  skuCount: Number(value('--skus', '10000')),
  historyDays: Number(value('--days', '365')),
});
process.stdout.write(
  `${JSON.stringify({ wbBaseUrls: emulator.wbBaseUrls, ozonBaseUrl: emulator.ozonBaseUrl, tokens: emulator.tokens })}\n`,
);
// `advance <ms>` on stdin moves the data's time on (new orders, stock moves); answered with a line.
createInterface({ input: process.stdin }).on('line', (line) => {
  const [command, ms] = line.trim().split(/\s+/);
  if (command === 'advance' && Number.isFinite(Number(ms))) {
    emulator.advance(Number(ms));
    process.stdout.write(`advanced ${emulator.now()}\n`);
  }
});
const stop = () => void emulator.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
