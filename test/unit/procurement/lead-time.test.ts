import { describe, expect, it } from 'vitest';
import { resolveLeadTime } from '../../../src/core/procurement/lead-time.js';
import { resolveSettings, serviceLevelFor } from '../../../src/core/procurement/settings.js';

describe('resolveLeadTime: product → supplier → company default', () => {
  it.each([
    [{ productDays: 10, supplierDays: 20, defaultDays: 30 }, 10, 'product'],
    [{ productDays: null, supplierDays: 20, defaultDays: 30 }, 20, 'supplier'],
    [{ supplierDays: 20, defaultDays: 30 }, 20, 'supplier'],
    [{ productDays: null, supplierDays: null, defaultDays: 30 }, 30, 'default'],
    [{ productDays: 0, defaultDays: 30 }, 0, 'product'],
    [{ productDays: -1, supplierDays: Number.NaN, defaultDays: 14 }, 14, 'default'],
  ] as const)('%j → %i days from %s', (leadTime, days, source) => {
    expect(resolveLeadTime(leadTime)).toEqual({ days, source });
  });
});

describe('serviceLevelFor: per ABC class, default 95%', () => {
  const configured = resolveSettings({ serviceLevel: { default: 0.9, A: 0.98, B: 0.95 } });
  it.each([
    ['no config, class A', resolveSettings(), 'A', 0.95],
    ['no config, no class', resolveSettings(), null, 0.95],
    ['configured A', configured, 'A', 0.98],
    ['configured B', configured, 'B', 0.95],
    ['C falls back to default', configured, 'C', 0.9],
    ['no class uses default', configured, undefined, 0.9],
  ] as const)('%s', (_name, settings, abc, expected) => {
    expect(serviceLevelFor(settings, abc)).toBe(expected);
  });

  it.each([0, 1, 1.5])('rejects service level %d', (level) => {
    expect(() => serviceLevelFor(resolveSettings({ serviceLevel: { default: level } }), null)).toThrow(
      RangeError,
    );
  });
});
