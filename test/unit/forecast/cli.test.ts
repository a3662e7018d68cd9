import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSkuSeries, runForecastCsv } from '../../../src/cli/forecast-csv.js';
import { runForecastEval } from '../../../src/cli/forecast-eval.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/forecast/small.csv');

function captureStdout(): { lines: () => string[] } {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  return { lines: () => out.trim().split('\n') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('forecast CSV I/O', () => {
  it('reads SKUs one at a time with stock-outs', async () => {
    const skus = [];
    for await (const s of readSkuSeries(FIXTURE)) skus.push(s);
    expect(skus.map((s) => [s.sku, s.units.length])).toEqual([
      ['A1', 140],
      ['B2', 120],
      ['C3', 20],
    ]);
    expect(skus[0]?.inStock?.filter((v) => !v)).toHaveLength(10);
    expect(skus[1]?.inStock).toBeUndefined();
  });

  it('writes horizon rows per SKU after its last date, JSON summary last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forecast-'));
    const output = join(dir, 'out.csv');
    const out = captureStdout();
    await runForecastCsv({ input: FIXTURE, output, horizon: 28, json: true });
    const rows = readFileSync(output, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('sku,date,mean,p025,p10,p50,p80,p90,p95,p975');
    expect(rows).toHaveLength(1 + 3 * 28);
    expect(rows[1]?.startsWith('A1,2024-05-20,')).toBe(true);
    for (const r of rows.slice(1)) {
      const nums = r.split(',').slice(2).map(Number);
      expect(nums.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    }
    expect(JSON.parse(out.lines().at(-1) ?? '')).toMatchObject({ skus: 3, rows: 84 });
  });
});

describe('forecast-eval', () => {
  it('prints one JSON object last with per-model and automatic figures', async () => {
    const out = captureStdout();
    const report = await runForecastEval({
      input: FIXTURE,
      holdout: 14,
      models: ['snaive', 'ens'],
      json: true,
    });
    const last = JSON.parse(out.lines().at(-1) ?? '');
    expect(last.skus).toBe(3);
    expect(Object.keys(last.models)).toEqual(['snaive', 'ens']);
    for (const key of [
      'rmsse',
      'mase',
      'wape',
      'bias',
      'pinAvg',
      'cov80',
      'cov95',
      'le90',
      'le95',
      'seriesPerSecond',
    ]) {
      expect(last.auto).toHaveProperty(key);
    }
    expect(report.peakRssMb).toBeGreaterThan(0);
  });

  it('prints a table without --json', async () => {
    const out = captureStdout();
    await runForecastEval({ input: FIXTURE, holdout: 14, models: ['ma28'], json: false });
    expect(out.lines().some((l) => l.startsWith('| AUTO'))).toBe(true);
  });
});
