import { describe, expect, it } from 'vitest';
import { recentLevelFactor } from '../../../src/core/procurement/recent-level.js';

const days = (n: number, value: number) => Array<number>(n).fill(value);

describe('recentLevelFactor: lift the forecast to the last weeks’ sales rate', () => {
  it.each([
    // name,                                  history,                         rate days, risk days, forecast risk mean, expected
    ['sales at twice the forecast: ×2', days(28, 2), 28, 15, 15, 2],
    ['forecast above the sales: unchanged', days(28, 1), 28, 15, 30, 1],
    ['only the last 28 days count', [...days(100, 9), ...days(28, 2)], 28, 15, 15, 2],
    ['never more than ×3', days(28, 10), 28, 15, 15, 3],
    ['shorter history: unchanged', days(20, 5), 28, 15, 15, 1],
    ['switched off (0 days): unchanged', days(28, 5), 0, 15, 15, 1],
    ['zero forecast: nothing to scale', days(28, 5), 28, 15, 0, 1],
  ])('%s', (_name, history, rateDays, riskDays, forecastRiskMean, expected) => {
    expect(recentLevelFactor(history, rateDays, riskDays, forecastRiskMean)).toBeCloseTo(expected, 10);
  });
});
